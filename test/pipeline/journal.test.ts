import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openJournal, type JournalEntry } from "../../src/pipeline/Journal.ts"
import { writeFileAtomic } from "../../src/publish/writeFileAtomic.ts"

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tacha-bitacora-"))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const done = (n: number): JournalEntry => ({ state: "done", run: "r", file: `f${n}.txt`, id: `res-${n}`, sha256: "a".repeat(64), reused: false })

describe("the run journal", () => {
  it("keeps appends made together each whole, in order, and on disk when its append resolves", async () => {
    const path = join(dir, "private", "journal.jsonl")
    // A line cut by a killed run is ended first.
    await writeFileAtomic(path, '{"state":"started","run":"antes","at":"x","tot')
    const journal = await openJournal(path)
    const onDisk: number[] = []
    await Promise.all(Array.from({ length: 40 }, (_, n) =>
      journal.append(done(n)).then(async () => {
        const lines = (await readFile(path, "utf8")).split("\n")
        onDisk.push(n)
        expect(lines).toContain(JSON.stringify(done(n)))
      })))
    await journal.append({ state: "finished", run: "r", at: "y", done: 40, failed: 0 })
    await journal.close()
    const lines = (await readFile(path, "utf8")).split("\n")
    expect(lines[0]).toBe('{"state":"started","run":"antes","at":"x","tot')
    expect(lines.slice(1, 41)).toEqual(Array.from({ length: 40 }, (_, n) => JSON.stringify(done(n))))
    expect(lines.slice(41)).toEqual([JSON.stringify({ state: "finished", run: "r", at: "y", done: 40, failed: 0 }), ""])
    expect(onDisk).toHaveLength(40)
  })

  it("writes a file atomically into a folder that does not exist yet, and leaves no temporary behind", async () => {
    const path = join(dir, "nuevo", "hondo", "a.json")
    await writeFileAtomic(path, "uno\n")
    await writeFileAtomic(path, "dos\n")
    expect(await readFile(path, "utf8")).toBe("dos\n")
    expect(await readdir(join(dir, "nuevo", "hondo"))).toEqual(["a.json"])
    // A file where the folder should be is an error, not a file written elsewhere.
    await writeFile(join(dir, "archivo"), "x")
    await expect(writeFileAtomic(join(dir, "archivo", "b.json"), "x")).rejects.toThrow()
  })
})
