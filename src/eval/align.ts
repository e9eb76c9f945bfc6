/**
 * Alignment of gold annotations (offsets into the generator's canonical text) to the text the
 * pipeline analysed (offsets into the audit record's `text`). For .txt files the two are equal; for
 * PDF/DOCX/ODT/HTML they differ in line breaks, hyphenation and page furniture (repeated headers,
 * footers, notes moved to the end), so each gold item is searched by its surface string,
 * whitespace-, hyphen-, case- and accent-insensitively, in document order: first with some of the
 * canonical text around it as context (so a name in the repeated page header does not steal a body
 * mention), then without context, always after the previous item (the n-th gold occurrence goes to
 * the n-th occurrence in the audit text), finally anywhere.
 */
import { compactFold, compactKey, type Folded } from "./textMatch.ts"

export interface Located {
  readonly start: number
  readonly end: number
}

export interface AlignedItem<T> {
  readonly item: T
  /** Position in the audit text, or undefined when the surface could not be found. */
  readonly at?: Located
}

const CONTEXT = 24

export const alignItems = <T extends { start: number; end: number; text: string }>(
  canonical: string,
  target: string,
  items: readonly T[],
): AlignedItem<T>[] => {
  if (canonical === target) return items.map((item) => ({ item, at: { start: item.start, end: item.end } }))
  const folded: Folded = compactFold(target)
  const hay = folded.text
  const order = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.start - b.item.start || a.item.end - b.item.end)
  const result: AlignedItem<T>[] = new Array(items.length)
  let cursor = 0
  for (const { item, i } of order) {
    const needle = compactKey(item.text)
    if (!needle) {
      result[i] = { item }
      continue
    }
    const left = compactKey(canonical.slice(Math.max(0, item.start - CONTEXT * 3), item.start)).slice(-CONTEXT)
    const right = compactKey(canonical.slice(item.end, item.end + CONTEXT * 3)).slice(0, CONTEXT)
    const tries: [string, number, number][] = [
      [left + needle + right, left.length, cursor],
      [left + needle, left.length, cursor],
      [needle + right, 0, cursor],
      [needle, 0, cursor],
      [left.slice(-8) + needle + right.slice(0, 8), Math.min(8, left.length), 0],
      [needle, 0, 0],
    ]
    let pos = -1
    for (const [probe, offset, from] of tries) {
      const p = hay.indexOf(probe, Math.max(0, from - offset))
      if (p >= 0) {
        pos = p + offset
        break
      }
    }
    if (pos < 0) {
      result[i] = { item }
      continue
    }
    if (pos >= cursor) cursor = pos + 1
    const start = folded.map[pos] as number
    const end = (folded.map[pos + needle.length - 1] as number) + 1
    result[i] = { item, at: { start, end } }
  }
  return result
}
