import { fold } from "../detect/fold.ts"

/**
 * A small keyword classifier over the anonymised text of a ruling: its
 * subject matter (`materia`) from the offences and articles it cites, and
 * its outcome (`resultado`) from the operative part. Values are published
 * data (Spanish, lower case); "" means not determined (an empty field).
 * Patterns run over folded text (no accents, lower case, single spaces).
 */
export interface ClassRule {
  readonly value: string
  readonly patterns: readonly RegExp[]
}

/** In order of precedence on ties. */
export const MATERIAS: readonly ClassRule[] = [
  {
    value: "violencia de género",
    patterns: [/\bviolencia de genero\b/g, /\bley (?:n[°º.o]* ?)?26\.?485\b/g, /\bviolencia domestica\b/g, /\bcontexto de violencia\b/g],
  },
  {
    value: "amenazas",
    patterns: [/\bamenaza(?:s|do|da|r|ron|ndo)?\b/g, /\b149 bis\b/g],
  },
  {
    value: "lesiones",
    patterns: [/\blesion(?:es)?\b/g, /\barts?\.? ?89\b/g, /\barticulo 89\b/g],
  },
  {
    value: "daños",
    patterns: [/\bdanos?\b/g, /\barts?\.? ?183\b/g, /\barticulo 183\b/g],
  },
  {
    value: "portación de armas",
    patterns: [/\bportacion (?:ilegal |ilegitima )?de (?:un )?armas?\b/g, /\btenencia (?:ilegal |ilegitima )?de (?:un )?armas?\b/g, /\b189 bis\b/g],
  },
  {
    value: "incumplimiento de deberes de asistencia familiar",
    patterns: [/\bincumplimiento de (?:los )?deberes de asistencia familiar\b/g, /\bley (?:n[°º.o]* ?)?13\.?944\b/g],
  },
  {
    value: "usurpación",
    patterns: [/\busurpacion\b/g, /\barts?\.? ?181\b/g],
  },
  {
    value: "resistencia o desobediencia a la autoridad",
    patterns: [/\bresistencia a la autoridad\b/g, /\bdesobediencia\b/g, /\barts?\.? ?(?:237|239)\b/g],
  },
  {
    value: "contravenciones",
    patterns: [/\bcontravencion(?:es|al)?\b/g, /\bcodigo contravencional\b/g, /\bley (?:n[°º.o]* ?)?1\.?472\b/g, /\bhostigamiento\b/g],
  },
]

/** Outcomes; the earliest match in the operative part wins. */
export const RESULTADOS: readonly ClassRule[] = [
  { value: "condena", patterns: [/\bcondena(?:r|ndo|ndolo|ndola)? a\b/g, /\bcondeno\b/g, /\bcondenar\b/g, /\bcondenando\b/g] },
  { value: "absolución", patterns: [/\babsolver\b/g, /\babsuelvo\b/g, /\babsolviendo\b/g, /\babsolucion\b/g] },
  { value: "sobreseimiento", patterns: [/\bsobrese(?:er|o|yendo|imiento)\b/g] },
  {
    value: "suspensión del juicio a prueba",
    patterns: [/\bsuspen(?:der|sion|diendo)(?: del?)? (?:el )?(?:juicio|proceso) a prueba\b/g, /\bprobation\b/g],
  },
  { value: "archivo", patterns: [/\barchiv(?:ar|ese|o) (?:de )?(?:las|la|el|los|estas|presentes) (?:actuaciones|causa|legajo|presentes)\b/g, /\bdisponer el archivo\b/g] },
  {
    value: "medida de protección",
    patterns: [/\bmedidas? (?:cautelares? )?de proteccion\b/g, /\bprohibicion de acercamiento\b/g, /\bprohibicion de contacto\b/g, /\bexclusion del hogar\b/g],
  },
  { value: "embargo", patterns: [/\bembarg(?:o|ar|ando)\b/g] },
]

/** Where the operative part begins: the last of these cues in the text. */
const OPERATIVE = /\b(?:resuelvo|resuelve|se resuelve|el tribunal resuelve|fallo:?|por ello|por todo lo expuesto)\b/g

/** Replacement tags (`[PERSONA 1]`) are not evidence of anything. */
const prepare = (text: string): string => fold(text.replace(/\[[^[\]\n]{1,80}\]/gu, " "))

const countMatches = (text: string, rule: ClassRule): number =>
  rule.patterns.reduce((sum, pattern) => sum + (text.match(pattern)?.length ?? 0), 0)

/**
 * Articles of the Código Penal (and laws) that name a subject matter. A
 * citation says what the case is about more reliably than words that also
 * appear in the court's own name ("Juzgado ... Penal, Contravencional y de
 * Faltas") or in the narrative of other facts.
 */
const PENAL_ARTICLES: readonly { readonly value: string; readonly articles: readonly string[] }[] = [
  { value: "lesiones", articles: ["89", "90", "91", "92", "93", "94", "94 bis"] },
  { value: "amenazas", articles: ["149 bis", "149 ter"] },
  { value: "daños", articles: ["183", "184"] },
  { value: "usurpación", articles: ["181"] },
  { value: "portación de armas", articles: ["189 bis"] },
  { value: "resistencia o desobediencia a la autoridad", articles: ["237", "238", "239"] },
]

const LAWS: readonly { readonly value: string; readonly law: RegExp }[] = [
  { value: "violencia de género", law: /\bley (?:n[°º.o]* ?)?26\.?485\b/g },
  { value: "incumplimiento de deberes de asistencia familiar", law: /\bley (?:n[°º.o]* ?)?13\.?944\b/g },
  { value: "contravenciones", law: /\bley (?:n[°º.o]* ?)?1\.?472\b/g },
]

/** "art. 89", "arts. 89 y 92", "artículo 149 bis", "art. 183, 184": the list of numbers and the words after it. */
const CITATION = /\b(?:arts?\.?|articulos?) ?((?:\d+(?: (?:bis|ter))?(?:,? (?:y|e) | ?, ?)?)+)(?=(.{0,50}))/g

/** Articles of another code or law (procedural, contraventional, a law) do not name an offence of the Código Penal. */
const OTHER_CODE = /^,? ?(?:(?:del|de la|de) )?(?:codigo procesal|cpp|c\.p\.p|codigo contravencional|cc\b|ley|constitucion|reglamento|decreto)/

/** Votes per subject matter from article and law citations. */
const citationVotes = (text: string): Map<string, number> => {
  const votes = new Map<string, number>()
  const vote = (value: string) => votes.set(value, (votes.get(value) ?? 0) + 1)
  for (const match of text.matchAll(CITATION)) {
    const after = match[2] ?? ""
    if (OTHER_CODE.test(after)) {
      if (/^[^.;]*?(?:contravencional|ley (?:n[°º.o]* ?)?1\.?472\b)/.test(after)) vote("contravenciones")
      continue
    }
    for (const article of match[1]!.match(/\d+(?: (?:bis|ter))?/g) ?? []) {
      const rule = PENAL_ARTICLES.find((candidate) => candidate.articles.includes(article))
      if (rule) vote(rule.value)
    }
  }
  for (const { value, law } of LAWS) for (const _ of text.matchAll(law)) vote(value)
  return votes
}

/** The fuero's own name mentions "contravencional": it says nothing about the case. */
const FUERO = /\bpenal,? contravencional y de faltas\b/g

/**
 * The subject matter (`prepared`: the text as `prepare` leaves it): from the articles and laws cited when there are any
 * (most cited; ties: order of `MATERIAS`), else from keywords (most hits);
 * "" when none.
 */
const materiaIn = (prepared: string): string => {
  const text = prepared.replace(FUERO, " ")
  const votes = citationVotes(text)
  const byCitation = MATERIAS.reduce<{ value: string; count: number }>(
    (best, rule) => ((votes.get(rule.value) ?? 0) > best.count ? { value: rule.value, count: votes.get(rule.value)! } : best),
    { value: "", count: 0 },
  )
  if (byCitation.count > 0) return byCitation.value
  let best = ""
  let bestCount = 0
  for (const rule of MATERIAS) {
    const count = countMatches(text, rule)
    if (count > bestCount) [best, bestCount] = [rule.value, count]
  }
  return best
}

/** The outcome first stated in the operative part (or the whole text when there is none); "" when none. */
const resultadoIn = (text: string): string => {
  const cues = [...text.matchAll(OPERATIVE)]
  const last = cues[cues.length - 1]
  const operative = last === undefined ? text : text.slice(last.index)
  let best = ""
  let bestAt = Number.POSITIVE_INFINITY
  for (const rule of RESULTADOS) {
    for (const pattern of rule.patterns) {
      const at = operative.search(new RegExp(pattern.source, "u"))
      if (at >= 0 && at < bestAt) [best, bestAt] = [rule.value, at]
    }
  }
  return best
}

/** A ruling's subject matter and outcome; its text is folded once (on a long ruling, folding costs as much as both). */
export const classifyRuling = (publicText: string): { readonly materia: string; readonly resultado: string } => {
  const prepared = prepare(publicText)
  return { materia: materiaIn(prepared), resultado: resultadoIn(prepared) }
}
