/**
 * Where one document's time goes: every step of the pipeline run in this
 * process, one document after the other, each timed on its own (extract,
 * normalise, rules, model tokenisation, ONNX, decode, resolve and within it
 * propagation, redaction, gate, writes). The same calls the document worker
 * makes (analyseDocument.ts, resolve.ts, redactAndGate.ts), first round of
 * the gate only. Then the whole analysis of each document as the pipeline
 * runs it (analyseDocument with the model in its worker thread), one at a
 * time: the latency of a document by its length.
 *
 *   npx node bench/stages.ts <input folder> [pipeline]
 *
 * Prints one JSON line: { stages: {name: ms}, characters, documents, windows, tokens, windowTokens, latencies: [{characters, ms}] }.
 */
import { createHash } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { loadPipelineConfig, PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import type { Span } from "../src/domain/Span.ts"
import { detectAll, ruleDetectors, settledRanges } from "../src/detect/registry.ts"
import { emptyNerTimings, NerModel } from "../src/detect/ner/NerModel.ts"
import { createNerDetector } from "../src/detect/ner/index.ts"
import { extractDocument } from "../src/ingest/extract.ts"
import { headMetadata } from "../src/ingest/headMetadata.ts"
import { listInputs } from "../src/ingest/inputs.ts"
import { composeText } from "../src/normalise/composeText.ts"
import { analyseDocument } from "../src/pipeline/analyseDocument.ts"
import { gatePublication, hardenSpans, publicationPolicy } from "../src/publish/gate.ts"
import { writeFileAtomic } from "../src/publish/writeFileAtomic.ts"
import { auditEntities, redactText } from "../src/redact/redactText.ts"
import { closeRedactedForms } from "../src/resolve/closeForms.ts"
import { mergeSpans } from "../src/resolve/merge.ts"
import { isModelSpan, vetModelSpans } from "../src/resolve/modelSpans.ts"
import { cutToWords } from "../src/resolve/modelWords.ts"
import { propagate } from "../src/resolve/propagate.ts"
import { MIN_SCORE, resolveSpans } from "../src/resolve/resolve.ts"

const [input, pipeline] = process.argv.slice(2)
if (!input) throw new Error("uso: stages.ts <entrada> [pipeline]")
const config = await Effect.runPromise(loadPipelineConfig(pipeline))
const ner = config.detectors.ner
if (!ner?.enabled) throw new Error("stages.ts mide el pipeline con modelo: el pipeline no lo activa")
const modelDir = join(PROJECT_ROOT, ner.model)
const listing = await Effect.runPromise(listInputs(input))
const entries = listing.entries.flatMap((entry) => (entry.kind === "rejected" ? [] : [entry]))
const scratch = mkdtempSync(join(tmpdir(), "tacha-stages-"))

const stages: Record<string, number> = {}
const timed = async <A>(stage: string, run: () => A | Promise<A>): Promise<A> => {
  const started = performance.now()
  const result = await run()
  stages[stage] = (stages[stage] ?? 0) + performance.now() - started
  return result
}

// 1. Each step on its own, the model in this thread.
const model = await NerModel.load({ modelDir, quantized: ner.quantized })
const rules = ruleDetectors(config)
const nerTimings = emptyNerTimings()
let characters = 0
for (const entry of entries) {
  const bytes = await timed("lectura", async () => new Uint8Array(await readFile(entry.absolute)))
  const document = await timed("extracción", () => Effect.runPromise(extractDocument(bytes, entry.relative, { ...config.limits, ocr: config.ocr })))
  const text = await timed("normalización", () => {
    const composed = composeText(document)
    headMetadata(composed)
    return composed
  })
  characters += text.length
  const ruleSpans = await timed("reglas", () => detectAll(text, rules))
  const raw = await model.predict(text, () => false, nerTimings, settledRanges(ruleSpans, MIN_SCORE))
  const modelSpans: Span[] = raw.flatMap((r) => (r.score >= ner.threshold ? [{ start: r.start, end: r.end, label: r.type as Span["label"], score: r.score, detector: `ner/${model.name}`, evidence: "ner" }] : []))
  const spans = [...ruleSpans, ...modelSpans]
  const resolved = await timed("resolución", () => resolveSpans(text, spans, config))
  // Propagation alone, on what resolution hands it (its share of the resolution above).
  await timed("  de ella, propagación", () => {
    const valid = spans.flatMap((s) => (isModelSpan(s) ? cutToWords(text, s) : [s]))
    return propagate(text, mergeSpans(text, vetModelSpans(text, valid)))
  })
  const policy = await timed("política", () => publicationPolicy(text, config))
  const redaction = await timed("redacción", () => redactText(text, closeRedactedForms(text, hardenSpans(resolved, policy)), policy.config))
  await timed("control final", () => gatePublication(redaction.text, redaction, policy.config, ruleDetectors(policy.config)))
  await timed("escritura", async () => {
    const audit = JSON.stringify({ id: entry.relative, text, entities: auditEntities(redaction) }, null, 2) + "\n"
    createHash("sha256").update(redaction.text).digest("hex")
    await writeFileAtomic(join(scratch, "audit.json"), audit)
    await writeFileAtomic(join(scratch, "public.txt"), redaction.text)
  })
}
await model.dispose()
stages["modelo: tokenización"] = nerTimings.tokenise
stages["modelo: ONNX"] = nerTimings.onnx
stages["modelo: decodificación"] = nerTimings.decode

// 2. Latency: the whole analysis of one document as the document worker runs it, the model in its worker thread.
const detector = await createNerDetector({ modelDir, quantized: ner.quantized, threshold: ner.threshold })
const latencies: { characters: number; ms: number }[] = []
for (const entry of entries) {
  const bytes = new Uint8Array(await readFile(entry.absolute))
  const started = performance.now()
  const outcome = await analyseDocument({ id: "bench", relative: entry.relative, sha256: "", metadata: {}, bytes }, config, [detector])
  const ms = performance.now() - started
  const length = outcome.ok ? outcome.record.text.length : outcome.held?.text.length ?? 0
  latencies.push({ characters: length, ms })
}
await detector.close()
rmSync(scratch, { recursive: true, force: true })
console.log(JSON.stringify({ stages, characters, documents: entries.length, windows: nerTimings.windows, tokens: nerTimings.tokens, windowTokens: nerTimings.windowTokens, latencies }))
