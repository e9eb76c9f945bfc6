import type * as Effect from "effect/Effect"
import type { ExtractedDocument, Format } from "../domain/Document.ts"
import type { IngestFailure } from "../domain/IngestFailure.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"

/** What a reader may need beyond the bytes: OCR settings for scanned pages (absent: no OCR). */
export interface ReadOptions {
  readonly ocr?: PipelineConfig["ocr"] | undefined
}

/**
 * One reader per format. A reader turns the raw bytes of one file into text
 * parts, or fails with an IngestFailure whose reason names the cause.
 * Readers never touch the file system: bytes in, document out.
 */
export interface Reader {
  readonly format: Format
  /** Lower-case extensions including the dot, e.g. [".docx"]. */
  readonly extensions: readonly string[]
  readonly read: (bytes: Uint8Array, options: ReadOptions) => Effect.Effect<ExtractedDocument, IngestFailure>
}
