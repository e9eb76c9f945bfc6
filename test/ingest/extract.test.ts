import { describe, expect, it } from "vitest"
import { extractDocument } from "../../src/ingest/extract.ts"
import { readerFor, READERS } from "../../src/ingest/readers.ts"
import { failureOf, makePdf, run, utf8 } from "./fixtures.ts"

const limits = { maxFileBytes: 10 * 1024 * 1024 }

describe("extractDocument", () => {
  it("extracts a supported file", async () => {
    const doc = await run(extractDocument(utf8("Buenos Aires, 1 de abril de 2024."), "fallos/uno.TXT", limits))
    expect(doc.format).toBe("txt")
  })

  it("fails with empty_file for an empty file", async () => {
    expect((await failureOf(extractDocument(new Uint8Array(0), "vacio.pdf", limits))).reason).toBe("empty_file")
  })

  it("fails with too_large before parsing a file over the limit", async () => {
    // 50 MB of zeros named .pdf: a parser would reject it as corrupt, so too_large proves the size check came first.
    const big = new Uint8Array(50 * 1024 * 1024)
    const failure = await failureOf(extractDocument(big, "grande.pdf", limits))
    expect(failure.reason).toBe("too_large")
  })

  it("fails with unsupported_format for an unknown extension", async () => {
    expect((await failureOf(extractDocument(utf8("hola"), "fallo.xyz", limits))).reason).toBe("unsupported_format")
    expect((await failureOf(extractDocument(utf8("hola"), "sin-extension", limits))).reason).toBe("unsupported_format")
  })

  it("fails with no_text for a document whose text is blank", async () => {
    expect((await failureOf(extractDocument(utf8(" \n\t\r\n"), "blanco.txt", limits))).reason).toBe("no_text")
    expect((await failureOf(extractDocument(utf8("<html><body><script>x()</script></body></html>"), "vacio.html", limits))).reason).toBe("no_text")
  })

  it("passes reader failures through: not_a_zip, binary_content", async () => {
    expect((await failureOf(extractDocument(utf8("no soy un zip"), "fallo.docx", limits))).reason).toBe("not_a_zip")
    expect((await failureOf(extractDocument(new Uint8Array([0, 1, 2, 3, 0, 0, 255]), "datos.txt", limits))).reason).toBe("binary_content")
  })

  it("never puts document text in failure messages", async () => {
    const failure = await failureOf(extractDocument(utf8("Juan Pérez\u0000\u0000"), "datos.txt", limits))
    expect(failure.message).not.toContain("Juan")
  })

  it("reads a PDF end to end", async () => {
    const doc = await run(extractDocument(await makePdf([["Texto del fallo."]]), "fallo.pdf", limits))
    expect(doc.parts[0]?.text).toBe("Texto del fallo.")
  })
})

describe("reader registry", () => {
  it("finds readers by extension, case-insensitively", () => {
    expect(readerFor("a/b/fallo.PDF")?.format).toBe("pdf")
    expect(readerFor("fallo.docx")?.format).toBe("docx")
    expect(readerFor("fallo.odt")?.format).toBe("odt")
    expect(readerFor("fallo.htm")?.format).toBe("html")
    expect(readerFor("fallo.txt")?.format).toBe("txt")
    expect(readerFor("fallo.DOC")?.format).toBe("doc")
    expect(readerFor("fallo.rtf")).toBeUndefined()
  })

  it("is immutable and has one reader per format", () => {
    expect(Object.isFrozen(READERS)).toBe(true)
    expect(new Set(READERS.map((reader) => reader.format)).size).toBe(READERS.length)
  })
})
