import * as Effect from "effect/Effect"
import WordExtractor from "word-extractor"
import type { DocumentPart } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { normaliseWhitespace } from "../normalise/whitespace.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"

/**
 * Legacy Word 97-2003 (.doc), read with word-extractor: the body, headers,
 * footers, footnotes, endnotes, comments and text boxes it exposes, each as
 * its part. Text is taken as written (filterUnicode off: quotes and dashes
 * stay as the court typed them). Deleted tracked changes are left out by
 * the library; field codes are reduced to their results.
 */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Word ends paragraphs with a carriage return (the library gives "\n"): they become blank-line separated, as DOCX bodies are. */
const tidy = (text: string): string => normaliseWhitespace(removeSoftHyphens(text.replace(/\r\n?|\n/gu, "\n\n")))

export const readDoc = (bytes: Uint8Array) =>
  Effect.gen(function*() {
    if (bytes.length < 512 || OLE_SIGNATURE.some((byte, index) => bytes[index] !== byte)) {
      return yield* new IngestFailure({ reason: "corrupt_document", detail: "no es un documento de Word 97-2003" })
    }
    const document = yield* Effect.tryPromise({
      try: () => new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      // The library's messages may quote internal structures, never shown.
      catch: () => new IngestFailure({ reason: "corrupt_document", detail: "DOC ilegible" }),
    })
    const raw = { filterUnicode: false }
    const parts: DocumentPart[] = []
    const add = (kind: DocumentPart["kind"], text: string) => {
      const clean = tidy(text)
      if (clean.length > 0 && !parts.some((part) => part.kind === kind && part.text === clean)) parts.push({ kind, text: clean })
    }
    add("body", document.getBody(raw))
    add("body", document.getTextboxes({ ...raw, includeHeadersAndFooters: false }))
    add("header", document.getHeaders({ ...raw, includeFooters: false }))
    add("header", document.getTextboxes({ ...raw, includeBody: false }))
    add("footer", document.getFooters(raw))
    add("note", document.getFootnotes(raw))
    add("note", document.getEndnotes(raw))
    add("note", document.getAnnotations(raw))
    return { format: "doc" as const, parts, metadata: {} }
  })
