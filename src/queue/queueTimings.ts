/**
 * How soon a job whose worker died goes back to the queue. A worker holds a
 * lock on each job it runs, renewed every half `lockMs`; when the lock
 * expires (the process was killed, the machine lost power), the next
 * stalled-job check of any live worker (every `stalledCheckMs`) puts the job
 * back in the queue, up to `maxStalled` times; past that it fails with
 * `worker_failed`. The defaults suit production; `TACHA_COLA_BLOQUEO_MS`
 * shortens both intervals (the tests use a second or two).
 */
export interface QueueTimings {
  readonly lockMs: number
  readonly stalledCheckMs: number
  readonly maxStalled: number
}

export const LOCK_VARIABLE = "TACHA_COLA_BLOQUEO_MS"

export const queueTimings = (env: NodeJS.ProcessEnv = process.env): QueueTimings => {
  const given = Number(env[LOCK_VARIABLE])
  const lockMs = Number.isInteger(given) && given >= 500 ? given : 30_000
  return { lockMs, stalledCheckMs: lockMs, maxStalled: 2 }
}
