import * as Effect from "effect/Effect"
import type { PDFParse } from "pdf-parse"
import { IngestFailure } from "../../domain/IngestFailure.ts"
import { pgmFromRgba } from "./greyImage.ts"
import type { OcrSettings, PageImage } from "./ocrPages.ts"

/**
 * PDF pages as greyscale images for OCR, drawn by pdf.js (pdf-parse's own)
 * on an @napi-rs/canvas canvas at the configured dpi, or smaller when that
 * would exceed the pixels allowed per page: a poster-sized page is shrunk to
 * fit the limit instead of allocating without bound. Each page is drawn only
 * when the OCR queue asks for it.
 *
 * The canvas's pixels go to tesseract as a PGM (greyImage.ts): no PNG is
 * encoded here to be decoded there, which cost a second or two per page at
 * 300 dpi. pdf-parse only hands out PNGs, so its loaded pdf.js document is
 * drawn directly; should a pdf-parse release hide it, its PNG screenshot is
 * the fallback.
 */

const POINTS_PER_INCH = 72

/** The render scale (1 = 72 dpi) for a page of `widthPt` × `heightPt` points. */
export const renderScale = (widthPt: number, heightPt: number, dpi: number, maxPixels: number): number => {
  const scale = dpi / POINTS_PER_INCH
  return widthPt * heightPt * scale * scale <= maxPixels ? scale : Math.sqrt(maxPixels / (widthPt * heightPt)) * 0.999
}

const renderFailure = (page: number) => (error: unknown) =>
  new IngestFailure({ reason: "corrupt_pdf", detail: `página ${page}: ${error instanceof Error ? error.name : "error"}` })

/** The parts of pdf.js's document used here (pdf-parse keeps it loaded, privately). */
interface CanvasAndContext {
  readonly canvas: { readonly width: number; readonly height: number }
  readonly context: { getImageData(x: number, y: number, width: number, height: number): { readonly data: Uint8ClampedArray } }
}
interface PdfJsDocument {
  getPage(page: number): Promise<{
    getViewport(options: { scale: number }): { readonly width: number; readonly height: number }
    render(options: { canvasContext: unknown; viewport: unknown; canvas: unknown }): { readonly promise: Promise<void> }
    cleanup(): void
  }>
  readonly canvasFactory: { create(width: number, height: number): CanvasAndContext; destroy(canvasAndContext: CanvasAndContext): void }
}

const loadedDocument = async (parser: PDFParse): Promise<PdfJsDocument | undefined> => {
  const load = (parser as unknown as { load?: () => Promise<PdfJsDocument> }).load
  if (typeof load !== "function") return undefined
  const document = await load.call(parser)
  return typeof document?.getPage === "function" && typeof document.canvasFactory?.create === "function" ? document : undefined
}

const drawGrey = async (document: PdfJsDocument, pageNumber: number, scale: number): Promise<Uint8Array> => {
  const page = await document.getPage(pageNumber)
  const viewport = page.getViewport({ scale })
  const target = document.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height))
  try {
    await page.render({ canvasContext: target.context, viewport, canvas: target.canvas }).promise
    const { width, height } = target.canvas
    return pgmFromRgba(target.context.getImageData(0, 0, width, height).data, width, height)
  } finally {
    document.canvasFactory.destroy(target)
    page.cleanup()
  }
}

const drawPng = async (parser: PDFParse, page: number, scale: number): Promise<Uint8Array> => {
  const shot = await parser.getScreenshot({ partial: [page], scale, imageDataUrl: false, imageBuffer: true })
  const image = shot.pages[0]?.data
  if (image === undefined || image.length === 0) throw new RangeError("página sin imagen")
  return image
}

export const renderPdfPages = (parser: PDFParse, pages: readonly number[], settings: OcrSettings): Effect.Effect<readonly PageImage[], IngestFailure> =>
  Effect.tryPromise({
    try: async () => ({ info: await parser.getInfo({ parsePageInfo: true, partial: [...pages] }), document: await loadedDocument(parser) }),
    catch: renderFailure(pages[0] ?? 0),
  }).pipe(Effect.map(({ info, document }) =>
    pages.map((page): PageImage => ({
      page,
      image: Effect.tryPromise({
        try: async () => {
          const size = info.pages.find((candidate) => candidate.pageNumber === page)
          if (size === undefined || !(size.width > 0) || !(size.height > 0)) throw new RangeError("página sin tamaño")
          const scale = renderScale(size.width, size.height, settings.dpi, settings.maxPixelsPerPage)
          return document !== undefined ? drawGrey(document, page, scale) : drawPng(parser, page, scale)
        },
        catch: renderFailure(page),
      }),
    }))
  ))
