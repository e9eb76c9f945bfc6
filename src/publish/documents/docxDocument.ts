import { posix } from "node:path"
import type { AuditRecord } from "../../domain/AuditRecord.ts"
import { readDocx } from "../../ingest/docx.ts"
import { DocumentError, extractOrFail } from "./DocumentError.ts"
import { memberText, packageDate, PLACEHOLDER_PNG, readPackage, removeMember, setMember, writePackage, type OfficePackage } from "./officePackage.ts"
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
  unwrap,
  unwrapAll,
  XmlPartError,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from "./xmlDom.ts"

/**
 * DOCX → anonymised DOCX: the court's own document, each redacted span
 * replaced by its replacement in the runs that hold it, and the package
 * scrubbed of what carries personal data outside the text.
 */

export interface DocumentOptions {
  /** Keep embedded images (court logos) instead of replacing them by a blank placeholder. */
  readonly keepImages: boolean
}

const BODY_PART = "word/document.xml"
const SIDE_PART = /^word\/(?:header|footer)[^/]*\.xml$/
const NOTE_PARTS: Readonly<Record<string, string>> = {
  "word/footnotes.xml": "w:footnote",
  "word/endnotes.xml": "w:endnote",
  "word/comments.xml": "w:comment",
}
const SEPARATOR_TYPES: ReadonlySet<string> = new Set(["separator", "continuationseparator", "continuationnotice"])

/** Parts removed whole: comments and their authors, custom XML and properties, thumbnails, building blocks, macros, embedded objects. */
const REMOVED_PART = /^(?:word\/comments[^/]*\.xml|word\/people\.xml|docProps\/custom\.xml|docProps\/thumbnail\.[^/]+|customXml\/.*|word\/glossary\/.*|word\/embeddings\/.*|word\/vba[^/]*|word\/activeX\/.*)$/i

/**
 * The text of a WordprocessingML subtree as the readers see it: `w:t`
 * content, tabs and breaks; paragraphs end with a line break. The body is
 * read as mammoth reads it (of a `mc:AlternateContent`, only the fallback);
 * headers, footers and notes as wordXmlText reads them (everything).
 */
const wordStream = (root: XmlNode, skipChoice: boolean): TextStream => {
  const stream = new TextStream()
  const visit = (node: XmlNode) => {
    if (!isElement(node)) return
    const name = node.nodeName
    if (skipChoice && name === "mc:Choice") return
    switch (name) {
      case "w:t":
        for (const text of textNodes(node)) stream.addNode(text)
        return
      case "w:tab":
      case "w:ptab":
        stream.addSynthetic("\t")
        return
      case "w:br":
      case "w:cr":
        stream.addSynthetic("\n")
        return
      case "w:noBreakHyphen":
        stream.addSynthetic("-")
        return
    }
    for (const child of childNodes(node)) visit(child)
    if (name === "w:p") stream.addSynthetic("\n")
  }
  visit(root)
  return stream
}

const PARAGRAPHS: ReadonlySet<string> = new Set(["w:p"])
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(["w:t"])

// --- scrubbing -------------------------------------------------------------

/** Tracked changes and markers: deleted content goes, change records go. */
const REMOVED_ELEMENTS: ReadonlySet<string> = new Set([
  "w:del", "w:moveFrom", "w:delText", "w:delInstrText",
  "w:moveFromRangeStart", "w:moveFromRangeEnd", "w:moveToRangeStart", "w:moveToRangeEnd",
  "w:rPrChange", "w:pPrChange", "w:sectPrChange", "w:tblPrChange", "w:tblPrExChange", "w:tblGridChange", "w:trPrChange", "w:tcPrChange", "w:numberingChange",
  "w:cellDel", "w:cellIns", "w:cellMerge",
  "w:customXmlDelRangeStart", "w:customXmlDelRangeEnd", "w:customXmlInsRangeStart", "w:customXmlInsRangeEnd",
  "w:customXmlMoveFromRangeStart", "w:customXmlMoveFromRangeEnd", "w:customXmlMoveToRangeStart", "w:customXmlMoveToRangeEnd",
  "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference", "w:annotationRef",
  "w:permStart", "w:permEnd", "w:dataBinding", "w:object",
])
/** Wrappers whose content stays: accepted insertions and moves, custom XML and smart tags. */
const UNWRAPPED_ELEMENTS: ReadonlySet<string> = new Set(["w:ins", "w:moveTo", "w:customXml", "w:smartTag"])

/** Settings that name people, files or revision sessions. */
const REMOVED_SETTINGS: ReadonlySet<string> = new Set([
  "w:docVars", "w:rsids", "w:attachedTemplate", "w:mailMerge", "w:trackRevisions", "w:documentProtection", "w:writeProtection",
  "w:attachedSchema", "w:saveThroughXslt", "w:linkStyles",
])

/** Fields that show nothing about people: page numbers, dates, references inside the document. */
const SAFE_FIELDS: ReadonlySet<string> = new Set([
  "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "SEQ", "PAGEREF", "NOTEREF", "REF", "STYLEREF", "TOC", "TC", "=", "LISTNUM", "AUTONUM", "AUTONUMLGL", "AUTONUMOUT", "SYMBOL", "QUOTE", "EQ", "IF", "COMPARE",
])
/** Fields whose result is about the author, the file or data from outside: removed with their result. */
const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  "AUTHOR", "LASTSAVEDBY", "USERNAME", "USERINITIALS", "USERADDRESS", "FILENAME", "FILESIZE", "TEMPLATE", "DOCPROPERTY", "DOCVARIABLE",
  "COMMENTS", "TITLE", "SUBJECT", "KEYWORDS", "INFO", "FILLIN", "ASK", "SET", "MERGEFIELD", "MERGEREC", "MERGESEQ", "NEXT", "NEXTIF", "SKIPIF",
  "INCLUDETEXT", "INCLUDEPICTURE", "LINK", "DDE", "DDEAUTO", "DATABASE", "ADDRESSBLOCK", "GREETINGLINE", "MACROBUTTON", "PRINTDATE", "EDITTIME",
  "REVNUM", "CREATEDATE", "SAVEDATE", "NUMCHARS", "NUMWORDS",
])

export const fieldKind = (instruction: string): "safe" | "personal" | "flatten" => {
  const keyword = instruction.trim().split(/\s+/u)[0]?.toUpperCase() ?? ""
  if (SAFE_FIELDS.has(keyword) || keyword.startsWith("=")) return "safe"
  if (PERSONAL_FIELDS.has(keyword)) return "personal"
  return "flatten"
}

const childNamed = (element: XmlElement, name: string): XmlElement | undefined =>
  childNodes(element).find((child): child is XmlElement => isElement(child) && child.nodeName === name)

interface OpenField {
  readonly runs: XmlElement[]
  readonly resultRuns: XmlElement[]
  instruction: string
  inResult: boolean
}

/**
 * Complex fields (`w:fldChar` begin … separate … end): a safe field stays;
 * a personal one goes with its result; any other keeps its result as plain
 * text and loses its instruction (which may hold a path, an address, a name).
 * Simple fields likewise.
 */
const scrubFields = (root: XmlNode): void => {
  const stack: OpenField[] = []
  for (const run of elements(root, new Set(["w:r"]))) {
    const fldChar = childNamed(run, "w:fldChar")
    const type = fldChar?.getAttribute("w:fldCharType")
    if (type === "begin") {
      stack.push({ runs: [run], resultRuns: [], instruction: "", inResult: false })
      continue
    }
    const field = stack[stack.length - 1]
    if (!field) continue
    if (type === "separate") {
      field.runs.push(run)
      field.inResult = true
    } else if (type === "end") {
      field.runs.push(run)
      stack.pop()
      const kind = fieldKind(field.instruction)
      if (kind === "safe") continue
      for (const marker of field.runs) remove(marker)
      if (kind === "personal") for (const result of field.resultRuns) remove(result)
    } else if (field.inResult) {
      field.resultRuns.push(run)
      for (const outer of stack.slice(0, -1)) if (outer.inResult) outer.resultRuns.push(run)
    } else {
      field.runs.push(run)
      for (const instr of elements(run, new Set(["w:instrText"]))) field.instruction += instr.textContent ?? ""
    }
  }
  for (const simple of elements(root, new Set(["w:fldSimple"]))) {
    const kind = fieldKind(simple.getAttribute("w:instr") ?? "")
    if (kind === "personal") remove(simple)
    else if (kind === "flatten") unwrap(simple)
  }
}

const isOn = (element: XmlElement | undefined): boolean => {
  if (!element) return false
  const value = (element.getAttribute("w:val") ?? "").toLowerCase()
  return value !== "0" && value !== "false" && value !== "off"
}

/** Runs formatted as hidden text (`w:vanish`), which Word does not show but keeps. */
const removeHiddenRuns = (root: XmlNode): void => {
  for (const run of elements(root, new Set(["w:r"]))) {
    const properties = childNamed(run, "w:rPr")
    if (properties && (isOn(childNamed(properties, "w:vanish")) || isOn(childNamed(properties, "w:specVanish")))) remove(run)
  }
}

/** Alternative text, names and links of drawings and pictures. */
const clearAltText = (root: XmlNode): void => {
  for (const element of elements(root, new Set(["wp:docPr", "pic:cNvPr", "wps:cNvPr", "wpg:cNvPr", "a14:cNvPr"]))) {
    element.removeAttribute("descr")
    element.removeAttribute("title")
    if (element.hasAttribute("name")) element.setAttribute("name", "Imagen")
    removeAll(element, new Set(["a:hlinkClick", "a:hlinkHover"]))
  }
  for (const element of elements(root, new Set(["v:shape", "v:imagedata", "v:rect", "v:group"]))) {
    element.removeAttribute("alt")
    element.removeAttribute("o:title")
    element.removeAttribute("title")
  }
}

/** External hyperlinks (their address may be an e-mail or name a person): the link text stays, the link goes. */
const unwrapExternalLinks = (root: XmlNode): void => {
  for (const link of elements(root, new Set(["w:hyperlink"]))) {
    if (link.hasAttribute("r:id")) unwrap(link)
  }
}

const scrubXmlPart = (document: XmlDocument): void => {
  removeAll(document, REMOVED_ELEMENTS)
  unwrapAll(document, UNWRAPPED_ELEMENTS)
  removeHiddenRuns(document)
  scrubFields(document)
  unwrapExternalLinks(document)
  clearAltText(document)
  dropAttributes(document, (name) => name.startsWith("w:rsid"))
  for (const t of elements(document, new Set(["w:t"]))) {
    const text = t.textContent ?? ""
    if (text !== text.trim()) t.setAttribute("xml:space", "preserve")
  }
}

const CORE_NS = 'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'

/** Core properties with nothing but the ruling's date: no title, author, last editor, revision or keywords. */
const coreProperties = (date: Date): string => {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z")
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties ${CORE_NS}><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`
}

const APP_PROPERTIES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tacha</Application></Properties>'

const PLACEHOLDER_PART = "word/media/tacha-imagen.png"
const IMAGE_RELATIONSHIP = /\/image$/

/** The part a relationship of `relsPath` points to, as a package path. */
const relationshipTarget = (relsPath: string, target: string): string => {
  const base = posix.dirname(posix.dirname(relsPath))
  return target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(base, target))
}

/**
 * Relationships: those to removed parts and every external one (template
 * paths, linked files, hyperlink addresses) go; images point to the
 * placeholder unless they are kept. Returns whether the placeholder is used.
 */
const scrubRelationships = (pkg: OfficePackage, options: DocumentOptions): boolean => {
  let placeholder = false
  for (const relsPath of pkg.order.filter((name) => name.endsWith(".rels") && pkg.members.has(name))) {
    const document = parseXml(memberText(pkg, relsPath)!)
    for (const relationship of elements(document, new Set(["Relationship"]))) {
      const target = relationship.getAttribute("Target") ?? ""
      if (relationship.getAttribute("TargetMode") === "External") {
        remove(relationship)
        continue
      }
      const path = relationshipTarget(relsPath, target)
      if (IMAGE_RELATIONSHIP.test(relationship.getAttribute("Type") ?? "") && !options.keepImages) {
        relationship.setAttribute("Target", posix.relative(posix.dirname(posix.dirname(relsPath)), PLACEHOLDER_PART))
        placeholder = true
        continue
      }
      if (REMOVED_PART.test(path) || !pkg.members.has(path)) remove(relationship)
    }
    setMember(pkg, relsPath, serializeXml(document))
  }
  return placeholder
}

const scrubContentTypes = (pkg: OfficePackage, placeholder: boolean): void => {
  const text = memberText(pkg, "[Content_Types].xml")
  if (text === undefined) return
  const document = parseXml(text)
  for (const override of elements(document, new Set(["Override"]))) {
    const part = (override.getAttribute("PartName") ?? "").replace(/^\//, "")
    if (!pkg.members.has(part)) remove(override)
  }
  const defaults = elements(document, new Set(["Default"]))
  if (placeholder && !defaults.some((entry) => (entry.getAttribute("Extension") ?? "").toLowerCase() === "png")) {
    const entry = document.createElement("Default")
    entry.setAttribute("Extension", "png")
    entry.setAttribute("ContentType", "image/png")
    document.documentElement.insertBefore(entry, document.documentElement.firstChild)
  }
  setMember(pkg, "[Content_Types].xml", serializeXml(document))
}

// --- the writer ----------------------------------------------------------------

const parse = (pkg: OfficePackage, name: string): XmlDocument => parseXml(memberText(pkg, name)!)

export const anonymiseDocx = async (bytes: Uint8Array, record: AuditRecord, options: DocumentOptions): Promise<Uint8Array> => {
  const parts = placeParts(await extractOrFail(readDocx(bytes)), record.text)
  if (!parts) throw new DocumentError({ code: "texto_distinto" })
  const pkg = await readPackage(bytes)
  try {
    const xmlParts = pkg.order.filter((name) => name.endsWith(".xml") && name.startsWith("word/") && pkg.members.has(name))
    const documents = new Map(xmlParts.map((name) => [name, parse(pkg, name)]))
    const body = documents.get(BODY_PART)
    if (!body) throw new DocumentError({ code: "documento_ilegible" })

    // Streams of each kind of part, read as the reader read them.
    const sides: Array<{ kind: "header" | "footer" | "note"; stream: TextStream }> = []
    for (const [name, document] of documents) {
      if (SIDE_PART.test(name)) sides.push({ kind: name.includes("/header") ? "header" : "footer", stream: wordStream(document, false) })
      const item = NOTE_PARTS[name]
      if (item) {
        for (const element of elements(document, new Set([item]))) {
          if (SEPARATOR_TYPES.has((element.getAttribute("w:type") ?? "").toLowerCase())) continue
          sides.push({ kind: "note", stream: wordStream(element, false) })
        }
      }
    }
    const redactions = redactionsOf(record)
    const missed: Redaction[] = []
    for (const part of parts) {
      const streams = part.kind === "body"
        ? [wordStream(body.documentElement, true)]
        : sides.filter((side) => side.kind === part.kind && significantText(side.stream.text) === significantText(part.text)).map((side) => side.stream)
      if (streams.length === 0) {
        missed.push(...redactions.filter((redaction) => redaction.start >= part.start && redaction.end <= part.start + part.text.length))
        continue
      }
      missed.push(...redactPart(part, redactions, streams))
    }

    // Every paragraph of every part: what the alignment could not place, copies of text boxes.
    const forms = sweepFormsOf(record)
    for (const document of documents.values()) for (const stream of paragraphStreams(document, PARAGRAPHS, TEXT_ELEMENTS)) sweepStream(stream, forms)
    if (missed.some((redaction) => !isSwept(redaction))) throw new DocumentError({ code: "mencion_no_ubicada" })

    for (const name of [...pkg.members.keys()]) if (REMOVED_PART.test(name)) removeMember(pkg, name)
    for (const [name, document] of documents) {
      if (!pkg.members.has(name)) continue
      scrubXmlPart(document)
      if (name === "word/settings.xml") removeAll(document, REMOVED_SETTINGS)
      setMember(pkg, name, serializeXml(document))
    }
    const date = packageDate(record.metadata.date)
    if (pkg.members.has("docProps/core.xml")) setMember(pkg, "docProps/core.xml", coreProperties(date))
    if (pkg.members.has("docProps/app.xml")) setMember(pkg, "docProps/app.xml", APP_PROPERTIES)
    if (!options.keepImages) {
      for (const name of [...pkg.members.keys()]) if (/^word\/media\//.test(name)) removeMember(pkg, name)
    }
    const placeholder = scrubRelationships(pkg, options)
    if (placeholder) setMember(pkg, PLACEHOLDER_PART, PLACEHOLDER_PNG)
    scrubContentTypes(pkg, placeholder)
    return await writePackage(pkg, date)
  } catch (error) {
    if (error instanceof XmlPartError) throw new DocumentError({ code: "documento_ilegible" })
    throw error
  }
}
