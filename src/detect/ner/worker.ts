/**
 * Worker-thread host of the NER model (see index.ts). Loads the model once
 * from `workerData`, then answers `{ id, text }` with `{ id, spans }` or
 * `{ id, error }`; `{ cancel: id }` stops that prediction between two
 * batches; `{ close: true }` lets running predictions stop, releases the
 * session and ends the thread (terminating it mid-run aborts onnxruntime).
 */
import { parentPort, workerData } from "node:worker_threads"
import { NerModel, type NerModelOptions } from "./NerModel.ts"

type Request =
  | { readonly id: number; readonly text: string }
  | { readonly cancel: number }
  | { readonly close: true }

const port = parentPort
if (!port) throw new Error("worker.ts must run in a worker thread")

try {
  const model = await NerModel.load(workerData as NerModelOptions)
  const cancelled = new Set<number>()
  const running = new Set<Promise<unknown>>()
  let closing = false
  port.on("message", (req: Request) => {
    if ("cancel" in req) {
      cancelled.add(req.cancel)
      return
    }
    if ("close" in req) {
      closing = true
      void Promise.allSettled([...running]).then(async () => {
        await model.dispose()
        port.close()
      })
      return
    }
    const { id, text } = req
    const run = model.predict(text, () => closing || cancelled.has(id)).then(
      (spans) => port.postMessage({ id, spans }),
      (e: unknown) => port.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
    ).finally(() => {
      cancelled.delete(id)
      running.delete(run)
    })
    running.add(run)
  })
  port.postMessage({ ready: true, name: model.name, types: model.types, quantized: model.quantized })
} catch (e) {
  port.postMessage({ ready: false, error: e instanceof Error ? e.message : String(e) })
}
