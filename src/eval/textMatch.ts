/**
 * Text folding used by the evaluation. Two foldings:
 * - `compactFold` (alignment): case-, accent-, whitespace- and hyphen-insensitive, every character of
 *   the folded string mapped back to its original offset. Used to find gold surfaces in the analysed
 *   text of PDF/DOCX files, whose line breaks, hyphenation and page furniture differ from the canonical text.
 * - `wordFold` (surface searches in the public text): case- and accent-insensitive, whitespace runs
 *   collapsed, end-of-line hyphenation undone; matches must start and end at word boundaries.
 */

const DROP = /[\s\-\u00ad\u2010\u2011\u200b\u200c\u200d\ufeff]/
const QUOTES: Record<string, string> = { "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'", "´": "'", "`": "'" }

const foldChar = (ch: string): string => {
  const q = QUOTES[ch]
  if (q) return q
  const lower = ch.toLowerCase()
  if (lower.charCodeAt(0) < 0x80) return lower
  const base = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  return base.length === 1 ? base : lower
}

export interface Folded {
  readonly text: string
  /** `map[i]` is the offset in the original string of folded character i. */
  readonly map: readonly number[]
}

export const compactFold = (s: string): Folded => {
  let text = ""
  const map: number[] = []
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string
    if (DROP.test(ch)) continue
    const f = foldChar(ch)
    for (let k = 0; k < f.length; k++) {
      text += f[k]
      map.push(i)
    }
  }
  return { text, map }
}

export const compactKey = (s: string): string => compactFold(s).text

export const wordFold = (s: string): string => {
  let out = ""
  const t = s.replace(/[-\u00ad]\s*\n\s*/g, "").replace(/\u00ad/g, "")
  for (const ch of t) out += /\s/.test(ch) ? " " : foldChar(ch)
  return out.replace(/ +/g, " ")
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/** Occurrences of `needle` in `hay` (both already `wordFold`ed) that start and end at word boundaries. */
export const countWordOccurrences = (hay: string, needle: string): number => {
  if (!needle) return 0
  let n = 0
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1]
    const after = hay[i + needle.length]
    const startOk = !isWordChar(needle[0]) || !isWordChar(before)
    const endOk = !isWordChar(needle[needle.length - 1]) || !isWordChar(after)
    if (startOk && endOk) n++
  }
  return n
}
