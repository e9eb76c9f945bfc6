import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type { ExtractedDocument } from "../../domain/Document.ts"
import type { IngestFailure } from "../../domain/IngestFailure.ts"

/**
 * Why an anonymised document could not be produced (or was not vouched
 * for). Codes are stable: they become the ruling's withheld reason
 * (`documento:<codigo>`). Messages are Spanish and never quote the document.
 */
export const DOCUMENT_FAILURES = {
  sin_original: "falta la copia privada del archivo original o no coincide con el analizado",
  texto_distinto: "al volver a leer el original no se obtiene el texto analizado",
  mencion_no_ubicada: "una mención ocultada no pudo ubicarse en el documento",
  documento_ilegible: "el original o el documento producido no se pudo leer o escribir",
  caracter_no_representable: "el texto tiene caracteres que la fuente del PDF no puede representar",
} as const

export type DocumentFailureCode = keyof typeof DOCUMENT_FAILURES

export class DocumentError extends Data.TaggedError("DocumentError")<{ readonly code: DocumentFailureCode }> {
  override get message(): string {
    return DOCUMENT_FAILURES[this.code]
  }
}

/** Run one of the project's readers; a file it cannot read is `documento_ilegible`. */
export const extractOrFail = async (read: Effect.Effect<ExtractedDocument, IngestFailure>): Promise<ExtractedDocument> => {
  const exit = await Effect.runPromiseExit(read)
  if (Exit.isSuccess(exit)) return exit.value
  throw new DocumentError({ code: "documento_ilegible" })
}
