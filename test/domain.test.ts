import { describe, expect, it } from "vitest"
import { PipelineConfigSchema, actionFor } from "../src/domain/PipelineConfig.ts"

describe("PipelineConfig", () => {
  it("keeps officials visible unless the pipeline says otherwise", () => {
    const config = PipelineConfigSchema.parse({ name: "x", version: "1" })
    expect(actionFor(config, "FUNCIONARIO")).toBe("keep")
    expect(actionFor(config, "PERSONA")).toBe("redact")
  })
  it("rejects unknown keys", () => {
    expect(() => PipelineConfigSchema.parse({ name: "x", version: "1", operatos: {} })).toThrow()
  })
})
