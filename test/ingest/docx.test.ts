import { Document, Footer, FootnoteReferenceRun, Header, Packer, Paragraph, TextRun } from "docx"
import { describe, expect, it } from "vitest"
import { readDocx } from "../../src/ingest/docx.ts"
import { failureOf, makeZip, run, utf8 } from "./fixtures.ts"

const makeDocx = async (): Promise<Uint8Array> => {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph("Conforme declaró Pedro Ruiz en la instrucción.")] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph("Causa contra Ana Torres")] }) },
        footers: { default: new Footer({ children: [new Paragraph("Firmado: Dr. Luis Sosa")] }) },
        children: [
          new Paragraph({ children: [new TextRun("La imputada Carla Díaz compareció"), new FootnoteReferenceRun(1), new TextRun(" ante el juzgado.")] }),
          new Paragraph({ children: [new TextRun("Segundo párrafo con Gon\u00ADzález.")] }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

describe("DOCX reader", () => {
  it("returns body, header, footer and footnote as parts", async () => {
    const doc = await run(readDocx(await makeDocx()))
    expect(doc.format).toBe("docx")
    expect(doc.parts[0]?.kind).toBe("body")
    expect(doc.parts[0]?.text).toContain("La imputada Carla Díaz compareció")
    expect(doc.parts[0]?.text).toContain("\n\nSegundo párrafo con González.")
    expect(doc.parts).toContainEqual({ kind: "header", text: "Causa contra Ana Torres" })
    expect(doc.parts).toContainEqual({ kind: "footer", text: "Firmado: Dr. Luis Sosa" })
    expect(doc.parts).toContainEqual({ kind: "note", text: "Conforme declaró Pedro Ruiz en la instrucción." })
    // The separator footnotes Word always writes are not notes.
    expect(doc.parts.filter((part) => part.kind === "note")).toHaveLength(1)
  })

  it("fails with not_a_zip for a file that is not a zip", async () => {
    expect((await failureOf(readDocx(utf8("Esto es texto con extensión .docx")))).reason).toBe("not_a_zip")
  })

  it("fails with corrupt_document for a zip without word/document.xml", async () => {
    const failure = await failureOf(readDocx(await makeZip({ "otro.xml": "<a/>" })))
    expect(failure.reason).toBe("corrupt_document")
  })

  it("refuses a zip bomb from its declared sizes, before inflating", async () => {
    const zip = await makeZip({ "word/document.xml": "<w:document/>" }, "STORE")
    // Patch the central directory: declare 300 MB uncompressed.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300 * 1024 * 1024, true)
    }
    const failure = await failureOf(readDocx(zip))
    expect(failure.reason).toBe("corrupt_document")
    expect(failure.detail).toContain("300 MB")
  })
})
