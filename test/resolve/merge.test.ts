import { describe, expect, it } from "vitest"
import type { Span } from "../../src/domain/Span.ts"
import { mergeSpans } from "../../src/resolve/merge.ts"

const s = (start: number, end: number, label: Span["label"], score: number, evidence = "x"): Span => ({
  start, end, label, score, detector: "test", evidence,
})

describe("mergeSpans", () => {
  const text = "el Fiscal Dr. Martín LÓPEZ y el CUIT 20-30123456-3 del Sr. Juan PÉREZ en Av. Rivadavia 1234, piso 3"
  const at = (t: string) => text.indexOf(t)

  it.each([
    {
      name: "official beats person for the same mention",
      spans: [s(at("Martín"), at("Martín") + 12, "PERSONA", 0.8, "mixed"), s(at("Martín"), at("Martín") + 12, "FUNCIONARIO", 0.9, "role-before")],
      expect: [["FUNCIONARIO", "Martín LÓPEZ"]],
    },
    {
      name: "a party cue right before the name beats an official guess",
      spans: [s(at("Juan"), at("Juan") + 10, "PERSONA", 0.85, "cue:role"), s(at("Juan"), at("Juan") + 10, "FUNCIONARIO", 0.9, "role-after")],
      expect: [["PERSONA", "Juan PÉREZ"]],
    },
    {
      name: "a validated identifier beats a phone guess with a higher score",
      spans: [s(at("20-"), at("20-") + 13, "CUIT_CUIL", 0.9, "cuit+checksum"), s(at("30123456"), at("30123456") + 8, "TELEFONO", 0.95)],
      expect: [["CUIT_CUIL", "20-30123456-3"]],
    },
    {
      name: "adjacent pieces of one name become one span",
      spans: [s(at("Juan"), at("Juan") + 4, "PERSONA", 0.7), s(at("PÉREZ"), at("PÉREZ") + 5, "PERSONA", 0.8)],
      expect: [["PERSONA", "Juan PÉREZ"]],
    },
    {
      name: "a street and its floor become one address",
      spans: [s(at("Av."), at("Av.") + 18, "DIRECCION", 0.9), s(at("piso"), at("piso") + 6, "DIRECCION", 0.8)],
      expect: [["DIRECCION", "Av. Rivadavia 1234, piso 3"]],
    },
    {
      name: "longer wins at equal score",
      spans: [s(at("Rivadavia"), at("Rivadavia") + 9, "PERSONA", 0.8), s(at("Av."), at("Av.") + 18, "DIRECCION", 0.8)],
      expect: [["DIRECCION", "Av. Rivadavia 1234"]],
    },
  ])("$name", ({ spans, expect: want }) => {
    const got = mergeSpans(text, spans).map((x) => [x.label, text.slice(x.start, x.end)])
    expect(got).toEqual(want)
  })

  it("never returns overlapping spans", () => {
    const spans = [s(0, 10, "PERSONA", 0.6), s(5, 15, "DNI", 0.7), s(12, 20, "TELEFONO", 0.9), s(3, 8, "EDAD", 0.95)]
    const got = mergeSpans(text, spans)
    for (let i = 1; i < got.length; i++) expect(got[i]!.start).toBeGreaterThanOrEqual(got[i - 1]!.end)
  })
})
