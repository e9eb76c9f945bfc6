import { describe, expect, it } from "vitest"
import { joinHyphenatedLines } from "../../src/normalise/hyphenation.ts"
import { isPageMarker, stripPageFurniture } from "../../src/normalise/pageFurniture.ts"
import { joinLinesIntoParagraphs } from "../../src/normalise/paragraphs.ts"
import { removeSoftHyphens } from "../../src/normalise/softHyphens.ts"
import { collapseWhitespace, normaliseWhitespace } from "../../src/normalise/whitespace.ts"

describe("removeSoftHyphens", () => {
  it.each([
    ["Gon\u00ADzález", "González"],
    ["Rodrí\u00AD\nguez", "Rodríguez"],
    ["sin cambios", "sin cambios"],
  ])("%j → %j", (input, expected) => expect(removeSoftHyphens(input)).toBe(expected))
})

describe("joinHyphenatedLines", () => {
  it.each([
    ["el impu-\ntado declaró", "el imputado declaró"],
    ["el impu- \n  tado", "el imputado"],
    ["Pé-\nrez", "Pérez"],
    ["art. 5-\nbis", "art. 5-bis"],
    ["art. 5-bis", "art. 5-bis"],
    ["Buenos-\nAires", "Buenos-Aires"],
    ["Sala II -\nCausa", "Sala II -\nCausa"],
    ["fin de línea\nnueva", "fin de línea\nnueva"],
  ])("%j → %j", (input, expected) => expect(joinHyphenatedLines(input)).toBe(expected))
})

describe("whitespace", () => {
  it("normalises spaces and blank lines", () => {
    expect(normaliseWhitespace("  Juan\u00A0\u00A0Pérez \t declaró \r\n\r\n\r\n\nY\u200Bluego  ")).toBe("Juan Pérez declaró\n\nYluego")
  })
  it("collapses to one line", () => {
    expect(collapseWhitespace(" a \n\t b ")).toBe("a b")
  })
})

describe("page furniture", () => {
  it.each(["-- 1 of 3 --", "Página 2 de 5", "Pág. 3", "pagina 4", "2 de 5", "12", "- 3 -", "7/9"])("%j is a page marker", (line) =>
    expect(isPageMarker(line)).toBe(true),
  )
  it.each(["Artículo 12", "12 de marzo de 2024", "Ley 2303", "2024", "1. Hechos"])("%j is not a page marker", (line) =>
    expect(isPageMarker(line)).toBe(false),
  )

  it("removes running headers and footers, keeping one copy, with varying page numbers", () => {
    const pages = [
      ["Causa 123/2024 - Juan Pérez", "Fallo página uno.", "Dra. Gómez - hoja 1"],
      ["Causa 123/2024 - Juan Pérez", "", "Fallo página dos.", "Dra. Gómez - hoja 2", "2"],
      ["Causa 123/2024 - Juan Pérez", "Fallo página tres.", "Dra. Gómez - hoja 3"],
    ]
    const result = stripPageFurniture(pages)
    expect(result.pages).toEqual([["Fallo página uno."], ["Fallo página dos."], ["Fallo página tres."]])
    expect(result.header).toEqual(["Causa 123/2024 - Juan Pérez"])
    expect(result.footer).toEqual(["Dra. Gómez - hoja 1"])
  })

  it("does not take a line repeated on a minority of pages, nor anything from a single page", () => {
    const pages = [["Título", "uno"], ["Título", "dos"], ["Otro", "tres"], ["Más", "cuatro"], ["Fin", "cinco"]]
    expect(stripPageFurniture(pages).header).toEqual([])
    expect(stripPageFurniture([["Único", "texto"]]).pages).toEqual([["Único", "texto"]])
  })
})

describe("joinLinesIntoParagraphs", () => {
  const full = "esta es una línea completa de texto justificado que llega hasta el margen derecho de la"
  it("joins wrapped lines and keeps paragraph breaks", () => {
    expect(
      joinLinesIntoParagraphs([
        "VISTOS:",
        `Juan Carlos ${full}`,
        "Pérez Gómez terminó.",
        `Otro párrafo que ${full}`,
        "página.",
        "",
        "1. Primer punto",
        "2. Segundo punto",
      ]),
    ).toBe(`VISTOS:\n\nJuan Carlos ${full} Pérez Gómez terminó.\n\nOtro párrafo que ${full} página.\n\n1. Primer punto\n\n2. Segundo punto`)
  })

  it("does not break a sentence at a line of capitals or at a function word", () => {
    expect(
      joinLinesIntoParagraphs([
        `Los autos del registro de este ${full}`,
        "JUZGADO DE PRIMERA INSTANCIA EN LO PENAL, CONTRAVENCIONAL Y DE",
        "FALTAS N° 7, para resolver.",
      ]),
    ).toBe(`Los autos del registro de este ${full} JUZGADO DE PRIMERA INSTANCIA EN LO PENAL, CONTRAVENCIONAL Y DE FALTAS N° 7, para resolver.`)
  })

  it("does not break between an honorific's abbreviation and the name it introduces", () => {
    expect(
      joinLinesIntoParagraphs(["Así voto.", "A LA SEGUNDA CUESTIÓN PLANTEADA, LA SRA. VOCAL DRA.", "ANA MARÍA SOSA DIJO: Adhiero.", "Lo firma el Dr.", "Pablo Ruiz."]),
    ).toBe("Así voto.\n\nA LA SEGUNDA CUESTIÓN PLANTEADA, LA SRA. VOCAL DRA. ANA MARÍA SOSA DIJO: Adhiero.\n\nLo firma el Dr. Pablo Ruiz.")
    // A heading that ends a sentence still ends its paragraph.
    expect(joinLinesIntoParagraphs(["RESULTANDO.", "Que el actor reclamó."])).toBe("RESULTANDO.\n\nQue el actor reclamó.")
  })

  it("learns the body's line width, not that of a quote in a smaller font", () => {
    const quote = "y así lo resolvió el tribunal de primera instancia en la sentencia que aquí se transcribe en letra más pequeña, "
    const body = "por la labor desarrollada en autos se regulan los honorarios de los letrados"
    const lines = [
      ...Array.from({ length: 4 }, () => quote),
      "",
      ...Array.from({ length: 10 }, () => body),
      "en la suma de pesos tres mil con veinte centavos para los Dres. Mario Tomás",
      "Quiroga y Elsa Beatriz Funes, en conjunto y proporción de ley, más el",
      ...Array.from({ length: 6 }, () => body),
    ]
    expect(joinLinesIntoParagraphs(lines)).toContain("los Dres. Mario Tomás Quiroga y Elsa Beatriz Funes, en conjunto")
  })

  it("breaks after a short caption line followed by a capital", () => {
    expect(joinLinesIntoParagraphs(["Poder Judicial", "Juzgado N° 7", `Texto ${full}`, "fin."])).toBe(
      `Poder Judicial\n\nJuzgado N° 7\n\nTexto ${full} fin.`,
    )
  })
})
