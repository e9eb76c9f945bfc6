import { patternDetector } from "../patternDetector.ts"

/**
 * DNI (and the older LE/LC/CI, and a foreigner's cédula de identidad): 7–8 digits, with or without thousands dots.
 * With a cue ("DNI", "D.N.I.", "documento", "DNI N°") the number is certain;
 * a dotted 7–8 digit number without cue is likely; a bare 8-digit number
 * needs a cue nearby.
 */
const NUM = String.raw`(?<v>\d{1,2}(?:[.\s]\d{3}){2}|\d{7,8})(?![\d.,]\d|\d)`
/** After a cue, the number may run into the next item's number: "DNI 27.444.555.2º) Imponer". */
const CUED_NUM = String.raw`(?<v>\d{1,2}(?:[.\s]\d{3}){2}|\d{7,8})(?!\d|[.,]\d(?![º°)]))`
const CUE = String.raw`(?:D\.?\s?N\.?\s?I\.?|L\.?\s?E\.?|L\.?\s?C\.?|C\.?\s?I\.?|M\.?\s?I\.?|documento(?:\s+nacional)?(?:\s+de\s+identidad)?|documento\s+de\s+identidad|c[ée]dula(?:\s+de\s+identidad)?)`
/** The country that issued it: "Cédula de Identidad boliviana N° …", "DNI argentino", "DNI para extranjeros". */
const ISSUER = String.raw`(?:(?:argentin|bolivian|paraguay|peruan|chilen|uruguay|venezolan|colombian|ecuatorian|dominican|cuban|hait|mexican|brasileñ|extranjer)[oa]s?|brasilera|para\s+extranjeros)`
const NUMBER_WORD = String.raw`(?:\s*(?:N\s?[°º.o]|n(?:ú|u)m(?:ero|\.)?|nro\.?)\s*)?`

const NOT_DNI_BEFORE = {
  words: /(?:\$|\bU\$S|\bUSD|\bpesos|\bsuma\s+de|\bmonto|\bley|\barts?\.|\bart[íi]culos?|\bexpte?\.?|\bexpediente|\bcausa|\bIPP|\bCUIJ|\bfallos|\bN[°º]|\bdecreto|\bresoluci[óo]n|\bcuenta|\bCBU|\bCUI[TL]|tel[ée]fono|\btel\.|celular|abonado)[\s:.N°º]*$/i,
  window: 25,
}

const NOT_DNI_AFTER = /^\s*(?:pesos|d[óo]lares|de\s+pesos|\.-|,-|\/\d)/i

export const dni = patternDetector({
  name: "rules/dni",
  labels: ["DNI"],
  patterns: [
    {
      name: "dni:cue",
      regex: new RegExp(String.raw`(?<![\p{L}])${CUE}\s*(?:${ISSUER}\s*)?${NUMBER_WORD}[:\s]*${CUED_NUM}`, "giu"),
      score: 0.95,
    },
    {
      // Second and further numbers in "DNI 30.123.456 y 31.222.333", or a dotted number alone.
      name: "dni:dotted",
      regex: new RegExp(String.raw`(?<![\d.,$]|\$\s)(?<v>\d{1,2}\.\d{3}\.\d{3})(?![\d]|[.,]\d)`, "gu"),
      score: 0.6,
      // Round figures ("2.500.000") are amounts, not documents, unless a cue says otherwise.
      validate: (v, c) => (/\.000$/.test(v) && !c.hasContext ? undefined : c.hasContext ? 0.9 : 0.6),
      excludeBefore: NOT_DNI_BEFORE,
      excludeAfter: NOT_DNI_AFTER,
    },
    {
      name: "dni:bare-with-cue",
      regex: /(?<![\d.,])(?<v>\d{8})(?![\d.,]\d|\d)/g,
      score: 0.3,
      validate: (_v, c) => (c.hasContext ? 0.8 : undefined),
      excludeBefore: NOT_DNI_BEFORE,
      excludeAfter: NOT_DNI_AFTER,
    },
  ],
  context: {
    words: /(?:D\.?\s?N\.?\s?I\.?|documento|identidad|indocumentad)/i,
    window: 40,
    boost: 0.3,
  },
})