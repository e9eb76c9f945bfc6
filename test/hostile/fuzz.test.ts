import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { FAILURE_REASONS } from "../../src/domain/IngestFailure.ts"
import { readTree, runTacha, type CliResult } from "../faults/cli.ts"
import { PERSONAL, ruling } from "./corpus.ts"
import { BODY_MARKERS, fuzzCorpus, type FuzzInput } from "./fuzz.ts"

/**
 * Fuzzing on a small budget: a seeded batch of mutated documents of every
 * format through the real CLI (rules only). Every input is accounted for
 * once; damaged office XML never publishes; whatever is published keeps its
 * whole body; no message carries document text. `npm run bench` runs a
 * longer batch (bench/fuzz.ts). Replay a failure with FUZZ_SEED.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261129)
const COUNT = 24
const MB = 1024 * 1024

describe(`tacha run on ${COUNT} fuzzed documents (seed ${SEED})`, () => {
  let base: string
  let inputs: FuzzInput[]
  let result: CliResult
  let outcomes: Map<string, string>
  let published: Map<string, string>
  let failures: { file: string }[]
  let failureLines: string

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-fuzz-"))
    inputs = await fuzzCorpus(SEED, COUNT)
    const lote = join(base, "lote")
    await mkdir(lote)
    for (const input of inputs) await writeFile(join(lote, input.name), input.bytes)
    const config = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"), "utf8"))
    delete config.$schema
    const pipeline = join(base, "pipeline.json")
    await writeFile(pipeline, JSON.stringify({ ...config, limits: { maxFileBytes: 40 * MB, timeoutMs: 20_000, workerMemoryMb: 512 } }))
    result = await runTacha([lote, "--out", join(base, "out"), "--pipeline", pipeline])
    const journal = (await readFile(join(base, "out", "private", "journal.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line))
    const run = journal.slice(journal.findLastIndex((line) => line.state === "started"))
    outcomes = new Map()
    for (const line of run.filter((entry) => entry.state === "done" || entry.state === "failed")) {
      expect(outcomes.has(line.file), `${line.file} settled twice`).toBe(false)
      outcomes.set(line.file, line.state === "done" ? "done" : line.reason)
    }
    const tree = await readTree(join(base, "out"))
    const audits = [...tree].filter(([path]) => path.startsWith("private/audit/")).map(([, bytes]) => JSON.parse(bytes.toString("utf8")))
    published = new Map(audits.flatMap((audit) => {
      const text = tree.get(`public/resoluciones/${audit.id}.txt`)
      return text ? [[audit.source as string, text.toString("utf8")] as const] : []
    }))
    failureLines = await readFile(join(base, "out", "private", "failures.jsonl"), "utf8").catch(() => "")
    failures = failureLines.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line))
  }, 240_000)
  afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true })
  })

  it("finishes without a crash and accounts for every input exactly once", () => {
    expect(result.signal, result.stderr.slice(-2000)).toBeNull()
    expect([0, 1]).toContain(result.code)
    expect([...outcomes.keys()].sort()).toEqual(inputs.map((input) => input.name).sort())
    expect(failures.map((failure) => failure.file).sort()).toEqual([...outcomes].filter(([, outcome]) => outcome !== "done").map(([file]) => file).sort())
    for (const [file, outcome] of outcomes) {
      expect(outcome === "done" || outcome in FAILURE_REASONS, file).toBe(true)
      expect(outcome, `${file}: a reader bug, not a verdict on the input`).not.toBe("processing_error")
    }
  })

  it("never publishes an office document whose XML was damaged", () => {
    for (const input of inputs.filter((candidate) => /\.(odt|docx)$/u.test(candidate.name) && !candidate.mutation.startsWith("zip-"))) {
      expect(["corrupt_document", "invalid_encoding"], `${input.name} → ${outcomes.get(input.name)}`).toContain(outcomes.get(input.name))
    }
  })

  it("publishes nothing without its whole body", () => {
    for (const [file, text] of published) {
      for (const marker of BODY_MARKERS) expect(text, `${file} publicado sin «${marker}»`).toContain(marker)
    }
    // The budget covers formats that survive their damage (forgiving HTML, re-encoded text), so something is published.
    expect(published.size).toBeGreaterThan(0)
  })

  it("names files and causes in its messages, never document text", () => {
    const messages = [result.stdout, result.stderr, failureLines].join("\n")
    const phrases = [...PERSONAL, ...ruling(100).map((paragraph) => paragraph.slice(10, 40))]
    for (const phrase of phrases) expect(messages).not.toContain(phrase)
  })
})
