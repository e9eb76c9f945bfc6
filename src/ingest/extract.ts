import * as Effect from "effect/Effect"
import type { ExtractedDocument } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { composeText } from "../normalise/composeText.ts"
import { readerFor } from "./readers.ts"

/**
 * One file's bytes → its extracted document, or the reason it cannot be
 * processed. Cheap checks (empty, size, extension) run before any parser
 * sees the bytes.
 */

export interface ExtractLimits {
  readonly maxFileBytes: number
  /** OCR for scanned pages and images; absent or disabled: none. */
  readonly ocr?: PipelineConfig["ocr"] | undefined
}

export const extractDocument = (
  bytes: Uint8Array,
  fileName: string,
  limits: ExtractLimits,
): Effect.Effect<ExtractedDocument, IngestFailure> =>
  Effect.gen(function* () {
    if (bytes.length === 0) return yield* new IngestFailure({ reason: "empty_file" })
    if (bytes.length > limits.maxFileBytes) {
      return yield* new IngestFailure({ reason: "too_large", detail: `${bytes.length} bytes, máximo ${limits.maxFileBytes}` })
    }
    const reader = readerFor(fileName)
    if (reader === undefined) return yield* new IngestFailure({ reason: "unsupported_format" })
    const doc = yield* reader.read(bytes, { ocr: limits.ocr })
    if (composeText(doc).trim().length === 0) return yield* new IngestFailure({ reason: "no_text" })
    return doc
  }).pipe(
    // A parser bug must not take the whole batch down; no detail, the defect may quote the document.
    Effect.catchDefect(() => Effect.fail(new IngestFailure({ reason: "processing_error" }))),
  )
