import * as Effect from "effect/Effect"
import { PDFParse, VerbosityLevel } from "pdf-parse"
import type { DocumentPart, OcrProvenance } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { joinHyphenatedLines } from "../normalise/hyphenation.ts"
import { stripPageFurniture } from "../normalise/pageFurniture.ts"
import { joinLinesIntoParagraphs } from "../normalise/paragraphs.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"
import { collapseWhitespace } from "../normalise/whitespace.ts"
import { ocrPages, ocrProvenance, type OcrSettings } from "./ocr/ocrPages.ts"
import { renderPdfPages } from "./ocr/renderPdfPages.ts"
import { textLayerVerdict } from "./ocr/textLayer.ts"

/**
 * PDF: text per page from pdf-parse (pdfjs), then page furniture out,
 * hyphenation undone and lines rejoined into paragraphs. A page whose text
 * layer is missing, empty or garbage is rendered and OCR'd (src/ingest/ocr/)
 * when OCR is on; a PDF whose pages all have text is never OCR'd. Running headers and
 * footers come back as one `header`/`footer` part each.
 */

/** pdfjs error names (pdf-parse keeps them) → our reasons. */
const failureFromError = (error: unknown): IngestFailure => {
  const name = error instanceof Error ? error.name : ""
  if (name === "PasswordException") return new IngestFailure({ reason: "encrypted_pdf" })
  if (name === "InvalidPDFException" || name === "FormatError") {
    return new IngestFailure({ reason: "corrupt_pdf", detail: name })
  }
  // Any other pdfjs failure on a file is still an unreadable PDF; the name is safe to log, the message may not be.
  return new IngestFailure({ reason: "corrupt_pdf", detail: name || "error desconocido" })
}

export interface PdfReadOptions {
  /** OCR settings; without them (or disabled) a scanned PDF fails with needs_ocr. */
  readonly ocr?: OcrSettings | undefined
}

interface PdfPages {
  readonly pages: readonly string[]
  readonly ocr?: OcrProvenance | undefined
}

/** Text layer of every page; pages without a usable one are OCR'd when OCR is on. */
const pdfPages = (bytes: Uint8Array, ocr: OcrSettings | undefined): Effect.Effect<PdfPages, IngestFailure> =>
  Effect.acquireUseRelease(
    // pdfjs may detach the buffer it is given: hand it a copy so callers keep their bytes.
    Effect.sync(() => new PDFParse({ data: bytes.slice(), verbosity: VerbosityLevel.ERRORS })),
    (parser) =>
      Effect.gen(function*() {
        const texts = yield* Effect.tryPromise({
          // No page joiner: markers would only have to be removed again.
          try: () => parser.getText({ pageJoiner: "" }),
          catch: failureFromError,
        }).pipe(Effect.map((result) => result.pages.map((page) => page.text)))
        if (ocr === undefined || !ocr.enabled) return { pages: texts }
        const unusable = texts.flatMap((text, index) => (textLayerVerdict(text) === "usable" ? [] : [index + 1]))
        if (unusable.length === 0) return { pages: texts }
        if (unusable.length > ocr.maxPages) {
          return yield* new IngestFailure({ reason: "too_many_pages", detail: `${unusable.length} páginas para OCR, máximo ${ocr.maxPages}` })
        }
        const recognised = yield* ocrPages(yield* renderPdfPages(parser, unusable, ocr), ocr)
        const byPage = new Map(recognised.map((page) => [page.page, page.text]))
        const provenance = ocrProvenance(texts.length, recognised)
        return { pages: texts.map((text, index) => byPage.get(index + 1) ?? text), ...(provenance ? { ocr: provenance } : {}) }
      }),
    (parser) => Effect.promise(() => parser.destroy().catch(() => undefined)),
  )

const hasText = (text: string): boolean => /[\p{L}\p{N}]/u.test(text)

/** From raw page texts to parts. Pure, exported for tests. */
export const partsFromPages = (pages: readonly string[]): readonly DocumentPart[] => {
  const pageLines = pages.map((text) => removeSoftHyphens(text).split(/\r?\n/).map(collapseWhitespace))
  const { pages: bodyPages, header, footer } = stripPageFurniture(pageLines)
  // Pages are joined without a break so a paragraph or a word split by a page break is rejoined.
  const joined = joinHyphenatedLines(bodyPages.flat().join("\n"))
  const body = joinLinesIntoParagraphs(joined.split("\n"))
  const parts: DocumentPart[] = [{ kind: "body", text: body }]
  if (header.length > 0) parts.push({ kind: "header", text: header.join("\n") })
  if (footer.length > 0) parts.push({ kind: "footer", text: footer.join("\n") })
  return parts
}

export const readPdf = (bytes: Uint8Array, options: PdfReadOptions = {}) =>
  Effect.gen(function* () {
    const { pages, ocr } = yield* pdfPages(bytes, options.ocr)
    const blank = pages.filter((text) => !hasText(text)).length
    // Without OCR, scanned pages have no text; publishing the rest would silently drop content.
    // With OCR, a page still without text is blank (an empty document fails as no_text).
    if (options.ocr?.enabled !== true && (pages.length === 0 || blank === pages.length || blank * 2 > pages.length)) {
      return yield* new IngestFailure({ reason: "needs_ocr", detail: `${blank} de ${pages.length} páginas sin texto` })
    }
    return { format: "pdf" as const, parts: partsFromPages(pages), metadata: {}, ...(ocr ? { ocr } : {}) }
  })
