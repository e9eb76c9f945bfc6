/**
 * One measured phase of the benchmark, in its own process so that its peak
 * memory is its own: `extract <input>` (the baseline: read and extract text
 * only) or `run <input> <out>` (the whole `tacha run`). Prints one JSON line.
 */
import { readFile } from "node:fs/promises"
import { Effect } from "effect"
import { loadPipelineConfig } from "../src/domain/loadPipelineConfig.ts"
import { extractDocument } from "../src/ingest/extract.ts"
import { listInputs } from "../src/ingest/inputs.ts"
import { composeText } from "../src/normalise/composeText.ts"
import { Analyser } from "../src/pipeline/Analyser.ts"
import { runBatch } from "../src/pipeline/runBatch.ts"

const [phase, input, out, pipeline] = process.argv.slice(2)
if (!phase || !input) throw new Error("uso: phase.ts extract|run <entrada> [salida] [pipeline]")

const extractOnly = Effect.gen(function*() {
  const config = yield* loadPipelineConfig(pipeline)
  const listing = yield* listInputs(input)
  let characters = 0
  let documents = 0
  yield* Effect.forEach(listing.entries, (entry) =>
    entry.kind === "rejected" ? Effect.void : Effect.gen(function*() {
      const bytes = new Uint8Array(yield* Effect.promise(() => readFile(entry.absolute)))
      const text = composeText(yield* extractDocument(bytes, entry.relative, config.limits))
      characters += text.length
      documents += 1
    }), { concurrency: config.concurrency, discard: true })
  return { characters, documents }
})

const fullRun = Effect.gen(function*() {
  const config = yield* loadPipelineConfig(pipeline)
  const summary = yield* runBatch({ input, outDir: out!, config }).pipe(Effect.provide(Analyser.layer(config)))
  return { characters: summary.characters, documents: summary.succeeded }
})

const started = performance.now()
const program: Effect.Effect<{ characters: number; documents: number }, unknown> = phase === "extract" ? extractOnly : fullRun
const result = await Effect.runPromise(program)
const seconds = (performance.now() - started) / 1000
console.log(JSON.stringify({ phase, ...result, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
