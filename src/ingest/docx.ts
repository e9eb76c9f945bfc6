import * as Effect from "effect/Effect"
import mammoth from "mammoth"
import type { DocumentPart, PartKind } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { normaliseWhitespace } from "../normalise/whitespace.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"
import { visibleCharacters } from "./odfXml.ts"
import { extractedTooLittle } from "./textCompleteness.ts"
import { wordXmlText } from "./wordXml.ts"
import { openZip, readZipXml, zipMembers } from "./zipArchive.ts"

/**
 * DOCX: mammoth gives the body as paragraphs; headers, footers, footnotes,
 * endnotes and comments, which mammoth leaves out of raw text, are read from
 * the package directly because they often name the parties or the judge.
 * Every XML part is decoded strictly and checked well formed before mammoth
 * (which builds a tree) sees the package, so damage fails the document and
 * hostile nesting never reaches the tree; a body far shorter than the text
 * runs of word/document.xml is held.
 */

/** Parts of the package that are XML: all are checked, whoever reads them. */
const XML_PART = /(?:\.xml|\.rels)$/i

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
    const document = yield* readZipXml(zip, "word/document.xml")
    if (document === undefined) {
      return yield* new IngestFailure({ reason: "corrupt_document", detail: "falta word/document.xml" })
    }
    const sides: DocumentPart[] = []
    // Different first-page/even-page headers are often identical: keep one copy of each text.
    const seen = new Set<string>()
    for (const side of SIDE_PARTS) {
      for (const path of zipMembers(zip, side.pattern)) {
        const xml = yield* readZipXml(zip, path)
        if (xml === undefined) continue
        for (const text of wordXmlText(xml, side.itemTag)) {
          const key = `${side.kind}\u0000${text}`
          if (seen.has(key)) continue
          seen.add(key)
          sides.push({ kind: side.kind, text })
        }
      }
    }
    const isSide = (path: string) => SIDE_PARTS.some((side) => side.pattern.test(path))
    for (const path of zipMembers(zip, XML_PART)) if (path !== "word/document.xml" && !isSide(path)) yield* readZipXml(zip, path)
    const body = yield* bodyText(bytes)
    const runs = visibleCharacters(wordXmlText(document).join(""))
    if (extractedTooLittle(visibleCharacters(body), runs)) {
      return yield* new IngestFailure({ reason: "incomplete_text", detail: `word/document.xml: ${visibleCharacters(body)} de ${runs} caracteres` })
    }
    const parts: DocumentPart[] = body.length > 0 ? [{ kind: "body", text: body }, ...sides] : sides
    return { format: "docx" as const, parts, metadata: {} }
  })
