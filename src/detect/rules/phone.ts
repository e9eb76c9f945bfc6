import { patternDetector } from "../patternDetector.ts"

/**
 * Argentine phone numbers: +54 9 11 1234-5678, 0054..., (011) 4567-8901,
 * 011 15 1234-5678, 15-1234-5678, 4567-8901 (a landline needs its dash or a
 * cue), bare digit runs only after a cue ("teléfono", "celular", "abonado"),
 * and, after a cue, any country's number written in groups ("Tel.: 913 368 000").
 * Never after "art.", "ley", "$", "causa", "expte.", "N°" (unless the number
 * sign follows a phone cue: "abonado nº 11-5823-4471"), and never a year
 * range ("2022-2023") or a case number ("1234/2023").
 */
const CUE = /(?:tel[ée]fono|\btel\.|\btfno\.?|\bfax\b|\btel[ée]f\.|celular|\bcel\.|m[óo]vil|l[íi]nea|abonado|whats\s?app|\bwsp|\bwpp|n[úu]mero\s+de\s+contacto|llamad[oa]s?\s+(?:al|desde|del)|comunic[óo]\s+al|contactad[oa]s?\s+al|contacto)/i

const NOT_BEFORE = {
  words: /(?:\$|\bU\$S|\bpesos|\bsuma|\bley|\barts?\.?|\bart[íi]culos?|\binc\.?|\bexpte?\.?|\bexpediente|\bcausa|\bIPP|\bCUIJ|\bfallos|(?<!(?:abonado|tel[ée]fono|celular|m[óo]vil|l[íi]nea|\bfax|\btel\.)\s{0,3})(?:\bN[°º]|\bnro\.?)|\bdecreto|\bresoluci[óo]n|\bDNI|D\.N\.I\.|documento|\bCUI[TL]|\bCBU|\bcuenta|\bfs\.|\bfojas?|\bp[áa]gs?\.|\bpunto)[\s:.N°º]*$/i,
  window: 20,
}
const NOT_AFTER = /^(?:\/\d|[.,]\d|\s*(?:pesos|de\s+pesos|d[óo]lares))/i

const isDate = (v: string): boolean => /^\d{1,2}[\s.-]\d{1,2}[\s.-](?:19|20)\d\d$/.test(v.trim())
const isYearRange = (v: string): boolean => /^(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d$/.test(v.trim())

export const phone = patternDetector({
  name: "rules/phone",
  labels: ["TELEFONO"],
  patterns: [
    {
      name: "phone:international",
      regex: /(?<![\d\p{L}])(?<v>(?:\+|00)\s?54[\s-]?(?:9[\s-]?)?\(?\d{2,4}\)?[\s-]?(?:15[\s-]?)?\d{3,4}[\s-]?\d{4})(?!\d)/gu,
      score: 0.95,
    },
    {
      name: "phone:area-code",
      // The area code may end a line of a PDF: "(011)↵↵15-3360-4941".
      regex: /(?<![\d\p{L}/.])(?<v>\(?0\d{2,4}\)?(?:[\s-]|\s{2,3})?(?:15[\s-]?)?\d{3,4}[\s-]?\d{4})(?![\d/]|[.,]\d)/gu,
      score: 0.75,
      validate: (v) => {
        const n = v.replace(/\D/g, "").length
        return n >= 10 && n <= 13 ? 0.8 : undefined
      },
      excludeBefore: NOT_BEFORE,
      excludeAfter: NOT_AFTER,
    },
    {
      // CABA/GBA mobile or landline with the area code but no trunk zero: "11 5432-1098", "(11) 5432-1098", "221 456-7890".
      name: "phone:area-no-zero",
      regex: /(?<![\d\p{L}/.,(])(?<v>(?:\((?:11|2\d{2}|3\d{2})\)\s?|(?:11|2\d{2}|3\d{2})[\s-])(?:15[\s-]?)?\d{3,4}[\s-]\d{4})(?![\d/]|[.,]\d)/gu,
      score: 0.75,
      validate: (v, c) => (v.replace(/\D/g, "").length === 10 || v.replace(/\D/g, "").length === 12 ? (c.hasContext ? 0.9 : 0.75) : undefined),
      excludeBefore: NOT_BEFORE,
      excludeAfter: NOT_AFTER,
    },
    {
      name: "phone:mobile-15",
      regex: /(?<![\d\p{L}/.])(?<v>15[\s-]?\d{4}[\s-]?\d{4})(?![\d/]|[.,]\d)/gu,
      score: 0.75,
      excludeBefore: NOT_BEFORE,
      excludeAfter: NOT_AFTER,
    },
    {
      name: "phone:landline",
      regex: /(?<![\d\p{L}/.,\-])(?<v>[2-7]\d{3}[-–]\d{4})(?![\d/]|[.,\-]\d)/gu,
      score: 0.6,
      validate: (v, c) => (isYearRange(v) || (!c.hasContext && /[-–](?:19|20)\d\d$/.test(v)) ? undefined : c.hasContext ? 0.9 : 0.6),
      excludeBefore: NOT_BEFORE,
      excludeAfter: NOT_AFTER,
    },
    {
      // Any country's number written in groups, after a cue: "Tel.: 913 368 000", "móvil 633 349 565", "+34 987 23 73 92".
      name: "phone:grouped-with-cue",
      regex: /(?<![\d\p{L}/.,])(?<v>(?:\+\d{1,3}[\s.-]?)?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){2,4})(?![\d/]|[.,]\d)/gu,
      score: 0.3,
      validate: (v, c) => {
        const n = v.replace(/\D/g, "").length
        return c.hasContext && n >= 8 && n <= 13 && !isYearRange(v) && !isDate(v) ? 0.85 : undefined
      },
      excludeBefore: NOT_BEFORE,
      excludeAfter: NOT_AFTER,
    },
    {
      name: "phone:bare-with-cue",
      regex: /(?<![\d\p{L}/.,])(?<v>(?:11|15)?\d{8}|\d{10})(?![\d/]|[.,]\d)/gu,
      score: 0.3,
      validate: (_v, c) => (c.hasContext ? 0.85 : undefined),
      excludeBefore: NOT_BEFORE,
      excludeAfter: NOT_AFTER,
    },
  ],
  context: { words: CUE, window: 50, boost: 0.1 },
})
