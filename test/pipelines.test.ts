import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { PipelineConfigSchema } from "../src/domain/PipelineConfig.ts"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { pipelineJsonSchema } from "../src/cli/schemaExport.ts"

const pipelinesDir = join(PROJECT_ROOT, "pipelines")

describe("pipelines/", () => {
  const files = readdirSync(pipelinesDir).filter((name) => name.endsWith(".json") && name !== "pipeline.schema.json")

  it.each(files)("%s follows the pipeline schema", (file) => {
    const parsed = PipelineConfigSchema.safeParse(JSON.parse(readFileSync(join(pipelinesDir, file), "utf8")))
    expect(parsed.error?.issues ?? []).toEqual([])
  })

  it("ships the JSON Schema exported from the zod schema (run `npm run schema` after changing it)", () => {
    expect(readFileSync(join(pipelinesDir, "pipeline.schema.json"), "utf8")).toBe(pipelineJsonSchema())
  })
})
