import { parentPort, workerData } from "node:worker_threads"
import type { ToPool, ToWorker } from "../../src/pipeline/DocumentPool.ts"

/** A stand-in document worker for pool.test.ts: the job's file name says how to misbehave. */
const port = parentPort!
const detectors = (workerData as { detectors: { name: string }[] }).detectors
const send = (message: ToPool) => port.postMessage(message)
const hoard: unknown[] = []

port.on("message", (message: ToWorker) => {
  if (message.type === "detected") {
    send({ type: "result", outcome: { ok: false, reason: "excluded_category", detail: `${message.spans?.length ?? 0} span(s) from ${detectors[0]?.name}` } })
    return
  }
  const name = message.job.relative
  if (name === "spin") for (;;);
  if (name === "oom") for (let i = 0; ; i++) hoard.push(new Array(1_000_000).fill(i))
  if (name === "exit") process.exit(3)
  if (name === "detect") return send({ type: "detect", request: 0, detector: 0, text: "texto de prueba" })
  send({ type: "result", outcome: { ok: false, reason: "no_text", detail: name } })
})
send({ type: "ready" })
