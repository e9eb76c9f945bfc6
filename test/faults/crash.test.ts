import { mkdtemp, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { generate, isTemporary, prng, readTree, runTacha, sleep, until } from "./cli.ts"

/**
 * Kill `tacha run` with SIGKILL at random points, restart it with the same
 * arguments, and check that the finished output's public/ is byte-identical
 * to an uninterrupted run's, with nothing partial left behind. The schedule
 * is seeded (TACHA_CRASH_SEED replays one).
 */
const seed = Number(process.env["TACHA_CRASH_SEED"] ?? Math.floor(Math.random() * 2 ** 31))

describe(`tacha run killed and resumed (seed ${seed})`, () => {
  it("ends with the same public/ as an uninterrupted run, and never exposes a partial file", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-crash-"))
    await generate(base, 40, 11, "txt,pdf,docx")
    const input = join(base, "rulings")

    const reference = await runTacha([input, "--out", join(base, "reference")])
    // 1: the gate may hold back a generated ruling or two; the others are published.
    expect([0, 1], reference.stderr).toContain(reference.code)
    const expected = await readTree(join(base, "reference", "public"))
    const published = [...expected.keys()].filter((path) => path.startsWith("resoluciones/")).length
    expect(published).toBeGreaterThan(30)

    const out = join(base, "killed")
    const journal = join(out, "private", "journal.jsonl")
    let runs = 0
    /** Documents settled by the current run (the `runs`-th), per the journal. */
    const settled = async (): Promise<number> => {
      const lines = (await readFile(journal, "utf8").catch(() => "")).split("\n")
      const starts = lines.flatMap((line, i) => (line.includes('"state":"started"') ? [i] : []))
      if (starts.length < runs) return 0
      return lines.slice(starts[runs - 1]).filter((line) => /"state":"(done|failed)"/u.test(line)).length
    }
    const random = prng(seed)
    // Two kills while documents are processed (after a random number of
    // them settled, plus 0–0.5 s), then one while the store and the datasets
    // are written (0–1.2 s after the last document).
    const afterDocuments = (count: number, jitterMs: number) => async () => {
      await until(async () => (await settled()) >= count)
      await sleep(random() * jitterMs)
    }
    const schedule = [afterDocuments(1 + Math.floor(random() * 20), 500), afterDocuments(10 + Math.floor(random() * 25), 500), afterDocuments(40, 1200)]
    const killed: string[] = []
    for (const [i, killWhen] of schedule.entries()) {
      runs++
      const result = await runTacha([input, "--out", out], { killWhen })
      if (result.signal === "SIGKILL") killed.push(`kill ${i}: ${await settled()} documents settled`)
      // Between crashes: whatever is in public/ is whole (a temporary file may
      // remain; it is hidden, and the next run removes it).
      for (const [path, bytes] of await readTree(join(out, "public"))) {
        if (isTemporary(path)) continue
        if (path.startsWith("resoluciones/")) expect(bytes.equals(expected.get(path)!), `${path} after kill ${i}`).toBe(true)
      }
    }
    expect(killed.length, "at least one run was killed before it finished").toBeGreaterThan(0)

    // A kill in the middle of an atomic write leaves its hidden temporary
    // sibling (rarely hit by the schedule above, so one is planted too).
    await writeFile(join(out, "public", "resoluciones", ".res-000000000000.txt.0badc0ffee00.tmp"), "VISTOS: la causa seguida contra")
    const final = await runTacha([input, "--out", out])
    expect(final.code, final.stderr).toBe(reference.code)
    const actual = await readTree(join(out, "public"))
    expect([...actual.keys()].filter(isTemporary)).toEqual([])
    expect([...actual.keys()]).toEqual([...expected.keys()])
    for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true)

    // The journal stays one JSON object per line, even across the kills.
    const lines = (await readFile(journal, "utf8")).split("\n").filter((line) => line !== "")
    const entries = lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as { state: string; file?: string }]
      } catch {
        return []
      }
    })
    expect(entries.at(-1)?.state).toBe("finished")
    const lastRun = entries.slice(entries.findLastIndex((entry) => entry.state === "started"))
    expect(new Set(lastRun.flatMap((entry) => (entry.state === "done" ? [entry.file] : []))).size).toBe(published)
  }, 180_000) // publication also builds and checks each ruling's document
})
