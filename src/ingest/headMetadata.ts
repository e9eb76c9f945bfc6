import type { RulingMetadata } from "../domain/Document.ts"
import { collapseWhitespace } from "../normalise/whitespace.ts"

/**
 * Metadata a ruling states in its head: the court, the case numbers, the
 * date and the kind of decision. Only the first HEAD_LENGTH characters are
 * read, where Buenos Aires rulings put their caption; anything not found is
 * left out rather than guessed.
 */

export const HEAD_LENGTH = 3000

const MONTHS: Readonly<Record<string, number>> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7,
  agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
}

const NUMBER_SIGN = String.raw`(?:N\s*[°º]\.?|Nro\.?|N[uú]m\.?|n[uú]mero|No\.)`

// A court name: the head noun, then the rest of the line up to its number ("N° 10"),
// its chamber ("Sala II") or the end of the phrase.
const COURT = new RegExp(
  String.raw`\b(?:Juzgado|Tribunal|C[aá]mara|Corte\s+Suprema|Fiscal[ií]a|Defensor[ií]a)\b[^\n]*?(?:` +
    String.raw`${NUMBER_SIGN}\s*(?<!\d)\d{1,3}\b(?:\s*,?\s*Sala\s+[IVXL\d]+\b)?|Sala\s+[IVXL\d]+\b|(?=[\n.;]|\s+-\s+|$))`,
  "giu",
)
/** What makes a match a court's name and not a mention like "el Tribunal resuelve". */
const COURT_SHAPE = new RegExp(String.raw`\ben\s+lo\b|${NUMBER_SIGN}\s*\d|\bSala\b|\bApelaciones\b|\bSuperior\b|\bOral\b|\bSuprema\b|\bPrimera\s+Instancia\b|\bCiudad\b`, "iu")

const CASE_NUMBERS: readonly RegExp[] = [
  /\bCUIJ\s*(?:N\s*[°º]\.?\s*)?:?\s*([A-Z]{1,3}-\d{2}-\d{6,10}-\d(?:\/\d{4}(?:-\d+)?)?)/giu,
  /\b(IPP\s*(?:N\s*[°º]\.?\s*)?:?\s*\d[\d.]*\/\d{2,4})/giu,
  /\b((?:Expediente|Expte\.?|Causa|Actuaci[oó]n|Legajo|Incidente)\s*(?:N\s*[°ºo]\.?|Nro\.?|N[uú]m\.?)?\s*:?\s*\d[\d.]*(?:\/\d{2,4})?(?:-\d+)?)\b/giu,
]

const MONTH_NAMES = Object.keys(MONTHS).join("|")
// "12 de marzo de 2024", "1° de abril de 2023", "a los 12 días del mes de marzo del año 2024".
const LONG_DATE = new RegExp(
  String.raw`\b(\d{1,2})\s*(?:º|°)?\s+(?:d[ií]as?\s+del\s+mes\s+)?(?:de\s+)?(${MONTH_NAMES})\s+(?:de(?:l)?\s+)?(?:a[nñ]o\s+)?(\d{4})\b`,
  "giu",
)
const NUMERIC_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g
/** What precedes the ruling's own date on its place-and-date line. */
const PLACE_DATE_CUE = /(?:Buenos\s+Aires|C\.?A\.?B\.?A\.?|\bfecha)\b[^\n\d]{0,40}$/iu
/** Words right before a date that make it someone's date, not the ruling's. */
const PERSONAL_DATE_CUE = /(?:nacid[oa]|naci[oó]|nacimiento|fallecid[oa]|falleci[oó]|edad|domiciliad[oa])\b[^\n.]{0,30}$/iu

/**
 * The decision kinds, a small normalised vocabulary. Specific kinds are
 * looked for first; "resolución" and "auto" are generic words that also name
 * other rulings in passing, so they only count when nothing specific is found.
 */
const SPECIFIC_TYPES: readonly (readonly [string, RegExp])[] = [
  ["suspensión del juicio a prueba", /\bsuspensi[oó]n\s+del\s+(?:proceso|juicio)\s+a\s+prueba\b|\bprobation\b/giu],
  ["sobreseimiento", /\bsobresee\w*|\bsobreseimiento\b/giu],
  ["acta de audiencia", /\bacta\s*(?:[-–—:]|de(?:\s+la)?)\s*audiencia\b|\ba\s+fin\s+de\s+celebrar\s+la\s+audiencia\b/giu],
  // A title line "AUDIENCIA (art. 173 CPPCABA)": capitals matter here, so no i flag.
  ["acta de audiencia", /^AUDIENCIA\b/gmu],
  ["medida de protección", /\bmedidas?\s+(?:de\s+)?protecci[oó]n\b|\bmedidas?\s+preventivas?\b|\bprohibici[oó]n\s+de\s+acercamiento\b/giu],
  ["medida cautelar", /\bmedidas?\s+cautelar(?:es)?\b/giu],
  ["embargo", /\bembargo\b/giu],
  ["allanamiento", /\ballanamiento\b/giu],
  ["prisión preventiva", /\bprisi[oó]n\s+preventiva\b/giu],
  ["sentencia", /\bsentencia\b|\bveredicto\b|\bjuicio\s+abreviado\b|\baudiencia\s+de\s+debate\b|\bcondeno\b|\babsuelvo\b/giu],
]
const GENERIC_TYPES: readonly (readonly [string, RegExp])[] = [
  ["auto", /\bauto\s+(?:interlocutorio|de\s+procesamiento|de\s+elevaci[oó]n)\b|^\s*auto\b/gimu],
  ["resolución", /\bresoluci[oó]n\b|\bresuelv[oe]\b/giu],
]
/** Case titles in quotes ("... s/ incidente de medidas cautelares") name the case, not this ruling. */
const QUOTED_TITLE = /[“"«][^”"»\n]{0,300}[”"»]/gu
/** A title line: capitals only ("SENTENCIA", "ACTA – AUDIENCIA DE ..."). */
const TITLE_LINE = /^[^\p{Ll}\n]*\p{Lu}[^\p{Ll}\n]*\p{Lu}[^\p{Ll}\n]*$/gmu

/** The type whose first mention comes earliest in `text` (list order breaks ties). */
const earliestType = (text: string, types: readonly (readonly [string, RegExp])[]): string | undefined => {
  let best: { readonly type: string; readonly index: number } | undefined
  for (const [type, pattern] of types) {
    pattern.lastIndex = 0
    const match = pattern.exec(text)
    if (match !== null && (best === undefined || match.index < best.index)) best = { type, index: match.index }
  }
  return best?.type
}

const isValidDate = (year: number, month: number, day: number): boolean => {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const iso = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`

const isPersonal = (head: string, index: number): boolean => PERSONAL_DATE_CUE.test(head.slice(Math.max(0, index - 40), index))

interface DateCandidate {
  readonly index: number
  readonly iso: string
  readonly long: boolean
}

const dateCandidates = (head: string): readonly DateCandidate[] => {
  const candidates: DateCandidate[] = []
  for (const match of head.matchAll(LONG_DATE)) {
    const [, day, month, year] = match
    const monthNumber = MONTHS[(month ?? "").toLowerCase()] ?? 0
    if (isValidDate(Number(year), monthNumber, Number(day))) {
      candidates.push({ index: match.index, iso: iso(Number(year), monthNumber, Number(day)), long: true })
    }
  }
  for (const match of head.matchAll(NUMERIC_DATE)) {
    const [, day, month, year] = match
    if (isValidDate(Number(year), Number(month), Number(day))) {
      candidates.push({ index: match.index, iso: iso(Number(year), Number(month), Number(day)), long: false })
    }
  }
  return candidates.filter((candidate) => !isPersonal(head, candidate.index)).sort((a, b) => a.index - b.index)
}

/**
 * The ruling date: the date on the "Buenos Aires, 12 de marzo de 2024" line
 * if there is one, else the first long-form date, else the first dd/mm/yyyy.
 * Dates introduced as someone's birth (or death, or age) never count.
 */
const findDate = (head: string): string | undefined => {
  const candidates = dateCandidates(head)
  const placed = candidates.find((candidate) => PLACE_DATE_CUE.test(head.slice(Math.max(0, candidate.index - 60), candidate.index)))
  return (placed ?? candidates.find((candidate) => candidate.long) ?? candidates[0])?.iso
}

/** Words kept lower case inside a court's name. */
const MINOR_WORDS: ReadonlySet<string> = new Set(["de", "del", "en", "lo", "la", "las", "los", "el", "y", "e", "a"])

/**
 * "JUZGADO DE PRIMERA INSTANCIA EN LO PENAL ... N° 3" → "Juzgado de Primera
 * Instancia en lo Penal ... N° 3", so one court has one spelling in the
 * datasets whether the ruling printed its name in capitals or not.
 */
export const courtCase = (court: string): string => {
  if (/\p{Ll}/u.test(court)) return court
  return court
    .toLowerCase()
    .replace(/[\p{L}\p{N}°º.]+/gu, (word, offset: number) => {
      if (/^[ivxl]+$/.test(word) && offset > 0) return word.toUpperCase() // Sala II
      if (/^n[°º.]?$/.test(word)) return word.toUpperCase()
      if (offset > 0 && MINOR_WORDS.has(word)) return word
      return word.charAt(0).toUpperCase() + word.slice(1)
    })
}

const findCourt = (head: string): string | undefined => {
  for (const match of head.matchAll(COURT)) {
    const court = collapseWhitespace(match[0]).replace(/[\s,;:.-]+$/u, "")
    if (court.length >= 10 && court.length <= 200 && COURT_SHAPE.test(court)) return courtCase(court)
  }
  return undefined
}

const findCaseNumbers = (head: string): readonly string[] => {
  const found: { readonly index: number; readonly value: string }[] = []
  for (const pattern of CASE_NUMBERS) {
    for (const match of head.matchAll(pattern)) {
      const value = collapseWhitespace(match[1] ?? "")
      if (value.length > 0 && !found.some((other) => other.value === value)) found.push({ index: match.index, value })
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ value }) => value)
}

/** Title lines first (the ruling names itself there), then the earliest mention in the head. */
const findType = (head: string): string | undefined => {
  const text = head.replace(QUOTED_TITLE, " ")
  for (const [title] of text.matchAll(TITLE_LINE)) {
    const type = earliestType(title, SPECIFIC_TYPES) ?? earliestType(title, GENERIC_TYPES)
    if (type !== undefined) return type
  }
  return earliestType(text, SPECIFIC_TYPES) ?? earliestType(text, GENERIC_TYPES)
}

export const headMetadata = (text: string): RulingMetadata => {
  const head = text.slice(0, HEAD_LENGTH)
  const court = findCourt(head)
  const date = findDate(head)
  const type = findType(head)
  const caseNumbers = findCaseNumbers(head)
  return {
    ...(court !== undefined ? { court } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(caseNumbers.length > 0 ? { caseNumbers } : {}),
  }
}
