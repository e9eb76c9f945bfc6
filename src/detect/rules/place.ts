import type { Detector } from "../Detector.ts"
import { fold } from "../fold.ts"
import { patternDetector } from "../patternDetector.ts"

/**
 * Places that locate a person → LUGAR: after "domiciliado en", "oriundo de",
 * "vecino de", "nacido en", "reside en", "en el barrio de". The court's seat
 * and the country (Ciudad Autónoma de Buenos Aires, CABA, esta ciudad,
 * Argentina) are too coarse to identify anyone and stay visible.
 */
const W = String.raw`(?:(?:Gral|Pte|Sto|Sta|Cnel|Tte|Pto|Va)\.|\p{Lu}[\p{L}\p{M}'’]*)`
const PLACE = String.raw`${W}(?:\s+(?:(?:de|del|de\s+la|de\s+los|de\s+las)\s+)?${W}){0,4}`
const COARSE = new Set([
  "ciudad autonoma de buenos aires", "caba", "c.a.b.a.", "capital federal", "buenos aires", "esta ciudad", "ciudad de buenos aires",
  "argentina", "republica argentina", "la republica argentina", "ciudad autonoma", "ciudad",
])

const notCoarse = (v: string): number | undefined =>
  COARSE.has(fold(v).replace(/[,.]$/, "")) || /^(?:av|avda|avenida|calle|pasaje|pje)\b/.test(fold(v)) ? undefined : 0.8

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
  ],
})
