import JSZip from "jszip"
import { describe, expect, it } from "vitest"
import { readDocx } from "../../src/ingest/docx.ts"
import { readHtml } from "../../src/ingest/html.ts"
import { readOdt } from "../../src/ingest/odt.ts"
import { readText } from "../../src/ingest/text.ts"
import { MAX_XML_DEPTH, xmlProblem } from "../../src/ingest/xmlWellFormed.ts"
import { MAX_MEMBER_BYTES } from "../../src/ingest/zipArchive.ts"
import { composeText } from "../../src/normalise/composeText.ts"
import { ruling, rulingDocx, zipWith } from "../hostile/corpus.ts"
import { failureOf, makeOdt, run, utf8 } from "./fixtures.ts"

/**
 * Readers fail closed: damage that a forgiving tokenizer would read past
 * (an unclosed body, a part cut short, bytes that are not the declared
 * encoding) fails the document with a specific cause, the same for DOCX,
 * ODT and HTML; and what is well formed but came out far too short is held.
 */

const body = ruling(1).map((paragraph) => `<text:p>${paragraph}</text:p>`).join("")

/** Rewrites one member of a real package. */
const mutate = async (bytes: Uint8Array, path: string, change: (content: Uint8Array) => Uint8Array | string): Promise<Uint8Array> => {
  const zip = await JSZip.loadAsync(bytes)
  zip.file(path, change(await zip.file(path)!.async("uint8array")))
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })
}
const asText = (content: Uint8Array) => new TextDecoder().decode(content)
/** The bytes of `content` with an invalid UTF-8 sequence in place of the first "é". */
const breakUtf8 = (content: Uint8Array): Uint8Array => {
  const text = asText(content)
  const at = Buffer.byteLength(text.slice(0, text.indexOf("é")))
  const copy = new Uint8Array(content)
  copy[at] = 0xff
  return copy
}

describe("ODT and DOCX: damaged XML fails the document", () => {
  it("reads the intact ODT in full (the control)", async () => {
    const doc = await run(readOdt(await makeOdt(body)))
    expect(composeText(doc)).toContain("RESUELVO")
  })

  it.each([
    ["without </office:body>", (xml: string) => xml.replace("</office:body>", "")],
    ["cut to 90 %", (xml: string) => xml.slice(0, Math.floor(xml.length * 0.9))],
    ["with mis-nested tags", (xml: string) => xml.replace("</text:p>", "</text:span>")],
    ["with a DOCTYPE declaring entities", (xml: string) => xml.replace("?>", '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>')],
    ["with a tag left unterminated", (xml: string) => xml.replace("<text:p>", "<text:p attr=\"x")],
  ])("ODT content.xml %s is corrupt_document, not a published header", async (_, damage) => {
    const bytes = await mutate(await makeOdt(body, "<style:header><text:p>Juzgado N° 1</text:p></style:header>"), "content.xml", (c) => damage(asText(c)))
    const failure = await failureOf(readOdt(bytes))
    expect(failure.reason).toBe("corrupt_document")
    expect(failure.message).toMatch(/^documento dañado o ilegible \(content\.xml: XML mal formado, /u)
    expect(failure.message).not.toContain("Quiroga")
  })

  it.each([
    ["without </w:body>", (xml: string) => xml.replace("</w:body>", "")],
    ["cut to 90 %", (xml: string) => xml.slice(0, Math.floor(xml.length * 0.9))],
  ])("DOCX word/document.xml %s is corrupt_document", async (_, damage) => {
    const bytes = await mutate(await rulingDocx(1), "word/document.xml", (c) => damage(asText(c)))
    expect((await failureOf(readDocx(bytes))).reason).toBe("corrupt_document")
  })

  it("an invalid UTF-8 byte is invalid_encoding in ODT and DOCX alike", async () => {
    const odt = await mutate(await makeOdt(body.replace("piso", "piso é")), "content.xml", breakUtf8)
    expect((await failureOf(readOdt(odt))).reason).toBe("invalid_encoding")
    const docx = await mutate(await rulingDocx(1), "word/document.xml", breakUtf8)
    expect((await failureOf(readDocx(docx))).reason).toBe("invalid_encoding")
  })

  it("200 000 levels of nesting and a 20 MB attribute are refused without building a tree", async () => {
    const deep = await mutate(await makeOdt(body), "content.xml", (c) =>
      asText(c).replace("<office:text>", `<office:text>${"<text:section>".repeat(200_000)}${"</text:section>".repeat(200_000)}`))
    expect((await failureOf(readOdt(deep))).detail).toMatch(/anidamiento/u)
    const wide = await mutate(await rulingDocx(1), "word/document.xml", (c) =>
      asText(c).replace("<w:body>", `<w:body><w:p w:rsidR="${"A".repeat(20 * 1024 * 1024)}"/>`))
    expect((await failureOf(readDocx(wide))).detail).toMatch(/etiqueta demasiado larga/u)
  })

  it("a member that inflates past the cap is refused while inflating, whatever it declares", async () => {
    const bomb = zipWith("content.xml", Buffer.alloc(MAX_MEMBER_BYTES + 1024, 0x20), 1000)
    const failure = await failureOf(readOdt(bomb))
    expect(failure.reason).toBe("corrupt_document")
  })

  it("a well-formed ODT whose body text sits outside any paragraph is held as incomplete_text", async () => {
    const unread = ruling(1).join(" ")
    const failure = await failureOf(readOdt(await makeOdt(`<text:p>Página 1</text:p><text:section>${unread}</text:section>`)))
    expect(failure.reason).toBe("incomplete_text")
    // The hard negative: a short deleted revision is rightly not read, and the document is published.
    const revised = `<text:tracked-changes><text:changed-region><text:deletion><text:p>texto borrado</text:p></text:deletion></text:changed-region></text:tracked-changes>${body}`
    expect(composeText(await run(readOdt(await makeOdt(revised))))).toContain("RESUELVO")
  })
})

describe("xmlProblem", () => {
  it.each([
    ["declaration, quoted '>', comment and CDATA", '<?xml version="1.0"?><a><b x="1>2"/><!-- c --><![CDATA[<d>]]></a>', undefined],
    ["nesting at the depth limit", `<a>${"<b>".repeat(MAX_XML_DEPTH - 1)}${"</b>".repeat(MAX_XML_DEPTH - 1)}</a>`, undefined],
    ["nesting past the depth limit", `<a>${"<b>".repeat(MAX_XML_DEPTH)}${"</b>".repeat(MAX_XML_DEPTH)}</a>`, `anidamiento de más de ${MAX_XML_DEPTH} niveles`],
    ["mis-nesting", "<a><b></a>", "etiquetas mal anidadas"],
    ["two roots", "<a></a><b/>", "más de un elemento raíz"],
    ["text before the root", "texto<a/>", "texto fuera del elemento raíz"],
    ["an open comment", "<a><!-- sin fin</a>", "comentario sin cerrar"],
    ["nothing", "", "sin elemento raíz"],
    ["a cut part", "<a><b>", "elemento sin cerrar (parte truncada)"],
  ])("%s", (_, xml, problem) => {
    expect(xmlProblem(xml)).toBe(problem)
  })
})

describe("HTML and text: truncation and broken encodings fail", () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Resolución</title></head><body>${ruling(1).map((p) => `<p>${p}</p>`).join("")}</body></html>`

  it("reads the intact page, and forgives what browsers forgive (no <html>, a bare '<')", async () => {
    expect(composeText(await run(readHtml(utf8(page))))).toContain("RESUELVO")
    expect(composeText(await run(readHtml(utf8("<p>Si a < b, el plazo vence.<p>Segundo párrafo"))))).toContain("a < b")
  })

  it.each([
    ["cut before </body>", page.slice(0, page.indexOf("RESUELVO"))],
    ["cut inside a tag", page.slice(0, page.indexOf("<p>", page.indexOf("RESUELVO")) + 2)],
    ["with a comment never closed", page.replace("<p>", "<!-- <p>")],
    ["with a script never closed", page.replace("</title>", "</title><script>var x = 1;").replace("</script>", "")],
  ])("a page %s is corrupt_document", async (_, html) => {
    expect((await failureOf(readHtml(utf8(html))))).toMatchObject({ reason: "corrupt_document" })
  })

  it("declared UTF-8 that is not UTF-8 is invalid_encoding; undeclared Latin-1 still reads", async () => {
    const broken = Buffer.from(page.replace("Resolución", "Resoluci\u00f3n"), "latin1")
    expect((await failureOf(readHtml(broken))).reason).toBe("invalid_encoding")
    const legacy = Buffer.from(page.replace('<meta charset="utf-8">', ""), "latin1")
    expect(composeText(await run(readHtml(legacy)))).toContain("Código Penal")
  })

  it("a text file whose BOM promises UTF-8 and breaks it is invalid_encoding", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Causa de Pérez\n", "latin1")])
    expect((await failureOf(readText(bytes))).reason).toBe("invalid_encoding")
  })
})
