/**
 * Worker-thread host of the NER model (see index.ts). Loads the model once
 * from `workerData`, then answers `{ id, text }` with `{ id, spans }` or
 * `{ id, error }`.
 */
import { parentPort, workerData } from "node:worker_threads"
import { NerModel, type NerModelOptions } from "./NerModel.ts"

interface Request { readonly id: number; readonly text: string }

const port = parentPort
if (!port) throw new Error("worker.ts must run in a worker thread")

try {
  const model = await NerModel.load(workerData as NerModelOptions)
  port.on("message", (req: Request) => {
    model.predict(req.text).then(
      (spans) => port.postMessage({ id: req.id, spans }),
      (e: unknown) => port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) }),
    )
  })
  port.postMessage({ ready: true, name: model.name, types: model.types, quantized: model.quantized })
} catch (e) {
  port.postMessage({ ready: false, error: e instanceof Error ? e.message : String(e) })
}
