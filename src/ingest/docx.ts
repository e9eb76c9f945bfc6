import { Effect } from "effect"
import mammoth from "mammoth"
import type { DocumentPart, PartKind } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { normaliseWhitespace } from "../normalise/whitespace.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"
import type { Reader } from "./Reader.ts"
import { wordXmlText } from "./wordXml.ts"
import { openZip, readZipText, zipMembers } from "./zipArchive.ts"

/**
 * DOCX: mammoth gives the body as paragraphs; headers, footers, footnotes,
 * endnotes and comments, which mammoth leaves out of raw text, are read from
 * the package directly because they often name the parties or the judge.
 */

interface SidePart {
  readonly pattern: RegExp
  readonly kind: PartKind
  /** Element that delimits one item inside the part, when a part holds many. */
  readonly itemTag?: string
}

const SIDE_PARTS: readonly SidePart[] = [
  { pattern: /^word\/header[^/]*\.xml$/, kind: "header" },
  { pattern: /^word\/footer[^/]*\.xml$/, kind: "footer" },
  { pattern: /^word\/footnotes\.xml$/, kind: "note", itemTag: "w:footnote" },
  { pattern: /^word\/endnotes\.xml$/, kind: "note", itemTag: "w:endnote" },
  { pattern: /^word\/comments\.xml$/, kind: "note", itemTag: "w:comment" },
]

const bodyText = (bytes: Uint8Array): Effect.Effect<string, IngestFailure> =>
  Effect.tryPromise({
    try: () => mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
    catch: () => new IngestFailure({ reason: "corrupt_document", detail: "DOCX ilegible" }),
  }).pipe(Effect.map((result) => normaliseWhitespace(removeSoftHyphens(result.value))))

export const readDocx = (bytes: Uint8Array) =>
  Effect.gen(function* () {
    const zip = yield* openZip(bytes)
    if (zip.file("word/document.xml") === null) {
      return yield* new IngestFailure({ reason: "corrupt_document", detail: "falta word/document.xml" })
    }
    const body = yield* bodyText(bytes)
    const sides: DocumentPart[] = []
    // Different first-page/even-page headers are often identical: keep one copy of each text.
    const seen = new Set<string>()
    for (const side of SIDE_PARTS) {
      for (const path of zipMembers(zip, side.pattern)) {
        const xml = yield* readZipText(zip, path)
        if (xml === undefined) continue
        for (const text of wordXmlText(xml, side.itemTag)) {
          const key = `${side.kind}\u0000${text}`
          if (seen.has(key)) continue
          seen.add(key)
          sides.push({ kind: side.kind, text })
        }
      }
    }
    const parts: DocumentPart[] = body.length > 0 ? [{ kind: "body", text: body }, ...sides] : sides
    return { format: "docx" as const, parts, metadata: {} }
  })

export const docxReader: Reader = {
  format: "docx",
  extensions: [".docx"],
  read: readDocx,
}
