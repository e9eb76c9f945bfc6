import { Effect } from "effect"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { decodeText } from "./decodeText.ts"
import { partsFromPages } from "./pdf.ts"
import type { Reader } from "./Reader.ts"

/**
 * Plain text. The body is exactly the decoded file, not normalised in any
 * way: offsets downstream (spans, redaction) refer to this text.
 *
 * Except text extracted from a PDF (pdftotext and the court systems that use
 * it mark each page with a form feed): its pages carry the same running
 * footers and headers as the PDF ("Expediente N - Pág. 3 / 12"), which cut
 * names and sentences in two where a page ends. Such text is normalised as
 * the PDF itself would be (src/ingest/pdf.ts): furniture out, hyphenation
 * undone, lines joined into paragraphs, the headers and footers analysed
 * once as parts of their own.
 */
const PAGE_BREAK = "\f"

const isPaginated = (text: string): boolean =>
  text.split(PAGE_BREAK).filter((page) => /[\p{L}\p{N}]/u.test(page)).length >= 2

export const readText = (bytes: Uint8Array) =>
  Effect.suspend(() => {
    const decoded = decodeText(bytes)
    if (decoded instanceof IngestFailure) return Effect.fail(decoded)
    const parts = isPaginated(decoded.text)
      ? partsFromPages(decoded.text.split(PAGE_BREAK))
      : [{ kind: "body" as const, text: decoded.text }]
    return Effect.succeed({ format: "txt" as const, parts, metadata: {} })
  })

export const textReader: Reader = {
  format: "txt",
  extensions: [".txt"],
  read: readText,
}
