import { packageDate, setMember, writePackage, type OfficePackage } from "./officePackage.ts"

/**
 * A plain DOCX from an anonymised text: one paragraph per paragraph of the
 * text, headings (a paragraph in capitals) in bold. For inputs whose own
 * format cannot be written back (legacy .doc), so the court still gets a
 * word-processor document.
 */
const escape = (text: string): string => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;")

const isHeading = (paragraph: string): boolean => /\p{Lu}.*\p{Lu}/u.test(paragraph) && !/\p{Ll}/u.test(paragraph) && paragraph.length <= 120

const paragraphXml = (paragraph: string): string => {
  const lines = paragraph.split("\n").map((line) => `<w:t xml:space="preserve">${escape(line)}</w:t>`).join("<w:br/>")
  return `<w:p><w:r>${isHeading(paragraph) ? "<w:rPr><w:b/></w:rPr>" : ""}${lines}</w:r></w:p>`
}

// Characters XML 1.0 does not allow.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu

export const docxFromText = async (text: string, date: string | undefined): Promise<Uint8Array> => {
  const paragraphs = text.replace(INVALID_XML, "").split(/\n{2,}/u).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0)
  const stamp = packageDate(date)
  const iso = stamp.toISOString().replace(/\.\d{3}Z$/, "Z")
  const pkg: OfficePackage = { order: [], members: new Map() }
  setMember(pkg, "[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
  setMember(pkg, "_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
  setMember(pkg, "docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`)
  setMember(pkg, "word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map(paragraphXml).join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1701" w:bottom="1417" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`)
  return writePackage(pkg, stamp)
}
