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
  const repeatedKeys = (fromTop: boolean): ReadonlySet<string> => {
    const counts = new Map<string, number>()
    for (const lines of cleaned) {
      for (const key of new Set(edge(lines, fromTop).map(furnitureKey))) {
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    }
    return new Set([...counts].filter(([key, count]) => count >= threshold && key.length > 0).map(([key]) => key))
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
      const key = furnitureKey(line)
      if (!headerKeys.has(key)) break
      if (!header.has(key)) header.set(key, line.trim())
      seen++
    }
    for (let seen = 0; end > start && seen <= EDGE_LINES; end--) {
      const line = lines[end - 1] ?? ""
      if (isBlank(line)) continue
      const key = furnitureKey(line)
      if (!footerKeys.has(key)) break
      if (!footer.has(key)) footer.set(key, line.trim())
      seen++
    }
    return lines.slice(start, end)
  })
  // Footers are peeled bottom-up: restore reading order.
  return { pages: stripped, header: [...header.values()], footer: [...footer.values()].reverse() }
}
