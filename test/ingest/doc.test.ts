import { describe, expect, it } from "vitest"
import { readDoc } from "../../src/ingest/doc.ts"
import { extractDocument } from "../../src/ingest/extract.ts"
import { makeDoc } from "./docFixture.ts"
import { failureOf, makeZip, run, utf8 } from "./fixtures.ts"

describe(".doc reader (Word 97-2003, word-extractor)", () => {
  it("reads the body of a legacy Word file, paragraphs apart, accents and signs intact", async () => {
    const doc = await run(readDoc(makeDoc(["JUZGADO PENAL N° 3", "VISTOS: la causa seguida a Juan Pérez, DNI 30.123.456.", "¿Ñandú? «sí» — 2 €"])))
    expect(doc.format).toBe("doc")
    expect(doc.parts).toEqual([{ kind: "body", text: "JUZGADO PENAL N° 3\n\nVISTOS: la causa seguida a Juan Pérez, DNI 30.123.456.\n\n¿Ñandú? «sí» — 2 €" }])
  })

  it("is chosen by extension in the extraction step", async () => {
    const doc = await run(extractDocument(makeDoc(["Texto de la resolución."]), "causa.DOC", { maxFileBytes: 1_000_000 }))
    expect(doc.format).toBe("doc")
  })

  it("refuses what is not an OLE2 Word file, naming the cause and never the content", async () => {
    for (const bytes of [utf8("Juan Pérez ".repeat(100)), await makeZip({ "word/document.xml": "<w:document/>" })]) {
      const failure = await failureOf(readDoc(bytes))
      expect(failure.reason).toBe("corrupt_document")
      expect(failure.message).not.toContain("Pérez")
    }
  })

  it("refuses an OLE2 file whose Word stream is damaged", async () => {
    const bytes = makeDoc(["Texto de la resolución."])
    const damaged = bytes.slice()
    damaged.fill(0, 1536, 1536 + 64) // the FIB's magic number and counts
    expect((await failureOf(readDoc(damaged))).reason).toBe("corrupt_document")
    expect((await failureOf(readDoc(bytes.slice(0, 1200)))).reason).toBe("corrupt_document")
  })
})
