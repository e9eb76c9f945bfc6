import * as Effect from "effect/Effect"
import type { DocumentPart } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { odfXmlText, visibleCharacters } from "./odfXml.ts"
import { extractedTooLittle } from "./textCompleteness.ts"
import { openZip, readZipXml } from "./zipArchive.ts"

/**
 * ODT: the body from content.xml, footnotes and comments as notes, and the
 * page headers and footers of the master pages in styles.xml. Both parts
 * must be well formed and decodable (see zipArchive.ts), and a body whose
 * text came out far shorter than the text the part holds is held.
 */

const BODY: ReadonlySet<string> = new Set(["office:body"])
const HEADERS: ReadonlySet<string> = new Set(["style:header", "style:header-left", "style:header-first"])
const FOOTERS: ReadonlySet<string> = new Set(["style:footer", "style:footer-left", "style:footer-first"])

const unique = (texts: readonly string[]): readonly string[] => [...new Set(texts)]

export const readOdt = (bytes: Uint8Array) =>
  Effect.gen(function* () {
    const zip = yield* openZip(bytes)
    const content = yield* readZipXml(zip, "content.xml")
    if (content === undefined) {
      return yield* new IngestFailure({ reason: "corrupt_document", detail: "falta content.xml" })
    }
    const body = odfXmlText(content, BODY)
    const read = [...body.main, ...body.notes].reduce((sum, text) => sum + visibleCharacters(text), 0)
    if (extractedTooLittle(read, body.sourceCharacters)) {
      return yield* new IngestFailure({ reason: "incomplete_text", detail: `content.xml: ${read} de ${body.sourceCharacters} caracteres` })
    }
    const styles = (yield* readZipXml(zip, "styles.xml")) ?? ""
    const headers = odfXmlText(styles, HEADERS)
    const footers = odfXmlText(styles, FOOTERS)
    const parts: DocumentPart[] = [
      ...body.main.map((text) => ({ kind: "body" as const, text })),
      ...unique(headers.main).map((text) => ({ kind: "header" as const, text })),
      ...unique(footers.main).map((text) => ({ kind: "footer" as const, text })),
      ...unique([...body.notes, ...headers.notes, ...footers.notes]).map((text) => ({ kind: "note" as const, text })),
    ]
    return { format: "odt" as const, parts, metadata: {} }
  })
