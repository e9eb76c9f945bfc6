import type { JobsOptions, Queue, QueueEvents } from "bullmq"
import type { AnalysisRequest } from "../pipeline/contract/AnalysisRequest.ts"
import { AnalysisResultJson, answers, type AnalysisOutcome } from "../pipeline/contract/AnalysisResult.ts"

/** How often the jobs waiting longer than this are looked up in Redis as well, in case their answer's event was not seen. */
export const SWEEP_MS = 5_000

export const jobKey = (request: Pick<AnalysisRequest, "id" | "sha256" | "pipeline">): string =>
  `${request.id}-${request.sha256}-${request.pipeline}`

const refused = (detail: string): AnalysisOutcome => ({ ok: false, reason: "worker_failed", detail })

/** The outcome in a worker's answer to `request`, or a failure when it is not one. */
const outcomeOf = (value: unknown, request: AnalysisRequest): AnalysisOutcome => {
  const parsed = AnalysisResultJson.safeParse(value)
  return parsed.success && answers(parsed.data, request) ? parsed.data.outcome : refused("respuesta inválida de la cola")
}

const FAILED = refused("la cola dio el trabajo por fallido: el trabajador terminó de forma inesperada")

/** A job on the queue, waiting for its answer. */
interface Waiting {
  readonly request: AnalysisRequest
  readonly job: { readonly name: string; readonly data: unknown; readonly opts: JobsOptions }
  readonly settle: (outcome: AnalysisOutcome) => void
  /** When it was (last) added. */
  since: number
}

/**
 * The jobs of one batch and their answers. Jobs added in the same turn of
 * the event loop go to Redis in one `addBulk`; a worker's answer comes back
 * in the queue's event stream (its `completed` event carries it), read by
 * one listener for all jobs, and the job is removed by the worker's own
 * completion (`removeOnComplete`), so a document costs the coordinator one
 * command to add it and nothing more. Each job is settled once: an answer
 * to a job no longer waiting (already answered) is ignored.
 *
 * An answer carries the document's public text, its audit record and its
 * document: once read, its event (and every older one) is trimmed from the
 * stream (`trimEvents`, after each turn that read events), so Redis holds
 * the answers not yet read, not the last thousand events of a batch of long
 * rulings. The coordinator is the stream's only reader, and the stream is
 * read in order: what is older than an event read was read.
 *
 * Should an event be missed (trimmed from the stream while the coordinator
 * was stalled), a sweep every `SWEEP_MS` looks up the jobs waiting longer:
 * one that failed fails, one that is gone (completed, its event lost) is
 * added again, and its next answer settles it.
 */
export const createJobBook = (
  queue: Queue,
  events: QueueEvents,
  options: { readonly sweepMs?: number; readonly trimEvents?: (before: string) => Promise<unknown> } = {},
) => {
  const waiting = new Map<string, Waiting>()
  let toAdd: Waiting[] = []
  let answered = 0

  const settle = (key: string, outcome: (entry: Waiting) => AnalysisOutcome): void => {
    const entry = waiting.get(key)
    if (entry === undefined) return
    waiting.delete(key)
    answered++
    entry.settle(outcome(entry))
  }
  // The last event read; trimmed up to once per turn of the event loop.
  let lastRead: string | undefined
  const read = (id: string): void => {
    if (options.trimEvents === undefined) return
    if (lastRead === undefined) {
      setImmediate(() => {
        const before = lastRead!
        lastRead = undefined
        // A trim that fails only leaves the events to the stream's own limit.
        options.trimEvents!(before).catch(() => {})
      })
    }
    lastRead = id
  }
  events.on("completed", ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }, id: string) => {
    settle(jobId, (entry) => outcomeOf(returnvalue, entry.request))
    read(id)
  })
  events.on("failed", ({ jobId }: { jobId: string }, id: string) => {
    settle(jobId, () => FAILED)
    read(id)
  })

  const flush = (): void => {
    const adding = toAdd
    toAdd = []
    if (adding.length === 0) return
    queue.addBulk(adding.map((entry) => entry.job)).catch(() => {
      // Redis refused or went away: those jobs fail (the batch goes on, a new run retries them).
      for (const entry of adding) settle(jobKey(entry.request), () => refused("no se pudo encolar el documento"))
    })
  }
  const add = (entry: Waiting): void => {
    entry.since = Date.now()
    toAdd.push(entry)
    if (toAdd.length === 1) setImmediate(flush)
  }

  const sweepMs = options.sweepMs ?? SWEEP_MS
  let sweeping = false
  const sweep = setInterval(() => {
    if (sweeping) return
    sweeping = true
    const stale = [...waiting.entries()].filter(([, entry]) => Date.now() - entry.since >= sweepMs)
    void Promise.all(stale.map(async ([key, entry]) => {
      const state = await queue.getJobState(key).catch(() => null)
      if (waiting.get(key) !== entry) return
      if (state === "failed") settle(key, () => FAILED)
      else if (state === "unknown") add(entry)
      else entry.since = Date.now()
    })).finally(() => (sweeping = false))
  }, Math.max(100, Math.floor(sweepMs / 2)))

  return {
    /** The answer to `request`, once a worker gave it (or the queue failed the job). */
    submit: (request: AnalysisRequest, data: unknown): Promise<AnalysisOutcome> =>
      new Promise((resolve) => {
        const key = jobKey(request)
        const entry: Waiting = {
          request,
          job: { name: "analizar", data, opts: { jobId: key, attempts: 1, removeOnComplete: true, removeOnFail: true } },
          settle: resolve,
          since: 0,
        }
        waiting.set(key, entry)
        add(entry)
      }),
    /** Answers settled so far. */
    answered: () => answered,
    stop: () => clearInterval(sweep),
  }
}

