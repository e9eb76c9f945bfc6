import { describe, expect, it } from "vitest"
import { evaluate } from "../../src/eval/evaluate.ts"
import { formatReport } from "../../src/eval/formatReport.ts"
import { alignItems } from "../../src/eval/align.ts"
import { goldFrom, writeFixture } from "./helpers.ts"

const gold = goldFrom("rulings/r001-sentencia.txt", [
  ["Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° 10", "keep:TRIBUNAL"],
  "\nCausa “",
  ["PÉREZ, Juan Carlos", "PERSONA"],
  " s/ infr. ",
  ["art. 149 bis CP", "keep:NORMA"],
  "”\nBuenos Aires, ",
  ["12 de marzo de 2024", "keep:FECHA_RESOLUCION"],
  ".\n\nVISTOS: la causa seguida a ",
  ["Juan Carlos Pérez", "PERSONA"],
  ", DNI ",
  ["32.456.789", "DNI"],
  ", con domicilio en ",
  ["Av. Rivadavia 4521, piso 3°", "DIRECCION"],
  ", teléfono ",
  ["11-4567-8901", "TELEFONO"],
  ", quien amenazó a ",
  ["María Florencia Gómez", "PERSONA"],
  ". Se lo condena a 3 años de prisión en un plazo de 10 días. ",
  ["Pérez", "PERSONA"],
  " deberá abonar ",
  ["$ 25.000", "keep:MONTO"],
  ".\n\nFdo.: Dra. ",
  ["Ana Laura Benítez", "keep:FUNCIONARIO"],
  " – Jueza\n",
])

const perfectEntities = (text: string, spans: { start: number; end: number; label: string }[]) =>
  spans.map((s) => ({ start: s.start, end: s.end, label: s.label, action: "redact" as const }))

describe("evaluate", () => {
  it("scores a perfect output as P = R = 1, no leaks, no over-redaction", async () => {
    const { goldPath, outDir } = writeFixture([gold], [{ id: "a1", source: gold.file, text: gold.text, entities: perfectEntities(gold.text, gold.spans) }])
    const r = await evaluate(goldPath, outDir)
    expect(r.documents.evaluated).toBe(1)
    expect(r.micro.exact.precision).toBe(1)
    expect(r.micro.exact.recall).toBe(1)
    expect(r.micro.overlap.f2).toBe(1)
    expect(r.personalData.recall).toBe(1)
    expect(r.leak.rate).toBe(0)
    expect(r.leak.surface.leaked).toBe(0)
    expect(r.overRedaction.rate).toBe(0)
    expect(r.overRedaction.surface.missing).toBe(0)
    for (const l of r.labels) expect(l.exact.f2).toBe(1)
    expect(formatReport(r)).toContain("Tasa de fuga: 0.0%")
  })

  it("reports a leaked name (positional and surface leak) and the missed span", async () => {
    const missed = gold.spans.find((s) => s.text === "María Florencia Gómez")!
    const entities = perfectEntities(gold.text, gold.spans.filter((s) => s !== missed))
    const { goldPath, outDir } = writeFixture([gold], [{ id: "a1", source: gold.file, text: gold.text, entities }])
    const r = await evaluate(goldPath, outDir)
    expect(r.leak.leaked).toBe(1)
    expect(r.leak.rate).toBeGreaterThan(0)
    expect(r.leak.byLabel.PERSONA).toEqual({ mentions: 4, leaked: 1 })
    expect(r.leak.surface.leaked).toBe(1)
    const persona = r.labels.find((l) => l.label === "PERSONA")!
    expect(persona.overlap.recall).toBeCloseTo(3 / 4)
    expect(persona.overlap.precision).toBe(1)
    expect(r.leak.examples[0]?.text).toBe("María Florencia Gómez")
  })

  it("counts a partially redacted name as leaked, and a wrong label as a type-agnostic hit", async () => {
    const entities = gold.spans.map((s) =>
      s.text === "Juan Carlos Pérez"
        ? { start: s.start, end: s.start + "Juan Carlos".length, label: "LUGAR", action: "redact" as const }
        : { start: s.start, end: s.end, label: s.label, action: "redact" as const },
    )
    const { goldPath, outDir } = writeFixture([gold], [{ id: "a1", source: gold.file, text: gold.text, entities }])
    const r = await evaluate(goldPath, outDir)
    expect(r.leak.leaked).toBe(1)
    expect(r.personalData.recall).toBe(1)
    expect(r.labels.find((l) => l.label === "PERSONA")!.overlap.recall).toBeCloseTo(3 / 4)
    expect(r.labels.find((l) => l.label === "LUGAR")!.overlap.precision).toBe(0)
  })

  it("reports an over-redacted judge; kept entities do not count as predictions", async () => {
    const judge = gold.keep.find((k) => k.kind === "FUNCIONARIO")!
    const entities = [
      ...perfectEntities(gold.text, gold.spans),
      { start: judge.start, end: judge.end, label: "PERSONA", action: "redact" as const },
      { start: gold.keep[1]!.start, end: gold.keep[1]!.end, label: "FUNCIONARIO", action: "keep" as const },
    ]
    const { goldPath, outDir } = writeFixture([gold], [{ id: "a1", source: gold.file, text: gold.text, entities }])
    const r = await evaluate(goldPath, outDir)
    expect(r.overRedaction.overRedacted).toBe(1)
    expect(r.overRedaction.rate).toBeGreaterThan(0)
    expect(r.overRedaction.byKind.FUNCIONARIO).toEqual({ items: 1, overRedacted: 1 })
    expect(r.overRedaction.surface.missing).toBe(1)
    expect(r.personalData.precision).toBeCloseTo(gold.spans.length / (gold.spans.length + 1))
    expect(r.labels.find((l) => l.label === "FUNCIONARIO")).toBeUndefined()
  })

  it("aligns gold offsets to a PDF-like text (line breaks, hyphenation, page header) and matches on basename", async () => {
    // What a PDF reader might give: wrapped lines, a hyphenated name, a repeated page header.
    const header = "Causa “PÉREZ, Juan Carlos s/ infr. art. 149 bis CP” Página 2 de 2\n"
    const pdfText = gold.text
      .replace("VISTOS: la causa seguida a Juan Carlos Pérez,", "VISTOS: la causa seguida a Juan Car-\nlos Pérez,\n" + header)
      .replace("con domicilio en Av. Rivadavia 4521, piso 3°", "con domicilio en Av.\nRivadavia  4521,\npiso 3°")
      .replace("María Florencia Gómez", "María\nFlorencia Gó-\nmez")
    expect(pdfText).not.toBe(gold.text)
    // The "perfect" prediction on the PDF text: find each gold mention where a reader would.
    const aligned = alignItems(gold.text, pdfText, gold.spans)
    expect(aligned.every((a) => a.at)).toBe(true)
    const bodyName = aligned.find((a) => a.item.text === "Juan Carlos Pérez")!.at!
    expect(pdfText.slice(bodyName.start, bodyName.end)).toBe("Juan Car-\nlos Pérez")
    // the caption mention must align to the head, not to the page header inserted later
    const caption = aligned.find((a) => a.item.text === "PÉREZ, Juan Carlos")!.at!
    expect(caption.start).toBeLessThan(pdfText.indexOf("Página"))
    const entities = aligned.map((a) => ({ start: a.at!.start, end: a.at!.end, label: a.item.label, action: "redact" as const }))
    // the header copy of the caption name is also redacted (a second prediction, outside gold)
    const h = pdfText.indexOf("PÉREZ, Juan Carlos s/ infr. art. 149 bis CP” Página")
    entities.push({ start: h, end: h + "PÉREZ, Juan Carlos".length, label: "PERSONA", action: "redact" })
    const { goldPath, outDir } = writeFixture([{ ...gold, file: "rulings/r001-sentencia.pdf" }], [{ id: "x", source: "otra/carpeta/r001-sentencia.pdf", text: pdfText, entities }])
    const r = await evaluate(goldPath, outDir)
    expect(r.documents.evaluated).toBe(1)
    expect(r.alignment.unaligned).toHaveLength(0)
    expect(r.micro.exact.recall).toBe(1)
    expect(r.micro.exact.precision).toBe(1) // the header copy is not a false positive
    expect(r.alignment.copies).toBe(1)
    expect(r.leak.rate).toBe(0)
    expect(r.leak.surface.leaked).toBe(0)
    expect(r.overRedaction.rate).toBe(0)
  })

  it("counts a document missing from the output as fully missed and lists it", async () => {
    const other = { ...gold, file: "rulings/r002-embargo.docx" }
    const { goldPath, outDir } = writeFixture([gold, other], [{ id: "a1", source: gold.file, text: gold.text, entities: perfectEntities(gold.text, gold.spans) }])
    const r = await evaluate(goldPath, outDir)
    expect(r.documents.missing).toEqual(["rulings/r002-embargo.docx"])
    expect(r.micro.overlap.recall).toBeCloseTo(0.5)
    expect(r.micro.overlap.precision).toBe(1)
    expect(formatReport(r)).toContain("r002-embargo.docx")
  })

  it("reports gold spans whose text is absent from the analysed text as unaligned and missed", async () => {
    const text = gold.text.replace("11-4567-8901", "(ilegible)")
    const { goldPath, outDir } = writeFixture([gold], [{ id: "a1", source: gold.file, text, entities: [] }])
    const r = await evaluate(goldPath, outDir)
    expect(r.alignment.unaligned.map((u) => u.text)).toEqual(["11-4567-8901"])
    expect(r.micro.overlap.recall).toBe(0)
    expect(r.leak.mentions).toBe(gold.spans.length - 1)
  })
})
