/**
 * Full-text search over the anonymised texts without DuckDB's FTS extension:
 * Spanish tokens (accent- and case-insensitive, stop words out, a light
 * plural stemmer) ranked with Okapi BM25 (k1 = 1.2, b = 0.75). Replacement
 * tags such as `[PERSONA 1]` are not indexed.
 */
const STOP_WORDS = new Set(
  (
    "a al algo algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aqui asi aun cada como con " +
    "contra cual cuales cuando de del desde donde dos e el ella ellas ello ellos en entre era eran es esa esas ese eso esos " +
    "esta estaba estado estan estar este esto estos fue fueron ha habia han hasta hay la las le les lo los mas me mi mis " +
    "mismo muy ni no nos o os otra otras otro otros para pero poco por porque que quien quienes se segun ser si sido sin " +
    "sobre su sus tal tambien tan tanto te tiene tienen todo todos tras tu u un una unas uno unos ya y fs art arts inc"
  ).split(" "),
)

const TAG = /\[[^[\]\n]{1,80}\]/gu

/** Light Spanish stemming: plural endings only, so "lesiones" = "lesion", "amenazas" = "amenaza". */
export const stem = (token: string): string => {
  if (token.length > 5 && token.endsWith("es") && !/[aeiou]es$/u.test(token)) return token.slice(0, -2)
  if (token.length > 3 && token.endsWith("s")) return token.slice(0, -1)
  return token
}

export const tokenize = (text: string): string[] =>
  text.replace(TAG, " ").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 1 && !STOP_WORDS.has(token))
    .map(stem)

export interface SearchHit {
  readonly id: string
  /** BM25 score, rounded to 4 decimals. */
  readonly puntaje: number
  /** A stretch of the anonymised text around the first matching term. */
  readonly fragmento: string
}

interface IndexedText {
  readonly id: string
  readonly text: string
  readonly length: number
  readonly frequencies: ReadonlyMap<string, number>
}

export interface TextIndex {
  readonly size: number
  readonly search: (query: string, limit?: number) => SearchHit[]
}

const K1 = 1.2
const B = 0.75

/**
 * A fragment of `text` centred on the matching words: of the windows around
 * each word that stems to one of `terms`, the one holding most distinct
 * terms (the first on ties), cut at word boundaries.
 */
export const fragmentOf = (text: string, terms: ReadonlySet<string>, radius = 45): string => {
  const matches: { readonly start: number; readonly end: number; readonly term: string }[] = []
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const term = stem(match[0].normalize("NFD").replace(/\p{M}/gu, "").toLowerCase())
    if (terms.has(term)) matches.push({ start: match.index, end: match.index + match[0].length, term })
  }
  if (matches.length === 0) return text.slice(0, radius * 2).replace(/\s+/gu, " ").trim()
  let best = { start: 0, end: 0, distinct: 0 }
  for (const match of matches) {
    const centre = Math.round((match.start + match.end) / 2)
    const start = Math.max(0, centre - radius)
    const end = Math.min(text.length, centre + radius)
    const distinct = new Set(matches.filter((other) => other.start >= start && other.end <= end).map((other) => other.term)).size
    if (distinct > best.distinct) best = { start, end, distinct }
  }
  // Widen to whole words so no word is cut in half.
  let { start, end } = best
  while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) start--
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) end++
  return (start > 0 ? "…" : "") + text.slice(start, end).replace(/\s+/gu, " ").trim() + (end < text.length ? "…" : "")
}

export const buildTextIndex = (texts: readonly { readonly id: string; readonly text: string }[]): TextIndex => {
  const documents: IndexedText[] = texts.map(({ id, text }) => {
    const tokens = tokenize(text)
    const frequencies = new Map<string, number>()
    for (const token of tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + 1)
    return { id, text, length: tokens.length, frequencies }
  })
  const documentFrequency = new Map<string, number>()
  for (const document of documents) {
    for (const token of document.frequencies.keys()) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1)
  }
  const averageLength = documents.reduce((sum, document) => sum + document.length, 0) / Math.max(1, documents.length)
  const n = documents.length

  return {
    size: n,
    search: (query, limit = 10) => {
      const terms = new Set(tokenize(query))
      if (terms.size === 0) return []
      const hits: SearchHit[] = []
      for (const document of documents) {
        let score = 0
        for (const term of terms) {
          const tf = document.frequencies.get(term) ?? 0
          if (tf === 0) continue
          const df = documentFrequency.get(term) ?? 0
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
          score += idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * document.length / (averageLength || 1)))
        }
        if (score > 0) hits.push({ id: document.id, puntaje: Math.round(score * 10_000) / 10_000, fragmento: "" })
      }
      hits.sort((a, b) => b.puntaje - a.puntaje || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      const byId = new Map(documents.map((document) => [document.id, document]))
      return hits.slice(0, Math.max(0, limit)).map((hit) => ({ ...hit, fragmento: fragmentOf(byId.get(hit.id)!.text, terms) }))
    },
  }
}
