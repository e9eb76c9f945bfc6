import { describe, expect, it } from "vitest"
import { person } from "../../src/detect/rules/person.ts"
import { official } from "../../src/detect/rules/official.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { analyse } from "../../src/resolve/resolve.ts"
import { negatives, positives } from "./_table.ts"

/** Names that are not people: places and institutions named after someone, cited authors and precedents. */
describe("rules/person: places, institutions, authors and precedents", () => {
  negatives(person, "PERSONA", [
    "fue trasladada al Hospital General de Agudos Dr. Ignacio Pirovano",
    "y luego al Hospital Dr. Humberto Notti",
    "alumna de la Escuela N° 5 Domingo Faustino Sarmiento",
    "circulaba por la Av. Juan B. Justo hacia el oeste",
    "frente a la Plaza Coronel Manuel Dorrego",
    "citó a Zaffaroni (\"El Dr. Eugenio Raúl Zaffaroni enseña que la pena...\")",
    "El Dr. Eugenio Raúl Zaffaroni explica que la culpabilidad",
    "resolvió la Corte en \"Casal, Matías Eugenio\" (Fallos 328:3399)",
    // An author heading a bibliographic parenthesis: a title, then a publisher, a year, a page.
    "así se dijo (PEREYRA ALBA, Tomás, Recursos en el proceso penal, Ed. Alborada, Rosario, 2011, pág. 77)",
    "(conf. DÍAZ VILLAR, Ana, Código Procesal comentado, t. II, 2015, p. 50)",
    // An editor after "en", a co-author after "y", in such a parenthesis.
    "(LÓPEZ, Ana, El daño, en RUIZ OLMOS, Pablo (Dir.), Tratado de la responsabilidad, t. I, 2015, p. 3)",
    "(Gutiérrez, Nora y Maldonado, Félix, Manual de recursos, Ed. Alborada, 2009, p. 14)",
    // A precedent in straight quotes after the court or "caso".
    "la defensa citó el Informe 35/07 de la Comisión Interamericana, caso \"Arboleda Quintana\"",
    "así lo resolvió el Tribunal Superior de Justicia en \"Ruiz Olmos, Gerardo s/ infr. art. 73 CC\"",
    // Doctrine cited in running text, in its present or perfect tense.
    "Tal como señala Julio B. J. Maier, el in dubio pro reo rige también aquí",
    "Como lo ha sostenido Néstor Pedro Sagüés, el hábeas corpus protege el trato digno",
    "En palabras de Alberto Binder, el proceso penal es un conflicto",
    // Co-authors separated by semicolons, the first one's given names before the semicolon.
    "(Anchorena, Eusebio Ramiro; Lastra, Alejandro; Vidal, Alejandro, Derecho penal, Ediar, 2002, p. 128)",
    // Given names before the initial of another one.
    "(Bonomi, Patricia S., Lineamientos de la pena, Ad-Hoc, 1999; Sanmartino, Marcelo A., Subjetivismo, Ad-Hoc, 1997)",
  ])
  positives(person, "PERSONA", [
    // Hard positives: the same shapes around a party.
    ["el imputado Ignacio Pirovano fue trasladado al Hospital", "Ignacio Pirovano"],
    ["la víctima, Sra. Elsa Carrizo, relató que el Dr. Luis Ortega la atendió", "Elsa Carrizo", "Luis Ortega"],
    ["el acusado \"Casal, Matías\" negó el hecho", "Casal, Matías"],
    // Hard positives: a party in a reference to the record, or in a list of parties, between parentheses.
    ["declaró la testigo (PEREYRA ALBA, Marta, fs. 23/24, del 3 de marzo de 2021)", "PEREYRA ALBA, Marta"],
    ["contra los demandados (LEDESMA, Luis Alberto, y otros), en 2019", "LEDESMA, Luis Alberto"],
    ["declararon (OCAMPO, Marta y MALDONADO, Félix, fs. 23)", "OCAMPO, Marta", "MALDONADO, Félix"],
    ["comparecieron (OCAMPO, Marta Inés; MALDONADO, Félix, fs. 23)", "OCAMPO, Marta Inés"],
    // Hard positive: the ruling's own caption in straight quotes.
    ["En autos \"PÉREZ, Juan s/ robo\" se resolvió", "PÉREZ, Juan"],
    // Hard positives: a witness's account in the past, a party after the verb.
    ["Como señaló la víctima, Juan Pérez le pegó", "Juan Pérez"],
    ["Como sostiene el imputado Luis Gómez, no estuvo allí", "Luis Gómez"],
    // A surname that is a place word does not make the next person a place: "Calle y de ...".
    ["hija de Anselmo Calle y de Nunziata Pascualina Arrigoni Mejias, con domicilio", "Nunziata Pascualina Arrigoni Mejias"],
  ])
})

describe("rules/official: panels with articles", () => {
  positives(official, "FUNCIONARIO", [
    ["el Tribunal, compuesto por la Dra. Estela Sarmiento, el Dr. Osvaldo Funes y la Dra. Carla Pizarro", "Estela Sarmiento", "Osvaldo Funes", "Carla Pizarro"],
  ])
})

describe("a name both official and cited keeps its role", () => {
  it("keeps the hospital's namesake and redacts the party", async () => {
    const config = PipelineConfigSchema.parse({ name: "t", version: "1" })
    const text = "La damnificada Elsa Noemí Carrizo fue atendida en el Hospital General de Agudos Dr. Ignacio Pirovano."
    const redacted = (await analyse(text, config)).filter((s) => s.action === "redact").map((s) => text.slice(s.start, s.end))
    expect(redacted).toEqual(["Elsa Noemí Carrizo"])
  })
})
