import * as Data from "effect/Data"
import * as Runtime from "effect/Runtime"

/**
 * Why a review step could not be done. `message` is Spanish and names ids,
 * files, line numbers and causes — never the text of a ruling.
 */
export class ReviewError extends Data.TaggedError("ReviewError")<{
  readonly reason:
    | "almacen"
    | "sin_salida"
    | "no_encontrada"
    | "no_pendiente"
    | "decision_invalida"
    | "archivo_decisiones"
    | "retenida_por_el_control"
    | "registro_ilegible"
  readonly detail: string
}> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return this.detail
  }
}
