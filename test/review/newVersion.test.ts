import { execFile } from "node:child_process"
import { mkdir, mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { readDecisionFile } from "../../src/review/decisionFile.ts"
import { savedConfig } from "../store/services.ts"
import { applyActions, pendingRulings } from "../../src/review/reviewQueue.ts"
import { historyOf, withReviewStore } from "../../src/review/reviewStore.ts"
import { HELD_RULING } from "./rulings.ts"

const exec = promisify(execFile)
const PIPELINE = join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")
const run = (input: string, out: string) =>
  exec(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), "run", input, "--out", out, "--pipeline", PIPELINE], { cwd: PROJECT_ROOT }).catch(() => undefined)

describe("a new version of a reviewed ruling", () => {
  it("re-uses the decisions that still apply and asks only about what changed", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-version-"))
    await mkdir(join(base, "in"))
    const file = join(base, "in", "retenida.txt")
    await writeFile(file, HELD_RULING)
    const out = join(base, "out")
    await run(join(base, "in"), out)
    const config = await savedConfig(out)
    const [first] = await Effect.runPromise(pendingRulings(out, config))
    const finding = first!.findings[0]!
    expect(first!.record.text.slice(finding.start, finding.end)).toBe("Mercado")
    const decisions = join(base, "decisiones.jsonl")
    await writeFile(decisions, JSON.stringify({ id: first!.status.id, accion: "ocultar", inicio: finding.start, fin: finding.end, etiqueta: "PERSONA" }) + "\n")
    await Effect.runPromise(readDecisionFile(decisions).pipe(Effect.flatMap((actions) => applyActions(out, config, actions, "Prueba", new Date().toISOString()))))
    expect(await Effect.runPromise(pendingRulings(out, config).pipe(Effect.map((pending) => pending[0]!.findings.length)))).toBe(0)

    // The court corrects the ruling: a line before (every offset moves) and a new mention in a new context.
    await writeFile(file, "VISTOS: la causa.\n" + HELD_RULING + "\nSe libró oficio al Mercado de Abasto.")
    await run(join(base, "in"), out)
    const [second] = await Effect.runPromise(pendingRulings(out, config))
    expect(second!.status.id).toBe(first!.status.id)
    // The decided mention ("al Mercado Central") is not asked again; only the new one is.
    const asked = second!.findings.map((found) => second!.record.text.slice(found.start - 3, found.end + 10))
    expect(asked).toEqual(["al Mercado de Abasto"])
    const history = await Effect.runPromise(withReviewStore(out, (connection) => historyOf(connection, first!.status.id)))
    expect(history.at(-1)).toMatchObject({ event: "nueva_version", detail: { decisiones_conservadas: 1, decisiones_descartadas: 0 } })
  }, 120_000)
})
