import { z } from "zod"
import { PipelineConfigSchema } from "../domain/PipelineConfig.ts"

/** JSON Schema of pipeline files, for editors (`pipelines/pipeline.schema.json`). */
export const pipelineJsonSchema = (): string =>
  JSON.stringify(
    {
      ...z.toJSONSchema(PipelineConfigSchema, { io: "input" }),
      title: "Configuración de pipeline de tacha",
    },
    null,
    2,
  ) + "\n"
