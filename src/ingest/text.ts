import * as Effect from "effect/Effect"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { decodeText } from "./decodeText.ts"
import type { DocumentPart } from "../domain/Document.ts"
import { stripPageFurniture } from "../normalise/pageFurniture.ts"

/**
 * Plain text. The body is exactly the decoded file, not normalised in any
 * way: offsets downstream (spans, redaction) refer to this text.
 *
 * Except text extracted from a PDF (pdftotext and the court systems that use
 * it mark each page with a form feed): its pages carry the same running
 * footers and headers as the PDF ("Expediente N - Pág. 3 / 12"), which cut
 * names and sentences in two where a page ends. They are taken out as from a
 * PDF (normalise/pageFurniture.ts) and analysed once as parts of their own;
 * every other line stays as the file has it.
 */
const PAGE_BREAK = "\f"

const isPaginated = (text: string): boolean =>
  text.split(PAGE_BREAK).filter((page) => /[\p{L}\p{N}]/u.test(page)).length >= 2

const partsOfPages = (text: string): DocumentPart[] => {
  const { pages, header, footer } = stripPageFurniture(text.split(PAGE_BREAK).map((page) => page.split("\n")))
  const parts: DocumentPart[] = [{ kind: "body", text: pages.map((lines) => lines.join("\n")).join("\n") }]
  if (header.length > 0) parts.push({ kind: "header", text: header.join("\n") })
  if (footer.length > 0) parts.push({ kind: "footer", text: footer.join("\n") })
  return parts
}

export const readText = (bytes: Uint8Array) =>
  Effect.suspend(() => {
    const decoded = decodeText(bytes)
    if (decoded instanceof IngestFailure) return Effect.fail(decoded)
    const parts = isPaginated(decoded.text)
      ? partsOfPages(decoded.text)
      : [{ kind: "body" as const, text: decoded.text }]
    return Effect.succeed({ format: "txt" as const, parts, metadata: {} })
  })
