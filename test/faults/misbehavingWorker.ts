import { parentPort } from "node:worker_threads"
import type { AnalysisRequest } from "../../src/pipeline/contract/AnalysisRequest.ts"
import type { AnalysisOutcome, AnalysisResult } from "../../src/pipeline/contract/AnalysisResult.ts"
import type { ToPool, ToWorker } from "../../src/pipeline/DocumentPool.ts"

/** A stand-in document worker for pool.test.ts: the job's file name says how to misbehave. */
const port = parentPort!
/** The detectors the pool named with the current job. */
let detectors: readonly { readonly name: string }[] = []
const send = (message: ToPool) => port.postMessage(message)
const hoard: unknown[] = []
// Types only: a stand-in that loads no module starts as fast as the test's time limits assume.
const resultFor = (request: AnalysisRequest, outcome: AnalysisOutcome): AnalysisResult => ({ id: request.id, sha256: request.sha256, pipeline: request.pipeline, outcome })
let current: AnalysisRequest | undefined
const answer = (outcome: AnalysisOutcome) => send({ type: "result", result: resultFor(current!, outcome) })

port.on("message", (message: ToWorker) => {
  if (message.type === "detected") {
    answer({ ok: false, reason: "excluded_category", detail: `${message.spans?.length ?? 0} span(s) from ${detectors[0]?.name}` })
    return
  }
  current = message.request
  detectors = message.detectors
  const name = message.request.relative
  if (name === "spin") for (;;);
  if (name === "oom") for (let i = 0; ; i++) hoard.push(new Array(1_000_000).fill(i))
  if (name === "exit") process.exit(3)
  if (name === "detect") return send({ type: "detect", request: 0, detector: 0, text: "texto de prueba" })
  // An answer to another document, or one outside the contract: the pool must not take either.
  if (name === "other-id") return send({ type: "result", result: { ...resultFor(current, { ok: false, reason: "no_text" }), id: "otro" } })
  if (name === "malformed") return send({ type: "result", result: { ...resultFor(current, { ok: false, reason: "no_text" }), outcome: { ok: "sí" } } as never })
  answer({ ok: false, reason: "no_text", detail: name })
})
send({ type: "ready" })
