/**
 * Worker-thread host of one ONNX session of the NER model (see index.ts).
 * Loads the model once from `workerData`, then answers `{ id, lengths, ids }`
 * (one batch of a document's windows: their lengths and tokens, one after the other) with `{ id, probs }`
 * (softmax rows, transferred) or `{ id, error }`; `{ close: true }` lets
 * the running batches finish, releases the session and ends the thread
 * (terminating it mid-run aborts onnxruntime).
 */
import { parentPort, workerData } from "node:worker_threads"
import { NerModel, type NerModelOptions } from "./NerModel.ts"

export type ModelRequest =
  | { readonly id: number; readonly lengths: readonly number[]; readonly ids: Int32Array }
  | { readonly close: true }

export type ModelReply =
  | { readonly ready: true; readonly name: string; readonly types: readonly string[]; readonly quantized: boolean }
  | { readonly ready: false; readonly error: string }
  | { readonly id: number; readonly probs: Float32Array }
  | { readonly id: number; readonly error: string }

const port = parentPort
if (!port) throw new Error("worker.ts must run in a worker thread")
const reply = (message: ModelReply, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer)

try {
  const model = await NerModel.load(workerData as NerModelOptions)
  const running = new Set<Promise<unknown>>()
  port.on("message", (request: ModelRequest) => {
    if ("close" in request) {
      void Promise.allSettled([...running]).then(async () => {
        await model.dispose()
        port.close()
      })
      return
    }
    const { id, lengths, ids } = request
    const run = model.windowProbs(lengths, ids).then(
      (probs) => reply({ id, probs }, [probs.buffer as ArrayBuffer]),
      (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
    ).finally(() => running.delete(run))
    running.add(run)
  })
  reply({ ready: true, name: model.name, types: model.types, quantized: model.quantized })
} catch (error) {
  reply({ ready: false, error: error instanceof Error ? error.message : String(error) })
}
