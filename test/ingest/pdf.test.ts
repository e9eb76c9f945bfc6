import { afterEach, describe, expect, it, vi } from "vitest"
import { partsFromPages, readPdf } from "../../src/ingest/pdf.ts"
import { composeText } from "../../src/normalise/composeText.ts"
import { failureOf, makeEncryptedPdf, makePdf, makeScannedPdf, run } from "./fixtures.ts"

const LONG = "en la audiencia celebrada ante este tribunal con las partes,"

describe("PDF reader", () => {
  afterEach(() => vi.restoreAllMocks())

  it("extracts the body and keeps one copy of the running header and footer", async () => {
    const bytes = await makePdf(
      [
        ["VISTOS los autos de la causa seguida contra el impu-", `tado Martín González, ${LONG}`, "y el art. 5-bis del código.", null, "Segundo párrafo de la primera página."],
        [`La defensa de Martín González sostuvo ${LONG}`, "3"],
        ["que no correspondía la medida.", "RESUELVO:", "Sobreseer al imputado."],
      ],
      {
        header: () => "Causa contra Juan Pérez - Juzgado PCyF N° 10",
        footer: (page) => `Dra. Ana Ruiz - Secretaria - Página ${page} de 3`,
      },
    )
    const doc = await run(readPdf(bytes))
    expect(doc.format).toBe("pdf")
    const body = doc.parts.filter((part) => part.kind === "body").map((part) => part.text).join("\n")
    expect(body).toContain("imputado Martín González")
    expect(body).toContain("art. 5-bis")
    expect(body).not.toContain("Juan Pérez")
    expect(body).not.toContain("Ana Ruiz")
    expect(body).not.toMatch(/Página \d/)
    expect(body).not.toMatch(/^3$/m)
    expect(body).toContain("del código.\n\nSegundo párrafo de la primera página.\n\nLa defensa")
    // A paragraph cut by the page break (and the lone page number) reads as one.
    expect(body).toContain("con las partes, que no correspondía la medida.")
    expect(doc.parts).toContainEqual({ kind: "header", text: "Causa contra Juan Pérez - Juzgado PCyF N° 10" })
    expect(doc.parts).toContainEqual({ kind: "footer", text: "Dra. Ana Ruiz - Secretaria - Página 1 de 3" })
    // The analysed text holds the names printed only in the furniture, once.
    const text = composeText(doc)
    expect(text.match(/Juan Pérez/g)).toHaveLength(1)
    expect(text.match(/Ana Ruiz/g)).toHaveLength(1)
  })

  it("removes soft hyphens, page markers and hyphenation in page text", () => {
    const parts = partsFromPages([
      `Encabezado fijo\nEl testigo Gon\u00ADzález Rodrí\u00AD\nguez declaró que el impu-\ntado estaba allí.\n-- 1 of 2 --`,
      `Encabezado fijo\nPágina 2 de 2\nSegunda página del fallo.`,
    ])
    expect(parts[0]?.text).toContain("González Rodríguez declaró que el imputado estaba allí.")
    expect(parts[0]?.text).not.toContain("\u00AD")
    expect(parts[0]?.text).not.toMatch(/of 2|Página/)
    expect(parts).toContainEqual({ kind: "header", text: "Encabezado fijo" })
  })

  it("fails with needs_ocr for a scanned PDF without a text layer", async () => {
    expect((await failureOf(readPdf(await makeScannedPdf()))).reason).toBe("needs_ocr")
  })

  it("fails with encrypted_pdf for a password-protected PDF", async () => {
    expect((await failureOf(readPdf(makeEncryptedPdf()))).reason).toBe("encrypted_pdf")
  })

  it("fails with corrupt_pdf for truncated or bit-flipped files, without printing pdfjs warnings", async () => {
    const log = vi.spyOn(console, "log")
    const warn = vi.spyOn(console, "warn")
    const good = await makePdf([["Texto de prueba suficiente."]])
    const truncated = good.slice(0, Math.floor(good.length / 3))
    const flipped = good.slice()
    for (let i = 0; i < flipped.length; i += 7) flipped[i] = (flipped[i] ?? 0) ^ 0xff
    for (const bytes of [truncated, flipped, new TextEncoder().encode("esto no es un PDF")]) {
      expect((await failureOf(readPdf(bytes))).reason).toBe("corrupt_pdf")
    }
    expect(log).not.toHaveBeenCalled()
    expect(warn).not.toHaveBeenCalled()
  })

  it("leaves the caller's bytes usable", async () => {
    const bytes = await makePdf([["Texto de prueba."]])
    const length = bytes.length
    await run(readPdf(bytes))
    expect(bytes.length).toBe(length)
  })
})
