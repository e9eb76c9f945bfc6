import { execFile } from "node:child_process"
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { detectAll, ruleDetectors } from "../../src/detect/registry.ts"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { readDecisionFile } from "../../src/review/decisionFile.ts"
import { savedConfig } from "../store/services.ts"
import { applyActions, pendingRulings } from "../../src/review/reviewQueue.ts"
import { HELD_WITH_EXPERT, PLAIN_RULING } from "./rulings.ts"

const exec = promisify(execFile)
const PIPELINE = join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")
const tacha = (...args: string[]) => exec(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), ...args], { cwd: PROJECT_ROOT }).catch((error) => error as { stdout: string })

describe("officials kept in review feed the court's roster", () => {
  it("a named list makes its full names officials in detection; a surname alone or a missing file adds nothing", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-kept-"))
    const file = join(base, "funcionarios.csv")
    await writeFile(file, "juzgado,forma\r\n,Ramiro Quintana\r\n,Quintana\r\n")
    const pipeline = JSON.parse(await readFile(PIPELINE, "utf8"))
    const config = PipelineConfigSchema.parse({ ...pipeline, $schema: undefined, revision: { listaFuncionarios: file } })
    const text = "Dictaminó el perito oficial Lic. RAMIRO QUINTANA. Declaró luego el testigo Quintana Ramos."
    const spans = (await detectAll(text, ruleDetectors(config))).filter((span) => span.detector === "rules/lista-funcionarios")
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(["RAMIRO QUINTANA"])
    expect(spans[0]!.label).toBe("FUNCIONARIO")
    const missing = PipelineConfigSchema.parse({ ...pipeline, $schema: undefined, revision: { listaFuncionarios: join(base, "no-existe.csv") } })
    expect(ruleDetectors(missing).some((detector) => detector.name === "rules/lista-funcionarios")).toBe(false)
  })

  it("an expert a reviewer kept visible stays visible in the next batch's ruling when the pipeline names the list", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-kept-e2e-"))
    await mkdir(join(base, "in"))
    await writeFile(join(base, "in", "retenida.txt"), HELD_WITH_EXPERT)
    const out = join(base, "out")
    await tacha("run", join(base, "in"), "--out", out, "--pipeline", PIPELINE)
    const config = await savedConfig(out)
    const [held] = await Effect.runPromise(pendingRulings(out, config))
    const decisions = join(base, "decisiones.jsonl")
    await writeFile(decisions, [
      JSON.stringify({ id: held!.status.id, accion: "ocultar", texto: "Mercado", etiqueta: "PERSONA" }),
      JSON.stringify({ id: held!.status.id, accion: "mantener", texto: "Ramiro Quintana", etiqueta: "FUNCIONARIO" }),
      JSON.stringify({ id: held!.status.id, accion: "aprobar" }),
    ].join("\n"))
    await Effect.runPromise(readDecisionFile(decisions).pipe(Effect.flatMap((actions) => applyActions(out, config, actions, "Prueba", new Date().toISOString()))))
    await tacha("revision", "listas", "--out", out)
    const officials = join(out, "private", "listas", "funcionarios.csv")
    expect((await readFile(officials, "utf8")).split("\r\n")).toContain(",Ramiro Quintana")

    // The next batch: another ruling with the same expert, once without the list and once with it.
    await mkdir(join(base, "in2"))
    await writeFile(join(base, "in2", "otra.txt"), PLAIN_RULING.replace("3 de mayo", "9 de junio") + "\nDictaminó el perito oficial Lic. Ramiro Quintana.")
    const pipeline = JSON.parse(await readFile(PIPELINE, "utf8"))
    const withList = join(base, "con-lista.json")
    await writeFile(withList, JSON.stringify({ ...pipeline, $schema: undefined, revision: { listaFuncionarios: officials } }))
    const published = async (name: string, pipelineFile: string) => {
      const next = join(base, name)
      await tacha("run", join(base, "in2"), "--out", next, "--pipeline", pipelineFile)
      const [text] = await readdir(join(next, "public", "resoluciones"))
      return readFile(join(next, "public", "resoluciones", text!), "utf8")
    }
    expect(await published("sin-lista", PIPELINE)).not.toContain("Ramiro Quintana")
    const kept = await published("con-lista", withList)
    expect(kept).toContain("Ramiro Quintana")
    expect(kept).not.toMatch(/Mercado|22\.333\.444/u)
  }, 120_000)
})
