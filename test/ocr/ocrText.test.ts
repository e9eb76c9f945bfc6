import { describe, expect, it } from "vitest"
import { fixOcrText } from "../../src/ingest/ocr/fixOcrText.ts"
import { inkShare, pgmFromRgba } from "../../src/ingest/ocr/greyImage.ts"
import { imageComplete, imageSize } from "../../src/ingest/ocr/imageSize.ts"
import { BLANK_INK_SHARE } from "../../src/ingest/ocr/ocrPages.ts"
import { renderScale } from "../../src/ingest/ocr/renderPdfPages.ts"
import { textLayerVerdict } from "../../src/ingest/ocr/textLayer.ts"
import { stripPageFurniture } from "../../src/normalise/pageFurniture.ts"
import { makePng } from "../ingest/fixtures.ts"

/** The pure parts of OCR: identifier fixes, the text-layer verdict, image headers, render scale, furniture read by OCR. */

describe("fixOcrText", () => {
  it.each([
    ["DNI N° 2O.l23.456", "DNI N° 20.123.456"],
    ["DNI 20. 123. 456, argentino", "DNI 20.123.456, argentino"],
    ["DNI 20 .123 .456.", "DNI 20.123.456."],
    ["documento 3S.676.74O expedido", "documento 35.676.740 expedido"],
    ["en el año 2O21 se inició", "en el año 2021 se inició"],
    ["causa N* 14322/2022", "causa N° 14322/2022"],
    ["DNI N” 38.676.740", "DNI N° 38.676.740"],
    ["Secretaría N*? 28", "Secretaría N° 28"],
    ["teléfono l5-4433-2211", "teléfono l5-4433-2211"], // three-digit groups split by hyphens: left to the phone rules
    ["celular 11 5O12-3456", "celular 11 5012-3456"],
    ["pasaporte N* AB123456, nacido", "pasaporte N° AB123456, nacido"],
    ["pasaporte N*\nC7654321, nacida", "pasaporte N° C7654321, nacida"],
    ["domicilio en Lavalle 1500, 3* piso", "domicilio en Lavalle 1500, 3° piso"],
    ["teléfono +54. 11 4321 8765", "teléfono +54 11 4321 8765"],
    ["correo perez(agmail.comar.", "correo perez@gmail.com.ar."],
    ["desde mlopez22(0outlook.com; el", "desde mlopez22@outlook.com; el"],
    ["escribió a marta.diaz(Oyahoo.com.ar, quien", "escribió a marta.diaz@yahoo.com.ar, quien"],
    ["al correo carlos lopez@hotmail.com", "al correo carlos_lopez@hotmail.com"],
    ["la cuenta de Instagram (vjuancito88, desde la cual", "la cuenta de Instagram @juancito88, desde la cual"],
    ["mensajes a (Dlamartaok; el informe", "mensajes a @lamartaok; el informe"],
    ["desde la cuenta (Elamartaok.\nIII.- Que", "desde la cuenta @lamartaok.\nIII.- Que"],
    ["el usuario de Instagram (Ajuan_77 envió", "el usuario de Instagram @juan_77 envió"],
    ["correo electrónico lopezOhotmail.com, quien", "correo electrónico lopez@hotmail.com, quien"],
    ["publicado en (O)pepe_77/video", "publicado en @pepe_77/video"],
    ["el perfil hitps://www.instagram.com/pepe77/", "el perfil https://www.instagram.com/pepe77/"],
    ["en https://)www.tiktok. con @pepe77/video/123", "en https://www.tiktok.com/@pepe77/video/123"],
    ["el video IMG 20230912 607205.jpg aportado", "el video IMG_20230912_607205.jpg aportado"],
    ["(archivos VID-20240118-WA 0058.mp4 y Screenshot 2023-06-14-01-15-41.png)", "(archivos VID-20240118-WA_0058.mp4 y Screenshot_2023-06-14-01-15-41.png)"],
    ["caratulados: 1., J. 1. C/ M. D. S.", "caratulados: I., J. I. C/ M. D. S."],
    ["comparece el Sr. ]. 1. 1., DNI", "comparece el Sr. J. I. I., DNI"],
    ["su hijo llamado j. 1. 1., DNI", "su hijo llamado J. I. I., DNI"],
    ["la madre de J. l., Sra. G. G.", "la madre de J. I., Sra. G. G."],
    ["autos “PÉREZ, Ana M aría s/ lesiones”", "autos “PÉREZ, Ana María s/ lesiones”"],
    ["teléfono +54 11\n\n4682 9957 (archivo", "teléfono +54 11\n4682 9957 (archivo"],
  ])("fixes %j", (input, expected) => {
    expect(fixOcrText(input)).toBe(expected)
  })

  it.each([
    "SOS, OIDO y lIl quedan como están",
    "Sala I, Sala II y Sala III",
    "el dominio AB123CD y el dominio SB123DB",
    "MPF85804740 y CUIJ J-01-00012345-6/2022-0",
    "S.A. y S.R.L.",
    "art. 5 bis, inc. 3",
    "el 20. 123 personas", // not three groups
    "fojas 12, 345, 678", // a list, not a number
    "$ 1.234,56 y 30 %",
    "SECCIÓN 2 y Nº de orden", // no digits after the sign
    "la causa (a fs. 12) y (ver fs. 3)", // parentheses that close: prose, not a handle
    "la causa (vease fs. 3 y 4) sigue", // a word in parentheses is not a handle
    "el mail (ver anexo) y la web pagina.com", // no user before the domain
    "escribió desde gonzalez@live.com.ar", // a Spanish word before an address is not its user
    "la cuenta (Este banco la cerró) y el usuario (ver fs. 3)", // closed parentheses after an account cue
    "visitó www.Ofertas.com y la Dirección.gob", // capitals that start words
    "la Sala B de la Cámara y el inciso C del artículo", // lone capitals that spell no name
    "A la audiencia y E la persona", // vowels are words
    "fojas 120,121.vta y 10,20", // commas between numbers are not an @
    "calculó 12 * 3 y 4*5", // an asterisk between numbers
    "puntos 1. 2. y 3. del petitorio", // a numbered list
    "inc. 1. del art. 5 y el punto l. de la demanda", // a number alone, a letter alone
    "la captura de pantalla y el IMG del informe en el anexo.pdf", // words between a prefix and a file
    "según el informe (Dra. López, Oficio 12 y archivo adjunto", // unclosed, but words
  ])("leaves %j alone", (input) => {
    expect(fixOcrText(input)).toBe(input)
  })
})

describe("textLayerVerdict", () => {
  it.each([
    ["", "empty"],
    ["   \n\t ", "empty"],
    ["-- 1 of 2 --", "usable"], // a marker alone is text; the page is not OCR'd for it
    ["VISTOS: la causa N° 123/2024 seguida contra el imputado, en la que se dictó el sobreseimiento.", "usable"],
    ["CUIJ: J-01-00012345-6/2022-0\nIPP 12345/2022\nCABA, 12/3/2024\nDNI 20.123.456", "usable"],
    ["Art. 5, inc. 3; arts. 119 y 131 CP; Ley 26.061; fs. 12/15 vta.", "usable"],
    ["\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD", "empty"],
    ["\uFFFD\uFFFD\uFFFD de \uFFFD\uFFFD la \uFFFD\uFFFD\uFFFD\uFFFD", "garbage"],
    ["\uE000\uE001\uE002 \uE003\uE004 la causa \uE005\uE006\uE007\uE008\uE009\uE00A", "garbage"],
    ["bcdfg hjklm nprst vwxz qwrt plmk zxcv bnmq trwq", "garbage"],
    ["ÿþ ÷×¤ ¦¨¬¯ ±²³ ´µ¶· ¸¹» ¼½¾", "garbage"],
  ])("%j is %s", (text, verdict) => {
    expect(textLayerVerdict(text)).toBe(verdict)
  })
})

describe("imageSize and imageComplete", () => {
  it("reads a PNG's size from its header and sees where it was cut", () => {
    const png = makePng(8)
    expect(imageSize(png, "png")).toEqual({ width: 8, height: 8 })
    expect(imageComplete(png, "png")).toBe(true)
    expect(imageComplete(png.slice(0, png.length - 20), "png")).toBe(false)
  })

  it("reads a JPEG's size from its frame header", () => {
    // SOI, an APP0 segment, SOF0 (height 300, width 200), EOI: a header as cameras write it.
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9])
    expect(imageSize(jpeg, "jpeg")).toEqual({ width: 200, height: 300 })
    expect(imageComplete(jpeg, "jpeg")).toBe(true)
    expect(imageComplete(jpeg.slice(0, -2), "jpeg")).toBe(false)
  })

  it("gives nothing for what is not the format it claims", () => {
    expect(imageSize(new TextEncoder().encode("no es una imagen, es texto plano"), "png")).toBeUndefined()
    expect(imageSize(makePng(), "jpeg")).toBeUndefined()
    expect(imageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]), "jpeg")).toBeUndefined()
  })
})

describe("inkShare", () => {
  const page = (width: number, height: number, dark: (x: number, y: number) => boolean) => {
    const rgba = new Uint8Array(width * height * 4)
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4
        rgba[i] = rgba[i + 1] = rgba[i + 2] = dark(x, y) ? 20 : 250
        rgba[i + 3] = 255
      }
    }
    return pgmFromRgba(rgba, width, height)
  }

  it("finds a blank page blank and a page with a few words not", () => {
    // A4 at 100 dpi; the printed page is held to the same share of ink at any dpi.
    const blank = page(827, 1169, () => false)
    const specks = page(827, 1169, (x, y) => (x * 7 + y * 13) % 50_000 === 0)
    const word = page(827, 1169, (x, y) => x >= 100 && x < 150 && y >= 100 && y < 112 && (x + y) % 3 === 0) // a page number's worth of ink
    expect(inkShare(blank)).toBe(0)
    expect(inkShare(specks)).toBeLessThan(BLANK_INK_SHARE)
    expect(inkShare(word)).toBeGreaterThan(BLANK_INK_SHARE)
  })

  it("says nothing about what is not a greyscale PGM", () => {
    expect(inkShare(makePng(8))).toBeUndefined()
    expect(inkShare(new TextEncoder().encode("P5\n"))).toBeUndefined()
  })
})

describe("renderScale", () => {
  it("renders at the dpi asked, and a page too large for the pixel limit smaller", () => {
    expect(renderScale(595, 842, 300, 40_000_000)).toBeCloseTo(300 / 72)
    const poster = renderScale(595 * 10, 842 * 10, 300, 40_000_000)
    expect(595 * 10 * poster * 842 * 10 * poster).toBeLessThanOrEqual(40_000_000)
    expect(595 * 10 * poster * 842 * 10 * poster).toBeGreaterThan(39_000_000)
  })
})

describe("page furniture read by OCR", () => {
  it("takes a running header misread on some pages as the same header", () => {
    const header = ["Causa N° 14322/2022 - “Ferreyra Aguirre, Ezequiel s/ incumplimiento”", "Causa N° 14322/2022 - “Feneyra Aguine, Ezequiel s/ incumplimiento”", "Causa N° 14322/2022 - “Ferreyra Aguirre, Ezequiel y/ incumplimiento”"]
    const bodies = ["VISTOS: la causa seguida contra el imputado.", "RESULTA: que la defensa sostuvo lo contrario.", "RESUELVO: sobreseer al imputado."]
    const pages = header.map((line, index) => [line, bodies[index]!, `Página ${index + 1} de 3`])
    const result = stripPageFurniture(pages)
    expect(result.pages).toEqual(pages.map((lines) => [lines[1]]))
    expect(result.header).toEqual([header[0]])
  })

  it("does not take short lines that differ as the same line, nor different long ones", () => {
    const pages = [
      ["VISTOS:", "Primera página del fallo que sigue con más texto."],
      ["RESULTA:", "Segunda página del fallo que sigue con otro texto."],
      ["CONSIDERANDO:", "Tercera página que también tiene su propio texto largo."],
    ]
    expect(stripPageFurniture(pages).pages).toEqual(pages)
  })
})
