import type { Detector } from "../Detector.ts"
import { fold } from "../fold.ts"
import { CABA_BARRIOS, PROVINCES, SEAT_AND_COUNTRY } from "../lexicon/places.ts"
import { type MatchContext, patternDetector } from "../patternDetector.ts"

/**
 * Places that locate a person → LUGAR: after "domiciliado en", "oriundo de",
 * "vecino de", "nacido en", "reside en", "en el barrio de"; the barrio or
 * settlement right after an address ("Canalejas 440, 4° piso, dpto. 12
 * (Agronomía), CABA", "Manzana 120, Casa 60 de la Villa 21-24"); the province
 * after a birthplace ("nacido en Virginia, provincia de Santa Fe", "La Posta
 * (Córdoba)"); the school a child attends ("concurren a la Escuela Técnica N°
 * 26 D.E. 6"). The court's seat and the country (Ciudad Autónoma de Buenos
 * Aires, CABA, esta ciudad, Argentina) are too coarse to identify anyone and
 * stay visible.
 */
const W = String.raw`(?:(?:Gral|Pte|Sto|Sta|Cnel|Tte|Pto|Va)\.|\p{Lu}\.(?=\s+\p{Lu})|\p{Lu}[\p{L}\p{M}'’]*)`
const PLACE = String.raw`${W}(?:\s+(?:(?:de|del|de\s+la|de\s+los|de\s+las|y)\s+)?${W}){0,4}`
const COARSE = SEAT_AND_COUNTRY

const notCoarse = (v: string): number | undefined =>
  COARSE.has(fold(v).replace(/[,.]$/, "")) || /^(?:av|avda|avenida|calle|pasaje|pje)\b/.test(fold(v)) ? undefined : 0.8

const SETTLEMENT = String.raw`(?:Barrio|Villa|Asentamiento|N[úu]cleo\s+Habitacional(?:\s+Transitorio)?|NHT|Complejo\s+Habitacional)\s+(?:\d{1,3}(?:-\d{1,3}){0,3}(?:\s+bis)?\b|${PLACE})`
/** The end of an address: a door number, a floor mark, a quoted or single-letter unit, "PB". */
const ADDRESS_END = String.raw`(?<=\d|[°º"”'’»]|(?<![\p{L}])\p{Lu}|\bPB)`
const CITY_AFTER = /^\)?\s*,?\s*(?:de\s+esta\s+ciudad|CABA\b|C\.A\.B\.A\.|Ciudad\s+(?:Aut[óo]noma|de\s+Buenos\s+Aires)|Capital\s+Federal|\(?\s*C\.?P\.?A?\b)/u

/** An address must precede: a domicile word, a street type, a floor or a settlement unit. */
const ADDRESS_CUE = /(?:domicili|\bsit[oa]\b|\bcalle\b|\bAv(?:da)?\.|\bavenida\b|\bpasaje\b|\bmanzana\b|\bmza?\.|\bcasa\b|\bpiso\b|\bdpto\b|\bdepto\b|\bdepartamento\b|residencia|allanamiento|inmueble|vivienda|\breside|\bvive\b)/iu

const afterAddress = (v: string, c: MatchContext): number | undefined => {
  const f = fold(v)
  if (COARSE.has(f)) return undefined
  if (!ADDRESS_CUE.test(c.text.slice(Math.max(0, c.start - 90), c.start))) return undefined
  const lead = c.match[0].slice(0, c.match[0].length - v.length)
  if (/barrio/i.test(lead) || new RegExp(`^${SETTLEMENT}$`, "u").test(v)) return 0.85
  if (CABA_BARRIOS.has(f)) return 0.85
  // An unknown name between the address and the city: "Sinclair 4 (Flores), Ciudad Autónoma".
  return CITY_AFTER.test(c.text.slice(c.end, c.end + 30)) && !/^(?:Ley|Art|Juzgado|Fiscal|Comisar|CP|CPA)\b/iu.test(v) ? 0.8 : undefined
}

/**
 * The province after a birthplace. "Buenos Aires" is also the court's seat,
 * coarse and visible elsewhere, but after a town it names the province the
 * person was born in ("nacido en Lanús (Buenos Aires)"), as any other
 * province does; after a coarse birthplace ("Capital Federal, Buenos Aires")
 * it adds nothing.
 */
const birthProvince = (v: string, c: MatchContext): number | undefined => {
  const province = fold(v).replace(/^la\s+/, "")
  const named = Boolean(c.match.groups!["prov"]) || PROVINCES.has(province)
  if (!named) return undefined
  if (province === "buenos aires") return COARSE.has(fold(c.match.groups!["town"]!)) ? undefined : 0.8
  return COARSE.has(province) ? undefined : 0.8
}

const SCHOOL = String.raw`(?:Escuela|Colegio|Jard[íi]n|Instituto|Liceo|Centro\s+Educativo|E\.E\.M\.|EEM|EET|ENS|JIN)(?:\s+(?:(?:de|del|de\s+la|de\s+los|y)\s+)?(?:N\s?[°º]\s*\d{1,4}|Nro\.?\s*\d{1,4}|D\.\s?E\.\s*(?:N\s?[°º]\s*)?\d{1,2}|\d{1,4}|\p{Lu}[\p{L}\p{M}]*\.?(?![°º\p{L}])))*(?:\s+[“"«]\p{Lu}[^”"»\n]{1,40}[”"»])?`

export const place: Detector = patternDetector({
  name: "rules/place",
  labels: ["LUGAR"],
  patterns: [
    {
      name: "place:cue",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:domiciliad[oa]s?|con\s+domicilio(?:\s+real)?|residente|reside|resid[íi]a|vive|viv[íi]a|radicad[oa]|oriund[oa]s?|vecin[oa]s?|nacid[oa]s?(?:\s+el\s+[\d\p{L}/.\s]{4,30}?)?|naci[óo](?:\s+el\s+[\d\p{L}/.\s]{4,30}?)?|natural)\s+(?:en|de)\s+(?:(?:la\s+)?(?:localidad|ciudad|provincia|partido|villa|barrio)\s+(?:de\s+)?|el\s+barrio\s+(?:de\s+)?)?(?<v>${PLACE})(?!\s*(?:N\s?[°º]\s*)?\d)(?!\s+\p{Lu})`,
        "gu",
      ),
      score: 0.8,
      validate: notCoarse,
    },
    {
      name: "place:barrio",
      regex: new RegExp(String.raw`\b(?:en\s+el|del|el)\s+barrio\s+(?:de\s+)?(?<v>${PLACE})`, "gu"),
      score: 0.75,
      validate: notCoarse,
    },
    {
      name: "place:settlement",
      regex: new RegExp(String.raw`(?<![\p{L}])(?:en\s+el|en\s+la|del|de\s+la|el|la)\s+(?<v>${SETTLEMENT})`, "gu"),
      score: 0.85,
      validate: (v) => (COARSE.has(fold(v)) ? undefined : 0.85),
    },
    {
      name: "place:after-address",
      regex: new RegExp(
        String.raw`${ADDRESS_END}[ \t]*(?:,[ \t]*|\([ \t]*|[ \t])(?:(?:del|de\s+la|en\s+el|en\s+la|el|la)\s+)?(?:barrio\s+(?:de\s+)?)?(?<v>${SETTLEMENT}|${PLACE})(?=\s*[(),;.\n]|\s+(?:de\s+esta|CABA|C\.A\.B\.A)|$)`,
        "gu",
      ),
      score: 0.85,
      validate: afterAddress,
    },
    {
      name: "place:birth-province",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:nacid[oa]s?|naci[óo]|oriund[oa]s?|natural)(?:\s+el\s+[\d\p{L}/.\s]{4,40}?)?\s+(?:en|de)\s+(?:(?:la\s+)?(?:localidad|ciudad|partido)\s+(?:de\s+)?)?(?<town>${PLACE})\s*(?:,\s*|\(\s*)(?<prov>(?:la\s+)?provincia\s+(?:de\s+)?)?(?<v>${PLACE})`,
        "gu",
      ),
      score: 0.8,
      validate: birthProvince,
    },
    {
      name: "place:school",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:concurr(?:e|en|[íi]a|[íi]an)|asist(?:e|en|[íi]a|[íi]an)|cursa(?:n|ba|ban)?|escolarizad[oa]s?|alumn[oa]s?|inscript[oa]s?|matriculad[oa]s?)\s+(?:al|a|en|de|del)\s+(?:(?:la|el|los|las)\s+)?(?<v>${SCHOOL})`,
        "gu",
      ),
      score: 0.85,
    },
  ],
})
