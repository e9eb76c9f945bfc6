import { describe, expect, it } from "vitest"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import type { Detector, ResolvedSpan } from "../../src/detect/Detector.ts"
import type { Span } from "../../src/domain/Span.ts"
import { companyOccurrences, withoutCompanyNames } from "../../src/resolve/companyNames.ts"
import { analyse } from "../../src/resolve/resolve.ts"

const config = PipelineConfigSchema.parse({ name: "test", version: "1", actions: { FUNCIONARIO: "keep" } })

/** A stand-in for the NER model: tags every occurrence of each form as a person. */
const model = (text: string, forms: readonly string[]): Detector => ({
  name: "ner/test",
  labels: ["PERSONA"],
  detect: () => {
    const out: Span[] = []
    for (const form of forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        out.push({ start: at, end: at + form.length, label: "PERSONA", score: 0.99, detector: "ner/test", evidence: "ner" })
      }
    }
    return out
  },
})

const hidden = (text: string, spans: readonly ResolvedSpan[]): string[] =>
  spans.filter((s) => s.action === "redact" && s.label === "PERSONA").map((s) => text.slice(s.start, s.end))

describe("company names are not people", () => {
  it("finds a company's name before its type, dotted or not", () => {
    const text = "contra Fernández Automotores S.A. y otros; la firma Lavadero Sur SRL; Banco de la Costa y del Plata S.A.; Tejeduría Norte S.A.I.C.A. y G."
    expect(companyOccurrences(text).map((c) => c.name)).toEqual(["fernandez automotores", "lavadero sur", "plata", "tejeduria norte"])
  })

  it("drops a model's person tags on a company, its type's letters and the bare name elsewhere", async () => {
    const text =
      "El actor demandó a MUEBLERÍA TORNADO S.A., y en consecuencia la codemandada Tornado\n" +
      "S.A. por intermedio de su apoderado contestó. Tornado no consignó nada. " +
      "Ana Ferreyra, la actora, declaró el 3 de mayo."
    const spans = await analyse(text, config, [model(text, ["Tornado\nS.A.", "A.", "Tornado", "Ana Ferreyra"])])
    expect(hidden(text, spans)).toEqual(["Ana Ferreyra"])
  })

  it("drops a capitals rule's person on a company in a cited caption", async () => {
    const text =
      "Así lo resolvió (TSJ, “GÓMEZ, RAÚL ALBERTO y OTRO C/\nFERNÁNDEZ AUTOMOTORES S.A. Y OTRO - ABREVIADO - RECURSO”). " +
      "El imputado Julio Sosa no compareció."
    const spans = await analyse(text, config)
    expect(hidden(text, spans).join("|")).not.toMatch(/FERNÁNDEZ|AUTOMOTORES/)
    expect(hidden(text, spans)).toContain("Julio Sosa")
  })

  it("keeps hiding a person next to a company, and a person whose surname names a family firm", async () => {
    const text =
      "Demandaron Juan Pérez y Tornado S.A. por daños. La firma Pérez Hnos. vendía repuestos. " +
      "Según el testigo, Pérez había firmado el recibo."
    const spans = await analyse(text, config, [model(text, ["Juan Pérez", "Pérez"])])
    const redacted = hidden(text, spans)
    expect(redacted).toContain("Juan Pérez")
    // The lone "Pérez" said of the party stays hidden (a leak would be worse than hiding the firm).
    expect(text.slice(text.indexOf("testigo"))).toContain("Pérez")
    expect(spans.some((s) => s.action === "redact" && text.slice(s.start, s.end) === "Pérez" && s.start > text.indexOf("testigo"))).toBe(true)
  })

  it("drops any detector's person span on a company, its type or its bare name; keeps the rest", () => {
    const text = "La demandada Tornado S.A. contestó. Tornado no consignó nada. Declaró Ana Ferreyra."
    const at = (form: string, from = 0): Span => {
      const start = text.indexOf(form, from)
      return { start, end: start + form.length, label: "PERSONA", score: 0.9, detector: "rules/person", evidence: "caps" }
    }
    const spans = [at("Tornado"), at("A.", text.indexOf("S.A.")), at("Tornado", 30), at("Ana Ferreyra"), { ...at("S.A."), label: "DNI" as const }]
    expect(withoutCompanyNames(text, spans).map((s) => `${s.label}:${text.slice(s.start, s.end)}`)).toEqual(["PERSONA:Ana Ferreyra", "DNI:S.A."])
  })

  it("does not take a person's spaced initials for a company type", async () => {
    const text = "Declaró el testigo Juan S. A. Pérez, quien dijo conocer al imputado."
    expect(companyOccurrences(text)).toEqual([])
    const spans = await analyse(text, config, [model(text, ["Juan S. A. Pérez"])])
    expect(hidden(text, spans)).toEqual(["Juan S. A. Pérez"])
  })
})

describe("legal abbreviations are not initials", () => {
  it("drops a model's person tag on a court, a code or a law report", async () => {
    const text =
      "Así se dijo (T.S.J., Sala Civil y Comercial, Sent. N° 7), y surge del art. 12 CA y de la doctrina " +
      "(C.N.Civ., Sala B, 3.4.99, J.A., 1.999-II-101). " +
      "La víctima M.L.G. declaró."
    const spans = await analyse(text, config, [model(text, ["T.S.J.", "CA", "J.A.", "M.L.G."])])
    expect(hidden(text, spans)).toEqual(["M.L.G."])
  })
})
