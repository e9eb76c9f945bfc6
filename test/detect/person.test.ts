import { describe, expect, it } from "vitest"
import { official } from "../../src/detect/rules/official.ts"
import { person } from "../../src/detect/rules/person.ts"
import { found, negatives, positives } from "./_table.ts"

describe("rules/person", () => {
  positives(person, "PERSONA", [
    ["el imputado Juan Carlos PÉREZ (DNI 30.123.456)", "Juan Carlos PÉREZ"],
    // A young party is one, outside an office's name.
    ["el joven Martín Ruiz declaró ante la Fiscal del Joven", "Martín Ruiz"],
    // Unknown given names and a surname in capitals of four letters or more.
    ["declaró Yoselin Maribel TARQUI en la audiencia", "Yoselin Maribel TARQUI"],
    ["PEREZ, Juan Carlos s/ infr. art. 149 bis CP", "PEREZ, Juan Carlos"],
    ["GOMEZ, ANA MARIA s/ amenazas", "GOMEZ, ANA MARIA"],
    ["la Sra. M. L. G. declaró", "M. L. G."],
    ["la víctima, Sra. María López, relató", "María López"],
    ["la denunciante Rosa Benítez", "Rosa Benítez"],
    ["CONDENAR a JUAN CARLOS PEREZ a la pena", "JUAN CARLOS PEREZ"],
    ["conversó con Martín Rodríguez en la plaza", "Martín Rodríguez"],
    ["hijo de Carlos Alberto Sosa y de Marta Ríos", "Carlos Alberto Sosa", "Marta Ríos"],
    ["los imputados Pedro Gil y Lucas Paz", "Pedro Gil", "Lucas Paz"],
    ["alias «El Tano» según", "El Tano"],
    ["apodado \"Pocho\" por sus amigos", "Pocho"],
    // A line broken inside the quotes; a second nickname.
    ["conocido como \"la\nFlaca\" en el barrio", "la\nFlaca"],
    ["alias \"Rengo\" o \"Franquito\", quien", "Rengo", "Franquito"],
    ["apodado «Chino» o también «el Chinito» y", "Chino", "el Chinito"],
    ["a quien apodaban \"Tano\" en el barrio", "Tano"],
    ["una persona que se identificó como \"Carlitos\", su nieto", "Carlitos"],
    ["en el barrio le dicen «Pocho»", "Pocho"],
    ["el dueño, alias “P. de G.”, como lo conoce", "P. de G."],
    // A nickname in quotes inside the name.
    ["cuando Brian Ezequiel \"Pato\" Cabrera sustrajo el celular", "Pato", "Brian Ezequiel", "Cabrera"],
    ["declaró Juan «el Negro» Pérez", "el Negro", "Juan", "Pérez"],
    ["luego José “Pepe” Xibilia Ortúzar se retiró", "Pepe", "José", "Xibilia Ortúzar"],
    ["la menor F.E.A. de ocho años", "F.E.A."],
    // Quoted words said to be nicknames, or doing to someone what people do; "identificó como".
    ["explicó que \"Tati\" y \"Gorda\" son apodos que él usaba con ella", "Tati", "Gorda"],
    ["relató que «Nacho» es el apodo de su hermano", "Nacho"],
    ["dijo que \"el Pity\" —así llamaban a la víctima— tenía deudas", "Pity"],
    // Someone's place as people speak of it.
    ["con el texto \"ya está, vamos para lo de la Gorda\" y luego a lo del Tano", "Gorda", "Tano"],
    // A chat message is speech, with or without quotes.
    ["[14/01/2025 23:41] Rocío: te juro q a vos y al Colo ese los voy a buscar", "Rocío", "Colo"],
    // A given name in brackets after initials; whom a quoted message ends by calling.
    ["y a R.B.C. (Rossana), de 19 años, y a su hermano J.M.Q. (Jhonny), de 22", "R.B.C.", "Rossana", "J.M.Q.", "Jhonny"],
    ["con expresiones tales como \"esto no termina acá, Daia\" y otras", "Daia"],
    // "ver" is the verb here, not a citation's "see".
    ["y le dijo \"no vas a ver más a Lautaro\". Luego se retiró", "Lautaro"],
    // A nickname with its article in apposition to a kin or a friend.
    ["fue con un amigo, el Tincho, en su auto", "Tincho"],
    // In capitals: "ALIAS" is no part of the name before it.
    ["CONDENAR A JUAN CARLOS PÉREZ ALIAS \"EL FLACO\", ARGENTINO, a la pena", "JUAN CARLOS PÉREZ", "EL FLACO"],
    ["declaró que \"Lalo\" lo amenazó con un cuchillo y que “Toto” le pegó", "Lalo", "Toto"],
    ["fue agredido por otro interno, a quien identificó como \"el Sapo\", en el pabellón", "el Sapo"],
    ["dijo: \"Dale, y decile al Pelado que mañana te llevo lo tuyo\"", "Pelado"],
    // "Según" a document or a witness, not an author.
    ["I. Según la denuncia, Agustín Rolando Benavente, DNI 30.118.445, amenazó", "Agustín Rolando Benavente"],
    // Nicknames after "conocido en el barrio como" and "a quien su familia llama".
    ["Se imputa a Jonathan Ariel Benítez, conocido en el barrio como «Jony» o «el Flaco», haber sustraído", "Jony", "el Flaco"],
    ["La niña, a quien su familia llama «Luli», declaró en Cámara Gesell", "Luli"],
    // A nickname in the caption of the case against its person.
    ["la causa seguida contra CIPRIANO RAMÓN ARCE, alias \"Cipi\", por", "Cipi"],
    // A given name alone between lower-case words: a child, a victim named by first name only.
    ["Contó que Lautaro le pidió plata al padre", "Lautaro"],
    ["la madre llevó a Mía al jardín; allí lloró", "Mía"],
    // A given name that is also a surname is a name either way.
    ["la docente vio que Bruno le pegaba a su compañero", "Bruno"],
    // Children named by first name with their age in parentheses, after a parenthesis too.
    ["sus hijos J. B. R. (9 años), Milena (6) y Dylan (2 años), viven con la madre", "Milena", "Dylan"],
    // A caption naming the accused by initials, surname first.
    ["CCC 5555/2022/TO1 - P., R. A. s/ abuso sexual", "P., R. A."],
    ["en la causa \"G., O. R. y otros s/ abuso sexual\" se", "G., O. R."],
    ["el testigo J. C. Fernández", "J. C. Fernández"],
    ["su abogado defensor particular Dr. Esteban Ruiz", "Esteban Ruiz"],
    ["el agente Carlos Medina labró el acta", "Carlos Medina"],
    ["María José DEL VALLE declaró", "María José DEL VALLE"],
    ["se presentó Nahuel Ibáñez, quien refirió", "Nahuel Ibáñez"],
    ["se presentó Wenceslao Quiroga ante la prevención", "Wenceslao Quiroga"],
    // Form fields, and a surname opened by a capitalised particle.
    ["Nombre: Pedro.\nApellidos: De Miguel Rivera.\nDNI: 30.123.456", "Pedro", "De Miguel Rivera"],
    ["Apellido y nombre: GÓMEZ, Ana María\nDomicilio: Lavalle 1234", "GÓMEZ, Ana María"],
    ["el imputado Del Valle declaró y la testigo De la Fuente también", "Del Valle", "De la Fuente"],
    ["Su hermana mayor Maite no declaró", "Maite"],
    // Surname alone after a role or kinship word.
    ["Luego el encausado Mereles se retiró del lugar", "Mereles"],
    ["según la denunciada Brizuela, el hecho no existió", "Brizuela"],
    ["el padrastro Sandoval la amenazó", "Sandoval"],
    ["el masculino Ojeda fue demorado por el chofer Benítez", "Ojeda", "Benítez"],
    // An operative part in capitals: the measure's words are not the name's.
    ["I. DICTAR LA PRISIÓN PREVENTIVA de BRIAN EMANUEL TOLEDO MANSILLA, por", "BRIAN EMANUEL TOLEDO MANSILLA"],
    ["II. CONCEDER LA LIBERTAD de KEVIN ALEXIS ROMERO, bajo", "KEVIN ALEXIS ROMERO"],
    ["III. DECRETAR EL PROCESAMIENTO SIN PRISIÓN PREVENTIVA de HERNÁN GASTÓN ACUÑA.", "HERNÁN GASTÓN ACUÑA"],
    // A particle inside given names or before a surname stays in the name.
    ["la testigo María de los Ángeles Pérez declaró", "María de los Ángeles Pérez"],
    ["el testigo Juan de Dios Gómez", "Juan de Dios Gómez"],
    // A name broken across lines.
    ["el imputado Juan Carlos\nPÉREZ, de 34 años", "Juan Carlos\nPÉREZ"],
    // Children and partners named by their given name after a possessive or an article, in a list.
    ["Ese día yo estaba con mis hijos, Bautista y Ámbar, y ella vino", "Bautista", "Ámbar"],
    ["Me visitó en el hospital con su mujer, Camila, y me ayudó", "Camila"],
    ["Los chicos, Abigail, Lautaro y el bebé Benjamín, lo necesitan", "Abigail", "Lautaro", "Benjamín"],
    ["vive con su madre y sus hermanos menores Dylan, Aylén y Bastián", "Dylan", "Aylén", "Bastián"],
    // Initials listed after a party cue, an abbreviation's letters among them.
    ["en atención a la presencia de los niños B.C. y A.C., hijos de la denunciante", "B.C.", "A.C."],
    ["los menores J.P.G., L.M. y T.R. declararon", "J.P.G.", "L.M.", "T.R."],
    // A police officer after a rank, even where an office "a cargo del" precedes.
    ["el allanamiento ordenado por este juzgado, que estuvo a cargo del Subinspector Benigno Arturo Salvat", "Benigno Arturo Salvat"],
    // A given name alone after a lower-case word and its comma.
    ["dijo que \"el semáforo estaba en amarillo, Nacho iba a la velocidad de todos\"", "Nacho"],
    // A surname spelt with ñ is not the word it folds to ("Peña" is no "pena").
    ["la pena de prisión que pidió la fiscalía; el testigo Luis Peña, Jefe de Turno, declaró", "Luis Peña"],
    // Whom a message greets, a nickname the speaker gives himself, people named in speech with their article.
    ["Rochi: Hola Héctor!! si, nuevo en caja", "Héctor"],
    ["escribió: \"Buen día, Sofi, ¿venís?\"", "Sofi"],
    ["dijo: \"me llamo Ramón Ortiz, me dicen Chino. Tengo epilepsia\"", "Chino"],
    ["declaró: \"el otro, el Colorado, me pegó en las costillas; después vino la Yésica con el Rulo\"", "Colorado", "Yésica", "Rulo"],
    // Inverted names in capitals stay one person each.
    ["Imputado: PÉREZ GARCÍA, Juan Carlos, argentino", "PÉREZ GARCÍA, Juan Carlos"],
  ])
  negatives(person, "PERSONA", [
    // Short names in capitals, places and words in brackets; closing words of a message.
    "fue alojado en el Centro de Admisión (CAD) y atendido en el Hospital Posadas (Haedo)",
    "la víctima fue atendida en el Hospital Nacional Prof. Alejandro Posadas y dada de alta",
    "le escribió \"te aviso, Gracias\" y \"nos vemos, Chau\"",
    "conforme el Acuerdo Reglamentario Nro. 1580, Serie \"A\" del 02/09/2019",
    "(S.C. Mendoza, Sala 1º, “Progreso Coop. c/ Belmonte, Víctor”, 1995)",
    // A court's seat, a town named like a person.
    "lo ratificó ante la Jueza de Paz de Marcos Paz y luego ante la Cámara de Coronel Suárez",
    "[14/01/2025 23:42] Mamá: que la Virgen te cuide, hija",
    // "lo de" before a place, a law or a word.
    "lo de Córdoba fue un desastre y lo de Palermo también",
    "en cuanto a lo de la Ley 26.485, rige",
    // Quoted names of things doing or named so.
    "el diario \"Clarín\" lo publicó en su tapa",
    // A court's district, a weapon's make, an enumeration's "(a)".
    "los Jueces del Tribunal en lo Criminal N° 4 del Departamento Judicial Lomas de Zamora, Dres.",
    "DEPARTAMENTO JUDICIAL SAN MARTÍN",
    "se halló un revólver marca Rubí Extra calibre .32 y el revólver Rubí Extra fue decomisado",
    "un formulario con las siguientes opciones: (a) NO CULPABLE; (b) CULPABLE de homicidio simple",
    // A place's name in speech: "del Fuego" ends "Tierra del Fuego".
    "declaró: “yo trabajé en Chubut y en Tierra del Fuego”",
    "el término \"Estado\" lo definió la Corte",
    "la ley conocida como \"Ley Micaela\" es obligatoria",
    "los términos \"Ayuda\" y \"Auxilio\" son sinónimos",
    // A law's name, an organisation's acronyms: no given names before capitals.
    "el Máximo Tribunal recordó que el Tratado UNASUR sobre Interpretación",
    "en autos “Sadem Fonar ACR c/ Catalinas Suites S.A.”",
    // Hard negatives of the list cues: no name after them, and abbreviations listed with no person's initials before.
    "los chicos de la escuela y su mujer de entonces llegaron",
    "Mis hijos, en cambio, no declararon",
    "Conforme lo resuelto por la C.S. y A.C. 12/2020 del tribunal",
    "La S.A. y A.C. demandadas",
    // Speech gives an article to institutions, places, feasts and brands too; a greeting's next word may be no one.
    "agregó: \"la Policía llegó tarde, la Casa Rosada no contestó, el Estado no hizo nada, estaba en la Boca\"",
    "dijo: \"la Virgen me ayudó y fuimos a la Rioja\"",
    // A quoted law or doctrine capitalises its nouns, and no one speaks in it.
    "sostuvo que \"el Preámbulo de la Carta y la Ordenanza obligan al Municipio, según la Excma. Cámara\"",
    "Hola Señor Juez, gracias Dios",
    // Hard negative of the given name after a comma: a list of places.
    "viajó a la ciudad de Córdoba, Rosario y Mendoza",
    // A prisoner's file abbreviation is no one's initials.
    "Interno (L.P.P. nº 402.118)",
    // A quoted name of a law or a programme between capitalised words is no nickname.
    "conforme la Ley \"Micaela\" Nacional de capacitación",
    "Según Zaffaroni, el dolo es conocimiento",
    // A lone given name that ends a longer name, is an abbreviation, or is inverted or in a list.
    "conforme el art. 361 de nuestro Código de Rito, razón",
    "el art. 11 bis del Convenio de Berna, en tanto",
    // The impersonal "se la llama" names a thing; a law's popular name after "conocida en … como".
    "a esa sustancia se la llama «paco» en el barrio",
    "la Ley 26.485, conocida en el ámbito forense como «Ley de Protección Integral», rige",
    // A place after "de" with a number in parentheses; a law's name with its number.
    "la causa del Juzgado de Junín (12) y la Ley Micaela (27.499) rigen",
    "más intereses, Iva e impuesto de sellos",
    "los bienes fueron enviados a Rosario, Mendoza y Salta",
    "los chicos asistirían al instituto del Rosario.",
    "el Programa «Ellas Hacen» Provincial",
    // A paragraph break inside quotes is no nickname; a quoted phrase after "y" that follows no nickname neither.
    "alias \"\n\nLuego\" declaró",
    "dijo \"basta\" y \"andate\"",
    // Quoted words after a verb that names nothing.
    "se identificó como \"funcionario policial\" según el acta",
    // A law's, a shop's popular name.
    "sancionó la Ley 25675, conocida como “Ley de Presupuestos Mínimos” o “Ley General del Ambiente”, que",
    "el comercio conocido como \"El Rey del Chori\" fue clausurado",
    "RESUELVO: CONDENAR, SOBRESEER. FALLO. VISTOS Y CONSIDERANDO",
    "JUZGADO PENAL CONTRAVENCIONAL Y DE FALTAS N° 10 - SECRETARIA N°19",
    "MINISTERIO PÚBLICO FISCAL",
    "REGISTRESE, NOTIFIQUESE",
    "(cfr. Zaffaroni, Derecho Penal, p. 123)",
    "CSJN \"Vega Giménez\", Fallos 328:3399; in re \"Casal\"",
    "la Ley 26.485 y arts. 149 bis y 150 del Código Penal",
    "Ciudad Autónoma de Buenos Aires, 15 de marzo de 2024",
    "Hospital Juan A. Fernández",
    "conforme D.N.I. y C.A.B.A.",
    "el imputado en la audiencia",
    "Código Procesal Penal de la Ciudad",
    "la Cámara de Apelaciones en lo Penal, Contravencional y de Faltas, Sala I",
    "el Tribunal Superior de Justicia y la Corte Suprema de Justicia de la Nación",
    "al Tribunal Oral en lo Criminal N° 3 del Departamento Judicial de Lomas de Zamora",
    // A law's abbreviation before a caption's "s/" is no one's initials.
    "conforme el art. 5 de la L.C., s/ modificación",
    "la Municipalidad de Tres de Febrero",
    "Según Roxin, el dolo es conocimiento",
    // A lettered heading is not initials + surname.
    "C. Procedimiento en apelación\n\nEl procedimiento siguió su curso.",
    // A field label on the next line is not a surname after the initial "H.".
    "Edad: 53 años Sexo: H.\nFecha de Ingreso: 17/06/2016.",
    // A country at the end of a line does not run into the next field.
    "País: España\nCorreo electrónico: paciente@correo.es",
    // A rank followed by a role is no one's name.
    "una carta del Inspector Jefe de la Policía",
  ])
  it("a list of people stops at each person's office", async () => {
    const text = "por el Gobierno, el Sr. C. H. Ehrenkrona, Ministro de Asuntos Exteriores, Agente, la Sra. K. Renman, Ministra de Industria, Empleo y Comunicaciones"
    const got = await found(person, text, "PERSONA")
    expect(got).toEqual(expect.arrayContaining(["C. H. Ehrenkrona", "K. Renman"]))
    expect(got.filter((g) => /Ministr|Agente|Industria|Exteriores/.test(g))).toEqual([])
  })
  it("the span is the name only, never the cue word", async () => {
    const got = await found(person, "el Sr. Juan Pérez", "PERSONA")
    expect(got.length).toBeGreaterThan(0)
    expect(new Set(got)).toEqual(new Set(["Juan Pérez"]))
  })

  it("names the sender of each transcribed chat message, not a kinship contact", async () => {
    const chat = "[04/03/24 10:12] Héctor: Buen día, ¿sigue disponible?\n[04/03/24 10:15] Rochi: Hola!! si\n4/3/24, 22:05 - Ana Paz: dale\n04/03/2024 22:07 - Mamá: llegá temprano"
    expect(await found(person, chat, "PERSONA")).toEqual(expect.arrayContaining(["Héctor", "Rochi", "Ana Paz"]))
    expect(await found(person, chat, "PERSONA")).not.toContain("Mamá")
    // Hard negative: a time and a heading's colon that no date precedes.
    expect(await found(person, "Siendo las 10:12 Horas: se inicia la audiencia", "PERSONA")).toEqual([])
  })

  it("a column of names, one per line, is one name per line; a name a line end breaks stays one", async () => {
    const block = "RECHAZAR el recurso de casación.\n\nEUSEBIO TADEO DE LA ROSA\nMIRTA NOEMÍ ARRIETA DEL VALLE\nFAUSTO LEÓN IBARGUREN\n"
    const got = await found(person, block, "PERSONA")
    expect(got.length).toBeGreaterThan(0)
    expect(got.some((s) => s.includes("\n"))).toBe(false)
    expect(await found(person, "el imputado declaró que Juan Carlos\nPÉREZ GARCÍA lo vio", "PERSONA")).toContain("Juan Carlos\nPÉREZ GARCÍA")
    expect(await found(person, "Declaró:\nJuan Carlos\nPÉREZ, de 34 años", "PERSONA")).toContain("Juan Carlos\nPÉREZ")
  })

  it("two names in capitals listed with a comma are two people, not one inverted name", async () => {
    const got = await found(person, "ORDENAR la detención de ANÍBAL RAMÓN QUINTANA ACOSTA, YÉSICA ANDREA LEDESMA y de otros.", "PERSONA")
    expect(got.some((s) => s.includes(","))).toBe(false)
    // Hard negative: a surname before the comma keeps the inverted reading.
    expect(await found(person, "Testigo: MARTÍN ACOSTA, Ana María, argentina.", "PERSONA")).toContain("MARTÍN ACOSTA, Ana María")
  })
})

describe("rules/official", () => {
  positives(official, "FUNCIONARIO", [
    ["según el requerimiento del Fiscal Dr. Martín LÓPEZ", "Martín LÓPEZ"],
    ["Fdo.: Dra. Ana Suárez – Jueza", "Ana Suárez"],
    ["Ante mí: Dr. Pablo Fernández – Secretario", "Pablo Fernández"],
    ["la Defensora Oficial, Dra. Laura Méndez, sostuvo", "Laura Méndez"],
    ["Juzgado PCyF N° 10, a cargo de la Dra. Ana Suárez", "Ana Suárez"],
    ["Ana Suárez\nJueza", "Ana Suárez"],
    ["Dr. Juan Pérez, Secretario", "Juan Pérez"],
    ["la Sala II, integrada por los Dres. Bosch, Sáez Capel y Franza, confirmó", "Bosch", "Sáez Capel", "Franza"],
    ["Dra. Cristina Lara\nJueza\nJuzgado PCyF N° 13", "Cristina Lara"],
    ["archívese.\n\nFELICINDA FLORENCIA MAS\nJUEZA", "FELICINDA FLORENCIA MAS"],
    ["Fdo.: Dra. Ana Mas – Jueza", "Ana Mas"],
    // The head of an office introduced as its titular, and a court's members named by their office.
    ["el requerimiento del titular de la Fiscalía Penal, Contravencional y de Faltas Especializada en Estupefacientes nº 2, doctor Elio Bernardo Salcedo, para", "Elio Bernardo Salcedo"],
    ["con votos coincidentes de los ministros Araujo, Beltrán y Cano", "Araujo", "Beltrán", "Cano"],
  ])
  negatives(official, "FUNCIONARIO", [
    "su abogado defensor particular Dr. Esteban Ruiz",
    // A police officer in charge of a search is no official of the court.
    "el allanamiento ordenado por este juzgado, que estuvo a cargo del Subinspector Benigno Arturo Salvat",
    "la comisión policial a cargo del Sargento Primero Rubén Aldao",
    // Hard negatives of "titular" and of an office's plural: a holder of something else, no name after it.
    "la víctima, titular de la cuenta, doctor en letras, Juan Gómez, declaró",
    "los jueces de Primera Instancia dijeron",
    "el imputado Juan Pérez declaró",
    "la Fiscal solicitó la condena. El Dr. Ruiz, abogado del imputado, se opuso",
    "MINISTERIO PÚBLICO FISCAL",
  ])
})
