import path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createNerDetector, type NerDetector } from "../../src/detect/ner/index.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import type { Span } from "../../src/domain/Span.ts"
import { ruleDetectors } from "../../src/detect/registry.ts"
import { publicationPolicy } from "../../src/publish/gate.ts"
import { redactAndGate } from "../../src/publish/redactAndGate.ts"
import { cutToWords, snapToWords } from "../../src/resolve/modelWords.ts"
import { analyse } from "../../src/resolve/resolve.ts"

const modelSpan = (text: string, piece: string, label: Span["label"] = "PERSONA"): Span => {
  const start = text.indexOf(piece)
  if (start < 0) throw new Error(`no ${piece}`)
  return { start, end: start + piece.length, label, score: 0.9, detector: "ner/test" }
}

const cut = (text: string, piece: string, label: Span["label"] = "PERSONA"): string[] =>
  cutToWords(text, modelSpan(text, piece, label)).map((span) => text.slice(span.start, span.end))

describe("model spans cut to whole words and to the runs a name is made of", () => {
  it.each([
    ["an operative order after its numeral", "RESUELVO: I. CONCEDER la suspensión del proceso a prueba.", ". CONCEDER", []],
    ["a verb after the name", "En ese momento Matías Ferreyra golpeó a la víctima.", "Matías Ferreyra golpeó", ["Matías Ferreyra"]],
    ["a caption's charge in capitals", "Autos: PEREZ, JUAN CARLOS SOBRE 89 - LESIONES.", "PEREZ, JUAN CARLOS SOBRE 89", ["PEREZ, JUAN CARLOS"]],
    ["an operative order in capitals before the name", "DECRETAR LA PROHIBICIÓN DE CONTACTO de Juan Pérez respecto de la denunciante; el contacto queda prohibido.", "DECRETAR LA PROHIBICIÓN DE CONTACTO de Juan Pérez", ["Juan Pérez"]],
    ["a span starting inside a word", "Declaró el hermano de Gómez, Juan, al día siguiente.", "ómez, Juan", ["Gómez, Juan"]],
    ["two people in one span", "Vi a Juan Pérez y María Gómez juntos.", "Juan Pérez y María Gómez", ["Juan Pérez", "María Gómez"]],
    ["a surname spelt with ñ that folds to a common word", "Se fijó la pena de prisión. Declaró Luis Peña, Jefe de Turno.", "Declaró Luis Peña", ["Luis Peña"]],
    ["given names listed with a comma", "Vive con sus hermanos Dylan, Aylén y Bastián.", "Dylan, Aylén", ["Dylan", "Aylén"]],
    ["a column of names, one per line", "RECHAZAR el recurso.\n\nMIRTA ARRIETA VALLE\nFAUSTO LEÓN IBARGUREN\n", "MIRTA ARRIETA VALLE\nFAUSTO LEÓN IBARGUREN", ["MIRTA ARRIETA VALLE", "FAUSTO LEÓN IBARGUREN"]],
    ["a name a line end breaks mid-sentence", "Lo vio el testigo Juan Carlos\nPÉREZ GARCÍA ayer.", "Juan Carlos\nPÉREZ GARCÍA", ["Juan Carlos\nPÉREZ GARCÍA"]],
    ["particles inside a name", "María de los Ángeles Pérez declaró.", "María de los Ángeles Pérez", ["María de los Ángeles Pérez"]],
    ["an initial's point", "Lo atendió Juan B. Lema en la guardia.", "Juan B. Lema en", ["Juan B. Lema"]],
    ["an inverted name whose given names no list knows", "Declaró la testigo Quelca, Yamira Ruth, boliviana.", "Quelca, Yamira Ruth", ["Quelca, Yamira Ruth"]],
    ["a given name that is also an ordinal", "Presente el Defensor Oficial Dr. Segundo Vallejos;", "Segundo Vallejos", ["Segundo Vallejos"]],
    ["a person's initials", "Solía controlar el celular de R.A.M. a diario.", "R.A.M.", ["R.A.M."]],
    ["initials as a scan reads them", "Solía controlar el celular de RA.M.. a diario.", "RA.M..", ["RA.M."]],
    ["a precedent's inverted name before its parenthesis", "Casal, Matías Eugenio (Fallos 328:3399).", "Casal, Matías Eugenio (", ["Casal, Matías Eugenio"]],
  ])("%s", (_, text, piece, expected) => {
    expect(cut(text, piece)).toEqual(expected)
  })

  it("drops a place span with neither capital nor digit, and snaps places to whole words", () => {
    expect(cut("se fue para el fondo del pasillo", "el fondo", "LUGAR")).toEqual([])
    expect(cut("Vive en Villa Lugano desde 2010.", "illa Lugano ", "LUGAR")).toEqual(["Villa Lugano"])
    expect(snapToWords("(Palermo).", 0, 10)).toEqual({ start: 1, end: 8 })
  })
})

/** A short hearing record in the style of CABA's criminal courts, written for this test. */
const HEARING = [
  "Ciudad Autónoma de Buenos Aires, 14 de agosto de 2025.",
  "AUTOS Y VISTOS: Para resolver en la causa seguida a FERREYRA, Matías Ezequiel, DNI 38.555.111, por lesiones (art. 89 CP).",
  "Y CONSIDERANDO: Que Matías Ezequiel FERREYRA golpeó a su vecino en la vía pública. Ferreyra admitió el hecho.",
  "Por ello, RESUELVO: I. CONCEDER la suspensión del juicio a prueba a Matías Ezequiel Ferreyra por el término de un año.",
  "II. IMPONER a FERREYRA las reglas de conducta.",
].join("\n")

describe("with the project's model", () => {
  let ner: NerDetector
  beforeAll(async () => {
    const modelDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../models/tacha-ner-es")
    ner = await createNerDetector({ modelDir, quantized: true, threshold: 0.5 })
  })
  afterAll(async () => ner?.close())

  it("one accused gets one tag however the ruling writes the name, and no operative word or verb is swallowed", async () => {
    const config = PipelineConfigSchema.parse({ name: "t", version: "1", operators: { PERSONA: { type: "pseudonym", style: "numbered" } } })
    const spans = await analyse(HEARING, config, [ner])
    const policy = publicationPolicy(HEARING, config)
    const { redaction, gate } = redactAndGate(HEARING, spans, policy, ruleDetectors(policy.config))
    expect(gate.publish).toBe(true)
    expect(redaction.text).not.toMatch(/ferreyra|matías|ezequiel|38\.555/i)
    expect(new Set(redaction.text.match(/\[PERSONA \d+\]/g))).toEqual(new Set(["[PERSONA 1]"]))
    expect(redaction.text).toContain("I. CONCEDER la suspensión")
    expect(redaction.text).toContain("golpeó a su vecino")
    expect(redaction.text).toContain("II. IMPONER a [PERSONA 1] las reglas")
  })
})

describe("organisations are no one's name, and a given name that is a country's is not spread", () => {
  it.each([
    ["a bank", "Cita el precedente “Banco Austral Bank Argentina c/ Lemos, Ana”.", "Bank Argentina"],
    ["a company with its legal form", "La garantía fue otorgada por Motores Pampeanos Argentina S.R.L. al comprador.", "Pampeanos Argentina"],
  ])("%s", async (_, text, piece) => {
    const config = PipelineConfigSchema.parse({ name: "t", version: "1" })
    const spans = (await analyse(`${text}\nSe aplica la tasa del Banco Central de la República Argentina.`, config, [{
      name: "ner/test",
      labels: ["PERSONA"],
      detect: (t) => [modelSpan(t, piece)],
    }])).filter((span) => span.label === "PERSONA")
    expect(spans.map((span) => text.slice(span.start, span.end))).not.toContain(piece)
    expect(spans.some((span) => span.detector === "resolve/propagate")).toBe(false)
  })
})
