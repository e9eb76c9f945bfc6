import { existsSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { reportFromInput } from "../../src/eval/realTextRun.ts"

/**
 * The real Córdoba civil rulings (../shared/data/corpora/cordoba-civil-2022,
 * not part of the repository): only aggregate figures are asserted, and
 * nothing of their content is printed. Skipped where the folder is absent.
 */
const CORPUS = join(PROJECT_ROOT, "..", "shared", "data", "corpora", "cordoba-civil-2022", "textos")

describe.skipIf(!existsSync(CORPUS))("real Córdoba civil rulings (aggregates only)", () => {
  it("keeps the signers and redacts the numbers after DNI", async () => {
    const report = await reportFromInput(CORPUS, PipelineConfigSchema.parse({ name: "reglas", version: "1" }))
    expect(report.documents).toBe(89)
    expect(report.checked).toBeGreaterThanOrEqual(85)
    expect(report.signers).toBeGreaterThanOrEqual(150)
    expect(report.signersKept / report.signers).toBeGreaterThanOrEqual(0.95)
    expect(report.signerMentionsKept / report.signerMentions).toBeGreaterThanOrEqual(0.6)
    expect(report.dni).toBeGreaterThanOrEqual(50)
    expect(report.dniRedacted / report.dni).toBeGreaterThanOrEqual(0.98)
    expect(report.dniInPublic).toBe(0)
    expect(report.officialsRedacted).toBe(0)
  }, 300_000)
})
