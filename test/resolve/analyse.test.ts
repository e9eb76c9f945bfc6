import { describe, expect, it } from "vitest"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import type { Detector, ResolvedSpan } from "../../src/detect/Detector.ts"
import { RULE_DETECTORS, ruleDetectors } from "../../src/detect/registry.ts"
import { analyse } from "../../src/resolve/resolve.ts"
import { redactText } from "../../src/redact/redactText.ts"
import { RULING } from "./ruling.fixture.ts"

const config = PipelineConfigSchema.parse({ name: "test", version: "1" })

/** The text as the pipeline publishes it. */
const publish = (text: string, spans: readonly ResolvedSpan[]): string => redactText(text, spans, config).text

describe("analyse: end to end over a one-page ruling", async () => {
  const spans = await analyse(RULING, config)
  const published = publish(RULING, spans)

  it("returns sorted, non-overlapping spans", () => {
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end)
  })

  it.each([
    "Juan Carlos", "PÉREZ", "PEREZ", "Pérez", "María Laura", "GÓMEZ", "Gómez", "Rosa Benítez", "Esteban Ruiz", "S. P. G.",
    "30.123.456", "20-30123456-3", "34 años", "29 años", "3/5/1989", "Lanús", "Rivadavia 1234", "piso 3°", "Bonpland 2150",
    "Palermo", "5432-1098", "4567-8901", "@juancho.perez89", "juan.perez89@gmail.com", "AB 123 CD", "captura1.png",
    "VID-20230110-WA0003.mp4", "2850590940090418135201", "1234-5678/9", "Corrientes y Callao",
  ])("nothing personal survives: %s", (personal) => {
    expect(published).not.toContain(personal)
  })

  it.each([
    "Fiscal Dr. Martín LÓPEZ", "Dra. Ana Suárez – Jueza", "Dr. Pablo Fernández – Secretario",
    "art. 149 bis del Código Penal", "la ley 26.485 y la Ley N° 1472", "arts. 149 bis y 150 del Código Penal",
    "Ciudad Autónoma de Buenos Aires, 15 de marzo de 2024.", "$ 15.000,50 (pesos quince mil)", "dentro de 10 días",
    "3 años de prisión en suspenso", "TRES AÑOS de prisión", "JUZGADO PENAL CONTRAVENCIONAL Y DE FALTAS N° 10 - SECRETARIA N°19",
    "RESUELVO", "CONDENAR a", "REGISTRESE, NOTIFIQUESE", "VISTOS", "CONSIDERANDO", "(cfr. Zaffaroni, Derecho Penal, p. 123",
    "CSJN \"Vega Giménez\", Fallos 328:3399; in re \"Casal\"", "el día 10 de enero de 2023",
  ])("stays visible: %s", (visible) => {
    expect(published).toContain(visible)
  })

  it("one person, one entity across all mentions", () => {
    const perez = spans.filter((s) => s.label === "PERSONA" && /p[eé]rez/i.test(RULING.slice(s.start, s.end)))
    expect(perez.length).toBeGreaterThanOrEqual(4)
    expect(new Set(perez.map((s) => s.entity))).toEqual(new Set(["juan carlos perez"]))
  })

  it("case numbers follow the pipeline's action", async () => {
    const keepCases = PipelineConfigSchema.parse({ name: "t", version: "1", actions: { EXPEDIENTE: "keep" } })
    const got = await analyse(RULING, keepCases)
    const cuij = got.find((s) => RULING.slice(s.start, s.end) === "J-01-00012345-6/2023-0")
    expect(cuij?.action).toBe("keep")
    expect(spans.find((s) => RULING.slice(s.start, s.end) === "J-01-00012345-6/2023-0")?.action).toBe("redact")
  })

  it("extra detectors (a NER model) plug in and are resolved with the rules", async () => {
    const text = "Declaró Wenceslao Quiroga sobre los hechos."
    const ner: Detector = {
      name: "ner/test",
      labels: ["PERSONA"],
      detect: async (t) => [{ start: t.indexOf("Wenceslao"), end: t.indexOf(" sobre"), label: "PERSONA", score: 0.9, detector: "ner/test" }],
    }
    const got = await analyse(text, config, [ner])
    expect(got.map((s) => text.slice(s.start, s.end))).toContain("Wenceslao Quiroga")
  })
})

describe("registry", () => {
  it("respects detectors.disabled and is built once per config", () => {
    const cfg = PipelineConfigSchema.parse({ name: "t", version: "1", detectors: { disabled: ["rules/plate", "rules/phone"] } })
    const list = ruleDetectors(cfg)
    expect(list.map((d) => d.name)).not.toContain("rules/plate")
    expect(list.length).toBe(RULE_DETECTORS.length - 2)
    expect(ruleDetectors(cfg)).toBe(list)
    expect(Object.isFrozen(list)).toBe(true)
  })
  it("every detector name is unique and spans name their detector", async () => {
    const names = RULE_DETECTORS.map((d) => d.name)
    expect(new Set(names).size).toBe(names.length)
    for (const d of RULE_DETECTORS) for (const s of await d.detect(RULING)) {
      expect(s.detector).toBe(d.name)
      expect(s.evidence ?? "").not.toContain(RULING.slice(s.start, s.end))
    }
  })
})
