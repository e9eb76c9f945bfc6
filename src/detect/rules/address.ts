import type { Span } from "../../domain/Span.ts"
import type { Detector } from "../Detector.ts"
import { fold } from "../fold.ts"
import { CABA_STREETS } from "../lexicon/streets.ts"
import { runPatterns } from "../patternDetector.ts"

/**
 * Addresses → DIRECCION: street + door number after a street type or a
 * domicile cue, a known CABA street followed by a door number, floor and
 * apartment ("piso PB", "2° \"4\""), door numbers with a thousands dot
 * ("Rodríguez Peña 2.166"), CPA postal codes, intersections ("a la altura de
 * Av. Garay y Medrano"), "Barrio/Villa ... Manzana ... Casa ...", lower case
 * "manzana 43, casa 24". A numbered institution (Escuela N° 26) is not a street. A street name inside a cited law or an institution name without
 * door number is not an address.
 */
const W = String.raw`(?:(?:Gral|Av|Avda|Pte|Dr|Cnel|Tte|Gdor|Int|Ing|Pje|Sto|Sta|Fray|Cmte|Alte|Cap|Pres)\.|\p{Lu}[\p{L}\p{M}'’]*|\p{Lu}\.|\d{1,2}\s+de\s+\p{Lu}\p{Ll}+)`
const WORDS = String.raw`${W}(?:\s+(?:(?:de|del|de\s+la|de\s+los|y|la|las|los|el)\s+)?${W}){0,5}`
const NUMBER = String.raw`(?:N\s?[°º]\s*|n(?:ú|u)mero\s+|nro\.?\s*|al\s+)?(?:\d{1,2}\.\d{3}|\d{1,5})(?:\s?bis)?(?![\d/]|[.,\-]\d)`
/** A building of a block before the floor: "Torre 2, piso 4°", "Monoblock 4, piso 2". */
const BUILDING = String.raw`(?:\s*,?\s*(?:[Tt]orre|TORRE|[Mm]onoblock|MONOBLOCK|[Bb]lock|BLOCK|[Ee]dificio|EDIFICIO|[Cc]uerpo|[Ee]scalera)\s+[A-Z\d]{1,3}(?![\p{L}\d]))?`
const FLOOR = String.raw`(?:${BUILDING}\s*,?\s*(?:(?:piso|P\.)\s*(?:\d{1,2}\s*[°º]?|PB)|PB(?:\s+piso)?|planta\s+baja|\d{1,2}\s*[°º]\s*(?:piso)?)(?:\s*,?\s*(?:(?:dpto|depto|dto|departamento|unidad|UF|oficina|of)\.?\s*)?["'“”«»‘’]?[A-Z\d]{1,3}["'“”«»‘’]?(?![\p{L}\d]))?)?`
const TYPE = String.raw`(?:Av(?:da)?\.|[Aa]venida|AVENIDA|[Cc]alle|CALLE|[Pp]asaje|Pje\.|[Bb]oulevard|Bv\.|Blvd\.|[Dd]iagonal|Diag\.|[Aa]utopista|[Rr]uta(?:\s+[Nn]acional|\s+[Pp]rovincial)?|[Cc]amino)`
/** A street whose name opens with a particle: "avenida del Libertador", "calle de la Fuente". */
const LEAD = String.raw`(?:(?:del|de\s+la|de\s+las|de\s+los)\s+)?`
const DOMICILE = String.raw`(?:domiciliad[oa]s?|(?:allanamiento|registro\s+domiciliario|procedimiento)\s+(?:practicado|realizado|efectuado|llevado\s+a\s+cabo)|fij(?:ar|e|a|ó)\s+(?:su\s+)?(?:residencia|domicilio)|con\s+domicilio(?:\s+(?:real|legal|constituido|particular))?|domicilio(?:\s+(?:real|legal|particular))?(?:\s+sit[oa])?|sit[oa]s?|ubicad[oa]s?|vive|viv[íi]a|reside|resid[íi]a|residente|radicad[oa]|habita|domicilio\s+de|inmueble\s+de|vivienda\s+de|finca\s+de|departamento\s+de)`

const isStreet = (name: string): boolean => {
  const f = fold(name)
  if (CABA_STREETS.has(f)) return true
  // Accept suffixes: "la calle Avenida Rivadavia" → "rivadavia".
  const parts = f.split(" ")
  for (let i = 1; i < parts.length; i++) if (CABA_STREETS.has(parts.slice(i).join(" "))) return true
  return false
}

/** A numbered institution is not a street: "Escuela Técnica N° 26", "Comisaría Vecinal 4", "Juzgado N° 10". */
const INSTITUTION = /^(?:Escuela|Colegio|Jard[íi]n|Instituto|Liceo|Juzgado|Fiscal[íi]a|Defensor[íi]a|Comisar[íi]a|Secretar[íi]a|Sala|Tribunal|Unidad|Hospital|Sanatorio|Cl[íi]nica|Centro|Programa|Oficina|Divisi[óo]n|Departamento|Direcci[óo]n|Seccional|Cuerpo|Equipo)\b/iu

const NOT_BEFORE = { words: /(?:\bley|\barts?\.?|\bart[íi]culo|\bdecreto|\bN[°º]|\$)\s*$/i, window: 12 }

const PATTERNS = {
  name: "rules/address",
  labels: ["DIRECCION" as const],
  patterns: [
    {
      name: "street-type",
      regex: new RegExp(String.raw`(?<![\p{L}])(?<v>${TYPE}\s+${LEAD}${WORDS}\s+${NUMBER}${FLOOR})`, "gu"),
      score: 0.9,
    },
    {
      name: "domicile-cue",
      regex: new RegExp(
        String.raw`(?<![\p{L}])${DOMICILE}\s+(?:en\s+)?(?:(?:la|el)\s+)?(?:(?:calle|avenida|pasaje|inmueble\s+de|finca\s+de)\s+)?(?<v>${LEAD}${WORDS}\s+${NUMBER}${FLOOR})`,
        "gu",
      ),
      score: 0.9,
    },
    {
      name: "known-street",
      regex: new RegExp(String.raw`(?<![\p{L}])(?<v>(?<street>${WORDS})\s+${NUMBER}${FLOOR})`, "gu"),
      score: 0.8,
      validate: (_v: string, c: { match: RegExpExecArray }) => {
        const street = c.match.groups!["street"]!
        return isStreet(street) && !/\b(?:ley|decreto|art[íi]culo|resoluci[óo]n|acordada|fallos?)\b/i.test(street) && !INSTITUTION.test(street) ? 0.8 : undefined
      },
      excludeBefore: NOT_BEFORE,
    },
    {
      name: "cpa",
      regex: /(?<![\p{L}\d])(?<v>[A-HJ-NP-Z]\d{4}[A-Z]{3})(?![\p{L}\d])/gu,
      score: 0.9,
    },
    {
      name: "postal-code",
      regex: /\bc[óo]digo\s+postal\s*(?:N\s?[°º]\s*)?:?\s*(?<v>\d{4})\b/giu,
      score: 0.8,
    },
    {
      name: "intersection",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:intersecci[óo]n\s+(?:de\s+)?(?:las\s+)?|esquina\s+(?:de\s+)?(?:las\s+)?|cruce\s+de\s+(?:las\s+)?|entre\s+las\s+|a\s+la\s+altura\s+de\s+(?:las\s+)?|en\s+las\s+calles\s+)(?:(?:calles|avenidas|arterias)\s+)?(?<v>(?:${TYPE}\s+)?${WORDS}\s+(?:y|e)\s+(?:${TYPE}\s+)?${WORDS})`,
        "gu",
      ),
      score: 0.85,
    },
    {
      // A vehicle or a person moving along two streets: "conducía el Fiat dominio AB123CD por Necochea y Oporto".
      name: "intersection:route",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:conduc[íi]a|condujo|circulaba|circul[óo]|transitaba|transit[óo]|caminaba|camin[óo]|se\s+desplazaba|hu[íi]a|corr[íi]a)\b[^.;\n]{0,60}?\bpor\s+(?:la\s+|las\s+)?(?:(?:calles|avenidas|arterias|calle|avenida)\s+)?(?<v>(?:${TYPE}\s+)?${WORDS}\s+(?:y|e)\s+(?:${TYPE}\s+)?${WORDS})`,
        "gu",
      ),
      score: 0.85,
    },
    {
      name: "settlement",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?<v>(?:(?:Barrio|B[°º]|Villa|Asentamiento|Complejo(?:\s+Habitacional)?|Torre|Edificio)\s+[\p{L}\d\-.° ]{1,40}?,?\s+)?(?:Manzana|Mz(?:a)?\.|MZ)\s*["'“]?[\p{L}\d]{1,4}["'”]?(?:\s*,?\s*(?:Casa|Lote|Torre|Tira|Block|Edificio|Piso|Departamento|Depto\.|Dpto\.|C\.|L\.)\s*["'“]?[\p{L}\d]{1,4}["'”]?)*)`,
        "gu",
      ),
      score: 0.85,
    },
    {
      // Lower case "manzana 43, casa 24": needs the house/lot so that a plain "manzana" is not an address.
      name: "settlement:lower",
      regex: /(?<![\p{L}])(?<v>(?:manzana|mza\.|mz\.)\s*["'“]?[\p{L}\d]{1,4}["'”]?\s*,?\s*(?:casa|lote|tira|block|monoblock)\s*["'“]?[\p{L}\d]{1,4}["'”]?)(?![\p{L}\d])/gu,
      score: 0.85,
      validate: (v: string) => (/\d/.test(v) ? 0.85 : undefined),
    },
  ],
  excludeAfter: /^\s*(?:\/\d|a[ñn]os|pesos|d[íi]as|del\s+C[óo]digo|de\s+la\s+ley)/i,
}

export const address: Detector = {
  name: "rules/address",
  labels: ["DIRECCION"],
  detect: (text): Span[] => runPatterns(PATTERNS, text),
}
