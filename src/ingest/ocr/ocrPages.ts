import * as Effect from "effect/Effect"
import type { OcrPage, OcrProvenance } from "../../domain/Document.ts"
import { IngestFailure } from "../../domain/IngestFailure.ts"
import type { PipelineConfig } from "../../domain/PipelineConfig.ts"
import { fixOcrText } from "./fixOcrText.ts"
import { inkShare } from "./greyImage.ts"
import { OCR_ENGINE, recognise } from "./OcrEngine.ts"

/**
 * Reads page images with the OCR engine, `workers` pages at a time: while
 * one page is being recognised (in a tesseract thread) the next is rendered
 * or decoded here, and at most `workers` page images are held at once. The
 * text gets the identifier fixes (fixOcrText.ts); the caller normalises it
 * like any text layer. A blank page (a scanner's empty back, a separator
 * sheet: almost no pixel dark enough to be ink) is not sent to tesseract,
 * which would spend seconds laying it out to find nothing.
 */

/** Below this share of ink pixels a page is blank: a page number alone is about 1 in 20 000 pixels at 300 dpi. */
export const BLANK_INK_SHARE = 0.00003

export type OcrSettings = PipelineConfig["ocr"]

export interface PageImage {
  /** Page number, from 1. */
  readonly page: number
  /** The image (PNG, JPEG or PGM bytes), produced when its turn comes. */
  readonly image: Effect.Effect<Uint8Array, IngestFailure>
}

export interface OcrText extends OcrPage {
  readonly text: string
}

export const ocrPages = (pages: readonly PageImage[], settings: OcrSettings): Effect.Effect<readonly OcrText[], IngestFailure> =>
  Effect.forEach(pages, ({ page, image }) =>
    Effect.gen(function*() {
      const bytes = yield* image
      const ink = inkShare(bytes)
      if (ink !== undefined && ink < BLANK_INK_SHARE) return { page, text: "", confidence: 0, characters: 0 }
      const result = yield* Effect.tryPromise({
        try: () => recognise(bytes, settings.workers),
        // The engine's message may quote nothing personal, but its class name is all that is kept.
        catch: (error) => new IngestFailure({ reason: "ocr_failed", detail: `página ${page}: ${error instanceof Error ? error.name : "error"}` }),
      })
      const text = fixOcrText(result.text)
      return { page, text, confidence: Math.round(result.confidence * 10) / 10, characters: text.replace(/\s/gu, "").length }
    }), { concurrency: settings.workers })

/** Provenance of the OCR'd pages, or undefined when OCR gave no text at all. */
export const ocrProvenance = (pageCount: number, pages: readonly OcrText[]): OcrProvenance | undefined => {
  const characters = pages.reduce((sum, page) => sum + page.characters, 0)
  if (characters === 0) return undefined
  const weighted = pages.reduce((sum, page) => sum + page.confidence * page.characters, 0) / characters
  return {
    engine: OCR_ENGINE,
    pageCount,
    pages: pages.map(({ page, confidence, characters }) => ({ page, confidence, characters })),
    meanConfidence: Math.round(weighted * 10) / 10,
  }
}
