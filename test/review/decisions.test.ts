import { describe, expect, it } from "vitest"
import type { ResolvedSpan } from "../../src/detect/Detector.ts"
import { applyDecisions, contextOf, mentionsOf, relocate, type SpanDecision } from "../../src/review/decisions.ts"

const TEXT = "Declaró Juan Mercado ante el tribunal. Luego Mercado reconoció los hechos frente al Mercado Central."

const at = (text: string, word: string, from = 0) => {
  const start = text.indexOf(word, from)
  return { start, end: start + word.length }
}

const decision = (text: string, action: SpanDecision["action"], range: { start: number; end: number }, label: SpanDecision["label"] = "PERSONA"): SpanDecision => ({
  action,
  scope: "mencion",
  ...range,
  label,
  surface: text.slice(range.start, range.end),
  ...contextOf(text, range.start, range.end),
})

const person = (range: { start: number; end: number }): ResolvedSpan => ({ ...range, label: "PERSONA", score: 0.9, detector: "rules/person", action: "redact" })

describe("decisions become spans", () => {
  const central = at(TEXT, "Mercado", TEXT.indexOf("al Mercado"))

  it("hiding a mention adds a redaction with the chosen label; keeping removes the redactions over it", () => {
    const spans = [person(at(TEXT, "Juan Mercado")), person(at(TEXT, "Mercado", TEXT.indexOf("Luego")))]
    const hidden = applyDecisions(TEXT, spans, [decision(TEXT, "ocultar", central)])
    expect(hidden.filter((span) => span.action === "redact")).toHaveLength(3)
    expect(hidden.find((span) => span.start === central.start)).toMatchObject({ label: "PERSONA", action: "redact", detector: "review/person" })
    // Keeping "Mercado" inside "Juan Mercado" trims the redaction to "Juan", never exposes more.
    const inner = at(TEXT, "Mercado")
    const kept = applyDecisions(TEXT, spans, [decision(TEXT, "mantener", inner, "FUNCIONARIO")])
    expect(kept.filter((span) => span.action === "redact").map((span) => TEXT.slice(span.start, span.end))).toEqual(["Juan ", "Mercado"])
    expect(kept.find((span) => span.action === "keep")).toMatchObject({ ...inner, label: "FUNCIONARIO" })
  })

  it("a later decision on the same mention wins (relabel, then keep)", () => {
    const relabelled = applyDecisions(TEXT, [], [decision(TEXT, "ocultar", central), decision(TEXT, "ocultar", central, "LUGAR")])
    expect(relabelled.map((span) => span.label)).toEqual(["LUGAR"])
    const keptAfter = applyDecisions(TEXT, [], [decision(TEXT, "ocultar", central), decision(TEXT, "mantener", central, "LUGAR")])
    expect(keptAfter.map((span) => span.action)).toEqual(["keep"])
  })

  it("a form decision acts on every mention, on word boundaries, whatever the case and accents", () => {
    const text = "MERCADO declaró. Mercado firmó. Supermercados y mercadó."
    expect(mentionsOf(text, "mercado").map(({ start, end }) => text.slice(start, end))).toEqual(["MERCADO", "Mercado", "mercadó"])
    const spans = applyDecisions(text, [], [{ ...decision(text, "ocultar", at(text, "Mercado")), scope: "forma" }])
    expect(spans).toHaveLength(3)
  })
})

describe("decisions carried to a new version of the ruling", () => {
  const made = decision(TEXT, "ocultar", at(TEXT, "Mercado", TEXT.indexOf("al Mercado")))

  it("stay where the same text stands in the same context, at its new offset", () => {
    const edited = "VISTOS: los autos. " + TEXT
    const moved = relocate(made, edited)
    expect(moved).not.toBeNull()
    expect(edited.slice(moved!.start, moved!.end)).toBe("Mercado")
    expect(edited.slice(moved!.end, moved!.end + 8)).toBe(" Central")
  })

  it("are dropped where the context changed (the person must decide again)", () => {
    expect(relocate(made, TEXT.replace("frente al Mercado Central", "frente al Mercado Norte"))).toBeNull()
    expect(relocate(made, TEXT.replace("al Mercado Central", "a la terminal"))).toBeNull()
  })

  it("form decisions stay while the form is written", () => {
    const form = { ...made, scope: "forma" as const }
    expect(relocate(form, "Otro texto con Mercado.")).toMatchObject({ start: 15, end: 22 })
    expect(relocate(form, "Otro texto sin esa forma.")).toBeNull()
  })
})
