import { VEHICLE_MAKES } from "../lexicon/vehicles.ts"
import { patternDetector } from "../patternDetector.ts"

/**
 * Vehicle plates ("dominio"): Mercosur AB 123 CD, old ABC 123, motorcycles
 * 123 ABC and A123BCD. Old and motorcycle shapes need a vehicle cue nearby
 * unless they are unmistakable; letter runs that are legal words (ART, LEY,
 * INC, BIS...), currency codes ("USD 300"), international bodies' conventions and
 * standards ("Convenio OIT190", "ISO 9001") and the national courts' case
 * system ("LEX100") are never plates, nor a model's code after its make.
 */
const CUE = /(?:dominio|patente|veh[íi]culo|rodado|autom[óo]vil|\bauto\b|camioneta|motocicleta|\bmoto\b|cami[óo]n|taxi|colectivo|utilitario|marca\s+\p{L}+|modelo)/iu
const NOT_LETTERS = /^(?:ART|LEY|INC|DNI|CPP|CPN|NRO|DEC|RES|BIS|TER|SEC|JUZ|CAP|TIT|LIB|PAG|FOJ|EXP|CAU|IPP|MPF|UFI|CUI|CBU|AMB|DEL|LOS|LAS|POR|QUE|CON|SIN|SUS|UNA|UNO|DOS|TRES|USD|EUR|ARS|BRL|UYU|CLP|PYG|BOB|GBP|CHF|JPY|CNY|MXN|LEX|OIT|ISO|OMS|ONU|OEA|TSJ|CSJ)$/
/** A make right before the code: "Yamaha YBR 125", "Honda XR 150" name a model, not a plate (that one follows "dominio"). */
const MAKE_BEFORE = {
  words: new RegExp(String.raw`(?<![\p{L}])(?:${VEHICLE_MAKES})[ \t]+$`, "u"),
  window: 20,
}

const lettersOk = (v: string): boolean => {
  const letters = v.replace(/[^A-Z]/g, "")
  return !NOT_LETTERS.test(letters.slice(0, 3)) && !NOT_LETTERS.test(letters.slice(-3))
}

export const plate = patternDetector({
  name: "rules/plate",
  labels: ["PATENTE"],
  patterns: [
    {
      name: "plate:mercosur",
      regex: /(?<![\p{L}\d])(?<v>[A-Z]{2}[\s-]?\d{3}[\s-]?[A-Z]{2})(?![\p{L}\d])/gu,
      score: 0.8,
      validate: (v, c) => (lettersOk(v) ? (c.hasContext ? 0.95 : 0.8) : undefined),
    },
    {
      name: "plate:old",
      regex: /(?<![\p{L}\d])(?<v>[A-Z]{3}[\s-]?\d{3})(?![\p{L}\d]|[.,/]\d|°|º)/gu,
      score: 0.55,
      validate: (v, c) => (lettersOk(v) ? (c.hasContext ? 0.92 : 0.55) : undefined),
      excludeBefore: MAKE_BEFORE,
    },
    {
      name: "plate:moto",
      regex: /(?<![\p{L}\d])(?<v>\d{3}[\s-]?[A-Z]{3}|[A-Z]\d{3}[\s-]?[A-Z]{3})(?![\p{L}\d])/gu,
      score: 0.4,
      validate: (v, c) => (lettersOk(v) && c.hasContext ? 0.9 : undefined),
    },
  ],
  context: { words: CUE, window: 80, boost: 0 },
})
