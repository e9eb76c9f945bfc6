import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { createServer, type AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { parseCsv } from "../publish/validators.ts"

/**
 * A clerk's first hour, as subprocesses: every mistake ends with a Spanish
 * message that names the culprit, no stack trace, an honest exit code, and
 * no folder created when nothing was done.
 */

const bin = join(PROJECT_ROOT, "src", "bin.ts")

interface Result {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const tacha = (args: readonly string[], cwd: string): Promise<Result> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** A stack frame line: "    at fn (file:///x.ts:12:3)" or "    at file:///x.ts:12:3". */
const STACK = /^\s+at .*:\d+:\d+\)?$/mu

const expectClean = (result: Result, code: number, ...culprits: string[]) => {
  expect(result.code, result.stderr).toBe(code)
  expect(result.stderr).not.toMatch(STACK)
  expect(result.stdout).not.toMatch(STACK)
  expect(result.stderr.trim().split("\n").length).toBeLessThanOrEqual(4)
  for (const culprit of culprits) expect(result.stderr).toContain(culprit)
}

const RULING = [
  "Buenos Aires, 3 de abril de 2024.",
  "VISTOS: la causa seguida contra Ramiro Ezequiel QUIROGA, DNI 30.456.789, por lesiones leves (art. 89 del Código Penal).",
  "El Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° 4 ha resuelto otras cuestiones de trámite que no vienen al caso en esta parte del texto y ocupan varias líneas de la resolución.",
  "RESUELVO: I. SUSPENDER el proceso a prueba respecto de Ramiro Ezequiel Quiroga por el plazo de un año con reglas de conducta.",
  "Fdo.: Dra. Mariana Costas, Jueza.",
].join("\n\n")

let base: string
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "tacha-clerk-"))
  await mkdir(join(base, "lote"))
  await mkdir(join(base, "vacia"))
  for (let n = 1; n <= 3; n++) await writeFile(join(base, "lote", `r${n}.txt`), RULING.replace("3 de abril", `${n} de abril`))
  await writeFile(join(base, "roto.json"), '{\n  "name": "x",\n  "version": "1"\n  "concurrency": 1\n}\n')
  const rules = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"), "utf8"))
  await writeFile(join(base, "reglas.json"), JSON.stringify(rules))
  await writeFile(join(base, "errata.json"), JSON.stringify({ ...rules, acciones: rules.actions }))
})
afterAll(() => rm(base, { recursive: true, force: true }))

describe("bad usage and configuration: exit 2, one or two Spanish lines, nothing written", () => {
  it("names each culprit, with no stack trace and no output folder", async () => {
    const out = (name: string) => join(base, `out-${name}`)
    const [missing, broken, typo, noOut, unknownFlag, badValue, eval_, query, inside] = await Promise.all([
      tacha(["run", "lotte", "--out", out("missing")], base),
      tacha(["run", "lote", "--out", out("broken"), "--pipeline", "roto.json"], base),
      tacha(["run", "lote", "--out", out("typo"), "--pipeline", "errata.json"], base),
      tacha(["run", "lote"], base),
      tacha(["run", "lote", "--salida", "x"], base),
      tacha(["query", "SELECT 1", "--out", "lote", "--formato", "xml"], base),
      tacha(["eval", join(PROJECT_ROOT, "samples", "gold.jsonl"), "no-existe"], base),
      tacha(["query", "SELECT count(*) FROM resoluciones", "--out", "lote"], base),
      tacha(["run", "lote", "--out", "lote/salida"], base),
    ])
    // A misspelt input folder: named as given and as resolved from where the clerk stands.
    expectClean(missing, 2, "«lotte»", join(base, "lotte"))
    // Broken JSON: the file and the line.
    expectClean(broken, 2, "roto.json", "línea 4")
    // A misspelt key: named, in Spanish.
    expectClean(typo, 2, "errata.json", "acciones", "desconocida")
    expect(typo.stderr).not.toMatch(/Unrecognized|Invalid input/u)
    expectClean(noOut, 2, "--out")
    expectClean(unknownFlag, 2, "--salida")
    expectClean(badValue, 2, "--formato", "«xml»", "tabla, csv, json")
    // eval on a folder that is not an output: no "Tasa de fuga: 0.0%".
    expectClean(eval_, 2, "no-existe", "private/audit")
    expect(eval_.stdout).not.toContain("Tasa de fuga")
    // query on a folder without public/: ours, not DuckDB's catalogue suggestions.
    expectClean(query, 2, "«lote»", "public/")
    expect(query.stderr).not.toMatch(/Catalog|Did you mean/u)
    // An output inside the input folder would be read back as input by the next run.
    expectClean(inside, 2, "«lote/salida»", "dentro de la carpeta de entrada")
    expect(existsSync(join(base, "lote", "salida"))).toBe(false)
    for (const name of ["missing", "broken", "typo"]) expect(existsSync(out(name))).toBe(false)
    expect(existsSync(join(base, "out"))).toBe(false)
  })

  it("an empty input is nothing to do: exit 3, said, and no folder created", async () => {
    const result = await tacha(["run", "vacia", "--out", "out-vacia"], base)
    expectClean(result, 3, "nada que hacer", "«vacia»")
    expect(existsSync(join(base, "out-vacia"))).toBe(false)
  })

  it("serve: a port out of range or already taken is named", async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve))
    const port = (taken.address() as AddressInfo).port
    try {
      await mkdir(join(base, "publicada", "public"), { recursive: true })
      const [range, busy] = await Promise.all([
        tacha(["serve", "publicada", "--puerto", "99999"], base),
        tacha(["serve", "publicada", "--puerto", String(port)], base),
      ])
      expectClean(range, 2, "99999", "65535")
      expectClean(busy, 2, `puerto ${port}`, "ya está en uso")
    } finally {
      taken.close()
    }
  })

  it("--depurar adds the technical detail", async () => {
    const result = await tacha(["run", "lotte", "--out", "x", "--depurar"], base)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("«lotte»")
    expect(result.stderr).toMatch(STACK)
  })
})

describe("help in Spanish, with defaults", () => {
  it("every command's help is Spanish and states its defaults", async () => {
    const commands = ["", "run", "eval", "query", "search", "serve", "eval-real", "publicar", "revision", "revision listar", "revision aplicar", "revision listas", "revisar", "trabajador"]
    const helps = await Promise.all(commands.map((command) => tacha([...command.split(" ").filter(Boolean), "--help"], base)))
    for (const help of helps) {
      expect(help.code).toBe(0)
      expect(help.stdout).toContain("Uso:")
      expect(help.stdout).not.toMatch(/Show help|Show version|USAGE|FLAGS|DESCRIPTION|\(choices|wizard|log-level/u)
    }
    const [, run, , query, search, serve, evalReal, publish, , list, apply, lists, review, worker] = helps.map((help) => help.stdout)
    expect(run).toContain("pipelines/caba-penal.json")
    expect(query).toContain("(por defecto: out)")
    expect(search).toContain("(por defecto: 10)")
    expect(serve).toContain("(por defecto: 8080)")
    expect(serve).toContain("por defecto: 127.0.0.1")
    expect(evalReal).toContain("por defecto: pipelines/caba-penal.json")
    for (const text of [publish, list, apply, lists]) expect(text).toContain("(por defecto: out)")
    expect(list).toContain("(por defecto: tabla)")
    expect(apply).toContain("(por defecto: el usuario del sistema)")
    expect(review).toContain("(por defecto: 8090)")
    expect(review).toContain("(por defecto: 127.0.0.1)")
    expect(worker).toContain("(por defecto: 300; con 0 lo descarga al terminar cada lote)")
  })
})

describe("a batch, its outputs, and how it reports", () => {
  let out: string
  let run: Result
  beforeAll(async () => {
    out = join(base, "salida")
    run = await tacha(["run", "lote", "--out", "salida", "--pipeline", "reglas.json"], base)
  })

  it("off a terminal, progress still shows on standard error", () => {
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/Progreso: 3\/3 documentos \(100 %\), [\d,]+ documentos\/s/u)
  })

  it("classifies the subject matter from the cited article, not from the fuero's name", async () => {
    const [header, ...rows] = parseCsv(await readFile(join(out, "public", "resoluciones.csv"), "utf8"))
    const materia = header!.indexOf("materia")
    expect(rows.map((row) => row[materia])).toEqual(["lesiones", "lesiones", "lesiones"])
  })

  it("query: --archivo picks the format from its extension, JSON numbers are numbers", async () => {
    const sql = "SELECT materia, count(*) AS n, sum(caracteres) AS c FROM resoluciones GROUP BY 1"
    const [csv, json, table] = await Promise.all([
      tacha(["query", sql, "--out", "salida", "--archivo", "r.csv"], base),
      tacha(["query", sql, "--out", "salida", "--archivo", "r.json"], base),
      tacha(["query", sql, "--out", "salida", "--archivo", "r.txt"], base),
    ])
    for (const result of [csv, json, table]) expect(result.code, result.stderr).toBe(0)
    expect(await readFile(join(base, "r.csv"), "utf8")).toMatch(/^materia,n,c\r\nlesiones,3,\d+\r\n$/u)
    const rows = JSON.parse(await readFile(join(base, "r.json"), "utf8"))
    expect(rows).toEqual([{ materia: "lesiones", n: 3, c: expect.any(Number) }])
    expect(await readFile(join(base, "r.txt"), "utf8")).toMatch(/^materia\s+n\s+c\n-+/u)
  })

  it("search: the fragment is centred on the words searched, even deep in the text", async () => {
    const result = await tacha(["search", "reglas de conducta", "--out", "salida", "--formato", "json"], base)
    expect(result.code, result.stderr).toBe(0)
    const hits = JSON.parse(result.stdout) as { fragmento: string }[]
    expect(hits).toHaveLength(3)
    for (const hit of hits) {
      expect(hit.fragmento).toContain("reglas de conducta")
      expect(hit.fragmento).not.toContain("Buenos Aires")
    }
    const table = await tacha(["search", "reglas de conducta", "--out", "salida"], base)
    expect(table.stdout).toContain("reglas de conducta")
  })

  it("leaves no personal data in the terminal", () => {
    for (const text of [run.stdout, run.stderr]) {
      expect(text).not.toContain("Quiroga")
      expect(text).not.toContain("30.456.789")
    }
  })

  it("re-running into the same folder publishes nothing twice and exits 0", async () => {
    const again = await tacha(["run", "lote", "--out", "salida", "--pipeline", "reglas.json"], base)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain("3 documentos ya estaban procesados")
    expect(await readdir(join(out, "public", "resoluciones"))).toHaveLength(3)
  })
})

describe("a held ruling is counted alike everywhere", () => {
  /** The accused's surname is also a common word, capitalised where it is that word: the final check holds it. */
  const HELD = [
    "Buenos Aires, 7 de junio de 2024.",
    "Causa N° 55231/2024 - MERCADO, Sergio Daniel s/ amenazas (art. 149 bis CP).",
    "Declaró el imputado Sergio Daniel Mercado, DNI 24.555.666. Luego Mercado reconoció los hechos ocurridos frente al Mercado Central.",
    "Fdo.: Dra. Mariana Costas, Jueza.",
  ].join("\n")

  it("exit 1; the summary, LEEME.md, the failures table and the runs table all say 1 (hard negative: the other ruling is published)", async () => {
    await mkdir(join(base, "retenida"))
    await writeFile(join(base, "retenida", "retenida.txt"), HELD)
    await writeFile(join(base, "retenida", "publicada.txt"), HELD.replace("frente al Mercado Central", "frente a la terminal"))
    const result = await tacha(["run", "retenida", "--out", "salida-retenida", "--pipeline", "reglas.json"], base)
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).not.toMatch(STACK)
    expect(result.stdout).toContain("Retenidas para revisión por la verificación final: 1")
    expect(result.stderr).toContain("failures.jsonl")
    for (const text of [result.stdout, result.stderr]) expect(text).not.toMatch(/Mercado|24\.555/u)
    const publicDir = join(base, "salida-retenida", "public")
    expect(await readdir(join(publicDir, "resoluciones"))).toHaveLength(1)
    expect(await readFile(join(publicDir, "LEEME.md"), "utf8")).toContain("Resoluciones publicadas: 1. Retenidas por la verificación final: 1.")
    const column = async (table: string, name: string) => {
      const [header, ...rows] = parseCsv(await readFile(join(publicDir, "estadisticas", `${table}.csv`), "utf8"))
      return rows.map((row) => row[header!.indexOf(name)])
    }
    expect(await column("fallos-por-ejecucion-y-causa", "causa")).toEqual(["gate_blocked"])
    expect(await column("fallos-por-ejecucion-y-causa", "documentos")).toEqual(["1"])
    expect(await column("procesamiento-por-ejecucion", "resoluciones_retenidas")).toEqual(["1"])
  })
})
