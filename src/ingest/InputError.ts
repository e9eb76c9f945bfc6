import * as Data from "effect/Data"

/**
 * Why a whole input (a folder or a manifest) cannot be listed. Per-file
 * problems are not errors here: they are `rejected` entries of the listing.
 */
export const INPUT_ERROR_REASONS = {
  input_not_found: "la entrada no existe",
  input_unreadable: "no se pudo leer la entrada",
  manifest_malformed: "el manifiesto está mal formado",
  unsupported_manifest: "la entrada debe ser una carpeta o un manifiesto .csv o .json",
} as const

export type InputErrorReason = keyof typeof INPUT_ERROR_REASONS

export class InputError extends Data.TaggedError("InputError")<{
  readonly reason: InputErrorReason
  /** Technical detail (a line number, a missing column); never document text. */
  readonly detail?: string
}> {
  override get message(): string {
    return INPUT_ERROR_REASONS[this.reason] + (this.detail ? ` (${this.detail})` : "")
  }
}
