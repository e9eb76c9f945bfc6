import { execFile } from "node:child_process"
import { access, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { wilsonInterval } from "../../src/eval/wilsonInterval.ts"
import { drawSample, sampleSize } from "../../src/store/controlSample.ts"
import { PLAIN_RULING } from "./rulings.ts"

const exec = promisify(execFile)
const PIPELINE = join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")

const tacha = async (...args: string[]): Promise<{ code: number; stdout: string; output: string }> => {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), ...args], { cwd: PROJECT_ROOT })
    return { code: 0, stdout, output: stdout + stderr }
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string }
    return { code, stdout, output: stdout + stderr }
  }
}

describe("Wilson score interval", () => {
  // Reference values: Newcombe (1998), Table I, and R's prop.test(correct = FALSE) / statsmodels proportion_confint(method="wilson").
  it.each([
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [1, 2, 0.0945, 0.9055],
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [10, 10, 0.7225, 1],
  ])("%i errors of %i → [%f, %f]", (errors, n, lower, upper) => {
    const interval = wilsonInterval(errors, n)!
    expect(interval.rate).toBeCloseTo(errors / n, 10)
    expect(interval.lower).toBeCloseTo(lower, 4)
    expect(interval.upper).toBeCloseTo(upper, 4)
  })

  it("has no interval without observations and refuses impossible counts", () => {
    expect(wilsonInterval(0, 0)).toBeNull()
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError)
  })
})

describe("the control draw", () => {
  const ids = Array.from({ length: 200 }, (_, i) => `res-${i.toString(16).padStart(12, "0")}`)

  it("draws ceil(n × fraction), at least one, reproducibly from the run's identity", () => {
    expect(sampleSize(200, 0.05)).toBe(10)
    expect(sampleSize(3, 0.05)).toBe(1)
    expect(sampleSize(7, 1)).toBe(7)
    expect(sampleSize(7, 0)).toBe(0)
    const first = drawSample("run-a", ids, 0.05)
    expect(first).toHaveLength(10)
    expect(drawSample("run-a", [...ids].reverse(), 0.05)).toEqual(first)
    expect(drawSample("run-b", ids, 0.05)).not.toEqual(first)
    expect(drawSample("run-a", ids, 1).sort()).toEqual([...ids].sort())
  })
})

interface Sampled {
  readonly id: string
  readonly archivo: string
  readonly ejecucion: number
  readonly texto: string
  readonly menciones: readonly { inicio: number; fin: number; etiqueta: string; accion: string }[]
}

const controlRow = async (out: string): Promise<Record<string, string>> => {
  const [header, row] = (await readFile(join(out, "public", "estadisticas", "control-de-calidad-por-ejecucion.csv"), "utf8")).trim().split("\r\n")
  const names = header!.split(",")
  const values = row!.split(",")
  return Object.fromEntries(names.map((name, i) => [name, values[i]!]))
}

describe("quality control of a batch with muestra 1.0", () => {
  let base: string
  let out: string
  let sampled: Sampled[]

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-control-"))
    await mkdir(join(base, "in"))
    await writeFile(join(base, "in", "a.txt"), PLAIN_RULING)
    await writeFile(join(base, "in", "b.txt"), PLAIN_RULING.replace("lesiones leves", "amenazas"))
    await writeFile(join(base, "in", "c.txt"), PLAIN_RULING.replace("3 de mayo", "9 de junio"))
    const pipeline = JSON.parse(await readFile(PIPELINE, "utf8"))
    await writeFile(join(base, "todo.json"), JSON.stringify({ ...pipeline, $schema: undefined, revision: { muestra: 1 } }))
    out = join(base, "out")
    const run = await tacha("run", join(base, "in"), "--out", out, "--pipeline", join(base, "todo.json"))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("Control:     3 de 3 publicadas automáticamente")
  }, 120_000)

  it("puts every published ruling in the control queue and publishes the sample with no rate yet", async () => {
    const listed = await tacha("revision", "control", "listar", "--out", out, "--formato", "json")
    expect(listed.code).toBe(0)
    sampled = JSON.parse(listed.stdout) as Sampled[]
    expect(sampled.map((ruling) => ruling.archivo).sort()).toEqual(["a.txt", "b.txt", "c.txt"])
    for (const ruling of sampled) expect(ruling.menciones.some((mention) => mention.accion === "oculta")).toBe(true)
    const table = await tacha("revision", "control", "listar", "--out", out)
    expect(table.stdout).toContain("(3 pendientes de control; 0 controladas)")
    expect(table.stdout).not.toMatch(/Mercado|22\.333\.444/u)
    expect(await controlRow(out)).toMatchObject({ publicadas_automaticamente: "3", sorteadas: "3", controladas: "0", tasa_error: "" })
  }, 60_000)

  it("a verdict with a missed span withdraws the ruling, publicar re-publishes it corrected, and the published rate changes", async () => {
    const [correct, missed] = sampled.sort((a, b) => a.archivo.localeCompare(b.archivo))
    // "Sala II" stays visible (a court); the reviewer says it should have been hidden, to test the mechanism.
    const start = missed!.texto.indexOf("Sala II")
    const file = join(base, "control.jsonl")
    await writeFile(file, [
      JSON.stringify({ id: correct!.id, accion: "correcta" }),
      JSON.stringify({ id: missed!.id, accion: "omitida", inicio: start, fin: start + "Sala II".length, etiqueta: "LUGAR" }),
    ].join("\n") + "\n")
    const bad = join(base, "malo.jsonl")
    await writeFile(bad, [
      JSON.stringify({ id: correct!.id, accion: "correcta" }),
      JSON.stringify({ id: "no-existe", accion: "correcta" }),
      JSON.stringify({ id: missed!.id, accion: "omitida", inicio: 5, fin: 2 }),
    ].join("\n") + "\n")
    const refused = await tacha("revision", "control", "aplicar", bad, "--out", out)
    expect(refused.code).toBe(2)
    expect(refused.output).toMatch(/línea 2 \(no-existe\)/u)
    expect(refused.output).toMatch(/línea 3 .*posiciones/u)

    const applied = await tacha("revision", "control", "aplicar", file, "--out", out, "--revisor", "Control 1")
    expect(applied.code).toBe(0)
    expect(applied.stdout).toContain("1 correctas, 1 con errores")
    // Withdrawn at once: a missed span is a leak.
    await expect(access(join(out, "public", "resoluciones", `${missed!.id}.txt`))).rejects.toThrow()

    const published = await tacha("publicar", "--out", out)
    expect(published.code).toBe(0)
    expect(published.stdout).toContain("Aprobadas publicadas ahora:     1")
    const text = await readFile(join(out, "public", "resoluciones", `${missed!.id}.txt`), "utf8")
    expect(text).not.toContain("Sala II")
    expect(text).toContain("[LUGAR")
    expect(await readFile(join(out, "public", "resoluciones", `${correct!.id}.txt`), "utf8")).toContain("Sala II")
    const audit = JSON.parse(await readFile(join(out, "private", "audit", `${missed!.id}.json`), "utf8"))
    expect(audit.review.history.map((entry: { event: string }) => entry.event)).toEqual(["publicada", "corregida_en_control", "publicada"])
    expect(audit.review.history[1].reviewer).toBe("Control 1")

    expect(await controlRow(out)).toMatchObject({
      sorteadas: "3",
      controladas: "2",
      correctas: "1",
      con_omisiones: "1",
      con_errores: "1",
      tasa_error: "0.5",
      ic95_inferior: "0.0945",
      ic95_superior: "0.9055",
    })
    const readme = await readFile(join(out, "public", "LEEME.md"), "utf8")
    expect(readme).toContain("| 1 | 3 | 3 | 2 | 1 | 1 | 50,0 % | 9,4 % a 90,5 % |")
    // Aggregates only: the public statistic and README name no span.
    expect(readme).not.toContain("Sala II")
  }, 120_000)

  it("a re-run of the same batch draws nothing new and keeps the correction", async () => {
    const run = await tacha("run", join(base, "in"), "--out", out, "--pipeline", join(base, "todo.json"))
    expect(run.code).toBe(0)
    expect(await controlRow(out)).toMatchObject({ sorteadas: "3", controladas: "2", con_errores: "1" })
    const table = await tacha("revision", "control", "listar", "--out", out)
    expect(table.stdout).toContain("(1 pendientes de control; 2 controladas)")
    const [, missed] = sampled
    expect(await readFile(join(out, "public", "resoluciones", `${missed!.id}.txt`), "utf8")).not.toContain("Sala II")
  }, 120_000)
})
