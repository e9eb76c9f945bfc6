import { describe, expect, it } from "vitest"
import type { Detector } from "../../src/detect/Detector.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { analyse } from "../../src/resolve/resolve.ts"

const config = PipelineConfigSchema.parse({ name: "test", version: "1" })

const mentions = async (text: string) =>
  (await analyse(text, config))
    .filter((s) => s.label === "PERSONA" || s.label === "FUNCIONARIO")
    .map((s) => ({ text: text.slice(s.start, s.end), label: s.label, entity: s.entity }))

describe("propagation of names", () => {
  it("finds the surname alone, other casing, no accents and inverted order, with one entity", async () => {
    const text =
      "El imputado Juan Carlos Pérez Gómez declaró. Luego PÉREZ GÓMEZ se retiró. " +
      "Pérez dijo que no. PEREZ, Juan Carlos firmó. El señor Perez volvió."
    const got = await mentions(text)
    const texts = got.map((m) => m.text)
    expect(texts).toEqual(expect.arrayContaining(["Juan Carlos Pérez Gómez", "PÉREZ GÓMEZ", "Pérez", "PEREZ, Juan Carlos", "Perez"]))
    expect(new Set(got.map((m) => m.entity))).toEqual(new Set(["juan carlos perez gomez"]))
  })

  it("keeps an official's shorter form after \"Dra.\" visible, not when a party's cue names that person", async () => {
    const official = "Comparece la Sra. Defensora Oficial Dra. Rosaura Inés Bellocchio Araoz. Luego la Dra. Bellocchio Araoz manifiesta que su asistido carece de antecedentes."
    expect(await mentions(official)).toEqual([
      { text: "Rosaura Inés Bellocchio Araoz", label: "FUNCIONARIO", entity: "rosaura ines bellocchio araoz" },
      { text: "Bellocchio Araoz", label: "FUNCIONARIO", entity: "rosaura ines bellocchio araoz" },
    ])
    const shorter = "Comparece la Defensora Oficial Dra. Ana María López Paz. Luego la Dra. María López manifiesta."
    expect((await mentions(shorter)).map((m) => `${m.label}:${m.text}`)).toEqual(["FUNCIONARIO:Ana María López Paz", "FUNCIONARIO:María López"])
    // Hard negative: the victim shares the form; then "la Dra. María López" cannot be told apart and stays hidden.
    const party = `${shorter} La víctima María López declaró.`
    expect((await mentions(party)).filter((m) => m.label === "PERSONA").map((m) => m.text)).toEqual(["María López", "María López"])
  })

  it("an official's given names alone, inverted after the surnames, are the official's; a party's or a surname's are not", async () => {
    const panel = "Los Señores Vocales, Dres. Ana Clara Pereyra de Luna y Tomás Iriarte, proceden a dictar sentencia. "
    const signed = `${panel}Firmado digitalmente por: PEREYRA de LUNA, Ana Clara VOCAL TRIBUNAL SUPERIOR DE JUSTICIA.`
    const got = await mentions(signed)
    expect(got.filter((m) => m.label === "PERSONA")).toEqual([])
    expect(got.map((m) => m.entity)).toContain("ana clara pereyra de luna")
    // Hard negatives: a daughter called by her given names, a party's given name with the official's surname.
    const kin = `${panel}Su hija, Ana Clara, declaró. La actora Clara Luna reclamó.`
    const hidden = (await mentions(kin)).filter((m) => m.label === "PERSONA").map((m) => m.text)
    expect(hidden).toEqual(expect.arrayContaining(["Ana Clara", "Clara Luna"]))
  })

  it("finds a surname spelt with \"ñ\" alone, never the word it folds to (\"Peña\", not \"LA PENA\")", async () => {
    const text = "Declaró la testigo Rocío Ayelén Peña. III. LA PENA. El testimonio de Peña no logra desvirtuarlo. Pena: tres años. PEÑA mintió."
    const got = (await mentions(text)).map((m) => m.text)
    expect(got).toEqual(["Rocío Ayelén Peña", "Peña", "PEÑA"])
  })

  it("a surname that is a province's name is the person's, not the place's after \"Provincia de\" or before the date", async () => {
    const text = "Córdoba, 3 de marzo de 2022. El imputado Juan Carlos Mendoza, empleado del Banco de la Provincia de Mendoza, declaró. " +
      "La Universidad Nacional de Mendoza informó. El testimonio de Mendoza fue claro. Mendoza negó todo."
    const got = (await mentions(text)).map((m) => m.text)
    expect(got).toEqual(["Juan Carlos Mendoza", "Mendoza", "Mendoza"])
  })

  it("does not spread the source's own mask (\"XXX\") from a name that holds it", async () => {
    const text = "Compareció el abogado Julián Ortega XXX. La actora, DNI N° XXX, reclama la Póliza N° XXX."
    const got = (await mentions(text)).map((m) => m.text)
    expect(got.filter((surface) => surface === "XXX")).toEqual([])
  })

  it("a party named like a town is not the town after a court (\"el Juez de Paz de Carlos Casares\")", async () => {
    const text = "El imputado Carlos Casares Pérez declaró ante la Jueza de Paz de Carlos Casares, del Departamento Judicial Carlos Casares. Luego Carlos Casares se retiró."
    const got = (await mentions(text)).map((m) => m.text)
    expect(got).toEqual(["Carlos Casares Pérez", "Carlos Casares"])
    // Particles inside the district's name: "Lomas de Zamora" is no "Zamora" of the party.
    const district = "Juzgado de Garantías N° 6 Departamento Judicial Lomas de Zamora. El imputado Juan Zamora declaró. Luego Zamora se retiró."
    expect((await mentions(district)).map((m) => m.text)).toEqual(["Juan Zamora", "Zamora"])
  })

  it("matches on word boundaries only: Paz never inside capaz", async () => {
    const text = "La víctima Lucía Paz declaró. Es capaz de reconocerlo; Paz lo señaló. La paz social no es un nombre."
    const got = await mentions(text)
    expect(got.map((m) => m.text)).toEqual(["Lucía Paz", "Paz"])
  })

  it("finds a surname that is also a common word, but not that word in a place's name or after an article", async () => {
    const text =
      "Respecto de la imputada AURELIANA VILLA, domiciliada en la Villa 31. En el Barrio Zavaleta, Villa se resistió. " +
      "Conforme el certificado, VILLA no registra antecedentes. Vivió en Villa Lugano y luego en la Villa."
    const got = (await mentions(text)).map((m) => m.text)
    expect(got).toEqual(["AURELIANA VILLA", "Villa", "VILLA"])
  })

  it("escapes regex metacharacters in names", async () => {
    const text = "la testigo Ana (Rosa) Benítez declaró; Benítez ratificó."
    await expect(mentions(text)).resolves.toBeDefined()
  })

  it("a surname shared by an official and a party does not flip the official", async () => {
    const text =
      "Interviene el Fiscal Dr. Martín LÓPEZ. La víctima Carla López declaró. " +
      "López dijo haber sido amenazada. El Fiscal Dr. López solicitó la condena.\nFdo.: Dra. Ana Suárez – Jueza"
    const got = await mentions(text)
    const fiscal = got.find((m) => m.text === "Martín LÓPEZ")
    expect(fiscal?.label).toBe("FUNCIONARIO")
    expect(got.find((m) => m.text === "Carla López")?.label).toBe("PERSONA")
    const bare = got.filter((m) => m.text === "López")
    expect(bare[0]?.label).toBe("PERSONA")
    expect(bare[1]?.label).toBe("FUNCIONARIO")
    expect(got.find((m) => m.text === "Ana Suárez")?.label).toBe("FUNCIONARIO")
    // The bare "López" the victim is called by is the victim: her pseudonym, not one of its own.
    expect(bare[0]?.entity).toBe(got.find((m) => m.text === "Carla López")?.entity)
  })

  it("a name with an initial for a given name written out elsewhere is the same person; with two such names, neither", async () => {
    const one = "Interpuso recurso la defensa de Lucas Matías González. González no registra antecedentes. Notifíquese a Lucas M. González."
    const got = await mentions(one)
    expect(got.map((m) => m.text)).toEqual(["Lucas Matías González", "González", "Lucas M. González"])
    expect(new Set(got.map((m) => m.entity)).size).toBe(1)

    const two = "Declararon los hermanos Juan Manuel Pérez y Juan Martín Pérez. Luego se notificó a Juan M. Pérez."
    const both = await mentions(two)
    const abbreviated = both.find((m) => m.text === "Juan M. Pérez")!
    expect(abbreviated.label).toBe("PERSONA")
    expect(both.filter((m) => m.text !== "Juan M. Pérez").map((m) => m.entity)).not.toContain(abbreviated.entity)
  })

  it("a party's bare surname that an official's name also holds is that party, with the party's pseudonym", async () => {
    const text =
      "Observó a la imputada Gisela Noemí FERNÁNDEZ arrojar una piedra. La imputada FERNÁNDEZ dijo que actuó sola. " +
      "Resolvió la Sra. Jueza, Dra. Cristina Beatriz Lara, con la intervención de la Secretaria, Dra. Andrea Noemí Fernández Ríos."
    const got = await mentions(text)
    const party = got.find((m) => m.text === "Gisela Noemí FERNÁNDEZ")!
    const bare = got.find((m) => m.text === "FERNÁNDEZ")!
    expect(party.label).toBe("PERSONA")
    expect(bare.label).toBe("PERSONA")
    expect(bare.entity).toBe(party.entity)
    expect(got.find((m) => m.text === "Andrea Noemí Fernández Ríos")?.label).toBe("FUNCIONARIO")
  })

  it("a later bare mention of an official stays visible", async () => {
    const text = "Fdo.: Dra. Ana Suárez – Jueza. Conforme lo dispuso la Dra. Suárez, se notificó a la imputada Laura Vera."
    const got = await mentions(text)
    expect(got.find((m) => m.text === "Suárez")?.label).toBe("FUNCIONARIO")
    expect(got.find((m) => m.text === "Laura Vera")?.label).toBe("PERSONA")
  })

  it("a nickname is its person's: written inside the name or after \"alias\", with the person's pseudonym", async () => {
    const text =
      "Declaró Ramiro «el Tuerca» Ledesma sobre lo ocurrido. Luego Ledesma se retiró. " +
      "El imputado Brian Ezequiel Cabrera, alias \"Pato\", registra antecedentes; \"Pato\" Cabrera huyó. " +
      "La testigo Nora Ibáñez declaró."
    const got = await mentions(text)
    const entityOf = (mention: string) => got.find((m) => m.text === mention)?.entity
    for (const mention of ["Ramiro", "el Tuerca", "Ledesma"]) expect(got.map((m) => m.text)).toContain(mention)
    expect(new Set(["Ramiro", "el Tuerca", "Ledesma"].map(entityOf)).size).toBe(1)
    expect(new Set(["Brian Ezequiel Cabrera", "Pato", "Cabrera"].map(entityOf)).size).toBe(1)
    // Three people, three pseudonyms.
    expect(new Set([entityOf("Ledesma"), entityOf("Cabrera"), entityOf("Nora Ibáñez")]).size).toBe(3)
  })

  it("a nickname's word is found on its own, capitalised, but not ending a longer name", async () => {
    const text = "El imputado Juan Pérez, alias \"el Tano\", fue detenido. Según el acta, Tano huyó. " +
      "Una testigo, alias \"la Flaca\", dijo que en la casa de la Flaca había droga; una mujer flaca fue vista. " +
      "Un vecino, alias \"el Negro\", declaró. El hecho ocurrió en Río Negro."
    const got = await mentions(text)
    const texts = got.map((m) => m.text)
    expect(texts.filter((m) => m === "Tano")).toHaveLength(1)
    expect(got.find((m) => m.text === "Tano")?.entity).toBe(got.find((m) => m.text === "Juan Pérez")?.entity)
    expect(texts).toContain("Flaca")
    expect(texts).not.toContain("flaca")
    // "Negro" in "Río Negro" is the province.
    expect(texts.filter((m) => m === "Negro")).toHaveLength(0)
  })

  it("a relative is another person, whatever names the two share; the surname alone is the party's", async () => {
    const text = "El imputado DIEGO ARMANDO CORONEL, argentino, hijo de Armando Coronel y de Ramona Giménez, fue detenido. " +
      "Coronel negó los hechos. Su padre, Armando Coronel, declaró."
    const got = await mentions(text)
    const entityOf = (mention: string) => got.find((m) => m.text === mention)?.entity
    expect(entityOf("Armando Coronel")).toBeDefined()
    expect(entityOf("Armando Coronel")).not.toBe(entityOf("DIEGO ARMANDO CORONEL"))
    expect(entityOf("Coronel")).toBe(entityOf("DIEGO ARMANDO CORONEL"))
    // Both mentions of the father are the father.
    expect(new Set(got.filter((m) => m.text === "Armando Coronel").map((m) => m.entity)).size).toBe(1)
  })

  it("a surname alone that the model found itself is the party's too, not the relative's", async () => {
    const text = "Andrés Fabián Lucero es tío de la niña; su hermano Rubén Lucero declaró que Lucero no vive allí."
    const at = text.lastIndexOf("Lucero")
    const tagger: Detector = {
      name: "ner/test",
      labels: ["PERSONA"],
      detect: () => [{ start: at, end: at + "Lucero".length, label: "PERSONA" as const, score: 0.99, detector: "ner/test", evidence: "ner" }],
    }
    const got = (await analyse(text, config, [tagger])).filter((s) => s.label === "PERSONA")
    const entityAt = (start: number) => got.find((s) => s.start === start)?.entity
    expect(entityAt(at)).toBe(entityAt(0))
    expect(entityAt(text.indexOf("Rubén Lucero"))).not.toBe(entityAt(0))
  })

  it("a quoted word between two people's names is no nickname: each keeps their own pseudonym", async () => {
    const text = "Los imputados Ramiro Ledesma y Brian Cabrera declararon. Según Ledesma, \"Cabrera\" mintió."
    const got = await mentions(text)
    expect(got.find((m) => m.text === "Ledesma")?.entity).not.toBe(got.find((m) => m.text === "Brian Cabrera")?.entity)
  })

  it("a name hyphenated at a line end is taken whole, one person with its unbroken mentions", async () => {
    const text = "la causa seguida a la imputada Claudia Ester Ocam-\npo, por estafa. Luego Ocampo negó los hechos.\nFdo.: Dr. Diego Sebastián Lom-\nbardi, Juez."
    const got = await mentions(text)
    expect(got.map((m) => m.text)).toEqual(["Claudia Ester Ocam-\npo", "Ocampo", "Diego Sebastián Lom-\nbardi"])
    expect(got[0]!.entity).toBe(got[1]!.entity)
    expect(got[2]!.label).toBe("FUNCIONARIO")
  })

  it("a capital after the line break is another word: the span does not take it", async () => {
    const text = "la imputada Claudia Ester Ocampo-\nLa testigo Rosa Benítez declaró."
    const got = (await mentions(text)).map((m) => m.text)
    expect(got).toContain("Claudia Ester Ocampo")
    expect(got.some((m) => m.includes("La testigo"))).toBe(false)
  })

  it("initials written tight or spaced are one person, each person's own, however each was found", async () => {
    const text = "La niña M. A. Q. relató lo ocurrido; la psicóloga dijo que M.A.Q. mostró angustia. " +
      "Su hermana T.R.C. no declaró, y T. R. C. tampoco."
    // Every mention found on its own, as the model finds them: none of them is a propagated copy of another.
    const tagger: Detector = {
      name: "ner/test",
      labels: ["PERSONA"],
      detect: () => ["M. A. Q.", "M.A.Q.", "T.R.C.", "T. R. C."].map((form) => {
        const at = text.indexOf(form)
        return { start: at, end: at + form.length, label: "PERSONA" as const, score: 0.99, detector: "ner/test", evidence: "ner" }
      }),
    }
    const got = (await analyse(text, config, [tagger])).filter((s) => s.label === "PERSONA")
    const entityOf = (mention: string) => got.find((s) => text.slice(s.start, s.end) === mention)?.entity
    expect(entityOf("M. A. Q.")).toBeDefined()
    expect(entityOf("M.A.Q.")).toBe(entityOf("M. A. Q."))
    expect(entityOf("T. R. C.")).toBe(entityOf("T.R.C."))
    expect(entityOf("T.R.C.")).not.toBe(entityOf("M.A.Q."))
  })

  it("a first name two parties share is masked alone, under a pseudonym of its own: which of them it is cannot be told", async () => {
    const text = "La denunciante Micaela Torres y su hermana Micaela Ruiz declararon. Micaela lloró. Torres se fue."
    const got = await mentions(text)
    expect(got.map((m) => m.text)).toContain("Torres")
    const alone = got.find((m) => m.text === "Micaela")
    expect(alone?.label).toBe("PERSONA")
    expect(alone?.entity).not.toBe(got.find((m) => m.text === "Micaela Torres")?.entity)
    expect(alone?.entity).not.toBe(got.find((m) => m.text === "Micaela Ruiz")?.entity)
  })

  it("a first name two parties share is not taken inside another name: after a comma, before an initial, within a caption", async () => {
    const text = "Los imputados Pablo Gómez y Pablo Ríos declararon. Pablo lloró. Se citó el precedente \"FERREYRA, GABRIEL PABLO c/ Banco Sur s/ daños\" y a Ibáñez, Pablo A., en su tratado."
    const got = (await mentions(text)).map((m) => m.text)
    expect(got.filter((m) => m === "Pablo")).toHaveLength(1)
    expect(got).not.toContain("PABLO")
  })

  it("a first name a party shares with an official is not masked alone", async () => {
    const text = "La denunciante Micaela Torres declaró ante la Fiscal, Dra. Micaela Ruiz. Micaela lloró."
    const got = await mentions(text)
    expect(got.filter((m) => m.text === "Micaela")).toEqual([])
  })
})

describe("propagation to initials", () => {
  const redactedWith = async (text: string) =>
    (await analyse(text, config)).filter((s) => s.action === "redact").map((s) => [text.slice(s.start, s.end), s.entity])

  it("finds a person's initials, tight or spaced, as the same person — even letters that are also an abbreviation", async () => {
    const text = "El imputado Emanuel URQUIZA fue detenido. En la esquina, E.U. amenazó a su ex pareja. Luego E. U. se retiró."
    const found = await redactedWith(text)
    expect(found).toContainEqual(["E.U.", "emanuel urquiza"])
    expect(found).toContainEqual(["E. U.", "emanuel urquiza"])
  })

  it("leaves a longer cluster and a company's type alone: \"R.L.\" is not in \"S.R.L.\", \"Servicios Sur S.A.\" is a company", async () => {
    const text = "El testigo Ricardo Omar Ledesma trabaja en Mercado Libre S.R.L.; el imputado Sergio Acosta, en Servicios Sur S.A. " +
      "Luego S.A. se retiró y R.L. declaró."
    const found = await redactedWith(text)
    expect(found.filter(([surface]) => surface === "S.A.")).toHaveLength(1)
    expect(found.filter(([surface]) => surface === "R.L.")).toHaveLength(1)
    expect(found.some(([surface]) => surface?.includes("S.R.L."))).toBe(false)
  })

  it("takes initials in capitals only: \"V. b.\" numbers a heading", async () => {
    const text = "El actor Víctor Bruno declaró. V. b. Por su parte, la demandada contestó. Luego V. B. se retiró."
    const found = (await redactedWith(text)).map(([surface]) => surface)
    expect(found).toContain("V. B.")
    expect(found).not.toContain("V. b.")
  })

  it("leaves initials that cite a law alone (\"del C.P.\")", async () => {
    const text = "El imputado Carlos PÉREZ amenazó, conducta prevista en el art. 149 bis del C.P.; PROHIBIR a C.P. todo contacto."
    const found = await redactedWith(text)
    expect(found.filter(([surface]) => surface === "C.P.")).toHaveLength(1)
    const spans = await analyse(text, config)
    const lawMention = text.indexOf("C.P.;")
    expect(spans.some((s) => s.action === "redact" && s.start <= lawMention && s.end > lawMention)).toBe(false)
  })
})
