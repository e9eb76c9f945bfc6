import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { generate, until } from "../faults/cli.ts"
import { parseCsv } from "../publish/validators.ts"

/** Ctrl-C in the middle of a batch: a clean stop at a document boundary, a consistent public/, and a resumable run. */

const bin = join(PROJECT_ROOT, "src", "bin.ts")

const start = (args: readonly string[], cwd: string) => {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] })
  let stdout = ""
  let stderr = ""
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)))
  return { child, exited, output: () => ({ stdout, stderr }) }
}

const doneInJournal = async (out: string): Promise<number> => {
  const journal = await readFile(join(out, "private", "journal.jsonl"), "utf8").catch(() => "")
  return journal.split("\n").filter((line) => line.includes('"state":"done"')).length
}

describe("Ctrl-C during tacha run", () => {
  let base: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-sigint-"))
    await generate(join(base, "muestras"), 30, 11, "txt")
    const rules = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"), "utf8"))
    await writeFile(join(base, "reglas.json"), JSON.stringify({ ...rules, concurrency: 1 }))
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  it("stops at a document boundary, publishes what was done, says how to resume; the next run finishes", async () => {
    const args = ["run", "muestras/rulings", "--out", "salida", "--pipeline", "reglas.json"]
    const out = join(base, "salida")
    const run = start(args, base)
    await until(async () => (await doneInJournal(out)) >= 2, 60_000)
    run.child.kill("SIGINT")
    const code = await run.exited
    const { stdout, stderr } = run.output()
    expect(code, stderr).toBe(130)
    expect(stderr).toContain("Interrupción pedida")
    expect(stderr).toContain("vuelva a correr el mismo comando")
    expect(stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/mu)
    const done = await doneInJournal(out)
    expect(done).toBeGreaterThanOrEqual(2)
    expect(done).toBeLessThan(30)

    // public/ is consistent: one text per index row, the index for every text, checksums that verify.
    const texts = (await readdir(join(out, "public", "resoluciones"))).filter((name) => name.endsWith(".txt"))
    expect(texts).toHaveLength(done)
    const [, ...rows] = parseCsv(await readFile(join(out, "public", "resoluciones.csv"), "utf8"))
    expect(rows.filter((row) => row.length > 1)).toHaveLength(done)
    const sums = (await readFile(join(out, "public", "SHA256SUMS"), "utf8")).trim().split("\n")
    for (const line of sums) {
      const [hash, path] = line.split(/ {2}/u)
      const bytes = await readFile(join(out, "public", path!))
      expect(createHash("sha256").update(bytes).digest("hex"), path).toBe(hash)
    }
    expect(sums.filter((line) => line.includes("resoluciones/") && line.endsWith(".txt"))).toHaveLength(done)
    // Rulings the gate held were processed too (their record awaits review).
    const heldNow = await readFile(join(out, "private", "failures.jsonl"), "utf8").then((text) => text.trim().split("\n").length, () => 0)
    expect(stdout).toContain(`Interrumpido: ${30 - done - heldNow} documentos quedaron sin procesar`)

    const resumed = start(args, base)
    const resumedCode = await resumed.exited
    // 0, or 1 when the gate held a ruling for review (then listed in failures.jsonl).
    const held = await readFile(join(out, "private", "failures.jsonl"), "utf8").then((text) => text.trim().split("\n").length, () => 0)
    expect(resumedCode, resumed.output().stderr).toBe(held > 0 ? 1 : 0)
    expect(resumed.output().stdout).toContain(`${done} documentos ya estaban procesados`)
    expect(await readdir(join(out, "public", "resoluciones"))).toHaveLength(30 - held)
    // The held count is the same in the terminal, LEEME.md and failures.jsonl.
    expect(await readFile(join(out, "public", "LEEME.md"), "utf8")).toContain(`Retenidas por la verificación final: ${held}.`)
    if (held > 0) expect(resumed.output().stdout).toContain(`Retenidas para revisión por la verificación final: ${held}`)
  })
})
