import { describe, expect, it } from "vitest"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { analyse } from "../../src/resolve/resolve.ts"

const config = PipelineConfigSchema.parse({ name: "t", version: "1" })

const persons = async (text: string) =>
  (await analyse(text, config)).filter((span) => span.label === "PERSONA").map((span) => text.slice(span.start, span.end))

describe("surnames that are also common words (Mercado, Sala, Villa)", () => {
  it.each([
    ["after given names, before a comma", "Declaró el imputado Juan Carlos Mercado, DNI 22.333.444, domiciliado en Tucumán 100.", "Juan Carlos Mercado"],
    ["in capitals after a first name", "Luego compareció Aureliana VILLA, quien expuso.", "Aureliana VILLA"],
    ["at the end of a sentence", "La testigo fue Ana Sala.", "Ana Sala"],
    ["between given names and another surname", "con el patrocinio letrado del Dr. Lucas Adrián Mas Zubiaurre, apeló.", "Lucas Adrián Mas Zubiaurre"],
  ])("are part of the name %s", async (_, text, name) => {
    expect(await persons(text)).toContain(name)
  })

  it("open an inverted caption before a comma and a first name", async () => {
    const found = await persons("Autos: MERCADO, Juan Carlos p.s.a. lesiones leves. Juan Carlos Mercado fue oído.")
    expect(found).toContain("MERCADO, Juan Carlos")
  })

  it.each([
    ["a chamber", "Elévense los autos a la Sala II de la Cámara."],
    ["a market", "Los hechos ocurrieron frente al Mercado Central."],
    ["a neighbourhood", "Vive en la Villa 31 desde 2010."],
    ["a court", "Lo resolvió la Corte Suprema de Justicia de la Nación."],
  ])("are the word itself elsewhere (%s)", async (_, text) => {
    expect(await persons(text)).toEqual([])
  })
})

describe("a past-tense verb before or after a name is not part of it", () => {
  it.each([
    ["Compareció Aureliana VILLA, quien expuso.", "Aureliana VILLA"],
    ["Declaró Juan Ignacio Ferreyra ante el tribunal.", "Juan Ignacio Ferreyra"],
    ["En ese momento Matías Ferreyra golpeó la puerta.", "Matías Ferreyra"],
  ])("%s", async (text, name) => {
    expect(await persons(text)).toEqual([name])
  })

  it("keeps a surname that ends in ó when a name list knows it (hard negative)", async () => {
    expect(await persons("Declaró el testigo Joan Miró, vecino del lugar.")).toContain("Joan Miró")
  })
})

describe("a surname no list knows is still found alone when the ruling writes it in lower case only in an address", () => {
  it("spreads the surname of a person whose profile carries it", async () => {
    const text = "Se imputa a Luis Amancio Pontevedra. Su perfil es https://www.facebook.com/luis.pontevedra y su cuenta @luis.pontevedra. Luego Pontevedra ingresó."
    const found = (await analyse(text, config, [{
      name: "ner/test",
      labels: ["PERSONA"],
      detect: (t) => [{ start: t.indexOf("Luis"), end: t.indexOf("Luis") + "Luis Amancio Pontevedra".length, label: "PERSONA", score: 0.99, detector: "ner/test" }],
    }])).filter((span) => span.label === "PERSONA").map((span) => text.slice(span.start, span.end))
    expect(found).toContain("Pontevedra")
  })
})
