import { Effect } from "effect"
import { PDFParse, VerbosityLevel } from "pdf-parse"
import type { DocumentPart } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { joinHyphenatedLines } from "../normalise/hyphenation.ts"
import { stripPageFurniture } from "../normalise/pageFurniture.ts"
import { joinLinesIntoParagraphs } from "../normalise/paragraphs.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"
import { collapseWhitespace } from "../normalise/whitespace.ts"
import type { Reader } from "./Reader.ts"

/**
 * PDF: text per page from pdf-parse (pdfjs), then page furniture out,
 * hyphenation undone and lines rejoined into paragraphs. Running headers and
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

const pageTexts = (bytes: Uint8Array): Effect.Effect<readonly string[], IngestFailure> =>
  Effect.acquireUseRelease(
    // pdfjs may detach the buffer it is given: hand it a copy so callers keep their bytes.
    Effect.sync(() => new PDFParse({ data: bytes.slice(), verbosity: VerbosityLevel.ERRORS })),
    (parser) =>
      Effect.tryPromise({
        // No page joiner: markers would only have to be removed again.
        try: () => parser.getText({ pageJoiner: "" }),
        catch: failureFromError,
      }).pipe(Effect.map((result) => result.pages.map((page) => page.text))),
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

export const readPdf = (bytes: Uint8Array) =>
  Effect.gen(function* () {
    const pages = yield* pageTexts(bytes)
    const blank = pages.filter((text) => !hasText(text)).length
    // Scanned pages have no text layer; publishing the rest would silently drop content.
    if (pages.length === 0 || blank === pages.length || blank * 2 > pages.length) {
      return yield* new IngestFailure({ reason: "needs_ocr", detail: `${blank} de ${pages.length} páginas sin texto` })
    }
    return { format: "pdf" as const, parts: partsFromPages(pages), metadata: {} }
  })

export const pdfReader: Reader = {
  format: "pdf",
  extensions: [".pdf"],
  read: readPdf,
}
