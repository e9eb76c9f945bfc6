import { Effect } from "effect"
import type { PDFParse } from "pdf-parse"
import { IngestFailure } from "../../domain/IngestFailure.ts"
import type { OcrSettings, PageImage } from "./ocrPages.ts"

/**
 * PDF pages as PNGs for OCR, drawn by pdf.js (pdf-parse's own) on an
 * @napi-rs/canvas canvas at the configured dpi, or smaller when that would
 * exceed the pixels allowed per page: a poster-sized page is shrunk to fit
 * the limit instead of allocating without bound. Each page is drawn only
 * when the OCR queue asks for it.
 */

const POINTS_PER_INCH = 72

/** The render scale (1 = 72 dpi) for a page of `widthPt` × `heightPt` points. */
export const renderScale = (widthPt: number, heightPt: number, dpi: number, maxPixels: number): number => {
  const scale = dpi / POINTS_PER_INCH
  return widthPt * heightPt * scale * scale <= maxPixels ? scale : Math.sqrt(maxPixels / (widthPt * heightPt)) * 0.999
}

const renderFailure = (page: number) => (error: unknown) =>
  new IngestFailure({ reason: "corrupt_pdf", detail: `página ${page}: ${error instanceof Error ? error.name : "error"}` })

export const renderPdfPages = (parser: PDFParse, pages: readonly number[], settings: OcrSettings): Effect.Effect<readonly PageImage[], IngestFailure> =>
  Effect.tryPromise({
    try: () => parser.getInfo({ parsePageInfo: true, partial: [...pages] }),
    catch: renderFailure(pages[0] ?? 0),
  }).pipe(Effect.map((info) =>
    pages.map((page): PageImage => ({
      page,
      image: Effect.tryPromise({
        try: async () => {
          const size = info.pages.find((candidate) => candidate.pageNumber === page)
          if (size === undefined || !(size.width > 0) || !(size.height > 0)) throw new RangeError("página sin tamaño")
          const scale = renderScale(size.width, size.height, settings.dpi, settings.maxPixelsPerPage)
          const shot = await parser.getScreenshot({ partial: [page], scale, imageDataUrl: false, imageBuffer: true })
          const image = shot.pages[0]?.data
          if (image === undefined || image.length === 0) throw new RangeError("página sin imagen")
          return image
        },
        catch: renderFailure(page),
      }),
    }))
  ))
