import { describe, expect, it } from "vitest"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { inCaseCitation } from "../../src/detect/names.ts"
import { analyse } from "../../src/resolve/resolve.ts"

const config = PipelineConfigSchema.parse({ name: "test", version: "1" })

const redacted = async (text: string) =>
  (await analyse(text, config)).filter((s) => s.action === "redact").map((s) => ({ label: s.label, text: text.slice(s.start, s.end) }))

describe("names inside cited precedents and doctrine", () => {
  it("keeps a cited given name visible when that form is not masked elsewhere", async () => {
    const text =
      "Que el imputado Edgardo Oscar Pérez reconoció el hecho. " +
      "El imputado debe ser oído (CSJN, “Quiroga, Edgardo Oscar”, Fallos 327:5863)."
    const got = (await redacted(text)).map((s) => s.text)
    expect(got).toContain("Edgardo Oscar Pérez")
    expect(got).not.toContain("Edgardo Oscar")
    expect(got).not.toContain("Quiroga")
  })

  it("masks a cited surname when the same form is masked elsewhere (a masked form never stays readable)", async () => {
    const text =
      "La damnificada Soledad Romina González declaró. HACER ENTREGA a González del botón antipánico. " +
      "(Corte IDH, caso “González y otras (‘Campo Algodonero’) vs. México”, sentencia del 16/11/2009)."
    const got = (await redacted(text)).map((s) => s.text)
    expect(got.filter((t) => t === "González").length).toBe(2)
    // The precedent's González is someone else: a pseudonym of its own, not the damnificada's.
    const spans = (await analyse(text, config)).filter((s) => s.action === "redact" && s.label === "PERSONA")
    const cited = spans.find((s) => s.start > text.indexOf("Corte IDH"))!
    const party = spans.filter((s) => s.start < text.indexOf("Corte IDH"))
    expect(party.length).toBe(2)
    expect(new Set(party.map((s) => s.entity)).size).toBe(1)
    expect(cited.entity).not.toBe(party[0]!.entity)
  })

  it("masks a party's own earlier case however its caption orders the name, and keeps an unrelated precedent visible", async () => {
    for (const court of ["el Tribunal Oral en lo Criminal N° 5", "la CNCCC, Sala I, 12/03/2015,"]) {
      const text =
        "Que el imputado Juan Carlos PÉREZ, DNI 30.123.456, reconoció el hecho. " +
        `Registra una condena anterior, dictada por ${court} “PÉREZ, Juan Carlos s/ robo”, que se encuentra firme. ` +
        "La defensa invocó el precedente CNCCC, Sala II, 20/05/2019, “Gómez, Ramiro s/ hurto”, que no resulta aplicable."
      const got = (await redacted(text)).map((s) => s.text)
      expect(got).toEqual(expect.arrayContaining(["Juan Carlos PÉREZ", "PÉREZ, Juan Carlos"]))
      expect(got.join(" ")).not.toContain("Gómez")
      expect(got.join(" ")).not.toContain("Ramiro")
    }
  })

  it("masks a person's surname in a cited caption (with initials or alone), under a pseudonym of its own", async () => {
    const text =
      "Que el imputado Juan Carlos PÉREZ reconoció el hecho. Registra condenas del Tribunal Oral en lo Criminal N° 5, “PÉREZ, J. C. s/ robo”, " +
      "y de la CNCCC, Sala I, 12/03/2015, “Pérez s/ hurto”."
    const spans = (await analyse(text, config)).filter((s) => s.action === "redact" && s.label === "PERSONA")
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Juan Carlos PÉREZ", "PÉREZ", "Pérez"])
    expect(spans[1]!.entity).toBe(spans[2]!.entity)
    expect(spans[1]!.entity).not.toBe(spans[0]!.entity)
  })

  it("reads a caption in straight quotes followed by its decision as a precedent, unless it is the ruling's own", async () => {
    const at = (text: string, name: string) => inCaseCitation(text, text.indexOf(name), text.indexOf(name) + name.length)
    expect(at('lo sostuvo esta Sala en "Mendoza, Rubén s/ art. 149 bis", rta. el 3/3/2020, corresponde', "Mendoza, Rubén")).toBe(true)
    expect(at('CNCCC, Sala I, "Rivas, Darío s/ robo", resuelta el 2/2/2021', "Rivas, Darío")).toBe(true)
    // The ruling's own caption, undecided or after "autos"; a quoted statement is no caption.
    expect(at('CAUSA N° 12345/2023 "GONZÁLEZ, Lucas Matías s/ infr. art. 149 bis CP"', "GONZÁLEZ, Lucas Matías")).toBe(false)
    expect(at('En los autos "Ibáñez, Marta s/ denuncia", rta. el 2/2/2021, la denunciante desistió', "Ibáñez, Marta")).toBe(false)
    expect(at('La víctima dijo: "Walter me pegó", rta. la defensa', "Walter")).toBe(false)

    const text =
      'CAUSA N° 12345/2023 "GONZÁLEZ, Lucas Matías s/ infr. art. 149 bis CP". La defensa de Lucas Matías González recurrió. ' +
      'Conforme lo sostuvo esta Sala en "Mendoza, Rubén s/ art. 149 bis", rta. el 3/3/2020, corresponde hacer lugar. ' +
      'González registra una condena en "GONZÁLEZ, Lucas Matías s/ lesiones", rta. el 5/5/2019.'
    const spans = (await analyse(text, config)).filter((s) => s.action === "redact" && s.label === "PERSONA")
    const got = spans.map((s) => text.slice(s.start, s.end))
    expect(got.join(" ")).not.toMatch(/Mendoza|Rubén/u)
    expect(got.filter((t) => t === "GONZÁLEZ, Lucas Matías").length).toBe(2)
    expect(new Set(spans.map((s) => s.entity)).size).toBe(1)
  })

  it("keeps a precedent cited by a party's surname alone, or as a civil caption, visible", async () => {
    const text =
      "Que el imputado Ramón ACOSTA reconoció el hecho. La detención se rige por lo resuelto en (CSJN, “Acosta”, Fallos 331:858) " +
      "y en (CNCiv., Sala A, 12/03/2015, “Acosta c/ Banco Sur S.A. s/ daños”)."
    const got = (await redacted(text)).map((s) => s.text)
    expect(got).toEqual(["Ramón ACOSTA"])
  })

  it("does not redact doctrine authors", async () => {
    const text = "Conforme la doctrina (Creus, Carlos, Derecho Penal. Parte Especial, T. I, Astrea, Buenos Aires, 1997, p. 225)."
    expect(await redacted(text)).toEqual([])
  })
})

describe("signature blocks and places in a ruling", () => {
  it("keeps officials in capitals before their role, after a blank line", async () => {
    const text = "II. Notifíquese a la víctima Ana Pérez.\n\nJOSÉ JUAN GASPARINI\n\nJUEZ\n\nMARÍA JUNCO\n\nSECRETARIA"
    const spans = await analyse(text, config)
    const byText = new Map(spans.map((s) => [text.slice(s.start, s.end), s.action]))
    expect(byText.get("JOSÉ JUAN GASPARINI")).toBe("keep")
    expect(byText.get("MARÍA JUNCO")).toBe("keep")
    expect(byText.get("Ana Pérez")).toBe("redact")
  })

  it("masks the barrio after an address but not the court's seat", async () => {
    const text =
      "Ciudad Autónoma de Buenos Aires, 7 de abril de 2021.\n" +
      "La imputada, con domicilio en calle Lavoisier 371 (Villa Luro), CABA (CP C1239BXT), teléfono (11) 5146-1932, " +
      "nacida en Chaján, Córdoba el día 10.3.04."
    const got = await redacted(text)
    expect(got).toEqual(
      expect.arrayContaining([
        { label: "DIRECCION", text: "calle Lavoisier 371" },
        { label: "LUGAR", text: "Villa Luro" },
        { label: "TELEFONO", text: "(11) 5146-1932" },
        { label: "LUGAR", text: "Chaján" },
        { label: "LUGAR", text: "Córdoba" },
        { label: "FECHA_PERSONAL", text: "10.3.04" },
      ]),
    )
    expect(got.map((s) => s.text)).not.toContain("Buenos Aires")
  })

  it("masks a province of birth that is also the court's seat there only, not in the caption or the court's name", async () => {
    const text =
      "Ciudad Autónoma de Buenos Aires, 3 de marzo de 2025. Respecto de Julián Ortega, nacido el 3 de mayo de 1990 en Lanús (Buenos Aires), " +
      "la Cámara de Apelaciones de Buenos Aires resolvió."
    const got = (await redacted(text)).filter((s) => s.label === "LUGAR").map((s) => s.text)
    expect(got).toEqual(["Lanús", "Buenos Aires"])
  })

  it("masks a province of birth there only, not in the province's courts and police", async () => {
    const text = "En la ciudad de Córdoba. Julián Ortega, nacido en Villa Nueva, provincia de Córdoba, declaró ante la Policía de la Provincia de Córdoba; " +
      "lo dijo el Tribunal Superior de Justicia de Córdoba."
    const got = (await redacted(text)).filter((s) => s.label === "LUGAR").map((s) => s.text)
    expect(got).toEqual(["Villa Nueva", "Córdoba"])
  })

  it("masks a town of birth, not the same town as a court's district or a police station's name", async () => {
    const text = "Los Jueces del Tribunal en lo Criminal N° 4 del Departamento Judicial Lomas de Zamora resuelven respecto de Julián Ortega, " +
      "nacido el 11 de enero de 2002 en Lomas de Zamora, quien fue llevado a la Comisaría Lomas de Zamora 3ra. y vive en Lomas de Zamora."
    const got = (await redacted(text)).filter((s) => s.label === "LUGAR").map((s) => [s.text, text.slice(0, text.indexOf(s.text)).length])
    expect(got.map(([surface]) => surface)).toEqual(["Lomas de Zamora", "Lomas de Zamora"])
    expect(text.slice(text.indexOf("Judicial") + 9, text.indexOf("Judicial") + 24)).toBe("Lomas de Zamora")
  })

  it("propagates a surname whose given name is also a word (Argentino MILANESI)", async () => {
    const text = "respecto de MILANESI, Argentino, apodado “Peti”. Conforme surge del informe, Milanesi tenía en su poder 47 envoltorios."
    const got = (await redacted(text)).map((s) => s.text)
    expect(got).toEqual(expect.arrayContaining(["MILANESI, Argentino", "Milanesi"]))
  })
})
