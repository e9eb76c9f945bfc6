import { Queue, QueueEvents } from "bullmq"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { z } from "zod"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { Analyser } from "../pipeline/Analyser.ts"
import { configFingerprint } from "../pipeline/configFingerprint.ts"
import { AnalysisRequestJson, type AnalysisRequest } from "../pipeline/contract/AnalysisRequest.ts"
import type { AnalysisOutcome } from "../pipeline/contract/AnalysisResult.ts"
import { TOOL_VERSION } from "../pipeline/toolVersion.ts"
import { batchQueueName, beat, HEARTBEAT_TTL_MS, QUEUE_PREFIX, registerBatch, unregisterBatch } from "./BatchRegistry.ts"
import { createJobBook } from "./JobBook.ts"
import type { QueueConnection } from "./QueueConnection.ts"

/**
 * The Analyser of a coordinator (`tacha run --cola`): each document becomes
 * a job on the batch's own BullMQ queue, and its answer, from whichever
 * worker (`tacha trabajador`) took it, comes back to the batch, which stays
 * the single writer of the output folder and the store. Nothing else of the
 * batch changes: resume, journal, review, publication and the summary are
 * the local run's.
 *
 * A job's id is the document's id, the SHA-256 of its bytes and the
 * pipeline's fingerprint: a job retried after its worker died is the same
 * job, BullMQ completes it once (a worker that lost its lock cannot complete
 * it), and an answer that names another document, other bytes or another
 * pipeline is refused. Jobs and answers are matched in JobBook.ts; each
 * finished job is removed by the worker that completes it, and its answer
 * is trimmed from the queue's event stream once read (JobBook.ts); what is
 * left goes with the queue and its entry in the list of batches when the
 * batch ends, so personal data stays in Redis only while the batch runs.
 */

/** Jobs the coordinator keeps queued: enough to keep several machines busy, few enough to bound Redis' memory. */
export const QUEUE_IN_FLIGHT = 32

/** Events kept in the queue's event stream: far more than the jobs in flight produce before they are read. */
const EVENTS_KEPT = 1_000

/** How long a batch waits for its first answer before it says that no worker seems to be there. */
const IDLE_HINT_MS = 15_000

export const queueAnalyserLayer = (
  config: PipelineConfig,
  connection: QueueConnection,
  options: { readonly outDir: string; readonly sharedInput: boolean },
) =>
  Layer.effect(
    Analyser,
    Effect.gen(function*() {
      const name = batchQueueName(options.outDir, new Date())
      const pipeline = configFingerprint(config)
      const queue = new Queue(name, { connection: connection.open(), prefix: QUEUE_PREFIX, streams: { events: { maxLen: EVENTS_KEPT } } })
      const events = new QueueEvents(name, { connection: connection.open(), prefix: QUEUE_PREFIX })
      // Events before the listener is ready would be lost: no job is added before.
      yield* Effect.promise(() => events.waitUntilReady())
      // Events older than the last one read go: XTRIM MINID keeps that one and everything after it.
      const eventsKey = queue.toKey("events")
      const trimEvents = (before: string) => connection.client.xtrim(eventsKey, "MINID", before)
      const book = yield* Effect.acquireRelease(Effect.sync(() => createJobBook(queue, events, { trimEvents })), (opened) => Effect.sync(opened.stop))
      yield* Effect.acquireRelease(
        Effect.promise(async () => {
          await registerBatch(connection.client, { queue: name, tool: TOOL_VERSION, config, pipeline, sharedInput: options.sharedInput })
          const heartbeat = setInterval(() => void beat(connection.client, name).catch(() => {}), HEARTBEAT_TTL_MS / 3)
          // Nothing analysed after a while: say what the batch is waiting for, once.
          const idle = setTimeout(() => {
            if (book.answered() === 0) {
              process.stderr.write(`\nEsperando trabajadores: ningún documento se analizó todavía. Inicie "tacha trabajador --cola ${connection.address.shown}" en una o más máquinas (con la misma versión de tacha).\n`)
            }
          }, IDLE_HINT_MS)
          return () => {
            clearInterval(heartbeat)
            clearTimeout(idle)
          }
        }),
        (stopTimers) =>
          Effect.promise(async () => {
            stopTimers()
            await unregisterBatch(connection.client, name).catch(() => {})
            await events.close().catch(() => {})
            await queue.obliterate({ force: true }).catch(() => {})
            await queue.close().catch(() => {})
          }),
      )
      const submit = (request: AnalysisRequest): Promise<AnalysisOutcome> => {
        const sent = options.sharedInput ? { ...request, source: { kind: "path" as const, path: request.relative } } : request
        return book.submit(request, z.encode(AnalysisRequestJson, sent))
      }
      return Analyser.of({
        process: (request) => Effect.promise(() => submit(request)),
        models: config.detectors.ner?.enabled ? [config.detectors.ner.model] : [],
        inFlight: QUEUE_IN_FLIGHT,
      })
    }),
  )
