import { createHash } from "node:crypto"
import { hostname } from "node:os"
import type { Redis } from "ioredis"
import { z } from "zod"
import { Sha256Schema } from "../pipeline/contract/AnalysisRequest.ts"

/**
 * The batches a Redis serves: one BullMQ queue per batch (`tacha run
 * --cola`), named after the run so that two batches never mix, and listed
 * in one Redis hash with the pipeline its documents are analysed under.
 * Workers (`tacha trabajador`) read the list to know which queues to take
 * jobs from and with which configuration; the coordinator removes its entry
 * and its queue when the batch ends.
 */

/** BullMQ key prefix: every key tacha writes starts with it. */
export const QUEUE_PREFIX = "tacha"

/** The hash of batches being served: queue name → BatchEntry (JSON). */
export const REGISTRY_KEY = `${QUEUE_PREFIX}:lotes`

export const BatchEntrySchema = z.object({
  queue: z.string().regex(/^lote-[0-9a-f]{16}$/u),
  /** The coordinator's tacha version: a worker of another version does not take its jobs (records carry the version). */
  tool: z.string(),
  /** The pipeline configuration, validated again by each worker, and its fingerprint. */
  config: z.unknown(),
  pipeline: Sha256Schema,
  /** Documents are read by the workers from their shared input folder (`--entrada`), not sent through Redis. */
  sharedInput: z.boolean(),
})
export type BatchEntry = z.infer<typeof BatchEntrySchema>

/** A queue name of its own for a run of `outDir` started now on this machine. */
export const batchQueueName = (outDir: string, startedAt: Date): string =>
  `lote-${createHash("sha256").update(`${hostname()}\0${process.pid}\0${outDir}\0${startedAt.toISOString()}`).digest("hex").slice(0, 16)}`

/**
 * A coordinator says it is alive by renewing this key (it expires after
 * `HEARTBEAT_TTL_MS`): a batch whose coordinator died (`kill -9`) is
 * dropped by the workers instead of being served forever.
 */
const heartbeatKey = (queue: string): string => `${QUEUE_PREFIX}:${queue}:coordinador`
export const HEARTBEAT_TTL_MS = 30_000

export const beat = async (client: Redis, queue: string): Promise<void> => {
  await client.set(heartbeatKey(queue), "1", "PX", HEARTBEAT_TTL_MS)
}

export const registerBatch = async (client: Redis, entry: BatchEntry): Promise<void> => {
  await beat(client, entry.queue)
  await client.hset(REGISTRY_KEY, entry.queue, JSON.stringify(entry))
}

export const unregisterBatch = async (client: Redis, queue: string): Promise<void> => {
  await client.hdel(REGISTRY_KEY, queue)
}

/**
 * The batches listed now whose coordinator is alive. An entry that does not
 * parse (another tool's, a damaged one) is left out; one whose coordinator
 * stopped renewing its key is removed with what is left of its queue.
 */
export const listBatches = async (client: Redis): Promise<BatchEntry[]> => {
  const entries = Object.values(await client.hgetall(REGISTRY_KEY)).flatMap((value) => {
    try {
      const parsed = BatchEntrySchema.safeParse(JSON.parse(value))
      return parsed.success ? [parsed.data] : []
    } catch {
      return []
    }
  })
  const alive: BatchEntry[] = []
  for (const entry of entries) {
    if ((await client.exists(heartbeatKey(entry.queue))) === 1) alive.push(entry)
    else {
      await unregisterBatch(client, entry.queue)
      await removeQueueKeys(client, entry.queue)
    }
  }
  return alive
}

/**
 * Whatever is left of a finished batch's queue: the coordinator removes the
 * queue, but a worker's last stalled-job check may write its bookkeeping
 * keys again before the worker sees that the batch ended.
 */
export const removeQueueKeys = async (client: Redis, queue: string): Promise<void> => {
  let cursor = "0"
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${QUEUE_PREFIX}:${queue}:*`, "COUNT", 500)
    if (keys.length > 0) await client.del(...keys)
    cursor = next
  } while (cursor !== "0")
}
