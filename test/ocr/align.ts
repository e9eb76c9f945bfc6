/**
 * Character alignment of a source text with its OCR reading (Levenshtein,
 * with the path kept), to measure the character error rate and to find where
 * each source mention landed in the OCR text.
 */

export const collapse = (text: string): string => text.replace(/\s+/gu, " ").trim()

export interface Alignment {
  readonly distance: number
  /** For each source offset, the OCR offset it was matched or substituted with, or -1 (deleted). */
  readonly target: Int32Array
}

export const align = (source: string, ocr: string): Alignment => {
  const n = source.length
  const m = ocr.length
  const moves = new Uint8Array((n + 1) * (m + 1)) // 0 diagonal, 1 up (deletion), 2 left (insertion)
  let previous = new Uint32Array(m + 1).map((_, j) => j)
  let current = new Uint32Array(m + 1)
  for (let j = 1; j <= m; j++) moves[j] = 2
  for (let i = 1; i <= n; i++) {
    current[0] = i
    moves[i * (m + 1)] = 1
    for (let j = 1; j <= m; j++) {
      const diagonal = previous[j - 1]! + (source[i - 1] === ocr[j - 1] ? 0 : 1)
      const up = previous[j]! + 1
      const left = current[j - 1]! + 1
      if (diagonal <= up && diagonal <= left) {
        current[j] = diagonal
        moves[i * (m + 1) + j] = 0
      } else if (up <= left) {
        current[j] = up
        moves[i * (m + 1) + j] = 1
      } else {
        current[j] = left
        moves[i * (m + 1) + j] = 2
      }
    }
    ;[previous, current] = [current, previous]
  }
  const target = new Int32Array(n).fill(-1)
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const move = moves[i * (m + 1) + j]
    if (move === 0) target[--i] = --j
    else if (move === 1) i--
    else j--
  }
  return { distance: previous[m]!, target }
}

/** Character error rate of `ocr` against `source`, whitespace runs counted as one space. */
export const characterErrorRate = (source: string, ocr: string): number => {
  const a = collapse(source)
  return align(a, collapse(ocr)).distance / a.length
}
