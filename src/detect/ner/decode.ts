import type { Word } from "./pretokenize.ts"

/**
 * Windowing and BIO decoding, shared by the detector and its tests.
 * Same algorithm as models/recipe/evaluate.py, which produced the figures in
 * the model card.
 */

/** Window starts covering `n` tokens with windows of `window` tokens every `stride`. */
export const windowStarts = (n: number, window: number, stride: number): number[] => {
  if (n <= window) return [0]
  const starts: number[] = []
  for (let s = 0; s < n - window; s += stride) starts.push(s)
  starts.push(n - window)
  return starts
}

/** Parsed `id2label` of a BIO tagger: entity types and, per class, its type index (-1 = O) and whether it is a B- class. */
export interface LabelScheme {
  readonly types: readonly string[]
  readonly typeOf: Int32Array
  readonly isBegin: Uint8Array
}

export const labelScheme = (id2label: Record<string, string>): LabelScheme => {
  const n = Object.keys(id2label).length
  const types: string[] = []
  const typeOf = new Int32Array(n).fill(-1)
  const isBegin = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const l = id2label[String(i)]
    if (l === undefined) throw new Error(`id2label lacks ${i}`)
    const m = /^([BI])-(.+)$/.exec(l)
    if (!m) continue
    const t = m[2]!
    let k = types.indexOf(t)
    if (k < 0) k = types.push(t) - 1
    typeOf[i] = k
    isBegin[i] = m[1] === "B" ? 1 : 0
  }
  return { types, typeOf, isBegin }
}

export interface RawSpan {
  readonly start: number
  readonly end: number
  readonly type: string
  /** Mean over the span's words of the probability of its type. */
  readonly score: number
  /** Lowest such word probability. */
  readonly minScore: number
}

/**
 * Word-level decoding. `probs` holds one softmax row of `numLabels` per
 * document token; `wordTokens[k]` = [first, end) token range of word k.
 * A word's type probabilities are the mean over its pieces of P(B-x)+P(I-x);
 * a word continues the current span when it has the same type and its first
 * piece prefers I- over B-. A word that is a single [UNK] without any letter
 * (emoji, rare symbols) is never part of an entity.
 */
const LETTER = /\p{L}/u

export const decodeWords = (
  words: readonly Word[],
  wordTokens: Int32Array,
  probs: Float32Array,
  numLabels: number,
  scheme: LabelScheme,
  ids?: Int32Array,
  unkId?: number,
): RawSpan[] => {
  const T = scheme.types.length
  const typeP = new Float64Array(T + 1)
  const spans: RawSpan[] = []
  let cur: { start: number; end: number; type: number; sum: number; min: number; n: number } | null = null
  const close = (): void => {
    if (cur) spans.push({ start: cur.start, end: cur.end, type: scheme.types[cur.type]!, score: cur.sum / cur.n, minScore: cur.min })
    cur = null
  }
  for (let k = 0; k < words.length; k++) {
    const t0 = wordTokens[2 * k]!
    const t1 = wordTokens[2 * k + 1]!
    if (t1 <= t0) continue
    if (ids !== undefined && t1 - t0 === 1 && ids[t0] === unkId && !LETTER.test(words[k]!.text)) {
      close()
      continue
    }
    typeP.fill(0)
    for (let t = t0; t < t1; t++) {
      const row = t * numLabels
      for (let c = 0; c < numLabels; c++) typeP[scheme.typeOf[c]! + 1]! += probs[row + c]!
    }
    let best = 0
    for (let j = 1; j <= T; j++) if (typeP[j]! > typeP[best]!) best = j
    if (best === 0) {
      close()
      continue
    }
    const type = best - 1
    const p = typeP[best]! / (t1 - t0)
    // B vs I on the first piece
    let pb = 0
    let pi = 0
    const row = t0 * numLabels
    for (let c = 0; c < numLabels; c++) {
      if (scheme.typeOf[c] !== type) continue
      if (scheme.isBegin[c]) pb += probs[row + c]!
      else pi += probs[row + c]!
    }
    const w = words[k]!
    const c0 = cur as { start: number; end: number; type: number; sum: number; min: number; n: number } | null
    if (c0 && c0.type === type && pi >= pb) {
      c0.end = w.end
      c0.sum += p
      c0.min = Math.min(c0.min, p)
      c0.n++
    } else {
      close()
      cur = { start: w.start, end: w.end, type, sum: p, min: p, n: 1 }
    }
  }
  close()
  return spans
}
