import { join, relative } from "node:path"
import * as Data from "effect/Data"
import * as Runtime from "effect/Runtime"
import { causeOf } from "../store/OutputFolder.ts"

/**
 * Publication could not go on: a file it reads (an audit record, a public
 * text, a document) is unreadable or does not follow its schema. The
 * message names the file and the cause, never the text; the store and the
 * datasets stay as the last publication left them.
 */
export class PublicationError extends Data.TaggedError("PublicationError")<{
  readonly reason: "registro_ilegible" | "lectura"
  /** The file, as the clerk finds it (relative to the output folder's parent). */
  readonly file: string
  readonly cause: string
}> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    const what = this.reason === "registro_ilegible"
      ? `el registro de auditoría ${this.file} no se puede leer o no sigue el esquema (${this.cause})`
      : `no se pudo leer ${this.file} (${this.cause})`
    return `${what}; no se publicó: el almacén y los conjuntos de datos quedaron como estaban.`
  }
  get hint(): string {
    return this.reason === "registro_ilegible"
      ? "Quite ese registro (y su texto en public/resoluciones/) o vuelva a procesar su documento con 'tacha run', y publique de nuevo."
      : "Verifique el permiso de lectura de la carpeta de salida y publique de nuevo."
  }
}

/** An audit record at `path` that cannot be read or parsed; the cause is the system's code or the parser's class, never the content. */
export const unreadableRecord = (outDir: string, path: string) => (error: unknown): PublicationError =>
  new PublicationError({ reason: "registro_ilegible", file: relative(join(outDir, ".."), path), cause: causeOf(error) })
