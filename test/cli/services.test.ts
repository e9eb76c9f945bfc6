import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeServices } from "@effect/platform-node"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cli } from "../../src/cli/main.ts"
import { makeStopSource } from "../../src/cli/StopSignal.ts"
import { PROJECT_ROOT, pipelineLoads } from "../../src/domain/loadPipelineConfig.ts"
import { journalOpens } from "../../src/pipeline/Journal.ts"
import { storeOpens } from "../../src/store/openStore.ts"

/** Two short rulings, written here: one the gate passes, one it holds for review (a surname that is also a common word). */
const RULINGS = {
  "uno.txt": [
    "Buenos Aires, 3 de mayo de 2026.",
    "Causa N° 1234/2026 - GARCÍA, Pedro s/ amenazas.",
    "Declaró el imputado Pedro García, DNI 22.333.444, domiciliado en Av. Corrientes 1500.",
    "RESUELVO: sobreseer a Pedro García.",
  ].join("\n"),
  "dos.txt": [
    "Córdoba, 3 de mayo de 2024.",
    "Causa N° 77123/2024 - MERCADO, Juan Carlos p.s.a. lesiones leves.",
    "Declaró el imputado Juan Carlos Mercado, DNI 22.333.444. Luego Mercado reconoció los hechos ocurridos frente al Mercado Central.",
    "Elévese el recurso ante la Sala II de la Cámara.",
  ].join("\n"),
}

const opened = () => ({ pipeline: pipelineLoads(), store: storeOpens(), journal: journalOpens() })

/** One `tacha ...` command in this process, as bin.ts runs it; how many times it opened each service's file. */
const tacha = async (args: readonly string[]) => {
  const before = opened()
  const exit = await Effect.runPromiseExit(cli(args, makeStopSource()).pipe(Effect.provide(NodeServices.layer)))
  const after = opened()
  return {
    exit,
    opened: { pipeline: after.pipeline - before.pipeline, store: after.store - before.store, journal: after.journal - before.journal },
  }
}

describe("the CLI's main wires each command's services once", () => {
  let base: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-services-"))
    await mkdir(join(base, "in"))
    for (const [name, text] of Object.entries(RULINGS)) await writeFile(join(base, "in", name), text)
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  it("run, revision listar and publicar each load the pipeline once and open the store once; only run opens the journal, once", async () => {
    const out = join(base, "out")
    const run = await tacha(["run", join(base, "in"), "--out", out, "--pipeline", join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")])
    // One ruling held for review: the batch is incomplete (exit 1), its stages all ran on the same services.
    expect(Exit.isFailure(run.exit)).toBe(true)
    expect(run.opened).toEqual({ pipeline: 1, store: 1, journal: 1 })
    const journal = (await readFile(join(out, "private", "journal.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line).state)
    // The held ruling is journalled as failed (held), the other as done, in whichever order they finished.
    expect([journal[0], journal.at(-1), journal.slice(1, -1).sort()]).toEqual(["started", "finished", ["done", "failed"]])

    const listed = await tacha(["revision", "listar", "--out", out])
    expect(Exit.isSuccess(listed.exit)).toBe(true)
    expect(listed.opened).toEqual({ pipeline: 1, store: 1, journal: 0 })

    const published = await tacha(["publicar", "--out", out])
    expect(Exit.isSuccess(published.exit)).toBe(true)
    expect(published.opened).toEqual({ pipeline: 1, store: 1, journal: 0 })
  })

  it("a command refused before its work writes nothing and opens nothing (hard negative: no output folder)", async () => {
    const missing = join(base, "no-existe")
    const refused = await tacha(["publicar", "--out", missing])
    expect(Exit.isFailure(refused.exit)).toBe(true)
    expect(refused.opened).toEqual({ pipeline: 0, store: 0, journal: 0 })
    const emptyRun = await tacha(["run", join(base, "in", "no-hay.csv"), "--out", missing])
    expect(Exit.isFailure(emptyRun.exit)).toBe(true)
    expect(emptyRun.opened).toEqual({ pipeline: 1, store: 0, journal: 0 })
    await expect(readFile(join(missing, "private", "journal.jsonl"))).rejects.toThrow()
  })
})
