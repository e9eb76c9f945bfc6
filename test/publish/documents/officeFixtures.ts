import JSZip from "jszip"
import { makePdf, makePng } from "../../ingest/fixtures.ts"

/**
 * Office documents as courts' word processors leave them, built member by
 * member so that every hiding place of personal data is there: names split
 * over runs with a change of formatting, headers, footers, footnotes,
 * tables, text boxes (with Word's modern and fallback copies), comments and
 * their authors, tracked changes with a deleted name, hidden text, an AUTHOR
 * field, document variables, an image with alt text, and properties naming
 * the author and the last editor.
 */

/** Every personal string the fixtures hold, anywhere in the package. */
export const PERSONAL = {
  accused: "Juan Carlos PÉREZ",
  dni: "30.123.456",
  victim: "Ana Gómez",
  witness: "María López",
  other: "Carlos Díaz",
  /** In a tracked deletion only: never in the analysed text. */
  deleted: "Lucía Fernández",
  /** The author and editor in the properties, the comment's author and the AUTHOR field's result. */
  author: "Roberto Sánchez",
  /** Hidden text. */
  hidden: "Sofía Ramírez",
  /** A document variable only. */
  variable: "Ernesto Quiroga",
  /** The image's alternative text only. */
  alt: "Foto de Martina Vázquez",
} as const

/** The mentions an analysis redacts, with their replacements (the rest are only where the readers do not read). */
export const REDACTED_MENTIONS: ReadonlyArray<{ surface: string; label: "PERSONA" | "DNI"; replacement: string }> = [
  { surface: "Juan Carlos PÉREZ", label: "PERSONA", replacement: "[PERSONA 1]" },
  { surface: "PÉREZ", label: "PERSONA", replacement: "[PERSONA 1]" },
  { surface: "Pérez", label: "PERSONA", replacement: "[PERSONA 1]" },
  { surface: "30.123.456", label: "DNI", replacement: "[DNI]" },
  { surface: "Ana Gómez", label: "PERSONA", replacement: "[PERSONA 2]" },
  { surface: "María López", label: "PERSONA", replacement: "[PERSONA 3]" },
  { surface: "Carlos Díaz", label: "PERSONA", replacement: "[PERSONA 4]" },
  { surface: "Roberto Sánchez", label: "PERSONA", replacement: "[PERSONA 5]" },
  { surface: "Sofía Ramírez", label: "PERSONA", replacement: "[PERSONA 6]" },
  { surface: "Foto de Martina Vázquez", label: "PERSONA", replacement: "[PERSONA 7]" },
]

/** Surnames alone: none may be readable anywhere in a produced package. */
export const SURNAMES = ["Pérez", "Gómez", "López", "Díaz", "Fernández", "Sánchez", "Ramírez", "Quiroga", "Vázquez"]

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"'

const run = (text: string, props = ""): string => `<w:r w:rsidR="00A1B2C3">${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`
const para = (...runs: string[]): string => `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6">${runs.join("")}</w:p>`

const textBox = (text: string): string =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1828800" cy="457200"/><wp:wrapNone/><wp:docPr id="2" name="Cuadro de texto 2"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>${para(run(text))}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="tb1" style="width:144pt;height:36pt" type="#_x0000_t202"><v:textbox><w:txbxContent>${para(run(text))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`

const image = `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="firma_perez.png" descr="${PERSONAL.alt}" title="${PERSONAL.alt}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="firma_perez.png" descr="${PERSONAL.alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`

const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
${para(run("JUZGADO EN LO PENAL, CONTRAVENCIONAL Y DE FALTAS N° 10", "<w:b/>"))}
${para(run("Buenos Aires, 3 de marzo de 2026."))}
${para(run("VISTOS: la causa seguida a Juan Car"), run("los PÉ", "<w:b/>"), run("REZ, DNI 30.1"), run("23.456", "<w:i/>"), run(", por amenazas"), `<w:r><w:footnoteReference w:id="1"/></w:r>`, run(" en perjuicio de "), `<w:commentRangeStart w:id="0"/>`, run("Ana Gómez"), `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`, run("."))}
${para(run("Intervino "), `<w:del w:id="5" w:author="${PERSONAL.author}" w:date="2026-03-02T10:00:00Z"><w:r><w:delText>${PERSONAL.deleted} y </w:delText></w:r></w:del>`, `<w:ins w:id="6" w:author="${PERSONAL.author}" w:date="2026-03-02T10:00:00Z">${run("la defensa oficial")}</w:ins>`, run(" y la testigo "), run(PERSONAL.hidden, "<w:vanish/>"), run("declaró."))}
${para(run("Redactó: "), `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> AUTHOR \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, run(PERSONAL.author), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`, run("."))}
<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>
<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${para(run("Víctima"))}</w:tc><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${para(run("Ana "), run("Gómez", "<w:b/>"))}</w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${para(run("Testigo"))}</w:tc><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${para(run("María López"))}</w:tc></w:tr>
</w:tbl>
${para(run("Consta el informe de "), textBox("Carlos Díaz"), run("sobre los hechos."))}
${para(image)}
${para(run("Por ello, RESUELVO: CONDENAR a Juan Carlos "), run("PÉREZ", "<w:b/>"), run(" a la pena de seis meses de prisión en suspenso."))}
${para(run("Fdo. Dra. Laura Roca, jueza."))}
<w:sectPr w:rsidR="00A1B2C3"><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body></w:document>`

const part = (root: string, inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} ${W}>${inner}</${root}>`

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/Usuarios/rsanchez/Plantillas/Sentencia.dotx" TargetMode="External"/></Relationships>`

const SETTINGS_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/Usuarios/rsanchez/Plantillas/Sentencia.dotx" TargetMode="External"/></Relationships>`

export const makeCourtDocx = async (): Promise<Uint8Array> => {
  const zip = new JSZip()
  zip.file("[Content_Types].xml", CONTENT_TYPES)
  zip.file("_rels/.rels", ROOT_RELS)
  zip.file("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Sentencia Juan Carlos PÉREZ</dc:title><dc:creator>${PERSONAL.author}</dc:creator><cp:lastModifiedBy>${PERSONAL.author}</cp:lastModifiedBy><cp:revision>17</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T09:12:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-02T18:40:00Z</dcterms:modified></cp:coreProperties>`)
  zip.file("docProps/app.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Template>Sentencia.dotx</Template><Application>Microsoft Office Word</Application><Company>Estudio ${PERSONAL.author}</Company><Manager>${PERSONAL.author}</Manager></Properties>`)
  zip.file("docProps/custom.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Imputado"><vt:lpwstr>${PERSONAL.variable}</vt:lpwstr></property></Properties>`)
  zip.file("word/document.xml", documentXml)
  zip.file("word/_rels/document.xml.rels", DOCUMENT_RELS)
  zip.file("word/_rels/settings.xml.rels", SETTINGS_RELS)
  zip.file("word/header1.xml", part("w:hdr", para(run("Causa “Ana "), run("Gómez", "<w:b/>"), run(" s/ amenazas”"))))
  zip.file("word/footer1.xml", part("w:ftr", para(run("Testigo: María "), run("López"), run(" — Página "), `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, run("1"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`)))
  zip.file("word/footnotes.xml", part("w:footnotes", `<w:footnote w:type="separator" w:id="-1">${para(`<w:r><w:separator/></w:r>`)}</w:footnote><w:footnote w:type="continuationSeparator" w:id="0">${para(`<w:r><w:continuationSeparator/></w:r>`)}</w:footnote><w:footnote w:id="1">${para(run("Declaración de Pé"), run("rez ante la fiscalía."))}</w:footnote>`))
  zip.file("word/comments.xml", part("w:comments", `<w:comment w:id="0" w:author="${PERSONAL.author}" w:initials="RS" w:date="2026-03-02T10:00:00Z">${para(run("Verificar el domicilio de Ana Gómez"))}</w:comment>`))
  zip.file("word/settings.xml", part("w:settings", `<w:zoom w:percent="100"/><w:trackRevisions/><w:attachedTemplate r:id="rIdT"/><w:docVars><w:docVar w:name="imputado" w:val="${PERSONAL.variable}"/></w:docVars><w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00D4E5F6"/></w:rsids>`))
  zip.file("word/media/image1.png", makePng(16))
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })
}

const ODF_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:officeooo="http://openoffice.org/2009/office" office:version="1.3"'

const odtContent = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${ODF_NS}><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" officeooo:rsid="0012ab34"/></style:style></office:automatic-styles><office:body><office:text>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>${PERSONAL.author}</dc:creator><dc:date>2026-03-02T10:00:00</dc:date></office:change-info><text:p>${PERSONAL.deleted} y </text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">JUZGADO EN LO PENAL, CONTRAVENCIONAL Y DE FALTAS N° 10</text:h>
<text:p>Buenos Aires, 3 de marzo de 2026.</text:p>
<text:p>VISTOS: la causa seguida a Juan Car<text:span text:style-name="T1">los PÉ</text:span>REZ, DNI 30.1<text:span text:style-name="T1">23.456</text:span>, por amenazas<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Declaración de Pé<text:span text:style-name="T1">rez</text:span> ante la fiscalía.</text:p></text:note-body></text:note> en perjuicio de <office:annotation><dc:creator>${PERSONAL.author}</dc:creator><dc:date>2026-03-02T10:00:00</dc:date><text:p>Verificar el domicilio de Ana Gómez</text:p></office:annotation>Ana Gómez.</text:p>
<text:p>Intervino <text:change text:change-id="ct1"/>la defensa oficial y la testigo <text:hidden-text text:condition="ooow:1" text:string-value="${PERSONAL.hidden}" text:is-hidden="true"/>declaró.</text:p>
<text:p>Redactó: <text:author-name text:fixed="false">${PERSONAL.author}</text:author-name>.</text:p>
<table:table table:name="Partes"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>Víctima</text:p></table:table-cell><table:table-cell><text:p>Ana <text:span text:style-name="T1">Gómez</text:span></text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Testigo</text:p></table:table-cell><table:table-cell><text:p>María López</text:p></table:table-cell></table:table-row></table:table>
<text:p>Consta el informe de <draw:frame draw:name="Marco1" svg:width="5cm" svg:height="1cm"><draw:text-box><text:p>Carlos Díaz</text:p></draw:text-box></draw:frame>sobre los hechos.</text:p>
<text:p><draw:frame draw:name="firma_perez" svg:width="2cm" svg:height="2cm"><draw:image xlink:href="Pictures/firma.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>${PERSONAL.alt}</svg:title><svg:desc>${PERSONAL.alt}</svg:desc></draw:frame></text:p>
<text:p>Por ello, RESUELVO: CONDENAR a Juan Carlos <text:span text:style-name="T1">PÉREZ</text:span> a la pena de seis meses de prisión en suspenso.</text:p>
<text:p>Fdo. Dra. Laura Roca, jueza.</text:p>
</office:text></office:body></office:document-content>`

const odtStyles = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${ODF_NS}><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Causa “Ana <text:span>Gómez</text:span> s/ amenazas”</text:p></style:header><style:footer><text:p>Testigo: María López — Página <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`

export const makeCourtOdt = async (): Promise<Uint8Array> => {
  const zip = new JSZip()
  zip.file("mimetype", "application/vnd.oasis.opendocument.text", { compression: "STORE" })
  zip.file("content.xml", odtContent)
  zip.file("styles.xml", odtStyles)
  zip.file("meta.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${ODF_NS}><office:meta><meta:initial-creator>${PERSONAL.author}</meta:initial-creator><dc:creator>${PERSONAL.author}</dc:creator><dc:title>Sentencia Juan Carlos PÉREZ</dc:title><meta:user-defined meta:name="Imputado">${PERSONAL.variable}</meta:user-defined><meta:editing-cycles>17</meta:editing-cycles></office:meta></office:document-meta>`)
  zip.file("settings.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-settings ${ODF_NS} xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings><config:config-item-set config:name="ooo:configuration-settings"><config:config-item config:name="PrinterName" config:type="string">Impresora de ${PERSONAL.author}</config:config-item></config:config-item-set></office:settings></office:document-settings>`)
  zip.file("Pictures/firma.png", makePng(16))
  zip.file("META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="Pictures/firma.png" manifest:media-type="image/png"/></manifest:manifest>`)
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })
}

const WORDS = "la causa seguida por amenazas en perjuicio de su vecina donde consta que el imputado reconoció los hechos ante la fiscalía y la defensa pidió la suspensión del juicio a prueba según el artículo 76 bis".split(" ")

/** Three pages of varied lines, a running header naming the accused and a page footer. */
export const makeRulingPdf = () =>
  makePdf([1, 2, 3].map((page) =>
    Array.from({ length: 40 }, (_, line) => {
      if (page === 1 && line === 0) return "VISTOS Y CONSIDERANDO:"
      if (line % 9 === 4) return `a Juan Carlos Pérez, DNI 30.123.456, ${WORDS.slice(line % 5, line % 5 + 5).join(" ")} ¿qué? año`
      return WORDS.slice((line * 3 + page) % 20, (line * 3 + page) % 20 + 10).join(" ")
    })
  ), { header: () => "Juzgado PCyF N° 10 - Causa Pérez s/ amenazas", footer: (page) => `Página ${page} de 3` })

