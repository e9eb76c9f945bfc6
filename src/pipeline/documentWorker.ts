import { createHash } from "node:crypto"
import { isAbsolute, join, relative } from "node:path"
import { parentPort, workerData } from "node:worker_threads"
import * as Effect from "effect/Effect"
import type { DetectOptions, Detector } from "../detect/Detector.ts"
import { ruleDetectors } from "../detect/registry.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Span } from "../domain/Span.ts"
import { analyseDocument } from "./analyseDocument.ts"
import { configFingerprint } from "./configFingerprint.ts"
import { AnalysisRequestSchema, type AnalysisRequest } from "./contract/AnalysisRequest.ts"
import { resultFor, type AnalysisOutcome } from "./contract/AnalysisResult.ts"
import type { DetectorInfo, ToPool, ToWorker } from "./DocumentPool.ts"
import { readDocumentBytes } from "./readDocumentBytes.ts"

/**
 * A document worker (see DocumentPool.ts): analyses one document at a time.
 * Statistical detectors (NER) stay with the main thread, which owns the one
 * model worker of the batch: each call is a message to the main thread and
 * back, so the model is loaded once however many document workers run.
 */
const port = parentPort!
const data = workerData as {
  readonly config: PipelineConfig
  readonly inputRoot: string | null
}
const pipeline = configFingerprint(data.config)
const send = (message: ToPool): void => port.postMessage(message)

const pending = new Map<number, { readonly resolve: (spans: readonly Span[]) => void; readonly reject: (error: Error) => void }>()
let nextRequest = 0
/** The job's statistical detectors: each call is a message to the main thread and back. */
const remoteDetectors = (detectors: readonly DetectorInfo[]): readonly Detector[] =>
  detectors.map((detector, index) => ({
    name: detector.name,
    labels: detector.labels,
    detect: (text: string, options?: DetectOptions) =>
      new Promise<readonly Span[]>((resolve, reject) => {
        const request = nextRequest++
        pending.set(request, { resolve, reject })
        send({ type: "detect", request, detector: index, text, ...(options?.settled ? { settled: options.settled } : {}) })
      }),
  }))

port.on("message", (message: ToWorker) => {
  if (message.type === "detected") {
    const waiting = pending.get(message.request)
    pending.delete(message.request)
    if (message.error !== undefined) waiting?.reject(new Error(message.error))
    else waiting?.resolve(message.spans ?? [])
    return
  }
  const parsed = AnalysisRequestSchema.safeParse(message.request)
  if (!parsed.success) {
    const { id = "?", sha256 = "0".repeat(64) } = message.request as Partial<AnalysisRequest>
    send({ type: "result", result: resultFor({ id, sha256, pipeline }, { ok: false, reason: "processing_error", detail: "pedido inválido" }) })
    return
  }
  const request = parsed.data
  void analyseRequest(request, remoteDetectors(message.detectors ?? [])).then(
    (outcome) => send({ type: "result", result: resultFor(request, outcome) }),
    (error: unknown) => send({ type: "result", result: resultFor(request, { ok: false, reason: "processing_error", detail: error instanceof Error ? error.name : "desconocido" }) }),
  )
})

/**
 * A request's bytes: as sent, or read from the shared input folder and
 * checked against the listed SHA-256 (a copy that changed is not analysed).
 */
const requestBytes = async (request: AnalysisRequest): Promise<Uint8Array | AnalysisOutcome> => {
  if (request.source.kind === "bytes") return request.source.bytes
  if (data.inputRoot === null) return { ok: false, reason: "missing_file", detail: "el trabajador no tiene carpeta de entrada compartida (--entrada)" }
  const path = join(data.inputRoot, request.source.path)
  const inside = relative(data.inputRoot, path)
  if (inside.startsWith("..") || isAbsolute(inside)) return { ok: false, reason: "outside_input" }
  const read = await Effect.runPromise(readDocumentBytes(path, data.config.limits).pipe(Effect.match({
    onFailure: (failure): AnalysisOutcome => ({ ok: false, reason: failure.reason, ...(failure.detail ? { detail: failure.detail } : {}) }),
    onSuccess: (bytes) => bytes,
  })))
  if (!(read instanceof Uint8Array)) return read
  if (createHash("sha256").update(read).digest("hex") !== request.sha256) {
    return { ok: false, reason: "processing_error", detail: "la copia compartida difiere del documento listado" }
  }
  return read
}

const analyseRequest = async (request: AnalysisRequest, extra: readonly Detector[]): Promise<AnalysisOutcome> => {
  if (request.pipeline !== pipeline) return { ok: false, reason: "processing_error", detail: "pipeline distinto del pedido" }
  const bytes = await requestBytes(request)
  if (!(bytes instanceof Uint8Array)) return bytes
  return analyseDocument({ id: request.id, relative: request.relative, sha256: request.sha256, metadata: request.metadata, bytes }, data.config, extra)
}

// Build the rule detectors (lexicons) before saying ready, so that a
// document's time limit does not pay for the worker's start.
ruleDetectors(data.config)
send({ type: "ready" })
