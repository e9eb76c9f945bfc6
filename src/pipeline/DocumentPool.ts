import { Worker } from "node:worker_threads"
import type { DetectOptions, Detector } from "../detect/Detector.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Label } from "../domain/Label.ts"
import type { Span } from "../domain/Span.ts"
import type { AnalysisRequest } from "./contract/AnalysisRequest.ts"
import { AnalysisResultSchema, answers, resultFor, type AnalysisOutcome, type AnalysisResult } from "./contract/AnalysisResult.ts"

/**
 * A fixed pool of `node:worker_threads` workers that run the CPU-bound part
 * of each document (analyseDocument.ts). A promise timeout cannot stop a
 * synchronous loop (pdf.js spinning, a regex over a 10-million-character
 * line), but terminating the thread can:
 *
 * - time: each document has `limits.timeoutMs` from the moment it is handed
 *   to a ready worker; past it the worker is terminated and the document
 *   fails with `timeout`;
 * - memory: each worker runs with `resourceLimits` (`limits.workerMemoryMb`
 *   of V8 old generation); a document that exceeds it kills only its worker
 *   and fails with `out_of_memory`;
 * - a worker that dies for any other reason fails its document with
 *   `worker_failed`.
 *
 * A dead or terminated worker is replaced by a fresh one when the next
 * document needs its slot. Workers start with their first document, or all
 * at once with `warm` (while the batch loads its model: loading a worker's
 * code takes a moment). Files, journal and summary stay on the main thread;
 * the workers only compute.
 *
 * Statistical detectors passed in `extra` (the NER model, which already runs
 * in its own worker thread) are not copied into each document worker: the
 * document worker asks the main thread, which forwards to the one model.
 * They may still be loading when the pool starts: a document is handed to a
 * worker once they are there, with their names and labels.
 *
 * Jobs and answers are the worker contract (contract/AnalysisRequest.ts,
 * contract/AnalysisResult.ts), checked against its schema on arrival; a
 * queue worker on another machine (src/queue) runs this same pool.
 */

/** A statistical detector as a document worker knows it: its calls go to the main thread. */
export interface DetectorInfo {
  readonly name: string
  readonly labels: readonly Label[]
}

export type ToWorker =
  | { readonly type: "job"; readonly request: AnalysisRequest; readonly detectors: readonly DetectorInfo[] }
  | { readonly type: "detected"; readonly request: number; readonly spans?: readonly Span[]; readonly error?: string }

export type ToPool =
  | { readonly type: "ready" }
  | { readonly type: "result"; readonly result: AnalysisResult }
  | { readonly type: "detect"; readonly request: number; readonly detector: number; readonly text: string; readonly settled?: DetectOptions["settled"] }

export interface DocumentPoolOptions {
  readonly size: number
  readonly config: PipelineConfig
  /** Detectors that run on the main thread's side (NER), called from the workers by message; possibly still loading. */
  readonly extra?: readonly Detector[] | PromiseLike<readonly Detector[]>
  /** The shared input folder that requests with a `path` source are read from; none: such requests fail. */
  readonly inputRoot?: string
  /** Worker entry; tests may substitute one. */
  readonly entry?: URL
}

export interface DocumentPool {
  /** Never rejects: every failure is a named outcome. */
  readonly run: (request: AnalysisRequest) => Promise<AnalysisResult>
  /** Start every worker that is not running yet, before any document is there for it. */
  readonly warm: () => void
  /** Terminate every worker; pending documents fail with `worker_failed`. */
  readonly close: () => Promise<void>
  /** Workers started so far, replacements included (for tests and benchmarks). */
  readonly started: () => number
}

interface Task {
  readonly request: AnalysisRequest
  readonly resolve: (result: AnalysisResult) => void
}

interface Slot {
  worker: Worker | null
  ready: Promise<Worker> | null
  task: Task | null
  timer: ReturnType<typeof setTimeout> | null
  /** The error event of the current worker, read when it exits. */
  error: (Error & { code?: string }) | null
  /** Model requests made for the current worker's document, aborted when it is discarded. */
  requests: Set<AbortController>
}

const OUT_OF_MEMORY = "ERR_WORKER_OUT_OF_MEMORY"

export const createDocumentPool = (options: DocumentPoolOptions): DocumentPool => {
  const { config } = options
  let extra: readonly Detector[] = []
  /** What each job tells its worker of them. */
  let detectorInfo: readonly DetectorInfo[] = []
  // A pool whose detectors fail to load is closed by its owner; its documents are never handed out.
  const extraReady = Promise.resolve(options.extra ?? []).then((loaded) => {
    extra = loaded
    detectorInfo = loaded.map((detector) => ({ name: detector.name, labels: detector.labels }))
  })
  extraReady.catch(() => undefined)
  // Compiled to dist/, the worker is the .js file next to this one.
  const entry = options.entry ?? new URL(import.meta.url.endsWith(".ts") ? "./documentWorker.ts" : "./documentWorker.js", import.meta.url)
  const slots: Slot[] = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, ready: null, task: null, timer: null, error: null, requests: new Set<AbortController>() }))
  const queue: Task[] = []
  let started = 0
  let closed = false

  const finish = (slot: Slot, outcome: AnalysisOutcome): void => {
    const task = slot.task
    if (task === null) return
    if (slot.timer !== null) clearTimeout(slot.timer)
    slot.task = null
    slot.timer = null
    task.resolve(resultFor(task.request, outcome))
    pump()
  }

  /**
   * A worker's answer, if it is one to the slot's request under the contract;
   * otherwise a named failure (with the field the schema refused: a path, never a value).
   */
  const answer = (slot: Slot, result: unknown): AnalysisOutcome => {
    const parsed = AnalysisResultSchema.safeParse(result)
    if (!parsed.success) return { ok: false, reason: "worker_failed", detail: `respuesta inválida: ${parsed.error.issues[0]?.path.join(".") || "?"}` }
    if (slot.task !== null && answers(parsed.data, slot.task.request)) return parsed.data.outcome
    return { ok: false, reason: "worker_failed", detail: "respuesta a otro documento" }
  }

  const abortRequests = (slot: Slot): void => {
    for (const request of slot.requests) request.abort()
    slot.requests.clear()
  }

  /** Forget the slot's worker and stop it; the next task starts a fresh one. */
  const discard = (slot: Slot): void => {
    abortRequests(slot)
    const worker = slot.worker
    slot.worker = null
    slot.ready = null
    slot.error = null
    if (worker !== null) void worker.terminate()
  }

  const spawn = (slot: Slot): Promise<Worker> =>
    new Promise<Worker>((resolve, reject) => {
      started++
      const worker = new Worker(entry, {
        workerData: { config, inputRoot: options.inputRoot ?? null },
        resourceLimits: { maxOldGenerationSizeMb: config.limits.workerMemoryMb },
      })
      slot.worker = worker
      slot.error = null
      let ready = false
      worker.on("message", (message: ToPool) => {
        if (slot.worker !== worker) return
        switch (message.type) {
          case "ready":
            ready = true
            resolve(worker)
            return
          case "result":
            finish(slot, answer(slot, message.result))
            return
          case "detect": {
            const detector = extra[message.detector]
            const reply = (answer: ToWorker) => {
              if (slot.worker === worker) worker.postMessage(answer)
            }
            const request = new AbortController()
            slot.requests.add(request)
            Promise.resolve()
              .then(() => detector!.detect(message.text, { signal: request.signal, ...(message.settled ? { settled: message.settled } : {}) }))
              .finally(() => slot.requests.delete(request))
              .then(
                (spans) => reply({ type: "detected", request: message.request, spans }),
                (error: unknown) => reply({ type: "detected", request: message.request, error: error instanceof Error ? error.name : "error" }),
              )
            return
          }
        }
      })
      worker.on("error", (error: Error & { code?: string }) => {
        if (slot.worker === worker) slot.error = error
      })
      worker.on("exit", () => {
        if (slot.worker !== worker) return
        abortRequests(slot)
        const error = slot.error
        slot.worker = null
        slot.ready = null
        slot.error = null
        if (!ready) {
          reject(error ?? new Error("worker exited before it was ready"))
          return
        }
        finish(slot, error?.code === OUT_OF_MEMORY
          ? { ok: false, reason: "out_of_memory", detail: `más de ${config.limits.workerMemoryMb} MB` }
          : { ok: false, reason: "worker_failed", detail: error?.code ?? error?.name ?? "exit" })
      })
    })

  const start = (slot: Slot, task: Task): void => {
    slot.task = task
    slot.ready ??= spawn(slot)
    Promise.all([slot.ready, extraReady]).then(
      ([worker]) => {
        if (slot.task !== task) return
        slot.timer = setTimeout(() => {
          // Discard first: finishing starts the next document on this slot.
          discard(slot)
          finish(slot, { ok: false, reason: "timeout", detail: `más de ${config.limits.timeoutMs} ms` })
        }, config.limits.timeoutMs)
        worker.postMessage({ type: "job", request: task.request, detectors: detectorInfo } satisfies ToWorker)
      },
      (error: Error & { code?: string }) => {
        slot.ready = null
        finish(slot, error.code === OUT_OF_MEMORY
          ? { ok: false, reason: "out_of_memory", detail: `más de ${config.limits.workerMemoryMb} MB` }
          : { ok: false, reason: "worker_failed", detail: error.code ?? error.name })
      },
    )
  }

  const pump = (): void => {
    for (const slot of slots) {
      if (queue.length === 0) return
      if (slot.task === null) start(slot, queue.shift()!)
    }
  }

  return {
    run: (request) =>
      new Promise<AnalysisResult>((resolve) => {
        if (closed) return resolve(resultFor(request, { ok: false, reason: "worker_failed", detail: "closed" }))
        queue.push({ request, resolve })
        pump()
      }),
    warm: () => {
      if (closed) return
      for (const slot of slots) {
        if (slot.worker !== null || slot.ready !== null) continue
        const ready = spawn(slot)
        slot.ready = ready
        // A worker that fails to start is started again by the next document (which then reports why).
        ready.catch(() => {
          if (slot.ready === ready && slot.task === null) slot.ready = null
        })
      }
    },
    close: async () => {
      closed = true
      for (const task of queue.splice(0)) task.resolve(resultFor(task.request, { ok: false, reason: "worker_failed", detail: "closed" }))
      const workers = slots.flatMap((slot) => (slot.worker === null ? [] : [slot.worker]))
      for (const slot of slots) {
        const task = slot.task
        slot.worker = null
        slot.ready = null
        if (slot.timer !== null) clearTimeout(slot.timer)
        slot.task = null
        task?.resolve(resultFor(task.request, { ok: false, reason: "worker_failed", detail: "closed" }))
      }
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
    started: () => started,
  }
}
