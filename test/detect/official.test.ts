import { describe, expect, it } from "vitest"
import { official } from "../../src/detect/rules/official.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { analyse } from "../../src/resolve/resolve.ts"
import { negatives, positives } from "./_table.ts"

/** Officials as real rulings write them: role-headed lines, role clauses, panels, signature blocks. */
describe("rules/official in the styles courts use", () => {
  positives(official, "FUNCIONARIO", [
    // Role-headed lines of hearing records.
    ["Juez: Rodrigo Altamirano, titular del Juzgado PCyF N° 21", "Rodrigo Altamirano"],
    ["Fiscal: Dra. Valeria Ocampo\nDefensora Oficial: Dra. Inés Barrionuevo", "Valeria Ocampo", "Inés Barrionuevo"],
    ["Asesora Tutelar: Dra. Mirta Quiroga", "Mirta Quiroga"],
    ["Secretario: Dr. Hernán Villagra", "Hernán Villagra"],
    // Vocales, chambers' prosecutors and advisers.
    ["EL SEÑOR VOCAL DOCTOR RAMIRO ESTEBAN GALARZA A LA PRIMERA CUESTIÓN DIJO:", "RAMIRO ESTEBAN GALARZA"],
    ["La Sra. Vocal Dra. Norma Beatriz Achával dijo:", "Norma Beatriz Achával"],
    ["dictaminó la Fiscal de Cámaras, Dra. Silvina Oliva", "Silvina Oliva"],
    ["corrido traslado al Asesor Letrado Dr. Gustavo Peralta", "Gustavo Peralta"],
    // A role clause with the court described at length, across a line break.
    ["dictada por el Sr. Juez de Primera Instancia en lo Civil y Comercial de Trigésima\nNominación de esta ciudad, Dr. Mauricio Tejeda quien resolvió", "Mauricio Tejeda"],
    // Panels and public offices acting through a person.
    ["el Tribunal, integrado por los señores vocales Dres. Ledesma, Arrieta y Cáceres", "Ledesma", "Arrieta", "Cáceres"],
    ["la Fiscalía de Instrucción N° 3, representada por la Dra. Paula Lucero", "Paula Lucero"],
    // Signature blocks: a name line above a role line, surname first, a surname that is a common word.
    ["Texto Firmado digitalmente por:\n\nQUINTEROS Julio Anselmo\nVOCAL DE CAMARA\nFecha: 2023.05.04", "QUINTEROS Julio Anselmo"],
    ["Firmado digitalmente por:\nMOYANO PEÑA Esteban Luis\nVOCAL TRIBUNAL SUPERIOR DE JUSTICIA", "MOYANO PEÑA Esteban Luis"],
    ["\fGIMÉNEZ Rosa Elvira\nSECRETARIO/A LETRADO DE CAMARA", "GIMÉNEZ Rosa Elvira"],
    ["ARCE Mónica Liliana\nPROSECRETARIO/A LETRADO", "ARCE Mónica Liliana"],
    // Votes: the heading names the judge; a panel in capitals joined by "Y"; a name before "DIJO:" across a line break.
    ["sentido.\nEL DR. RUBÉN OSMAR ARGAÑARAZ, DIJO:\nComparto", "RUBÉN OSMAR ARGAÑARAZ"],
    ["LOS SEÑORES VOCALES MARIO ALBERTO\nPERALTA ZURITA Y GLADYS BENAVIDEZ, en un todo de acuerdo", "MARIO ALBERTO\nPERALTA ZURITA", "GLADYS BENAVIDEZ"],
    ["EL SR. VOCAL DR. HÉCTOR\nHUGO SALGUERO DIJO: Corresponde", "HÉCTOR\nHUGO SALGUERO"],
  ])
  negatives(official, "FUNCIONARIO", [
    // A party's counsel is never an official, even near a role word.
    "la Fiscal solicitó la condena. El Dr. Ruiz, abogado del imputado, se opuso",
    "la defensa del imputado, representada por el Dr. Oscar Paredes, apeló",
    "la Fiscalía acusó y la querella, representada por el Dr. Oscar Paredes, adhirió",
    "el Juez rechazó el planteo del letrado apoderado de la actora, Dr. Ignacio Funes",
    // Headings and offices above a role line are not names.
    "CAMARA CIVIL Y COMERCIAL\nSECRETARIA",
    "SALA PENAL\nSECRETARIA",
    // A month is not a name: "el 3 de Julio de 2022".
    "el Fiscal pidió audiencia para el 3 de Julio de 2022",
    // A witness's statement is not a vote.
    "El Sr. Pedro Gómez dijo: que vio el auto",
    "la testigo Dra. Ana Ruiz, médica, dijo: que la atendió",
  ])
})

describe("officials and parties in one ruling", () => {
  const config = PipelineConfigSchema.parse({ name: "test", version: "1" })
  const actions = async (text: string) => {
    const spans = await analyse(text, config)
    return spans.map((s) => [text.slice(s.start, s.end), s.action] as const)
  }

  it("keeps the signers and their mentions in the votes; redacts the parties and their counsel", async () => {
    const text =
      "AUTOS: “FERREYRA, Leandro Tomás c/ PAZ, Olga Beatriz – ORDINARIO”.\n" +
      "EL SEÑOR VOCAL DOCTOR RAMIRO ESTEBAN GALARZA A LA PRIMERA CUESTIÓN DIJO:\n" +
      "Apela la demandada Olga Beatriz Paz, con el patrocinio del Dr. Ignacio Funes, abogado.\n" +
      "LA SEÑORA VOCAL DOCTORA NORMA BEATRIZ ACHÁVAL A LA PRIMERA CUESTIÓN DIJO: adhiero al voto del Dr. Galarza.\n" +
      "Texto Firmado digitalmente por:\n\nGALARZA Ramiro Esteban\nVOCAL DE CAMARA\nFecha: 2023.05.04\n\n" +
      "ACHÁVAL Norma Beatriz\nVOCAL DE CAMARA\nFecha: 2023.05.04\n\nQUINTEROS Julio Anselmo\nSECRETARIO/A LETRADO DE CAMARA\n"
    const got = await actions(text)
    const action = (form: string) => got.filter(([t]) => t === form).map(([, a]) => a)
    for (const signer of ["GALARZA Ramiro Esteban", "ACHÁVAL Norma Beatriz", "QUINTEROS Julio Anselmo", "RAMIRO ESTEBAN GALARZA", "NORMA BEATRIZ ACHÁVAL", "Galarza"]) {
      expect(action(signer), signer).toEqual(["keep"])
    }
    expect(action("Olga Beatriz Paz")).toEqual(["redact"])
    expect(action("Ignacio Funes")).toEqual(["redact"])
  })

  it("resolves a surname shared by the judge and a party by position", async () => {
    const text =
      "Juez: Dr. Rodrigo Altamirano.\nEl imputado Marcelo Altamirano, sin parentesco con el magistrado, declaró.\n" +
      "Luego Altamirano se retiró. Fdo.: Dr. Rodrigo Altamirano – Juez"
    const got = await actions(text)
    expect(got.filter(([t]) => t === "Rodrigo Altamirano").map(([, a]) => a)).toEqual(["keep", "keep"])
    expect(got.filter(([t]) => t === "Marcelo Altamirano").map(([, a]) => a)).toEqual(["redact"])
  })
})
