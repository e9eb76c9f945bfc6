import { execFile } from "node:child_process"
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { beforeAll, describe, expect, it } from "vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { outputServices, runWith, savedConfig } from "../store/services.ts"
import { applyActions, pendingRulings } from "../../src/review/reviewQueue.ts"
import { readDecisionFile } from "../../src/review/decisionFile.ts"
import { publishApproved } from "../../src/review/publishApproved.ts"
import { HELD_RULING, PLAIN_RULING } from "./rulings.ts"

const exec = promisify(execFile)
const PIPELINE = join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")

interface Result {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** Both streams: where an error is reported is the CLI's choice. */
  readonly output: string
}

const tacha = async (...args: string[]): Promise<Result> => {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), ...args], { cwd: PROJECT_ROOT })
    return { code: 0, stdout, stderr, output: stdout + stderr }
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string }
    return { code, stdout, stderr, output: stdout + stderr }
  }
}

interface Listed {
  readonly id: string
  readonly archivo: string
  readonly motivo: string
  readonly hallazgos: readonly { inicio: number; fin: number; texto: string; etiqueta: string; causa: string }[]
}

const listar = async (out: string): Promise<Listed[]> => {
  const result = await tacha("revision", "listar", "--out", out, "--formato", "json")
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout) as Listed[]
}

/** A decisions file applied in-process (the CLI's own run is checked once above): "" or the error. */
const applyInProcess = async (out: string, file: string): Promise<string> => {
  const config = await savedConfig(out)
  const program = readDecisionFile(file).pipe(Effect.flatMap((actions) => applyActions(out, config, actions, "Prueba", new Date().toISOString())))
  const exit = await Effect.runPromiseExit(program)
  return exit._tag === "Success" ? "" : String(Cause.squash(exit.cause))
}

/** What is pending, asked in-process (the CLI's contract is checked by `listar` above; subprocesses are slow). */
const pendingIds = async (out: string): Promise<string[]> => {
  const config = await savedConfig(out)
  return (await Effect.runPromise(pendingRulings(out, config))).map(({ status }) => status.id)
}

const PERSONAL = /Mercado|MERCADO|22\.333\.444|77123/u

describe("review as data: a held ruling decided from a JSONL file, then published", () => {
  let base: string
  let out: string

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-review-cli-"))
    await mkdir(join(base, "in"))
    await writeFile(join(base, "in", "retenida.txt"), HELD_RULING)
    await writeFile(join(base, "in", "publicada.txt"), PLAIN_RULING)
    out = join(base, "out")
    const run = await tacha("run", join(base, "in"), "--out", out, "--pipeline", PIPELINE)
    expect(run.code).toBe(1)
    expect(run.stdout + run.stderr).not.toMatch(PERSONAL)
  }, 120_000)

  it("lists the held ruling with its findings placed in the record's text; the table shows no text", async () => {
    const listed = await listar(out)
    expect(listed).toHaveLength(1)
    expect(listed[0]!.archivo).toBe("retenida.txt")
    expect(listed[0]!.motivo).toBe("gate_blocked")
    expect(listed[0]!.hallazgos.length).toBeGreaterThan(0)
    for (const finding of listed[0]!.hallazgos) {
      expect(finding).toMatchObject({ texto: "Mercado", etiqueta: "PERSONA", causa: "forma_redactada" })
      expect(finding.fin - finding.inicio).toBe("Mercado".length)
    }
    const table = await tacha("revision", "listar", "--out", out)
    expect(table.stdout).toContain("forma_redactada: 1")
    expect(table.stdout).not.toMatch(PERSONAL)
  }, 60_000)

  it("refuses a file with bad lines as a whole, naming each line and never its text", async () => {
    const [held] = await listar(out)
    const file = join(base, "malas.jsonl")
    await writeFile(file, [
      JSON.stringify({ id: held!.id, accion: "ocultar", texto: "Mercado" }),
      "{no es json",
      JSON.stringify({ id: held!.id, accion: "borrar" }),
      JSON.stringify({ id: "no-existe", accion: "aprobar" }),
      JSON.stringify({ id: held!.id, accion: "ocultar", inicio: 5, fin: 2, texto: "Mercado Central" }),
    ].join("\n") + "\n")
    const result = await tacha("revision", "aplicar", file, "--out", out)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain("línea 2")
    expect(result.output).toContain("línea 3")
    expect(result.output).not.toMatch(PERSONAL)
    // The syntax errors stop the file before any check against the store; a well-formed file with bad decisions too.
    await writeFile(file, [
      JSON.stringify({ id: held!.id, accion: "ocultar", texto: "Mercado" }),
      JSON.stringify({ id: "no-existe", accion: "aprobar" }),
      JSON.stringify({ id: held!.id, accion: "mantener", inicio: 5, fin: 2 }),
      JSON.stringify({ id: held!.id, accion: "rechazar" }),
    ].join("\n") + "\n")
    const checked = await tacha("revision", "aplicar", file, "--out", out)
    expect(checked.code).not.toBe(0)
    expect(checked.output).toMatch(/línea 2 \(no-existe\)/u)
    expect(checked.output).toMatch(/línea 3 .*posiciones/u)
    expect(checked.output).toMatch(/línea 4 .*motivo/u)
    expect(checked.output).not.toMatch(PERSONAL)
    // Nothing was applied: the finding is still there.
    expect((await Effect.runPromise(pendingRulings(out, await savedConfig(out))))[0]!.findings.length)
      .toBe(held!.hallazgos.length)
  }, 60_000)

  it("refuses to approve while the gate still holds, then hides the finding, approves and publishes it", async () => {
    const [held] = await listar(out)
    const file = join(base, "decisiones.jsonl")
    await writeFile(file, JSON.stringify({ id: held!.id, accion: "aprobar" }) + "\n")
    const early = await applyInProcess(out, file)
    expect(early).toContain("todavía retiene")
    const finding = held!.hallazgos[0]!
    await writeFile(file, [
      JSON.stringify({ id: held!.id, accion: "ocultar", inicio: finding.inicio, fin: finding.fin, etiqueta: "PERSONA", revisor: "Secretaría 1" }),
      JSON.stringify({ id: held!.id, accion: "aprobar" }),
    ].join("\n") + "\n")
    const applied = await tacha("revision", "aplicar", file, "--out", out)
    expect(applied.stderr).toBe("")
    expect(applied.code).toBe(0)
    expect(await pendingIds(out)).toEqual([])

    const published = await tacha("publicar", "--out", out)
    expect(published.code).toBe(0)
    expect(published.stdout).toContain("Aprobadas publicadas ahora:     1")
    expect(published.stdout + published.stderr).not.toMatch(PERSONAL)
    const texts = await readdir(join(out, "public", "resoluciones"))
    expect(texts.sort()).toContain(`${held!.id}.txt`)
    expect(texts).toHaveLength(2)
    for (const name of texts) expect(await readFile(join(out, "public", "resoluciones", name), "utf8")).not.toMatch(PERSONAL)
    // The decisions and their history stay private, in the ruling's audit record.
    const audit = JSON.parse(await readFile(join(out, "private", "audit", `${held!.id}.json`), "utf8"))
    expect(audit.hold).toBeUndefined()
    expect(audit.review.history.map((entry: { event: string }) => entry.event)).toEqual(["retenida", "ocultar", "aprobada", "publicada"])
    expect(audit.review.history[1].reviewer).toBe("Secretaría 1")
    expect(await readdir(join(out, "private", "revision"))).not.toContain(`${held!.id}.json`)
    expect(await readFile(join(out, "private", "failures.jsonl"), "utf8").catch(() => "")).not.toContain("retenida.txt")
  }, 90_000)

  it("re-running the same batch asks nothing again and publishes both", async () => {
    const run = await tacha("run", join(base, "in"), "--out", out, "--pipeline", PIPELINE)
    expect(run.code).toBe(0)
    expect(await pendingIds(out)).toEqual([])
    expect(await readdir(join(out, "public", "resoluciones"))).toHaveLength(2)
  }, 90_000)

  it("the decisions teach the court's hide list: a new batch's ruling held on the same form is decided by it", async () => {
    const lists = await tacha("revision", "listas", "--out", out)
    expect(lists.code).toBe(0)
    expect(lists.output).not.toMatch(PERSONAL)
    const hide = await readFile(join(out, "private", "listas", "ocultar.csv"), "utf8")
    expect(hide.split("\r\n")).toEqual(["juzgado,forma,etiqueta", ",Mercado,PERSONA", ""])
    // Another batch, another output folder: the pipeline names the list.
    const pipeline = JSON.parse(await readFile(PIPELINE, "utf8"))
    const withLists = join(base, "con-listas.json")
    await writeFile(withLists, JSON.stringify({ ...pipeline, $schema: undefined, revision: { listaOcultar: join(out, "private", "listas", "ocultar.csv") } }))
    await mkdir(join(base, "in2"))
    await writeFile(join(base, "in2", "otra.txt"), HELD_RULING.replace("lesiones leves", "amenazas").replace("3 de mayo", "9 de junio"))
    const out2 = join(base, "out2")
    const run = await tacha("run", join(base, "in2"), "--out", out2, "--pipeline", withLists)
    expect(run.code).toBe(0)
    expect(await pendingIds(out2)).toEqual([])
    const [name] = await readdir(join(out2, "public", "resoluciones"))
    expect(await readFile(join(out2, "public", "resoluciones", name!), "utf8")).not.toMatch(PERSONAL)
    const audit = JSON.parse(await readFile(join(out2, "private", "audit", name!.replace(/\.txt$/u, ".json")), "utf8"))
    expect(audit.review.history.map((entry: { event: string }) => entry.event)).toEqual(["retenida", "decidida_por_listas", "publicada"])
  }, 90_000)
})

describe("--revision todas: every ruling waits for a person", () => {
  it("publishes nothing, lists them all; approvals plus publicar publish them; a re-run leaves nothing pending", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-review-all-"))
    await mkdir(join(base, "in"))
    await writeFile(join(base, "in", "a.txt"), PLAIN_RULING)
    await writeFile(join(base, "in", "b.txt"), PLAIN_RULING.replace("terminal", "plaza"))
    const out = join(base, "out")
    const run = await tacha("run", join(base, "in"), "--out", out, "--pipeline", PIPELINE, "--revision", "todas")
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("2 resoluciones esperan la revisión")
    expect(await readdir(join(out, "public", "resoluciones"))).toEqual([])
    const listed = await listar(out)
    expect(listed.map((ruling) => ruling.archivo).sort()).toEqual(["a.txt", "b.txt"])
    for (const ruling of listed) expect(ruling).toMatchObject({ motivo: "review_required", hallazgos: [] })
    const file = join(base, "aprobar.jsonl")
    await writeFile(file, listed.map((ruling) => JSON.stringify({ id: ruling.id, accion: "aprobar" })).join("\n"))
    expect(await applyInProcess(out, file)).toBe("")
    const config = await savedConfig(out)
    expect((await runWith(outputServices(out, config), publishApproved(new Date()))).published).toBe(2)
    expect(await readdir(join(out, "public", "resoluciones"))).toHaveLength(2)
    const again = await tacha("run", join(base, "in"), "--out", out, "--pipeline", PIPELINE, "--revision", "todas")
    expect(again.code).toBe(0)
    expect(await pendingIds(out)).toEqual([])
    expect(await readdir(join(out, "public", "resoluciones"))).toHaveLength(2)
  }, 180_000)
})
