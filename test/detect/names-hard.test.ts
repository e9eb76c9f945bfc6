import { describe, expect, it } from "vitest"
import { official } from "../../src/detect/rules/official.ts"
import { person } from "../../src/detect/rules/person.ts"
import { found, negatives, positives } from "./_table.ts"

/** Names that are also common words, inverted names after a cue, two-letter initials, experts; signature blocks and citations. */

describe("rules/person: names that are also words", () => {
  positives(person, "PERSONA", [
    ["Que la damnificada, Argentina Lorena Garcia, argentina, DNI 36.735.208", "Argentina Lorena Garcia"],
    ["el abonado se encuentra registrado a nombre de Argentino Milanesi; la declaración", "Argentino Milanesi"],
    ["el pedido formulado por la defensa respecto de MILANESI, Argentino, apodado “Peti”", "MILANESI, Argentino"],
    ["hijo de Fabián Domingo Sansone y de Armonia Magdalena Garzon, con domicilio", "Fabián Domingo Sansone", "Armonia Magdalena Garzon"],
    ["hija de Domingo Quispe y de Verónica Lupo", "Domingo Quispe", "Verónica Lupo"],
    ["la suspensión del proceso a prueba respecto de AURELIANA VILLA, apodada", "AURELIANA VILLA"],
    ["que Juan Jofre acostumbraba amenazar a Abril Flores.", "Abril Flores"],
    ["actualmente vive con su pareja, Carolina Pascualina Domingo, en el barrio", "Carolina Pascualina Domingo"],
  ])
  negatives(person, "PERSONA", [
    "Ciudad Autónoma de Buenos Aires, 15 de Abril de 2023.",
    "la República Argentina y la Nación Argentina",
    "con domicilio en Manzana 64 Casa 40, Villa 1-11-14 de esta ciudad",
    "el Domingo 3 de marzo se celebró la audiencia",
    "que concurren a la Escuela Técnica N° 26 D.E. 6",
  ])
})

describe("rules/person: the vocabulary of captions, amounts and roles is no name", () => {
  positives(person, "PERSONA", [
    // The case type glued to the party in a caption stays out of the name.
    ["autos caratulados: \"FERRANDO, OSVALDO C/ GALARRETA, TOMAS ORDINARIO - DAÑOS Y PERJ.- ACCIDENTES\"", "GALARRETA, TOMAS"],
    // A given name that is also a case type ("Amparo") is a name beside other names.
    ["La señora María Amparo Quiroga declaró que", "María Amparo Quiroga"],
  ])
  negatives(person, "PERSONA", [
    "Fijar como fecha para que el Señor Síndico presente el informe general",
    "Regulo honorarios a los Sres. Abogados apoderados de la parte actora",
    "El Sr. Administrador informó y la Perito Tasadora Oficial dictaminó",
    "por la suma de Pesos Doscientos Cuarenta y Tres Mil Novecientos Dieciséis",
    "EXPEDIENTE SAC: 1234 - ZAPATA C/ MOLINA - P.V.E. - MUTUO",
    "apelaron tanto la aseguradora como el Banco Pampeano\nS.A. Conforme los términos del contrato",
  ])
  it("keeps a middle initial inside the name and a paragraph's numeral out of it", async () => {
    const got = await found(person, "I. El Sr. Juan A. Ferrando Sosa declaró. II. La Sra. Ana E. Quiroga lo negó.", "PERSONA")
    expect([...new Set(got)]).toEqual(["Juan A. Ferrando Sosa", "Ana E. Quiroga"])
  })
})

describe("rules/person: inverted after a cue, experts", () => {
  positives(person, "PERSONA", [
    ["IV. Que declaró en calidad de testigo Tabarez, Ana, argentina, documento", "Tabarez, Ana"],
    ["la declaración testimonial de Anton, Silvina, documento nacional de identidad", "Anton, Silvina"],
    ["Obra en autos el informe del Lic. en Psicología Ramiro Juan Stremel, del Cuerpo de Investigaciones Judiciales", "Ramiro Juan Stremel"],
    ["el informe de la Lic. en Psicología Estanislada Anna Chambi Peralta, del Cuerpo", "Estanislada Anna Chambi Peralta"],
    ["según la médica forense Dra. Laura Ibarra, las lesiones", "Laura Ibarra"],
  ])
  it("does not join a list of two witnesses into one inverted name", async () => {
    const got = await found(person, "declararon los testigos Pérez, Juan Gómez y Ana López", "PERSONA")
    expect(got).not.toContain("Pérez, Juan")
  })
})

describe("rules/person: two-letter initials", () => {
  positives(person, "PERSONA", [
    ["Primero: Que la conducta atribuida a E.M. encuadra, en principio, en la figura", "E.M."],
    ["de titularidad de J.R.\n\nIII. LIBRAR oficio", "J.R."],
    ["Al ejercer su defensa material, A.V. refirió que no recuerda", "A.V."],
    ["en representación de el niño B. A., nacido el 5 de junio de 2018", "B. A."],
    ["Obra la denuncia formulada por A.C. ante la Oficina de Violencia Doméstica", "A.C."],
    ["Que la víctima A.C. declaró en la audiencia", "A.C."],
  ])
  negatives(person, "PERSONA", [
    "Que S.S. resolvió y V.E. confirmó lo dispuesto por V.S.",
    "conforme el art. 26 del C.P. y la C.N.",
    "la Escuela N° 21 D.E. 20 y la U.F. 3, P.B.",
    "Sociedad Anónima S.A. y Cía. S.H.",
    "tal como enseña la doctrina (Maier, Julio B. J., Derecho Procesal Penal, T. I, Editores del Puerto, Buenos Aires, 1996, p. 495)",
    "1 Ver Zaffaroni, E. R., Manual de Derecho Penal. Parte General, Ediar, 2005",
    "al Testigo (OFAVyT) y, oportunamente, archívese",
    "la Fundación Vida A.C. presentó un escrito",
  ])
})

describe("rules/person: institutions, badges, brands", () => {
  negatives(person, "PERSONA", [
    "la filmación de las cámaras del Centro de Monitoreo Urbano (archivo foto7.jpg)",
    "librar oficio a Naranja X (Tarjeta Naranja S.A.U., CUIT 30-66648399-1)",
    "armas y del rodado Zanella ZB dominio KMR385",
  ])
  it("does not take a badge number after an officer for a second person", async () => {
    const got = await found(person, "tareas de inteligencia realizadas por el Oficial Dalmacio Dal González, LP 7096.", "PERSONA")
    expect(got).toContain("Dalmacio Dal González")
    expect(got).not.toContain("LP")
  })
})

describe("rules/person: cited precedents stay visible", () => {
  negatives(person, "PERSONA", [
    "(CSJN, “Leiva, María Cecilia s/ homicidio simple”, Fallos 334:1204)",
    "(CIDH, “Maria da Penha Maia Fernandes vs. Brasil”, Informe N° 54/01)",
    "(Corte IDH, caso “González y otras (‘Campo Algodonero’) vs. México”, sentencia del 16/11/2009)",
    // A national chamber's abbreviation, a lettered chamber, the decision's date before the caption.
    "TR LALEY AR/JUR/1234/2021; CNCom, Sala F, 17/05/2021, “Lagos, Mariana Beatriz c. Banco Sur S.A. s/ ordinario”.",
    "(CNCiv., Sala A., “Ferreyra Juan Carlos c/ Transportes Norte S.A. s/ daños y perjuicios”)",
    "CApel. PCyF, Sala II, 12/03/2019, “Rivas, Darío Ezequiel s/ art. 149 bis CP”, rta. el mismo día",
    "(C.N.Civ., Sala M, 3 de mayo de 2018, “Benítez, Ramona Isabel c/ Ortiz, Hugo s/ daños”)",
    // A provincial chamber's abbreviation; a decision's date or number as an item of the citation.
    "en la misma línea: C6a CC Cba., “Ibarra Lanús, Tomás c/ Banco Sur S.A. - ordinario”, Sent. 12",
    "(Cám. Apel. Mendoza, 12/03/2015, “Ibarra Lanús, Tomás c/ Banco Sur S.A.”)",
    "la Cámara, Sentencia nº 212, “Ibarra Lanús, Tomás c/ Banco Sur S.A.”, dijo",
    "(conf. Cám. Civ. Mercedes, RSD12-14 S 3-5-2014, “Ibarra Lanús, Tomás c/ Sur S.A. s/ Ejecución”)",
    "La Suprema Corte de Justicia de Mendoza en \"Fiscal c/ Ibarra Lanús, Tomás\" (Sala Segunda) sostuvo",
    "Cám. 6a CC Cba., Sent. N° 12 del 10/06/2015, “IBARRA LANÚS, TOMÁS C/ BANCO SUR S.A.”; Def. Nro. 7 del 14.08.09; “Ibarra Lanús, Tomás y otros c/ Sur S.A.”",
  ])
  positives(person, "PERSONA", [
    ["Legajo de juicio en autos “LUIS AMANCIO GOICOCHEA s/ art. 53 del Código Contravencional”", "LUIS AMANCIO GOICOCHEA"],
    // The ruling's own caption after a chamber and a date is not a citation.
    ["Sala F, 17/05/2021, en estos autos “LAGOS, Mariana Beatriz s/ lesiones”, se resolvió", "LAGOS, Mariana Beatriz"],
    // A date with no court before the caption is not a citation either.
    ["El 17/05/2021, “LAGOS, Mariana Beatriz s/ lesiones”, la imputada declaró", "LAGOS, Mariana Beatriz"],
    ["Expte. N° 73697/2021 - “Incidente de medidas cautelares en autos MENDES, Gabriela Sabrina s/ infr. art. 114”", "MENDES, Gabriela Sabrina"],
  ])
})

describe("rules/official: signature blocks with a blank line", () => {
  positives(official, "FUNCIONARIO", [
    ["oportunamente, archívese.\n\nNELO ARCENIO AZUAGA\n\nJUEZ\n\nMARCELINO FERREIRA\n\nSECRETARIO", "NELO ARCENIO AZUAGA", "MARCELINO FERREIRA"],
    ["archívese.\n\nFdo.: VICTORIO EMERITO CORRAL – Juez", "VICTORIO EMERITO CORRAL"],
  ])
  negatives(official, "FUNCIONARIO", ["la víctima ANA PÉREZ\n\ndeclaró ante el juez"])
})
