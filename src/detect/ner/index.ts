import "./telemetryOff.ts"
import { availableParallelism } from "node:os"
import path from "node:path"
import { Worker } from "node:worker_threads"
import type { DetectOptions, Detector } from "../Detector.ts"
import { isLabel, type Label } from "../../domain/Label.ts"
import type { Span } from "../../domain/Span.ts"
import { NerEncoder } from "./encoder.ts"
import { modelWindows } from "./regions.ts"
import type { ModelReply, ModelRequest } from "./worker.ts"
import { batchIds, DEFAULT_BATCH, defaultStride, TokenProbs, windowBatches } from "./windows.ts"

/**
 * The statistical name/place/address detector: a small BERT-style token
 * classifier (models/tacha-ner-es, trained by models/recipe) run through
 * transformers.js + onnxruntime-node, fully offline. It runs only on the
 * windows around the words that can change a decision (regions.ts: names
 * and places are written with capitals), not over a ruling's lowercase prose,
 * quoted statutes or tables of amounts; `regions: false` runs it over the
 * whole text, as the model's evaluation does.
 *
 * Threading: onnxruntime-node runs a session synchronously on the calling
 * thread, so by default the model lives in worker threads (`workers`, one
 * ONNX session of one thread each) and the calling thread only tokenises,
 * splits the document into batches of windows and decodes. The workers take
 * batches as they free up (two in flight each), from the waiting documents
 * in turn, so a long document's windows run on all of them at once and its
 * latency does not wait on one thread, while a huge one does not hold back
 * the others. `workers: 0` runs
 * in-process (what the model benchmarks use); if the workers cannot be
 * started the detector falls back to in-process.
 */
export interface NerDetectorOptions {
  /** Model folder (config.json, tokenizer.json, onnx/). */
  readonly modelDir: string
  /** Use onnx/model_quantized.onnx (int8) when present. */
  readonly quantized: boolean
  /** Minimum span score (mean word probability) to report. */
  readonly threshold: number
  /** Model worker threads; 0 runs in-process. Default: the machine's cores, at most 2. */
  readonly workers?: number
  /** Windows per ONNX run (default 8). */
  readonly batchSize?: number
  /** Window step in tokens when the whole text is run (default: window - 62). */
  readonly stride?: number
  /** Run the model only around candidate words (regions.ts; default), or over the whole text (false). */
  readonly regions?: boolean
}

export interface NerDetector extends Detector {
  /** Model folder name, e.g. "tacha-ner-es". */
  readonly model: string
  /** Whether the int8 model is in use. */
  readonly quantized: boolean
  /** Model worker threads in use (0: in-process). */
  readonly workers: number
  /** Stop the workers / release the session. */
  readonly close: () => Promise<void>
}

/**
 * Runs one batch of windows of the document `request` (any object naming
 * it); rejects once the detector is closed.
 */
type RunBatch = (request: object, lengths: readonly number[], ids: Int32Array, signal?: AbortSignal) => Promise<Float32Array>

interface Backend {
  readonly quantized: boolean
  readonly run: RunBatch
  readonly close: () => Promise<void>
  readonly workers: number
}

/** How long a closing worker may take to finish its current batch before it is terminated. */
const CLOSE_GRACE_MS = 10_000
/** Batches sent to one worker before it answers: the next one waits in its port, never idle. */
const IN_FLIGHT_PER_WORKER = 2

const cancelled = (): Error => new Error("NER request cancelled")

const inProcess = async (options: NerDetectorOptions): Promise<Backend> => {
  // Loaded here only: ONNX Runtime and transformers.js are the model workers' (worker.ts), not the batch's.
  const { NerModel } = await import("./NerModel.ts")
  const model = await NerModel.load({ modelDir: options.modelDir, quantized: options.quantized })
  let closed = false
  // One run at a time, in order: the session is not re-entrant.
  let tail: Promise<unknown> = Promise.resolve()
  return {
    quantized: model.quantized,
    workers: 0,
    run: (_request, lengths, ids, signal) => {
      const run = tail.then(() => {
        if (closed) throw new Error("NER detector closed")
        if (signal?.aborted) throw cancelled()
        return model.windowProbs(lengths, ids)
      })
      tail = run.catch(() => undefined)
      return run
    },
    close: async () => {
      closed = true
      await tail
      await model.dispose()
    },
  }
}

interface Job {
  readonly lengths: readonly number[]
  readonly ids: Int32Array
  readonly signal: AbortSignal | undefined
  readonly resolve: (probs: Float32Array) => void
  readonly reject: (error: Error) => void
}

interface ModelWorker {
  readonly worker: Worker
  readonly pending: Map<number, Job>
}

const startWorker = (options: NerDetectorOptions): Promise<{ worker: Worker; quantized: boolean }> =>
  new Promise((resolve, reject) => {
    // Compiled to dist/, the worker is the .js file next to this one.
    const worker = new Worker(new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url), {
      workerData: { modelDir: path.resolve(options.modelDir), quantized: options.quantized, threads: 1 },
    })
    const onMessage = (message: ModelReply) => {
      if (!("ready" in message)) return
      worker.off("message", onMessage)
      if (message.ready) resolve({ worker, quantized: message.quantized })
      else {
        void worker.terminate()
        reject(new Error(message.error))
      }
    }
    worker.on("message", onMessage)
    worker.once("error", reject)
    worker.once("exit", (code) => reject(new Error(`NER worker exited with code ${code}`)))
  })

const inWorkers = async (options: NerDetectorOptions, count: number): Promise<Backend> => {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startWorker(options)))
  const failed = started.find((result) => result.status === "rejected")
  if (failed) {
    for (const result of started) if (result.status === "fulfilled") void result.value.worker.terminate()
    throw (failed as PromiseRejectedResult).reason
  }
  const workers: ModelWorker[] = started.map((result) => ({ worker: (result as PromiseFulfilledResult<{ worker: Worker }>).value.worker, pending: new Map<number, Job>() }))
  // Batches waiting, per document; the workers take from the documents in turn,
  // so that a very long document does not hold back the ones behind it.
  const queues = new Map<object, Job[]>()
  let next = 0
  let closed = false

  const failAll = (error: Error): void => {
    for (const jobs of queues.values()) for (const job of jobs) job.reject(error)
    queues.clear()
    for (const slot of workers) {
      for (const job of slot.pending.values()) job.reject(error)
      slot.pending.clear()
    }
  }

  /** The next document's next batch; that document goes to the back of the turn. */
  const take = (): Job | undefined => {
    const first = queues.entries().next()
    if (first.done) return undefined
    const [request, jobs] = first.value
    const job = jobs.shift()!
    queues.delete(request)
    if (jobs.length > 0) queues.set(request, jobs)
    return job
  }

  const pump = (): void => {
    for (const slot of workers) {
      while (slot.pending.size < IN_FLIGHT_PER_WORKER && queues.size > 0) {
        const job = take()!
        if (job.signal?.aborted) {
          job.reject(cancelled())
          continue
        }
        const id = next++
        if (slot.pending.size === 0) slot.worker.ref()
        slot.pending.set(id, job)
        slot.worker.postMessage({ id, lengths: job.lengths, ids: job.ids } satisfies ModelRequest)
      }
    }
  }

  for (const slot of workers) {
    // An idle worker does not keep the process alive.
    slot.worker.unref()
    slot.worker.on("message", (message: ModelReply) => {
      if (!("id" in message)) return
      const job = slot.pending.get(message.id)
      slot.pending.delete(message.id)
      if (slot.pending.size === 0) slot.worker.unref()
      if (job !== undefined) {
        if ("error" in message) job.reject(new Error(message.error))
        else job.resolve(message.probs)
      }
      pump()
    })
    slot.worker.on("error", (error) => failAll(error))
    slot.worker.on("exit", (code) => {
      if (!closed) failAll(new Error(`NER worker exited with code ${code}`))
    })
  }

  return {
    quantized: (started[0] as PromiseFulfilledResult<{ quantized: boolean }>).value.quantized,
    workers: workers.length,
    run: (request, lengths, ids, signal) =>
      new Promise<Float32Array>((resolve, reject) => {
        if (closed) return reject(new Error("NER detector closed"))
        const jobs = queues.get(request)
        if (jobs === undefined) queues.set(request, [{ lengths, ids, signal, resolve, reject }])
        else jobs.push({ lengths, ids, signal, resolve, reject })
        pump()
      }),
    close: async () => {
      closed = true
      failAll(new Error("NER detector closed"))
      // Ask each worker to stop after its current batch and release the
      // session: terminating it during a native run aborts the process.
      await Promise.all(workers.map(async ({ worker }) => {
        const exited = new Promise<void>((done) => worker.once("exit", () => done()))
        worker.ref()
        worker.postMessage({ close: true } satisfies ModelRequest)
        const grace = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS)
        await exited
        clearTimeout(grace)
      }))
    },
  }
}

export const createNerDetector = async (options: NerDetectorOptions): Promise<NerDetector> => {
  const encoder = NerEncoder.load(options.modelDir)
  const count = options.workers ?? Math.min(2, availableParallelism())
  let backend: Backend
  if (count > 0) {
    try {
      backend = await inWorkers(options, count)
    } catch {
      backend = await inProcess(options)
    }
  } else {
    backend = await inProcess(options)
  }
  const name = `ner/${encoder.name}`
  const labels = encoder.types.filter(isLabel) as Label[]
  const { threshold } = options
  const stride = Math.max(1, Math.min(encoder.window, options.stride ?? defaultStride(encoder.window)))
  const batchSize = options.batchSize ?? DEFAULT_BATCH
  const plan = { regions: options.regions ?? true, window: encoder.window, stride }
  return {
    name,
    labels,
    model: encoder.name,
    quantized: backend.quantized,
    workers: backend.workers,
    close: backend.close,
    detect: async (text: string, detectOptions?: DetectOptions): Promise<readonly Span[]> => {
      const signal = detectOptions?.signal
      if (signal?.aborted) throw cancelled()
      const encoded = await encoder.encodeInPieces(text)
      if (signal?.aborted) throw cancelled()
      const n = encoded.ids.length
      if (n === 0) return []
      const merged = new TokenProbs(n, encoder.numLabels)
      const windows = modelWindows(text, encoded, plan, detectOptions?.settled)
      const batches = windowBatches(windows, batchSize)
      // Every batch is queued at once; a cancelled document rejects now, its queued batches are dropped.
      const request = {}
      await new Promise<void>((resolve, reject) => {
        let left = batches.length
        if (left === 0) return resolve()
        const onAbort = () => reject(cancelled())
        signal?.addEventListener("abort", onAbort, { once: true })
        for (const batch of batches) {
          backend.run(request, batch.windows.map((w) => w.length), batchIds(encoded.ids, batch), signal).then((probs) => {
            merged.add(batch, probs)
            if (--left === 0) {
              signal?.removeEventListener("abort", onAbort)
              resolve()
            }
          }, (error: Error) => {
            signal?.removeEventListener("abort", onAbort)
            reject(error)
          })
        }
      })
      const out: Span[] = []
      for (const r of encoder.decode(encoded, merged.probs)) {
        if (r.score < threshold || !isLabel(r.type)) continue
        out.push({ start: r.start, end: r.end, label: r.type, score: r.score, detector: name, evidence: "ner" })
      }
      return out
    },
  }
}
export { pretokenize, type Word } from "./pretokenize.ts"
