import * as Effect from "effect/Effect"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { imagePages, type ImageFormat } from "./ocr/imagePages.ts"
import { ocrPages, ocrProvenance } from "./ocr/ocrPages.ts"
import { partsFromPages } from "./pdf.ts"
import type { ReadOptions } from "./Reader.ts"

/**
 * Images of rulings (a photo of a signed page, a multi-page TIFF from a
 * scanner): every page is OCR'd, and the text is normalised like a PDF's
 * (page furniture, hyphenation, paragraphs). Without OCR they cannot be read.
 */

export const readImage = (bytes: Uint8Array, format: ImageFormat, options: ReadOptions) =>
  Effect.gen(function*() {
    const ocr = options.ocr
    if (ocr === undefined || !ocr.enabled) return yield* new IngestFailure({ reason: "needs_ocr", detail: "imagen; el OCR está desactivado" })
    const pages = yield* imagePages(bytes, format, ocr)
    const recognised = yield* ocrPages(pages, ocr)
    const provenance = ocrProvenance(pages.length, recognised)
    return {
      format,
      parts: partsFromPages(recognised.map((page) => page.text)),
      metadata: {},
      ...(provenance ? { ocr: provenance } : {}),
    }
  })
