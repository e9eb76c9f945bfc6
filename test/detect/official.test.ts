import { describe, expect, it } from "vitest"
import { official } from "../../src/detect/rules/official.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { analyse } from "../../src/resolve/resolve.ts"
import { found, negatives, positives } from "./_table.ts"

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
    // A middle initial that is also a one-letter word ("a", "e", "o", "y") stays inside the name.
    ["La Sra. Vocal Dra. Marta E. Gorostiaga de Ledesma dijo:", "Marta E. Gorostiaga de Ledesma"],
    ["A LA PRIMERA CUESTIÓN PLANTEADA, LA SRA. VOCAL DRA. MARTA E. GOROSTIAGA DE LEDESMA, DIJO:", "MARTA E. GOROSTIAGA DE LEDESMA"],
    ["El Juez Dr. Juan A. Pérez Sosa resolvió", "Juan A. Pérez Sosa"],
    ["la Fiscal Dra. Ana O. Ruiz dictaminó y el Vocal Dr. Luis Y. Mora votó", "Ana O. Ruiz", "Luis Y. Mora"],
    ["La Vocal Dra. Silvia J. E. Lorca adhirió", "Silvia J. E. Lorca"],
    // The order of the judges' votes, with or without numbering; a cluster of initials inside a name.
    ["el orden de emisión de los votos es el siguiente: Dres. Aníbal Osvaldo Ramello, Néstor Hugo Fuentes y Elsa Noemí Medina de Castro.", "Aníbal Osvaldo Ramello", "Néstor Hugo Fuentes", "Elsa Noemí Medina de Castro"],
    ["Los Sres. Vocales emitirán sus votos en el siguiente orden: Dres. Héctor C. Sandoval, Gustavo R.M. Tissera y Ricardo Benítez Zamora.", "Héctor C. Sandoval", "Gustavo R.M. Tissera", "Ricardo Benítez Zamora"],
    ["El Tribunal fija el orden de la votación en la siguiente forma: 1.- Dra. Silvia Pucheta, 2.- Dra. Patricia F. Mansilla y 3.- Dr. Raúl Ferro.", "Silvia Pucheta", "Patricia F. Mansilla", "Raúl Ferro"],
    ["El orden de los votos resultó de la siguiente manera: Eduardo Ferrari y Natalia Zapata.", "Eduardo Ferrari", "Natalia Zapata"],
    // A vote's heading after the question it answers; a "Fdo.:" list of signers quoted in the ruling.
    ["A LA PRIMERA CUESTIÓN PLANTEADA, EL DR. ANÍBAL OSVALDO RAMELLO\nDIJO:\n1.- La sentencia", "ANÍBAL OSVALDO RAMELLO"],
    ["Téngase presente la prueba … Fdo.: Graciela Villalba - Juez; Paula Andrea Ruiz - Prosecretaria.", "Graciela Villalba", "Paula Andrea Ruiz"],
    // Signed digitally: the signers' list after "Fdo. digitalmente:" or "Firmado electrónicamente por:".
    ["REVOCAR la resolución.\n\nFdo. digitalmente: Marcelo P. Vidal, Juez de Cámara; Sergio Dalmasso, Juez de Cámara; Jorge A. Ferrando, Juez de Cámara.", "Marcelo P. Vidal", "Sergio Dalmasso", "Jorge A. Ferrando"],
    ["Regístrese.\nFirmado electrónicamente por: Laura Beatriz Ríos, Secretaria", "Laura Beatriz Ríos"],
    // A party's counsel just before, in the same list, does not make the official a party.
    ["Alegaron el Dr. Fernando Ramírez, abogado de la querella, y la Dra. Silvina Alonso, Defensora Oficial.", "Silvina Alonso"],
    // A given name that is also a month, before an initial.
    ["EL SEÑOR VOCAL DR. JULIO A. ROMERO, DIJO: comparto", "JULIO A. ROMERO"],
    ["del Juzgado N° 1, a cargo del Dr. Julio R. Bustos por haber deducido recurso", "Julio R. Bustos"],
    // A panel's signatures side by side, as a PDF's text layer reads them.
    ["Fdo.:\n\nSantiago Aldao Berisso     Laura Beatriz Pizzorno     Ricardo Néstor Goñi\nJuez de Cámara           Jueza de Cámara          Juez de Cámara",
      "Santiago Aldao Berisso", "Laura Beatriz Pizzorno", "Ricardo Néstor Goñi"],
    ["Ana Paz\tLuis Mora\nJueza\tSecretario", "Ana Paz", "Luis Mora"],
    // How each voted, in brackets after the role.
    ["Rosendo Ibarguren Solá     Clara Inés Montenegro     Fausto Lidueña\nJuez de Cámara            Jueza de Cámara (por su voto)     Juez de Cámara (en disidencia)",
      "Rosendo Ibarguren Solá", "Clara Inés Montenegro", "Fausto Lidueña"],
    // A judge speaking of the panel's other judges.
    ["adhiero al voto de mi colega Etcheverry, por sus fundamentos", "Etcheverry"],
    ["la discrepancia señalada por la colega Irazábal se refiere a un detalle", "Irazábal"],
    // The office held, after the name; a vote without "del"; a joint vote's heading.
    ["dictada por la Dra. Mariana Etchevarne Ruiz, titular del Juzgado de Primera Instancia en lo Civil", "Mariana Etchevarne Ruiz"],
    ["según el voto Dr. Tomás Ibarlucía, la cuestión", "Tomás Ibarlucía"],
    // A juvenile court's officials: "del Joven" names their office, not a young party.
    ["La Sra. Fiscal del Joven, Dra. Laura Beatriz Iturraspe, adhirió", "Laura Beatriz Iturraspe"],
    ["La Fiscalía de Instrucción N° 1, su titular, Dr. Marcelo Aníbal Goyeneche, dictaminó", "Marcelo Aníbal Goyeneche"],
    ["la Procuraduría de Trata y Explotación de Personas (PROTEX), representada por la Dra. Valeria Ocampo Dellepiane.", "Valeria Ocampo Dellepiane"],
    ["Que.\nLAS DRAS. MARÍA ROSA ETCHEGOYEN Y ANA LÍA ZUBIRÍA DIJERON: Que", "MARÍA ROSA ETCHEGOYEN", "ANA LÍA ZUBIRÍA"],
    ["el interno y el representante de la Procuración Penitenciaria de la Nación, Lic. Tobías Ugarte Laprida, y", "Tobías Ugarte Laprida"],
    ["Luego la Fiscal, Dra. Paz, pidió la palabra. El Fiscal, Montiel, acusó.", "Paz", "Montiel"],
    // A panel signing by name only.
    ["1. Rechazar la queja.\n\nFirmado: Teodosio Larumbe, Ernestina Carabajal Vidal, Ulises Mendiburu (en disidencia).",
      "Teodosio Larumbe", "Ernestina Carabajal Vidal", "Ulises Mendiburu"],
    ["comparto lo expuesto por mi distinguida colega, Dra. Marta Ríos Paz.", "Marta Ríos Paz"],
  ])
  negatives(official, "FUNCIONARIO", [
    // A party's representative is no official.
    "el representante de la querella, Dr. Juan Pérez Aldao, pidió la palabra",
    "la Dra. Ana Pérez Aldao, abogada de la actora, titular de la cuenta, declaró",
    "LAS PARTES, DRES. JUAN PÉREZ Y ANA GÓMEZ, ACORDARON:",
    // A party's counsel is never an official, even near a role word.
    "la Fiscal solicitó la condena. El Dr. Ruiz, abogado del imputado, se opuso",
    "la defensa del imputado, representada por el Dr. Oscar Paredes, apeló",
    "la Fiscalía acusó y la querella, representada por el Dr. Oscar Paredes, adhirió",
    "el Juez rechazó el planteo del letrado apoderado de la actora, Dr. Ignacio Funes",
    // Not a vote's order, not a signer.
    "en el orden de prelación de los votos no se advierte error: el actor Ignacio Funes lo consintió",
    "Fdo.: Ignacio Funes, abogado del actor",
    "Fdo.: Ignacio Funes, Marta Ríos, peritos de parte",
    "Firmado: Ignacio Funes.",
    "Fdo. digitalmente: Ignacio Funes, letrado patrocinante de la querella; Marta Ríos, perito",
    "Alegaron el Dr. Fernando Ramírez, abogado de la querella, y la Dra. Silvina Alonso.",
    "la víctima ANA PÉREZ – Jueza de Paz de su localidad, declaró",
    // A witness answering the prosecutor: the next clause's subject, not the prosecutor's name.
    "A preguntas del Fiscal, Rey reconoció que no vio el hecho.",
    // Columns whose second line is no list of roles; counsel calling each other colleagues.
    "Ana Paz     Luis Mora\nabogada     perito",
    "el letrado Ignacio Funes, colega de la querellante Ana Paz, declaró",
    "A LA PRIMERA CUESTIÓN PLANTEADA, EL ACTOR IGNACIO FUNES SOSTUVO:",
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

describe("rules/official: a signature block of an acta", () => {
  it("a role ending one signature line does not name who signs on the next", async () => {
    const text = "Dr. Ricardo Pardiñas — Juez\nDra. Priscila Monzón Arrieta — abogada particular\nEfraín Páez — Imputado"
    expect(await found(official, text, "FUNCIONARIO")).toEqual(["Ricardo Pardiñas"])
  })

  it("a role alone on its line under its signer's name does not name the signer below, with or without a blank line", async () => {
    for (const gap of ["\n\n", "\n"]) {
      const text = `Dr. Ramiro Aráoz Lemos\nJuez${gap}Dra. Inés Ocampo Ruiz\nFiscal${gap}Dr. Tadeo Balmaceda\nAbogado defensor${gap}Ante mí: Dr. Elías Frías\nSecretario`
      const got = await found(official, text, "FUNCIONARIO")
      expect(got).not.toContain("Tadeo Balmaceda")
      expect(got).toContain("Elías Frías")
    }
    // Hard positive: a role line opening the block names the signer below it.
    expect(await found(official, "Por ante mí.\n\nFiscal:\nDra. Inés Ocampo Ruiz", "FUNCIONARIO")).toEqual(["Inés Ocampo Ruiz"])
  })

  it("an office wrapped over two lines still names its head after \"a cargo de\"", async () => {
    const text = "interviene la Fiscalía Nacional en lo Criminal y\nCorreccional N° 12, a cargo de la Dra. Verónica Andrea Maciel; en la que"
    expect(await found(official, text, "FUNCIONARIO")).toEqual(["Verónica Andrea Maciel"])
    // Hard negative: not across a blank line.
    expect(await found(official, "la Fiscalía Nacional N° 12.\n\nLuego, a cargo de la Dra. Verónica Andrea Maciel, la víctima", "FUNCIONARIO")).toEqual([])
  })
})
