import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { PROJECT_ROOT } from "../domain/loadPipelineConfig.ts"
import { pipelineJsonSchema } from "./schemaExport.ts"

writeFileSync(join(PROJECT_ROOT, "pipelines", "pipeline.schema.json"), pipelineJsonSchema())
