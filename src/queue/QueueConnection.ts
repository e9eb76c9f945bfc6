import * as Effect from "effect/Effect"
import { Redis } from "ioredis"
import type { QueueAddress } from "./QueueAddress.ts"
import { QueueUnavailable } from "./QueueUnavailable.ts"

/**
 * Connections to the Redis behind `--cola`, for one command. Opening it
 * checks at once that the server answers (and accepts the password), so a
 * wrong address fails before any work starts, with a Spanish message and
 * exit code 2. Each BullMQ object gets a connection of its own (`open`);
 * all are closed when the command's scope ends.
 */
export interface QueueConnection {
  readonly address: QueueAddress
  /** For plain commands (the registry of batches). */
  readonly client: Redis
  /** A further connection (BullMQ's blocking reads need their own). */
  readonly open: () => Redis
}

const classify = (error: Error & { code?: string }): QueueUnavailable["reason"] => {
  if (/NOAUTH|WRONGPASS|invalid password|invalid username-password/iu.test(error.message)) return "auth"
  switch (error.code) {
    case "ECONNREFUSED":
      return "refused"
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "not_found"
    case "ETIMEDOUT":
      return "timeout"
    default:
      return /timed? ?out/iu.test(error.message) ? "timeout" : "other"
  }
}

/** A client that has answered PING, or why none could. */
const probe = (address: QueueAddress) =>
  Effect.tryPromise({
    try: async () => {
      const client = new Redis({ ...address.options, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 1, connectTimeout: 5_000 })
      let last: Error | undefined
      client.on("error", (error: Error) => (last = error))
      try {
        await client.connect()
        await client.ping()
      } catch (error) {
        client.disconnect()
        throw last ?? error
      }
      client.disconnect()
    },
    catch: (error) => {
      const reason = classify(error as Error & { code?: string })
      // Only the error's code: ioredis messages may quote the address as given.
      const code = (error as { code?: unknown }).code
      return new QueueUnavailable({ shown: address.shown, reason, ...(reason === "other" && typeof code === "string" ? { detail: code } : {}) })
    },
  })

/** How long closing waits for a polite QUIT before it drops a connection (Redis may be gone). */
const QUIT_MS = 1_000

export const openQueueConnection = (address: QueueAddress) =>
  Effect.gen(function*() {
    yield* probe(address)
    const opened: Redis[] = []
    let warned = false
    const connect = (maxRetriesPerRequest: number | null): Redis => {
      const client = new Redis({ ...address.options, maxRetriesPerRequest })
      client.on("error", () => {
        if (warned) return
        warned = true
        process.stderr.write(`Atención: se perdió la conexión con la cola ${address.shown}; se reintenta.\n`)
      })
      client.on("ready", () => (warned = false))
      opened.push(client)
      return client
    }
    // BullMQ's workers need commands that wait for the connection instead of failing (maxRetriesPerRequest: null);
    // plain commands fail while Redis is away, so that a worker asked to stop is not held by them.
    const client = connect(1)
    yield* Effect.addFinalizer(() =>
      Effect.promise(() =>
        Promise.all(opened.map(async (redis) => {
          await Promise.race([redis.quit().catch(() => {}), new Promise((resolve) => setTimeout(resolve, QUIT_MS))])
          redis.disconnect()
        }))
      )
    )
    return { address, client, open: () => connect(null) } satisfies QueueConnection
  })
