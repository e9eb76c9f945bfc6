import path from "node:path"
import { Worker } from "node:worker_threads"
import type { DetectOptions, Detector } from "../Detector.ts"
import { isLabel, type Label } from "../../domain/Label.ts"
import type { Span } from "../../domain/Span.ts"
import type { RawSpan } from "./decode.ts"
import { NerModel } from "./NerModel.ts"

/**
 * The statistical name/place/address detector: a small BERT-style token
 * classifier (models/tacha-ner-es, trained by models/recipe) run through
 * transformers.js + onnxruntime-node, fully offline.
 *
 * Threading: onnxruntime-node runs a session synchronously on the calling
 * thread, so by default the model lives in a worker thread (`worker: true`)
 * and the main thread keeps reading files and running the rule detectors
 * while a document is being tagged; requests are queued to the worker and
 * each document's windows are batched into few ONNX runs. `worker: false`
 * runs in-process (what the model benchmarks use); if the worker cannot be
 * started the detector falls back to in-process.
 */
export interface NerDetectorOptions {
  /** Model folder (config.json, tokenizer.json, onnx/). */
  readonly modelDir: string
  /** Use onnx/model_quantized.onnx (int8) when present. */
  readonly quantized: boolean
  /** Minimum span score (mean word probability) to report. */
  readonly threshold: number
  /** Run the model in a worker thread (default true). */
  readonly worker?: boolean
  /** Windows per ONNX run (default 8). */
  readonly batchSize?: number
}

export interface NerDetector extends Detector {
  /** Model folder name, e.g. "tacha-ner-es". */
  readonly model: string
  /** Whether the int8 model is in use. */
  readonly quantized: boolean
  /** Whether inference runs in a worker thread. */
  readonly inWorker: boolean
  /** Stop the worker / release the session. */
  readonly close: () => Promise<void>
}

type Predict = (text: string, signal?: AbortSignal) => Promise<readonly RawSpan[]>

/** How long a closing worker may take to finish its current batch before it is terminated. */
const CLOSE_GRACE_MS = 10_000

interface Backend {
  readonly name: string
  readonly types: readonly string[]
  readonly quantized: boolean
  readonly predict: Predict
  readonly close: () => Promise<void>
  readonly inWorker: boolean
}

const inProcess = async (options: NerDetectorOptions): Promise<Backend> => {
  const model = await NerModel.load({ modelDir: options.modelDir, quantized: options.quantized, batchSize: options.batchSize })
  return {
    name: model.name, types: model.types, quantized: model.quantized, inWorker: false,
    predict: (text, signal) => model.predict(text, () => signal?.aborted ?? false), close: () => model.dispose(),
  }
}

const inWorker = (options: NerDetectorOptions): Promise<Backend> =>
  new Promise((resolve, reject) => {
    // Compiled to dist/, the worker is the .js file next to this one.
    const worker = new Worker(new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url), {
      workerData: { modelDir: path.resolve(options.modelDir), quantized: options.quantized, batchSize: options.batchSize },
    })
    const pending = new Map<number, { resolve: (s: readonly RawSpan[]) => void; reject: (e: Error) => void }>()
    let next = 0
    let ready = false
    const failAll = (e: Error): void => {
      for (const p of pending.values()) p.reject(e)
      pending.clear()
    }
    worker.on("message", (m: { ready?: boolean; error?: string; id?: number; spans?: RawSpan[]; name?: string; types?: string[]; quantized?: boolean }) => {
      if (m.id === undefined) {
        if (m.ready) {
          ready = true
          worker.unref()
          resolve({
            name: m.name!, types: m.types!, quantized: m.quantized!, inWorker: true,
            predict: (text, signal) => new Promise((res, rej) => {
              if (signal?.aborted) return rej(new Error("NER request cancelled"))
              const id = next++
              pending.set(id, { resolve: res, reject: rej })
              if (pending.size === 1) worker.ref()
              worker.postMessage({ id, text })
              signal?.addEventListener("abort", () => {
                if (!pending.delete(id)) return
                if (pending.size === 0) worker.unref()
                worker.postMessage({ cancel: id })
                rej(new Error("NER request cancelled"))
              }, { once: true })
            }),
            close: async () => {
              failAll(new Error("NER detector closed"))
              // Ask the worker to stop between two batches and release the
              // session: terminating it during a native run aborts the process.
              const exited = new Promise<void>((done) => worker.once("exit", () => done()))
              worker.ref()
              worker.postMessage({ close: true })
              const grace = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS)
              await exited
              clearTimeout(grace)
            },
          })
        } else {
          void worker.terminate()
          reject(new Error(m.error ?? "NER worker failed to start"))
        }
        return
      }
      const p = pending.get(m.id)
      if (!p) return
      pending.delete(m.id)
      if (pending.size === 0) worker.unref()
      if (m.error !== undefined) p.reject(new Error(m.error))
      else p.resolve(m.spans ?? [])
    })
    worker.on("error", (e) => {
      if (!ready) reject(e)
      failAll(e)
    })
    worker.on("exit", (code) => {
      if (!ready) reject(new Error(`NER worker exited with code ${code}`))
      failAll(new Error(`NER worker exited with code ${code}`))
    })
  })

export const createNerDetector = async (options: NerDetectorOptions): Promise<NerDetector> => {
  let backend: Backend
  if (options.worker ?? true) {
    try {
      backend = await inWorker(options)
    } catch {
      backend = await inProcess(options)
    }
  } else {
    backend = await inProcess(options)
  }
  const name = `ner/${backend.name}`
  const labels = backend.types.filter(isLabel) as Label[]
  const threshold = options.threshold
  return {
    name,
    labels,
    model: backend.name,
    quantized: backend.quantized,
    inWorker: backend.inWorker,
    close: backend.close,
    detect: async (text: string, options?: DetectOptions): Promise<readonly Span[]> => {
      if (text.length === 0) return []
      const raw = await backend.predict(text, options?.signal)
      const out: Span[] = []
      for (const r of raw) {
        if (r.score < threshold || !isLabel(r.type)) continue
        out.push({ start: r.start, end: r.end, label: r.type, score: r.score, detector: name, evidence: "ner" })
      }
      return out
    },
  }
}

export { NerModel } from "./NerModel.ts"
export { pretokenize, type Word } from "./pretokenize.ts"
