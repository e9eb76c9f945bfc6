import { describe, expect, it } from "vitest"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import type { Detector, ResolvedSpan } from "../../src/detect/Detector.ts"
import type { Label } from "../../src/domain/Label.ts"
import type { Span } from "../../src/domain/Span.ts"
import { analyse } from "../../src/resolve/resolve.ts"

const config = PipelineConfigSchema.parse({ name: "test", version: "1", actions: { FUNCIONARIO: "keep" } })

/** A stand-in for the NER model: tags every occurrence of each form. */
const model = (text: string, tags: ReadonlyArray<readonly [string, Label]>): Detector => ({
  name: "ner/test",
  labels: ["PERSONA", "LUGAR"],
  detect: () => {
    const out: Span[] = []
    for (const [form, label] of tags) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        out.push({ start: at, end: at + form.length, label, score: 0.99, detector: "ner/test", evidence: "ner" })
      }
    }
    return out
  },
})

const hidden = (text: string, spans: readonly ResolvedSpan[], label: Label = "PERSONA"): string[] =>
  spans.filter((s) => s.action === "redact" && s.label === label).map((s) => text.slice(s.start, s.end))

describe("given names that are common words", () => {
  it("join the name they open", async () => {
    const text =
      "Los codemandados Norma Inés Sotelo -a través de su apoderado- recurrieron. " +
      "La testigo dijo que Luz Marina Ortiz vivía allí, y que María Gloria\nBenítez la visitaba."
    const spans = await analyse(text, config, [model(text, [["Inés Sotelo", "PERSONA"], ["Marina Ortiz", "PERSONA"], ["Benítez", "PERSONA"]])])
    expect(hidden(text, spans)).toEqual(["Norma Inés Sotelo", "Luz Marina Ortiz", "María Gloria\nBenítez"])
  })

  it("stay words where they are words or name a court or a place", async () => {
    const text =
      "A la Luz de lo expuesto, el Juzgado de Paz Ramón Acosta intervino. " +
      "Conforme la Norma, Pedro Gómez declaró. Viajó a Dolores, Ana Ruiz lo esperaba."
    const spans = await analyse(text, config, [model(text, [["Ramón Acosta", "PERSONA"], ["Pedro Gómez", "PERSONA"], ["Ana Ruiz", "PERSONA"]])])
    expect(hidden(text, spans)).toEqual(["Ramón Acosta", "Pedro Gómez", "Ana Ruiz"])
  })
})

describe("paragraph numbers are not places", () => {
  it("drops a model's place tag on a roman numeral or a letter that opens a paragraph", async () => {
    const text = "I. Los codemandados recurrieron.\nb. El actor vive en Villa Allende desde 2010."
    const spans = await analyse(text, config, [model(text, [["I.", "LUGAR"], ["b.", "LUGAR"], ["Villa Allende", "LUGAR"]])])
    expect(hidden(text, spans, "LUGAR")).toEqual(["Villa Allende"])
  })
})

describe("an author's surname that is also a place", () => {
  it("is not a place when it opens a citation, inverted", async () => {
    const text = "Así lo explica la doctrina (Avellaneda, Tomás en “Curso de derecho procesal”, p. 40). El actor vive en Avellaneda, provincia de Buenos Aires."
    const spans = await analyse(text, config, [model(text, [["Avellaneda", "LUGAR"]])])
    const places = spans.filter((s) => s.action === "redact" && s.label === "LUGAR").map((s) => s.start)
    expect(places).toEqual([text.lastIndexOf("Avellaneda")])
  })
})
