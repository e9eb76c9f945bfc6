/**
 * Page furniture: what a paginated layout repeats on every page (running
 * headers and footers, page numbers, the "-- 1 of 3 --" markers pdf-parse
 * adds). It is removed from the body so it does not cut paragraphs in two,
 * but running headers and footers often carry names (parties, the judge, the
 * case title), so one copy of each is returned to be analysed as a part.
 */

const PAGE_MARKERS: readonly RegExp[] = [
  /^-+\s*\d+\s+(?:of|de)\s+\d+\s*-+$/i, // pdf-parse: "-- 1 of 3 --"
  /^(?:p[aá]g(?:ina)?\.?|p\.|page)\s*\d+(?:\s*(?:de|of|\/)\s*\d+)?$/i, // "Página 2 de 5", "Pág. 3"
  /^\d+\s*(?:de|of|\/)\s*\d+$/i, // "2 de 5", "2/5"
  /^[-–—]?\s*\d{1,3}\s*[-–—]?$/, // a lone page number, "- 3 -" (not a year on its own)
]

export const isPageMarker = (line: string): boolean => {
  const trimmed = line.trim()
  return trimmed.length > 0 && trimmed.length <= 24 && PAGE_MARKERS.some((pattern) => pattern.test(trimmed))
}

/** Lines that differ only in digits (page numbers, dates) are the same furniture. */
const furnitureKey = (line: string): string => line.trim().replace(/\d+/g, "#").replace(/\s+/g, " ").toLowerCase()

export interface PagesWithoutFurniture {
  readonly pages: readonly (readonly string[])[]
  /** One copy of each running header line, in page order. */
  readonly header: readonly string[]
  readonly footer: readonly string[]
}

/**
 * Edits allowed between two furniture lines that are the same line misread:
 * OCR reads a running header a little differently on each page ("Aguirre",
 * "Aguine"). Short lines must match exactly; a long one may differ in one
 * character in twelve. Text layers repeat their furniture exactly, so this
 * changes nothing for them.
 */
const allowedEdits = (length: number): number => (length < 24 ? 0 : Math.floor(length / 12))

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
const editDistance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      current.push(value)
      if (value < best) best = value
    }
    if (best > limit) return limit + 1
    previous = current
  }
  return previous[b.length] ?? limit + 1
}

/** Characters of a line counted in 64 buckets (by code modulo 64). */
const histogram = (line: string): Int16Array => {
  const counts = new Int16Array(64)
  for (let i = 0; i < line.length; i++) counts[line.charCodeAt(i) & 63]!++
  return counts
}

/**
 * A lower bound of the edit distance of two lines from their histograms:
 * each edit changes at most one character more on one side than the other.
 */
const bagDistance = (a: Int16Array, b: Int16Array): number => {
  let more = 0
  let less = 0
  for (let i = 0; i < 64; i++) {
    const d = a[i]! - b[i]!
    if (d > 0) more += d
    else less -= d
  }
  return Math.max(more, less)
}

/**
 * Furniture keys in the order first seen. `find` answers the first of them
 * that is `key` or the same line misread: only keys of a length within the
 * edits allowed are compared (a running header is compared with the lines of
 * its length, not with every edge line of every page, and only when the
 * characters they hold allow it: `bagDistance`). A key is only added
 * when none before it matches it, so when `key` itself is there no earlier
 * one matches it and it is the answer.
 */
class KeyIndex {
  readonly #order = new Map<string, number>()
  readonly #byLength = new Map<number, string[]>()
  readonly #histograms = new Map<string, Int16Array>()

  constructor(keys: Iterable<string> = []) {
    for (const key of keys) this.add(key)
  }

  add(key: string): void {
    if (this.#order.has(key)) return
    this.#order.set(key, this.#order.size)
    this.#histograms.set(key, histogram(key))
    const same = this.#byLength.get(key.length)
    if (same) same.push(key)
    else this.#byLength.set(key.length, [key])
  }

  find(key: string): string | undefined {
    if (this.#order.has(key)) return key
    const reach = allowedEdits(key.length)
    if (reach === 0) return undefined
    const counts = histogram(key)
    let found: string | undefined
    let foundAt = Infinity
    for (let length = key.length - reach; length <= key.length + reach; length++) {
      for (const candidate of this.#byLength.get(length) ?? []) {
        const at = this.#order.get(candidate)!
        if (at >= foundAt) break
        const limit = allowedEdits(Math.min(candidate.length, key.length))
        if (limit > 0 && bagDistance(this.#histograms.get(candidate)!, counts) <= limit && editDistance(candidate, key, limit) <= limit) {
          found = candidate
          foundAt = at
          break
        }
      }
    }
    return found
  }
}

interface FurnitureKeys {
  /** The repeated line `key` stands for, if it is one. */
  readonly find: (key: string) => string | undefined
}

/** How many lines from each edge of a page may be a running header or footer. */
const EDGE_LINES = 3

const isBlank = (line: string): boolean => line.trim().length === 0

/**
 * Drops page markers everywhere and running headers/footers: lines found in
 * the top (or bottom) EDGE_LINES non-blank lines of at least 60 % of the pages
 * (and of two pages at least). Needs two pages or more to tell anything.
 */
export const stripPageFurniture = (pages: readonly (readonly string[])[]): PagesWithoutFurniture => {
  const cleaned = pages.map((lines) => lines.filter((line) => !isPageMarker(line)))
  if (cleaned.length < 2) return { pages: cleaned, header: [], footer: [] }

  const threshold = Math.max(2, Math.ceil(cleaned.length * 0.6))
  const edge = (lines: readonly string[], fromTop: boolean): readonly string[] => {
    const content = lines.filter((line) => !isBlank(line))
    return fromTop ? content.slice(0, EDGE_LINES) : content.slice(-EDGE_LINES)
  }
  const repeatedKeys = (fromTop: boolean): FurnitureKeys => {
    const counts = new Map<string, number>()
    const seen = new KeyIndex()
    for (const lines of cleaned) {
      const keys = new Set(edge(lines, fromTop).map(furnitureKey).map((key) => seen.find(key) ?? key))
      for (const key of keys) {
        seen.add(key)
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    }
    const repeated = new KeyIndex([...counts].filter(([key, count]) => count >= threshold && key.length > 0).map(([key]) => key))
    return { find: (key) => repeated.find(key) }
  }
  const headerKeys = repeatedKeys(true)
  const footerKeys = repeatedKeys(false)

  const header = new Map<string, string>()
  const footer = new Map<string, string>()
  const stripped = cleaned.map((lines) => {
    let start = 0
    let end = lines.length
    // Peel from the top while lines are blank or running-header lines.
    for (let seen = 0; start < end && seen <= EDGE_LINES; start++) {
      const line = lines[start] ?? ""
      if (isBlank(line)) continue
      const key = headerKeys.find(furnitureKey(line))
      if (key === undefined) break
      if (!header.has(key)) header.set(key, line.trim())
      seen++
    }
    for (let seen = 0; end > start && seen <= EDGE_LINES; end--) {
      const line = lines[end - 1] ?? ""
      if (isBlank(line)) continue
      const key = footerKeys.find(furnitureKey(line))
      if (key === undefined) break
      if (!footer.has(key)) footer.set(key, line.trim())
      seen++
    }
    return lines.slice(start, end)
  })
  // Footers are peeled bottom-up: restore reading order.
  return { pages: stripped, header: [...header.values()], footer: [...footer.values()].reverse() }
}
