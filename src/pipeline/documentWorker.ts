import { parentPort, workerData } from "node:worker_threads"
import type { Detector } from "../detect/Detector.ts"
import { ruleDetectors } from "../detect/registry.ts"
import type { Label } from "../domain/Label.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Span } from "../domain/Span.ts"
import { analyseDocument } from "./analyseDocument.ts"
import type { ToPool, ToWorker } from "./DocumentPool.ts"

/**
 * A document worker (see DocumentPool.ts): analyses one document at a time.
 * Statistical detectors (NER) stay with the main thread, which owns the one
 * model worker of the batch: each call is a message to the main thread and
 * back, so the model is loaded once however many document workers run.
 */
const port = parentPort!
const data = workerData as { readonly config: PipelineConfig; readonly detectors: readonly { readonly name: string; readonly labels: readonly Label[] }[] }
const send = (message: ToPool): void => port.postMessage(message)

const pending = new Map<number, { readonly resolve: (spans: readonly Span[]) => void; readonly reject: (error: Error) => void }>()
let nextRequest = 0
const extra: readonly Detector[] = data.detectors.map((detector, index) => ({
  name: detector.name,
  labels: detector.labels,
  detect: (text: string) =>
    new Promise<readonly Span[]>((resolve, reject) => {
      const request = nextRequest++
      pending.set(request, { resolve, reject })
      send({ type: "detect", request, detector: index, text })
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
  void analyseDocument(message.job, data.config, extra).then(
    (outcome) => send({ type: "result", outcome }),
    (error: unknown) => send({ type: "result", outcome: { ok: false, reason: "processing_error", detail: error instanceof Error ? error.name : "desconocido" } }),
  )
})

// Build the rule detectors (lexicons) before saying ready, so that a
// document's time limit does not pay for the worker's start.
ruleDetectors(data.config)
send({ type: "ready" })
