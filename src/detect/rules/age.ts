import { patternDetector } from "../patternDetector.ts"

/**
 * Ages → EDAD: "de 34 años de edad", "34 años" in a person's description
 * ("varón de 53 años", "argentino, soltero, de 34 años"), "tiene 34 años",
 * the age something began at ("el adolescente consume desde los 14 años"),
 * "Edad: 47", "(34)" right after a name. Never a sentence or a term
 * ("3 años de prisión", "dentro de 10 días", "hace 5 años", "por 2 años").
 */
const NUM_WORDS = String.raw`(?:(?:veinti|treinta\s+y\s+|cuarenta\s+y\s+|cincuenta\s+y\s+|sesenta\s+y\s+|setenta\s+y\s+|ochenta\s+y\s+|noventa\s+y\s+)?(?:un|uno|dos|tr[ée]s|cuatro|cinco|s[ée]is|siete|ocho|nueve)|diez|once|doce|trece|catorce|quince|diecis[ée]is|diecisiete|dieciocho|diecinueve|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)`
const N = String.raw`(?:\d{1,3}|${NUM_WORDS})`
/** What follows "N años" when it is a duration, not an age. */
const NOT_AGE_AFTER = /^\s*(?:de\s+(?!edad)\p{L}|y\s+\d+\s+mes|en\s+suspenso|de\s+ejecuci|,?\s+(?:en\s+)?(?:suspenso|efectiv)|atr[áa]s|antes|despu[ée]s|m[áa]s|menos)/iu
const NOT_AGE_BEFORE = {
  words: /(?:pena|condena|prisi[óo]n|reclusi[óo]n|plazo|t[ée]rmino|per[íi]odo|lapso|tiempo|antig[üu]edad|transcurso|relaci[óo]n|convivencia|noviazgo|contrato|garant[íi]a|vigencia|prescripci[óo]n|durante|hace|por|lapso|desde|hasta|dentro\s+de|m[áa]s\s+de|menos\s+de|menor\s+de|mayor\s+de|los\s+[úu]ltimos|cumplir|transcurrid[oa]s|tras|luego\s+de|aproximadamente|alrededor\s+de|cada|inhabilitaci[óo]n|ley|art\.?)\s*(?:de\s*)?$/iu,
  window: 30,
}
/** Person description nearby: "argentino, soltero, DNI ..., de 34 años". */
const PERSON_CONTEXT = /(?:argentin[oa]|nacionalidad|paragua|boliviana?o?|peruan[oa]|uruguay|venezolan[oa]|chilen[oa]|solter[oa]|casad[oa]|divorciad[oa]|viud[oa]|concubin|D\.?N\.?I|imputad|v[íi]ctima|denunciante|testigo|edad|naci|hij[oa]|menor|ni[ñn][oa]|joven|[Vv]ar[óo]n|[Mm]ujer|[Hh]ombre|[Pp]aciente|[Aa]dolescente|[Ll]actante|[Bb]eb[ée]|jubilad[oa]|pensionad[oa]|emplead[oa]|estudiante|comerciante|docente|desocupad[oa]|ama\s+de\s+casa|de\s+profesi[óo]n|ocupaci[óo]n|domiciliad[oa]|[Ss]eñor(?:a)?|Sra?\.|persona|quien|agente|oficial|polic[íi]a|perit[oa]|declarante|damnificad[oa]|conductor(?:a)?|vecin[oa]|\p{Lu}{3,}\s*,|,\s*(?:de\s+)?$)/u

const AFTER_NAME = /\p{Lu}[\p{L}.]*\s?$/u
/** A prisoner's grade and its points: "conducta Ejemplar (10) y concepto Muy Bueno (7)". */
const GRADE_BEFORE = /(?:(?<![\p{L}])(?:conducta|concepto|calificaci[óo]n|nota|puntaje)\s+(?:\p{L}+\s+){0,2}|(?<![\p{L}])(?:Ejemplar|Excelente|Muy\s+Buen[oa]|Buen[oa]|Regular|Mal[oa]|P[ée]sim[oa])\s?)$/u
/** A number written in words, its figure in brackets after it: "UN (1) AÑO", "TRES (3) MESES". */
const NUMBER_IN_WORDS_BEFORE = /(?<![\p{L}])(?:un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci\p{L}+|veinte|veinti\p{L}+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)\s?$/iu

export const age = patternDetector({
  name: "rules/age",
  labels: ["EDAD"],
  patterns: [
    {
      name: "age:de-edad",
      regex: new RegExp(String.raw`(?<![\p{L}\d])(?<v>${N}\s+(?:años|meses)\s+de\s+edad)`, "giu"),
      score: 0.95,
    },
    {
      // A form's field with the bare number: "Edad: 47".
      name: "age:form",
      regex: /(?<![\p{L}])edad\s*:\s*(?<v>\d{1,3})(?![\d.,/:]|\s*(?:años|meses|a\.))/giu,
      score: 0.9,
    },
    {
      name: "age:field",
      regex: new RegExp(String.raw`(?<![\p{L}])(?:edad|tiene|ten[íi]a|contaba\s+con|cont[óo]\s+con|cumpli[óo]|de\s+tan\s+s[óo]lo)\s*:?\s*(?:de\s+)?(?<v>${N}\s+(?:años|meses))`, "giu"),
      score: 0.9,
      excludeAfter: NOT_AGE_AFTER,
    },
    {
      name: "age:description",
      // "5 años y 10 meses" is one age; "3 años y 6 meses de prisión" is still refused by what follows.
      // In words only after "de" ("una hija de tres años"): "dos años desde la celebración" is a term.
      regex: new RegExp(String.raw`(?<![\p{L}\d])(?:de\s+)?(?<v>(?:\d{1,2}|(?<=(?<![\p{L}])de\s+)${NUM_WORDS})\s+años(?:\s+y\s+\d{1,2}\s+meses)?)(?![\p{L}])`, "giu"),
      score: 0.5,
      validate: (_v, c) => (c.hasContext ? 0.85 : undefined),
      excludeBefore: NOT_AGE_BEFORE,
      excludeAfter: NOT_AGE_AFTER,
    },
    {
      // The age at which something began or happened to a person: "consume desde los 14 años", "a los 9 años
      // vio…"; not a term ("a los 2 años de la separación") nor a rule for anyone ("hasta los 18 años").
      name: "age:at",
      regex: new RegExp(String.raw`(?<![\p{L}])(?:desde|a)\s+los\s+(?<v>\d{1,2}\s+años)(?![\p{L}])`, "giu"),
      score: 0.5,
      validate: (_v, c) => (c.hasContext ? 0.8 : undefined),
      excludeAfter: NOT_AGE_AFTER,
    },
    {
      name: "age:parenthesis",
      // "PÉREZ (34)": the word before the bracket is checked in the validator,
      // not by a lookbehind, which would rescan words at every position.
      regex: /\((?<v>\d{1,2})(?:\s+años)?\)/gu,
      score: 0.75,
      validate: (_v, c) => {
        const before = c.text.slice(Math.max(0, c.match.index - 40), c.match.index)
        return AFTER_NAME.test(before) && !NUMBER_IN_WORDS_BEFORE.test(before) && !GRADE_BEFORE.test(before) ? 0.75 : undefined
      },
    },
  ],
  context: { words: PERSON_CONTEXT, window: 60, boost: 0 },
})
