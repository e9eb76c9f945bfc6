import * as Data from "effect/Data"
import * as Runtime from "effect/Runtime"

/**
 * `--cola` names no Redis that tacha can use: a malformed address, a server
 * that does not answer, a password it refuses. Exit code 2 (usage), a
 * Spanish message that shows the address with its credentials masked.
 */
export class QueueUnavailable extends Data.TaggedError("QueueUnavailable")<{
  /** The address with credentials masked (QueueAddress.shown). */
  readonly shown: string
  readonly reason: "malformed" | "refused" | "not_found" | "timeout" | "auth" | "too_old" | "other"
  /** Spanish detail; never a credential. */
  readonly detail?: string
}> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    const cause = {
      malformed: "la dirección no es válida",
      refused: "el servidor rechazó la conexión (¿está corriendo redis-server en esa dirección y puerto?)",
      not_found: "no se encontró el servidor",
      timeout: "el servidor no respondió a tiempo",
      auth: "Redis rechazó la clave (o pide una y no se dio)",
      too_old: "la versión de Redis es demasiado antigua (se necesita 6.2 o posterior)",
      other: "falló la conexión",
    }[this.reason]
    return `no se pudo usar la cola --cola ${this.shown}: ${cause}${this.detail ? ` (${this.detail})` : ""}.`
  }
  get hint(): string {
    return this.reason === "auth"
      ? "Dé la clave en la URL (redis://:clave@servidor:6379) o en la variable de entorno TACHA_COLA_CLAVE."
      : "Indique con --cola la dirección de un Redis accesible, por ejemplo redis://127.0.0.1:6379."
  }
}
