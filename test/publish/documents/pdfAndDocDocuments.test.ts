import JSZip from "jszip"
import mammoth from "mammoth"
import { inflateSync } from "node:zlib"
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts } from "pdf-lib"
import { describe, expect, it } from "vitest"
import { ruleDetectors } from "../../../src/detect/registry.ts"
import { readDoc } from "../../../src/ingest/doc.ts"
import { readPdf } from "../../../src/ingest/pdf.ts"
import { composeText } from "../../../src/normalise/composeText.ts"
import { checkDocument, produceDocument } from "../../../src/publish/documents/anonymisedDocument.ts"
import { anonymisePdf, layoutPdf, unitWidths, wrap } from "../../../src/publish/documents/pdfDocument.ts"
import { makeDoc } from "../../ingest/docFixture.ts"
import { run } from "../../ingest/fixtures.ts"
import { makeRulingPdf } from "./officeFixtures.ts"
import { config } from "../fixtures.ts"
import { recordFor } from "./recordFor.ts"

const MENTIONS = [
  { surface: "Juan Carlos Pérez", label: "PERSONA", replacement: "[PERSONA 1]" },
  { surface: "Pérez", label: "PERSONA", replacement: "[PERSONA 1]" },
  { surface: "30.123.456", label: "DNI", replacement: "[DNI]" },
] as const

const normalised = (text: string): string => text.replace(/\s+/gu, " ").trim()

describe("PDF → clean PDF", () => {
  it("lays out the anonymised text: read again, it equals the public text up to whitespace", async () => {
    const original = await makeRulingPdf()
    const { record, publicText } = await recordFor(original, readPdf, MENTIONS)
    expect(publicText).toContain("[PERSONA 1]")
    const output = await anonymisePdf(original, record)
    const reread = await run(readPdf(output))
    expect(normalised(composeText(reread))).toBe(normalised(publicText))
    // The court's header lines run on every page again, read back as the header part.
    expect(reread.parts).toContainEqual({ kind: "header", text: "Juzgado PCyF N° 10 - Causa [PERSONA 1] s/ amenazas" })
    expect((await checkDocument(output, "pdf", record, config, ruleDetectors(config))).publish).toBe(true)
  })

  it("names no person in its metadata: the tool's name and the ruling's date only, no XMP", async () => {
    const original = await makeRulingPdf()
    const { record } = await recordFor(original, readPdf, MENTIONS)
    const pdf = await PDFDocument.load(await anonymisePdf(original, record), { updateMetadata: false })
    expect(pdf.getAuthor()).toBeUndefined()
    expect(pdf.getTitle()).toBeUndefined()
    expect(pdf.getSubject()).toBeUndefined()
    expect(pdf.getKeywords()).toBeUndefined()
    expect(pdf.getProducer()).toBe("tacha")
    expect(pdf.getCreator()).toBe("tacha")
    expect(pdf.getCreationDate()?.toISOString().slice(0, 10)).toBe("2026-03-03")
    expect(pdf.catalog.get(PDFName.of("Metadata"))).toBeUndefined()
  })

  it("writes a character the font cannot encode as its base letters, or '?' when it has none", async () => {
    const output = await layoutPdf({ body: "VISTOS: el alias ǅuro → consta. ¿Ñandú? «sí» — “ya” …", header: [], footer: [] }, new Date("2026-03-03T12:00:00Z"))
    const text = composeText(await run(readPdf(output)))
    expect(normalised(text)).toBe("VISTOS: el alias Dzuro ? consta. ¿Ñandú? «sí» — “ya” …")
  })

  it("draws a heading in bold and the body in the regular face, each page's text one compressed stream", async () => {
    const body = ["RESUELVO:", "Condenar al imputado a la pena de dos años."].join("\n\n")
    const pdf = await PDFDocument.load(await layoutPdf({ body, header: [], footer: [] }, new Date("2026-03-03T12:00:00Z")))
    const page = pdf.getPage(0)
    const fonts = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict)
    const faceOf = new Map(fonts.entries().map(([key, ref]) => [key.toString(), pdf.context.lookup(ref, PDFDict).get(PDFName.of("BaseFont"))!.toString()]))
    const contents = pdf.context.lookup(page.node.get(PDFName.of("Contents")), PDFArray)
    expect(contents.size()).toBe(1)
    const stream = contents.lookup(0, PDFRawStream)
    expect(stream.dict.get(PDFName.of("Filter"))?.toString()).toBe("/FlateDecode")
    const hex = (text: string) => `<${Buffer.from(text, "latin1").toString("hex").toUpperCase()}`
    const drawnWith = (text: string): string | undefined => {
      let face: string | undefined
      for (const line of inflateSync(stream.contents).toString("latin1").split("\n")) {
        const selected = /^(\/\S+) [\d.]+ Tf$/u.exec(line)
        if (selected) face = faceOf.get(selected[1]!)
        if (line.startsWith(hex(text))) return face
      }
      return undefined
    }
    expect(drawnWith("RESUELVO:")).toBe("/Helvetica-Bold")
    expect(drawnWith("Condenar")).toBe("/Helvetica")
    expect(drawnWith("Página 1 de 1")).toBe("/Helvetica")
  })
})

describe("PDF line filling", () => {
  it("fills each line as far as pdf-lib's own measure of the whole line allows, and cuts a word wider than the line", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica)
    const words = ["Que", "AVeTo", "Wý", "el", "imputado", "«sí»,", "“Ya”", "—", "T.", "Vaquería", "fojas", "247/249;", "AW", "y", "ÑANDÚ", "r.", "LT", "o"]
    let state = 7
    const pick = () => words[(state = (state * 1103515245 + 12345) % 2147483648) % words.length]!
    const paragraph = Array.from({ length: 600 }, pick).join(" ") + " " + "https://example.org/" + "abcdefghij".repeat(40)
    const size = 11
    const width = 451.28
    const lines = wrap(paragraph, unitWidths(font), size, width)
    // Every character, in order: lines join with a space, a cut word's pieces without one.
    expect(lines.join(" ").replace(/ /gu, "")).toBe(paragraph.replace(/ /gu, ""))
    expect(lines.filter((line) => line.includes(" ")).length).toBeGreaterThan(20)
    for (const [k, line] of lines.entries()) {
      expect(font.widthOfTextAtSize(line, size)).toBeLessThanOrEqual(width + 1e-9)
      const next = lines[k + 1]
      // The next line's first word did not fit on this one (a cut word's pieces have no space between them).
      if (next !== undefined && !line.startsWith("https") && !next.startsWith("abcdefghij") && !next.startsWith("https")) {
        expect(font.widthOfTextAtSize(`${line} ${next.split(" ")[0]}`, size)).toBeGreaterThan(width)
      }
    }
    expect(lines.filter((line) => line.includes("abcdefghij")).length).toBeGreaterThan(2)
  })
})

describe(".doc → DOCX", () => {
  it("publishes a legacy Word file as a DOCX of its anonymised text, passing its check", async () => {
    const original = makeDoc(["JUZGADO PENAL N° 3", "VISTOS: la causa seguida a Juan Carlos Pérez, DNI 30.123.456.", "Se cita a Pérez a la audiencia."])
    const { record, publicText } = await recordFor(original, readDoc, MENTIONS)
    const output = await produceDocument(original, record, { keepImages: false })
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(output) })).value
    expect(normalised(raw)).toBe(normalised(publicText))
    expect(raw).toContain("VISTOS: la causa seguida a [PERSONA 1], DNI [DNI].")
    const zip = await JSZip.loadAsync(output)
    for (const file of Object.values(zip.files)) if (!file.dir) expect(await file.async("string")).not.toMatch(/P[ée]rez|30\.123\.456/u)
    expect((await checkDocument(output, "docx", record, config, ruleDetectors(config))).publish).toBe(true)
  })
})
