import { describe, expect, it } from "vitest"
import { classifyRuling } from "../../src/publish/classifyRuling.ts"

describe("classifyRuling: materia", () => {
  it.each([
    ["Se le imputan amenazas coactivas (art. 149 bis CP) contra [PERSONA 1].", "amenazas"],
    ["Lesiones leves (art. 89 del Código Penal).", "lesiones"],
    ["Daño (art. 183 CP) sobre el vehículo. Los daños se repararon.", "daños"],
    ["Portación de arma de fuego de uso civil sin autorización (art. 189 bis CP). Portación ilegal de armas.", "portación de armas"],
    ["Hechos en un contexto de violencia de género (Ley 26.485) y violencia doméstica.", "violencia de género"],
    ["Infracción al art. 111 del Código Contravencional (Ley 1472): contravención de ruidos molestos.", "contravenciones"],
    ["Incumplimiento de los deberes de asistencia familiar (Ley 13.944).", "incumplimiento de deberes de asistencia familiar"],
    ["Resolución de trámite sin hechos.", ""],
  ])("%s → %s", (text, expected) => {
    expect(classifyRuling(text).materia).toBe(expected)
  })
})

describe("classifyRuling: materia, cited articles first", () => {
  const caption = "Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° 4"
  it.each([
    // The fuero's name says "contravencional" in every ruling: it is no evidence.
    [`${caption}. ${caption}. Lesiones leves (art. 89 del Código Penal). Firmado: ${caption}.`, "lesiones"],
    // Citations outweigh words from the narrative of other facts.
    ["Se lo acusa por los arts. 89 y 92 del CP. Previamente hubo amenazas, amenazas verbales y una amenaza escrita.", "lesiones"],
    ["Daño (art. 183 del Código Penal); se mencionó una contravención y el Código Contravencional.", "daños"],
    // An article of the contraventional code is a contravention, whatever its number.
    ["Hostigamiento (art. 52 del Código Contravencional), en la vía pública.", "contravenciones"],
    ["Infracción al art. 89 de la Ley 1472.", "contravenciones"],
    // Procedural articles name no offence: the keywords decide.
    ["Conforme el art. 311 del Código Procesal Penal, por las amenazas proferidas.", "amenazas"],
    // Only the fuero's name: nothing to classify.
    [`${caption}. Audiencia fijada.`, ""],
  ])("%s → %s", (text, expected) => {
    expect(classifyRuling(text).materia).toBe(expected)
  })
})

describe("classifyRuling: resultado", () => {
  it.each([
    ["Considerando que la defensa pidió el sobreseimiento... Por ello, RESUELVO: CONDENAR a [PERSONA 1] a la pena de un año.", "condena"],
    ["RESUELVO: ABSOLVER a [PERSONA 1] por el hecho imputado.", "absolución"],
    ["SE RESUELVE: SOBRESEER a [PERSONA 2].", "sobreseimiento"],
    ["RESUELVO: I. Suspender el juicio a prueba por el término de un año.", "suspensión del juicio a prueba"],
    ["RESUELVO: Archivar las actuaciones.", "archivo"],
    ["RESUELVO: disponer la prohibición de acercamiento de [PERSONA 1] a 200 metros.", "medida de protección"],
    ["RESUELVO: trabar embargo sobre los bienes por $ 50.000.", "embargo"],
    ["Se fija audiencia para el día de la fecha.", ""],
  ])("%s → %s", (text, expected) => {
    expect(classifyRuling(text).resultado).toBe(expected)
  })
})
