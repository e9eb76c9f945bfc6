import type { AuditRecord } from "../../domain/AuditRecord.ts"
import { readOdt } from "../../ingest/odt.ts"
import type { DocumentOptions } from "./docxDocument.ts"
import { DocumentError, extractOrFail } from "./DocumentError.ts"
import { memberText, packageDate, PLACEHOLDER_PNG, readPackage, removeMember, setMember, writePackage } from "./officePackage.ts"
import { paragraphStreams } from "./paragraphStreams.ts"
import { isSwept, placeParts, redactionsOf, redactPart, sweepFormsOf, sweepStream, type Redaction } from "./redactStreams.ts"
import { significantText, TextStream } from "./textLayer.ts"
import {
  childNodes,
  dropAttributes,
  elements,
  isElement,
  parseXml,
  remove,
  removeAll,
  serializeXml,
  textNodes,
  unwrapAll,
  XmlPartError,
  type XmlDocument,
  type XmlNode,
} from "./xmlDom.ts"

/**
 * ODT → anonymised ODT: the same document, each redacted span replaced in
 * the spans that hold it, tracked changes, comments, personal fields, alt
 * text and revision ids removed, metadata replaced and images blanked.
 */

const PARAGRAPHS: ReadonlySet<string> = new Set(["text:p", "text:h"])
/** As odfXmlText skips them. */
const SKIPPED: ReadonlySet<string> = new Set([
  "text:note-citation", "text:tracked-changes", "office:annotation-end", "text:sequence-decls", "office:forms", "dc:creator", "dc:date", "meta:creator",
])
const NOTES: ReadonlySet<string> = new Set(["text:note", "office:annotation"])
const HEADERS: ReadonlySet<string> = new Set(["style:header", "style:header-left", "style:header-first"])
const FOOTERS: ReadonlySet<string> = new Set(["style:footer", "style:footer-left", "style:footer-first"])

interface OdfStreams {
  readonly main: TextStream[]
  readonly notes: TextStream[]
}

/** The text of every `within` element as odfXmlText reads it, one stream per occurrence, notes apart. */
const odfStreams = (document: XmlDocument, within: ReadonlySet<string>): OdfStreams => {
  const main: TextStream[] = []
  const notes: TextStream[] = []
  const visit = (node: XmlNode, stream: TextStream, inParagraph: boolean) => {
    if (!isElement(node)) {
      if (inParagraph) for (const text of textNodes(node)) stream.addNode(text)
      return
    }
    const name = node.nodeName
    if (SKIPPED.has(name)) return
    if (NOTES.has(name)) {
      const note = new TextStream()
      notes.push(note)
      for (const child of childNodes(node)) visit(child, note, inParagraph)
      return
    }
    if (name === "text:s") {
      const count = Math.min(1000, Math.max(1, Number(node.getAttribute("text:c") ?? "1") || 1))
      for (let k = 0; k < count; k++) stream.addSynthetic(" ")
      return
    }
    if (name === "text:tab") return stream.addSynthetic("\t")
    if (name === "text:line-break") return stream.addSynthetic("\n")
    const paragraph = PARAGRAPHS.has(name)
    for (const child of childNodes(node)) visit(child, stream, inParagraph || paragraph)
    if (paragraph) stream.addSynthetic("\n")
  }
  for (const container of elements(document, within)) {
    const stream = new TextStream()
    main.push(stream)
    for (const child of childNodes(container)) visit(child, stream, false)
  }
  return { main, notes }
}

/** Fields that show the author, the sender, the file or values from outside the text. */
const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  "text:author-name", "text:author-initials", "text:initial-creator", "text:creator", "text:printed-by", "text:file-name", "text:template-name",
  "text:user-defined", "text:user-field-get", "text:user-field-input", "text:user-field-decls",
  "text:sender-firstname", "text:sender-lastname", "text:sender-initials", "text:sender-title", "text:sender-position", "text:sender-email",
  "text:sender-phone-private", "text:sender-fax", "text:sender-company", "text:sender-phone-work", "text:sender-street", "text:sender-city",
  "text:sender-postal-code", "text:sender-country", "text:sender-state-or-province",
  "text:database-display", "text:database-next", "text:database-row-select", "text:database-row-number", "text:database-name",
  "text:editing-cycles", "text:editing-duration",
])
const REMOVED_ELEMENTS: ReadonlySet<string> = new Set([
  "text:tracked-changes", "text:change", "text:change-start", "text:change-end", "office:annotation", "office:annotation-end",
  "text:hidden-text", "text:hidden-paragraph", "svg:title", "svg:desc", "draw:object", "draw:object-ole", "office:binary-data",
  ...PERSONAL_FIELDS,
])
/** Links: the text stays, the address (an e-mail, a path) goes. */
const UNWRAPPED_ELEMENTS: ReadonlySet<string> = new Set(["text:a"])

const REMOVED_PART = /^(?:Thumbnails\/.*|settings\.xml|Object \d+\/.*|ObjectReplacements\/.*|Basic\/.*|Scripts\/.*)$/
const PLACEHOLDER_PART = "Pictures/tacha-imagen.png"

const scrubXmlPart = (document: XmlDocument, options: DocumentOptions): boolean => {
  removeAll(document, REMOVED_ELEMENTS)
  unwrapAll(document, UNWRAPPED_ELEMENTS)
  dropAttributes(document, (name) => name === "officeooo:rsid" || name === "officeooo:paragraph-rsid")
  for (const frame of elements(document, new Set(["draw:frame", "draw:text-box", "draw:image"]))) {
    if (frame.hasAttribute("draw:name")) frame.setAttribute("draw:name", "Imagen")
  }
  let placeholder = false
  if (!options.keepImages) {
    for (const image of elements(document, new Set(["draw:image", "draw:fill-image", "style:background-image"]))) {
      if (!image.hasAttribute("xlink:href")) continue
      image.setAttribute("xlink:href", PLACEHOLDER_PART)
      placeholder = true
    }
  }
  return placeholder
}

const META_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'

const metaXml = (date: Date): string => {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "")
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${META_NS}><office:meta><meta:generator>tacha</meta:generator><meta:creation-date>${stamp}</meta:creation-date><dc:date>${stamp}</dc:date></office:meta></office:document-meta>`
}

export const anonymiseOdt = async (bytes: Uint8Array, record: AuditRecord, options: DocumentOptions): Promise<Uint8Array> => {
  const parts = placeParts(await extractOrFail(readOdt(bytes)), record.text)
  if (!parts) throw new DocumentError({ code: "texto_distinto" })
  const pkg = await readPackage(bytes)
  try {
    const content = parseXml(memberText(pkg, "content.xml") ?? "")
    const stylesText = memberText(pkg, "styles.xml")
    const styles = stylesText === undefined ? undefined : parseXml(stylesText)
    const body = odfStreams(content, new Set(["office:body"]))
    const headers = styles ? odfStreams(styles, HEADERS) : { main: [], notes: [] }
    const footers = styles ? odfStreams(styles, FOOTERS) : { main: [], notes: [] }
    const notes = [...body.notes, ...headers.notes, ...footers.notes]
    const candidates = { body: body.main, header: headers.main, footer: footers.main, note: notes }
    const redactions = redactionsOf(record)
    const missed: Redaction[] = []
    for (const part of parts) {
      const wanted = significantText(part.text)
      const streams = candidates[part.kind].filter((stream) => significantText(stream.text) === wanted)
      if (streams.length === 0) {
        missed.push(...redactions.filter((redaction) => redaction.start >= part.start && redaction.end <= part.start + part.text.length))
        continue
      }
      missed.push(...redactPart(part, redactions, streams))
    }
    const forms = sweepFormsOf(record)
    const documents: Array<[string, XmlDocument]> = [["content.xml", content], ...(styles ? [["styles.xml", styles] as [string, XmlDocument]] : [])]
    for (const [, document] of documents) for (const stream of paragraphStreams(document, PARAGRAPHS)) sweepStream(stream, forms)
    if (missed.some((redaction) => !isSwept(redaction))) throw new DocumentError({ code: "mencion_no_ubicada" })

    let placeholder = false
    for (const [name, document] of documents) {
      placeholder = scrubXmlPart(document, options) || placeholder
      setMember(pkg, name, serializeXml(document))
    }
    const date = packageDate(record.metadata.date)
    setMember(pkg, "meta.xml", metaXml(date))
    for (const name of [...pkg.members.keys()]) {
      if (REMOVED_PART.test(name) || (!options.keepImages && name.startsWith("Pictures/"))) removeMember(pkg, name)
    }
    if (placeholder) setMember(pkg, PLACEHOLDER_PART, PLACEHOLDER_PNG)
    const manifestText = memberText(pkg, "META-INF/manifest.xml")
    if (manifestText !== undefined) {
      const manifest = parseXml(manifestText)
      for (const entry of elements(manifest, new Set(["manifest:file-entry"]))) {
        const path = entry.getAttribute("manifest:full-path") ?? ""
        if (path !== "/" && !path.endsWith("/") && !pkg.members.has(path)) remove(entry)
      }
      if (placeholder) {
        const entry = manifest.createElement("manifest:file-entry")
        entry.setAttribute("manifest:full-path", PLACEHOLDER_PART)
        entry.setAttribute("manifest:media-type", "image/png")
        manifest.documentElement.appendChild(entry)
      }
      setMember(pkg, "META-INF/manifest.xml", serializeXml(manifest))
    }
    return await writePackage(pkg, date, "mimetype")
  } catch (error) {
    if (error instanceof XmlPartError) throw new DocumentError({ code: "documento_ilegible" })
    throw error
  }
}
