import { describe, expect, it } from "vitest"
import { readText } from "../../src/ingest/text.ts"
import { failureOf, run, utf8 } from "./fixtures.ts"

/** Windows-1252 bytes of a Latin-1 string (the two agree on these letters). */
const windows1252 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0))

describe("text reader", () => {
  it("decodes Windows-1252 without mangling Spanish letters", async () => {
    const doc = await run(readText(windows1252("Nuñez y Peña, año 2023: declaración.\r\n")))
    expect(doc.parts).toEqual([{ kind: "body", text: "Nuñez y Peña, año 2023: declaración.\r\n" }])
  })

  it("decodes Windows-1252 typographic quotes from the 0x80-0x9F range", async () => {
    const doc = await run(readText(Uint8Array.from([0x93, 0x50, 0x65, 0xf1, 0x61, 0x94])))
    expect(doc.parts[0]?.text).toBe("\u201CPeña\u201D")
  })

  it("keeps UTF-8 text exactly as it is, BOM stripped", async () => {
    const source = "  Juan  Pérez\u00A0\n\n\n\tdeclaró  \r\n"
    expect((await run(readText(utf8(source)))).parts[0]?.text).toBe(source)
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Peña")])
    expect((await run(readText(withBom))).parts[0]?.text).toBe("Peña")
  })

  it("decodes UTF-16 with a BOM (Notepad's 'Unicode')", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("Nuñez", "utf16le")])
    expect((await run(readText(bytes))).parts[0]?.text).toBe("Nuñez")
  })

  it("fails with binary_content for binary data", async () => {
    const withNul = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x41])
    expect((await failureOf(readText(withNul))).reason).toBe("binary_content")
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x07 : 0x41))
    expect((await failureOf(readText(controls))).reason).toBe("binary_content")
  })

  it("takes the running footers out of pdftotext output (pages marked by form feeds), and nothing else", async () => {
    // Three pages with a running footer; a name and a word are cut by page ends.
    const footer = (page: number) => `Expediente SAC 1234567 - Pág. ${page} / 3 - Nº Res. 12`
    const source = [
      `SENTENCIA NUMERO: 12\nVotan los Dres. Ana María\n${footer(1)}\n`,
      `Pereyra Lucero y Tomás\nGil. La actora reclamó la indemni-\n${footer(2)}\n`,
      `zación del daño.\n${footer(3)}\n`,
    ].join("\f")
    const doc = await run(readText(utf8(source)))
    const body = doc.parts.find((part) => part.kind === "body")?.text ?? ""
    expect(body).toContain("Ana María\nPereyra Lucero")
    expect(body).toContain("la indemni-\nzación del daño")
    expect(body).not.toContain("Pág.")
    expect(doc.parts.find((part) => part.kind === "footer")?.text).toMatch(/^Expediente SAC 1234567 - Pág\. \d \/ 3/)
  })

  it("leaves a text with a single page, or a stray form feed, exactly as it is", async () => {
    for (const source of ["Una sola página.\f", "\fTexto tras un salto de página.\n", "Sin saltos\nde página.\n"]) {
      expect((await run(readText(utf8(source)))).parts).toEqual([{ kind: "body", text: source }])
    }
  })
})
