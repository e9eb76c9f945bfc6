/**
 * One measured phase of the benchmark, in its own process so that its peak
 * memory is its own:
 * - `extract <input>`: the baseline, read and extract text only;
 * - `model <input> [pipeline]`: extract, then the NER detector alone (its
 *   model workers, as the pipeline loads it) on every text, as many at once
 *   as the pipeline's concurrency;
 * - `run <input> <out> [pipeline]`: the whole `tacha run`; `documentSeconds`
 *   is the time until the last document was analysed, the rest is
 *   publication (datasets, DuckDB, catalogue).
 * Prints one JSON line: characters, documents, seconds, cpuSeconds (user +
 * system, every thread), peakRssMb.
 */
import { readFile } from "node:fs/promises"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { runServices } from "../src/cli/main.ts"
import { loadPipelineConfig } from "../src/domain/loadPipelineConfig.ts"
import { extractDocument } from "../src/ingest/extract.ts"
import { listInputs } from "../src/ingest/inputs.ts"
import { composeText } from "../src/normalise/composeText.ts"
import { Analyser } from "../src/pipeline/Analyser.ts"
import { Pipeline } from "../src/pipeline/Pipeline.ts"
import { loadNerDetector } from "../src/pipeline/loadNerDetector.ts"
import { runBatch } from "../src/pipeline/runBatch.ts"
import { detectAll, ruleDetectors, settledRanges } from "../src/detect/registry.ts"
import { MIN_SCORE } from "../src/resolve/resolve.ts"

const [phase, input, ...rest] = process.argv.slice(2)
if (!phase || !input) throw new Error("uso: phase.ts extract|model|run <entrada> [salida] [pipeline]")
const out = phase === "run" ? rest[0] : undefined
const pipeline = phase === "run" ? rest[1] : rest[0]

const texts = (keep: boolean) => Effect.gen(function*() {
  const config = yield* loadPipelineConfig(pipeline)
  const listing = yield* listInputs(input)
  const kept: string[] = []
  let characters = 0
  let documents = 0
  yield* Effect.forEach(listing.entries, (entry) =>
    entry.kind === "rejected" ? Effect.void : Effect.gen(function*() {
      const bytes = new Uint8Array(yield* Effect.promise(() => readFile(entry.absolute)))
      const text = composeText(yield* extractDocument(bytes, entry.relative, { ...config.limits, ocr: config.ocr }))
      characters += text.length
      documents += 1
      if (keep) kept.push(text)
    }), { concurrency: config.concurrency, discard: true })
  return { characters, documents, texts: kept, config }
})

const extractOnly = texts(false).pipe(Effect.map(({ characters, documents }) => ({ characters, documents })))

/**
 * The model alone, as the pipeline runs it (told the ranges the rules
 * decided, found before the clock starts), timed from its first text
 * (extraction, the rules and the model's start excluded).
 */
const modelOnly = Effect.scoped(Effect.gen(function*() {
  const { characters, documents, texts: all, config } = yield* texts(true)
  const [detector] = yield* loadNerDetector(config)
  if (!detector) throw new Error("el pipeline no activa el modelo")
  const settled = yield* Effect.promise(() =>
    Promise.all(all.map(async (text) => settledRanges(await detectAll(text, ruleDetectors(config)), MIN_SCORE))))
  const started = performance.now()
  const cpu = process.cpuUsage()
  yield* Effect.forEach(all, (text, i) => Effect.promise(() => Promise.resolve(detector.detect(text, { settled: settled[i]! }))), { concurrency: config.concurrency, discard: true })
  const used = process.cpuUsage(cpu)
  return { characters, documents, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 }
}))

let lastDocument = 0
let lastDocumentCpu = 0
// Built only for the run phase: the extract and model phases have no output folder.
const fullRun = Effect.suspend(() => Effect.gen(function*() {
  const { config } = yield* Pipeline
  const summary = yield* runBatch({
    input,
    onProgress: (done, total) => {
      if (done === total) {
        lastDocument = performance.now()
        const usage = process.resourceUsage()
        lastDocumentCpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6
      }
    },
  }).pipe(Effect.provide(Analyser.layer(config)))
  return { characters: summary.characters, documents: summary.succeeded, held: summary.failures.length }
}).pipe(Effect.scoped, Effect.provide(runServices(out!, Option.fromNullishOr(pipeline)))))

const started = performance.now()
const program: Effect.Effect<{ characters: number; documents: number; seconds?: number; cpuSeconds?: number }, unknown> =
  phase === "extract" ? extractOnly : phase === "model" ? modelOnly : fullRun
const result = await Effect.runPromise(program)
const seconds = (performance.now() - started) / 1000
const usage = process.resourceUsage()
console.log(JSON.stringify({
  phase,
  seconds,
  cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  ...result,
  ...(lastDocument > 0 ? { documentSeconds: (lastDocument - started) / 1000, documentCpuSeconds: lastDocumentCpu } : {}),
  peakRssMb: usage.maxRSS / 1024,
}))
