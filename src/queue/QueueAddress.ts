import * as Effect from "effect/Effect"
import type { RedisOptions } from "ioredis"
import { QueueUnavailable } from "./QueueUnavailable.ts"

/**
 * Where the Redis queue is, from `--cola redis://[usuario:clave@]host:puerto[/base]`
 * (or `rediss://` for TLS). The password may come from the URL or from the
 * environment variable `TACHA_COLA_CLAVE`, so that it need not appear in a
 * command line or a unit file. It is never printed: `shown` masks it.
 */
export interface QueueAddress {
  /** The address for messages: the URL with its credentials masked. */
  readonly shown: string
  readonly options: RedisOptions
}

/** The environment variable a password may come from. */
export const PASSWORD_VARIABLE = "TACHA_COLA_CLAVE"

/** A URL's credentials replaced by `***`, also in text that is not a valid URL. */
export const maskCredentials = (given: string): string => given.replace(/\/\/[^/@]*@/u, "//***@")

/** The address in `given`, or why it is not one. */
export const parseQueueAddress = (given: string, env: NodeJS.ProcessEnv = process.env): Effect.Effect<QueueAddress, QueueUnavailable> => {
  const malformed = (detail: string) => Effect.fail(new QueueUnavailable({ shown: maskCredentials(given), reason: "malformed", detail }))
  let url: URL
  try {
    url = new URL(given)
  } catch {
    return malformed("no es una URL")
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") return malformed("debe empezar con redis:// o rediss://")
  if (url.hostname === "") return malformed("falta el servidor")
  const port = url.port === "" ? 6379 : Number(url.port)
  const db = url.pathname === "" || url.pathname === "/" ? 0 : Number(url.pathname.slice(1))
  if (!Number.isInteger(db) || db < 0) return malformed("la base de datos, después de la barra, debe ser un número")
  const password = url.password !== "" ? decodeURIComponent(url.password) : env[PASSWORD_VARIABLE]
  const username = url.username !== "" ? decodeURIComponent(url.username) : undefined
  return Effect.succeed({
    shown: `${url.protocol}//${url.username || url.password ? "***@" : ""}${url.host}${db === 0 ? "" : `/${db}`}`,
    options: {
      host: url.hostname.replace(/^\[(.*)\]$/u, "$1"),
      port,
      db,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(url.protocol === "rediss:" ? { tls: {} } : {}),
    },
  })
}
