import { Document, Packer, Paragraph, TextRun } from "docx"
import JSZip from "jszip"
import mammoth from "mammoth"
import { beforeAll, describe, expect, it } from "vitest"
import { fold } from "../../../src/detect/fold.ts"
import { ruleDetectors } from "../../../src/detect/registry.ts"
import { readDocx } from "../../../src/ingest/docx.ts"
import { readOdt } from "../../../src/ingest/odt.ts"
import { composeText } from "../../../src/normalise/composeText.ts"
import { checkDocument } from "../../../src/publish/documents/anonymisedDocument.ts"
import { anonymiseDocx } from "../../../src/publish/documents/docxDocument.ts"
import { DocumentError } from "../../../src/publish/documents/DocumentError.ts"
import { anonymiseOdt } from "../../../src/publish/documents/odtDocument.ts"
import { run } from "../../ingest/fixtures.ts"
import { config } from "../fixtures.ts"
import { makeCourtDocx, makeCourtOdt, PERSONAL, REDACTED_MENTIONS, SURNAMES } from "./officeFixtures.ts"
import { recordFor } from "./recordFor.ts"

const NO_IMAGES = { keepImages: false }

const members = async (bytes: Uint8Array): Promise<Map<string, string>> => {
  const zip = await JSZip.loadAsync(bytes)
  const out = new Map<string, string>()
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("string"))
  return out
}

/** Personal strings readable in any member, as written or with the markup between runs taken out. */
const leaks = (files: ReadonlyMap<string, string>): string[] => {
  const found: string[] = []
  for (const [name, content] of files) {
    const haystacks = [fold(content), fold(content.replace(/<[^>]*>/gu, ""))]
    for (const needle of [...Object.values(PERSONAL), ...SURNAMES]) {
      if (haystacks.some((haystack) => haystack.includes(fold(needle)))) found.push(`${name}: ${needle}`)
    }
  }
  return found
}

const count = (xml: string, pattern: RegExp): number => xml.match(pattern)?.length ?? 0

describe("DOCX → anonymised DOCX", () => {
  let original: Uint8Array
  let record: Awaited<ReturnType<typeof recordFor>>["record"]
  let output: Uint8Array
  let files: Map<string, string>

  beforeAll(async () => {
    original = await makeCourtDocx()
    ;({ record } = await recordFor(original, readDocx, REDACTED_MENTIONS))
    output = await anonymiseDocx(original, record, NO_IMAGES)
    files = await members(output)
  })

  it("leaves no personal string in any member of the package", async () => {
    // The fixture really holds them: in the text, the properties, a comment, a deletion, a variable, alt text.
    expect(leaks(await members(original)).length).toBeGreaterThanOrEqual(Object.keys(PERSONAL).length)
    expect(leaks(files)).toEqual([])
  })

  it("opens in mammoth and in our reader with every redaction in place, across runs, in body, table, text box, header, footer and footnote", async () => {
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(output) })).value
    expect(raw).toContain("VISTOS: la causa seguida a [PERSONA 1], DNI [DNI], por amenazas en perjuicio de [PERSONA 2].")
    expect(raw).toContain("CONDENAR a [PERSONA 1] a la pena")
    expect(raw).toContain("Intervino la defensa oficial y la testigo declaró.")
    const text = composeText(await run(readDocx(output)))
    for (const expected of ["[PERSONA 4]", "Causa “[PERSONA 2] s/ amenazas”", "Testigo: [PERSONA 3] — Página 1", "Declaración de [PERSONA 1] ante la fiscalía.", "Fdo. Dra. Laura Roca, jueza."]) {
      expect(text).toContain(expected)
    }
  })

  it("keeps paragraphs, formatting, the table, the page-number field and the parts", async () => {
    const before = await members(original)
    const body = files.get("word/document.xml")!
    expect(count(body, /<w:p[ >]/gu)).toBe(count(before.get("word/document.xml")!, /<w:p[ >]/gu))
    expect(count(body, /<w:tbl>/gu)).toBe(1)
    expect(count(body, /<w:tr>/gu)).toBe(2)
    expect(count(body, /<w:b\/>/gu)).toBeGreaterThan(0)
    expect(files.get("word/footer1.xml")).toContain(" PAGE ")
    for (const part of ["word/header1.xml", "word/footer1.xml", "word/footnotes.xml", "word/settings.xml"]) expect(files.has(part)).toBe(true)
  })

  it("scrubs properties, comments, revisions, hidden text, fields, variables, custom XML, images, alt text and rsids", () => {
    const core = files.get("docProps/core.xml")!
    expect(core).not.toMatch(/creator|lastModifiedBy|title|revision/u)
    expect(core).toContain("2026-03-03T12:00:00Z")
    expect(files.get("docProps/app.xml")).not.toMatch(/Company|Manager|Template/u)
    for (const gone of ["word/comments.xml", "docProps/custom.xml", "word/media/image1.png"]) expect(files.has(gone)).toBe(false)
    expect(files.has("word/media/tacha-imagen.png")).toBe(true)
    const all = [...files.values()].join("\n")
    for (const marker of ["w:rsid", "<w:del ", "<w:ins ", "w:delText", "w:vanish", "w:commentReference", "w:docVars", "w:attachedTemplate", "AUTHOR", "descr=", 'TargetMode="External"']) {
      expect(all).not.toContain(marker)
    }
    // Every declared part exists and every internal relationship points to a part.
    for (const [, part] of files.get("[Content_Types].xml")!.matchAll(/PartName="\/([^"]+)"/gu)) expect(files.has(part!)).toBe(true)
    for (const [, target] of files.get("word/_rels/document.xml.rels")!.matchAll(/Target="([^"]+)"/gu)) expect(files.has(`word/${target}`)).toBe(true)
  })

  it("is deterministic and dated with the ruling's date", async () => {
    expect(Buffer.from(await anonymiseDocx(original, record, NO_IMAGES)).equals(Buffer.from(output))).toBe(true)
    const zip = await JSZip.loadAsync(output)
    for (const file of Object.values(zip.files)) expect(file.date.toISOString().slice(0, 10)).toBe("2026-03-03")
  })

  it("keeps images when the pipeline asks, still without their alt text", async () => {
    const kept = await members(await anonymiseDocx(original, record, { keepImages: true }))
    expect(kept.has("word/media/image1.png")).toBe(true)
    expect(leaks(kept)).toEqual([])
  })

  it("passes its check; the same file with a name put back in any part fails it, naming causes only", async () => {
    expect(await checkDocument(output, "docx", record, config, ruleDetectors(config))).toMatchObject({ publish: true, findings: [] })
    for (const [part, edit] of [
      ["docProps/app.xml", (xml: string) => xml.replace("<Application>", "<Company>Ana Gómez</Company><Application>")],
      ["word/header1.xml", (xml: string) => xml.replace("[PERSONA 2]", "Ana Gó</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>mez")],
    ] as const) {
      const zip = await JSZip.loadAsync(output)
      zip.file(part, edit(await zip.file(part)!.async("string")))
      const tampered = await zip.generateAsync({ type: "uint8array" })
      const decision = await checkDocument(tampered, "docx", record, config, ruleDetectors(config))
      expect(decision.publish).toBe(false)
      expect(decision.findings).toContainEqual(expect.objectContaining({ category: "documento:forma_redactada:PERSONA" }))
      expect(JSON.stringify(decision)).not.toContain("Gómez")
    }
  })

  it("refuses a record whose text is not what the file reads as", async () => {
    const other = { ...record, text: record.text.replace("VISTOS", "VISTO") }
    await expect(anonymiseDocx(original, other, NO_IMAGES)).rejects.toEqual(new DocumentError({ code: "texto_distinto" }))
  })

  it("replaces by offset what the sweep does not search: an age, and not the same words elsewhere", async () => {
    const docx = new Uint8Array(await Packer.toBuffer(new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun("El imputado, de "), new TextRun({ text: "34", bold: true }), new TextRun(" años, reconoció el hecho.")] }),
          new Paragraph("Se lo condena a 34 años de prisión."),
        ],
      }],
    })))
    const { record: ages } = await recordFor(docx, readDocx, [{ surface: "34 años, reconoció", label: "EDAD", replacement: "[EDAD], reconoció" }])
    // The record's entity covers only "34 años" of the first paragraph.
    const first = ages.entities[0]!
    const exact = { ...ages, entities: [{ ...first, end: first.start + "34 años".length, text: "34 años", replacement: "[EDAD]" }] }
    const text = composeText(await run(readDocx(await anonymiseDocx(docx, exact, NO_IMAGES))))
    expect(text).toContain("El imputado, de [EDAD], reconoció el hecho.")
    expect(text).toContain("Se lo condena a 34 años de prisión")
  })
})

describe("ODT → anonymised ODT", () => {
  let original: Uint8Array
  let record: Awaited<ReturnType<typeof recordFor>>["record"]
  let files: Map<string, string>
  let output: Uint8Array

  beforeAll(async () => {
    original = await makeCourtOdt()
    ;({ record } = await recordFor(original, readOdt, REDACTED_MENTIONS))
    output = await anonymiseOdt(original, record, NO_IMAGES)
    files = await members(output)
  })

  it("leaves no personal string in any member", async () => {
    expect(leaks(await members(original)).length).toBeGreaterThanOrEqual(Object.keys(PERSONAL).length)
    expect(leaks(files)).toEqual([])
  })

  it("reads back with every redaction in place and the table and headings kept", async () => {
    const text = composeText(await run(readOdt(output)))
    for (const expected of [
      "VISTOS: la causa seguida a [PERSONA 1], DNI [DNI], por amenazas en perjuicio de [PERSONA 2].",
      "Consta el informe de [PERSONA 4]", "Causa “[PERSONA 2] s/ amenazas”", "Testigo: [PERSONA 3] — Página 1", "Declaración de [PERSONA 1] ante la fiscalía.",
    ]) expect(text).toContain(expected)
    const content = files.get("content.xml")!
    expect(count(content, /<table:table-row>/gu)).toBe(2)
    expect(count(content, /<text:h /gu)).toBe(1)
    expect(files.get("styles.xml")).toContain("text:page-number")
    expect(files.get("mimetype")).toBe("application/vnd.oasis.opendocument.text")
    expect(Object.keys((await JSZip.loadAsync(output)).files)[0]).toBe("mimetype")
  })

  it("scrubs metadata, settings, tracked changes, annotations, author fields, alt text, images and rsids", () => {
    expect(files.get("meta.xml")).not.toMatch(/initial-creator|dc:creator|dc:title|user-defined|editing-cycles/u)
    for (const gone of ["settings.xml", "Pictures/firma.png"]) expect(files.has(gone)).toBe(false)
    const all = [...files.values()].join("\n")
    for (const marker of ["text:tracked-changes", "office:annotation", "text:author-name", "svg:title", "svg:desc", "officeooo:rsid", "text:hidden-text"]) {
      expect(all).not.toContain(marker)
    }
    for (const [, path] of files.get("META-INF/manifest.xml")!.matchAll(/full-path="([^"]+)"/gu)) if (path !== "/") expect(files.has(path!)).toBe(true)
  })

  it("passes its check; a name put back fails it", async () => {
    expect((await checkDocument(output, "odt", record, config, ruleDetectors(config))).publish).toBe(true)
    const zip = await JSZip.loadAsync(output)
    zip.file("meta.xml", (await zip.file("meta.xml")!.async("string")).replace("<meta:generator>", "<dc:creator>María López</dc:creator><meta:generator>"))
    expect((await checkDocument(await zip.generateAsync({ type: "uint8array" }), "odt", record, config, ruleDetectors(config))).publish).toBe(false)
  })
})
