import type { XmlText } from "./xmlDom.ts"

/**
 * The visible text of a stretch of XML as a stream of characters, each tied
 * to the text node and offset it comes from (or to no node: a tab or a line
 * break written as an element). Replacing a range of the stream edits the
 * nodes it covers, so a name split over several runs (with or without a
 * change of formatting between them) is replaced as a whole: the replacement
 * goes where the name began, in that run's formatting, and the rest of the
 * name is deleted from the following runs.
 */
export interface StreamChar {
  readonly node: XmlText | null
  readonly offset: number
  readonly char: string
}

export class TextStream {
  readonly chars: StreamChar[] = []

  addNode(node: XmlText): void {
    const data = node.data
    for (let offset = 0; offset < data.length; offset++) this.chars.push({ node, offset, char: data[offset]! })
  }

  /** A character an element stands for (tab, break, non-breaking hyphen). */
  addSynthetic(char: string): void {
    this.chars.push({ node: null, offset: 0, char })
  }

  get text(): string {
    return this.chars.map((entry) => entry.char).join("")
  }
}

/** Characters the readers' normalisation may drop or change: whitespace, soft hyphens, zero-width marks. */
export const isIgnorable = (char: string): boolean => /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/u.test(char)

/** A text without the characters the readers normalise away: what two readings of one text share. */
export const significantText = (text: string): string => [...text].filter((char) => !isIgnorable(char)).join("")

const significant = (chars: readonly string[]): number[] => {
  const out: number[] = []
  chars.forEach((char, index) => {
    if (!isIgnorable(char)) out.push(index)
  })
  return out
}

/** Characters that must agree after a difference for the alignment to resume there. */
const ANCHOR = 8
/** How far a difference may reach (characters present on one side only). */
const MAX_GAP = 4000

/**
 * For each character of `text` (an analysed part, as a reader normalised
 * it), the index of the stream character it was read from, or -1. Only
 * significant characters are aligned (whitespace is normalised by the
 * readers); where the two differ (a piece of text one side has and the other
 * not, or a character written differently) the alignment resynchronises on
 * the next run of ANCHOR equal characters.
 */
export const alignText = (text: string, stream: TextStream): Int32Array => {
  const map = new Int32Array(text.length).fill(-1)
  // Offsets are UTF-16 units: iterate units, not code points.
  const a = significant(text.split(""))
  const b = significant(stream.chars.map((entry) => entry.char))
  const ca = (i: number) => text[a[i]!]
  const cb = (j: number) => stream.chars[b[j]!]!.char
  const agree = (i: number, j: number): boolean => {
    const n = Math.min(ANCHOR, a.length - i, b.length - j)
    if (n <= 0) return i >= a.length && j >= b.length
    for (let k = 0; k < n; k++) if (ca(i + k) !== cb(j + k)) return false
    return true
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (ca(i) === cb(j)) {
      map[a[i]!] = b[j]!
      i++
      j++
      continue
    }
    if (agree(i + 1, j + 1)) {
      // One character written differently.
      i++
      j++
      continue
    }
    let resumed = false
    for (let gap = 1; gap <= MAX_GAP && !resumed; gap++) {
      if (j + gap < b.length && agree(i, j + gap)) {
        j += gap
        resumed = true
      } else if (i + gap < a.length && agree(i + gap, j)) {
        i += gap
        resumed = true
      }
    }
    if (!resumed) break
  }
  return map
}

/**
 * Replace stream characters `from`..`to` (inclusive; both tied to nodes) by
 * `replacement`. Ranges must be replaced from the last to the first, so that
 * earlier offsets stay valid.
 */
export const replaceRange = (stream: TextStream, from: number, to: number, replacement: string): void => {
  const first = stream.chars[from]!
  const last = stream.chars[to]!
  if (first.node === null || last.node === null) throw new Error("replaceRange: range ends on a synthetic character")
  if (first.node === last.node) {
    first.node.replaceData(first.offset, last.offset - first.offset + 1, replacement)
    return
  }
  const middle = new Set<XmlText>()
  for (let k = from + 1; k < to; k++) {
    const node = stream.chars[k]!.node
    if (node !== null && node !== first.node && node !== last.node) middle.add(node)
  }
  first.node.replaceData(first.offset, first.node.data.length - first.offset, replacement)
  for (const node of middle) node.replaceData(0, node.data.length, "")
  last.node.replaceData(0, last.offset + 1, "")
}

/** The nearest stream index in [from, to] tied to a node, scanning from `from` towards `to`. */
export const nearestReal = (stream: TextStream, from: number, to: number): number => {
  const step = from <= to ? 1 : -1
  for (let k = from; step > 0 ? k <= to : k >= to; k += step) {
    const entry = stream.chars[k]!
    if (entry.node !== null && !isIgnorable(entry.char)) return k
  }
  return -1
}
