import { windowStarts } from "./decode.ts"

/**
 * A document's model windows in batches, and its token probabilities put
 * back together from them. Each token keeps the softmax row of the window
 * where it sits most centrally, the earlier window on a tie (as
 * models/recipe/evaluate.py), whatever order the batches come back in: a
 * document's batches may run on several model workers at once. Tokens no
 * window covers keep a row of zeros, which decodes as outside any entity.
 */
/** Windows per ONNX run: measured, 1 to 16 cost the same processor time per token; 8 keeps a long document's batches few. */
export const DEFAULT_BATCH = 8

/** Window step: `window - 62` tokens, each token at least 31 tokens from a window edge (as models/recipe/common.py). */
export const defaultStride = (window: number): number => Math.max(1, window - 62)

export interface ModelWindow {
  /** Index of the window in the document's list (the earlier wins a tie). */
  readonly index: number
  /** First token of the window in the document. */
  readonly start: number
  /** Tokens in the window, at most the model's window. */
  readonly length: number
}

export interface WindowBatch {
  readonly windows: readonly ModelWindow[]
}

/** Windows of `window` tokens every `stride` covering all `n` tokens (the last one ends at `n`). */
export const fullWindows = (n: number, window: number, stride: number): ModelWindow[] =>
  n === 0 ? [] : windowStarts(n, window, stride).map((start, index) => ({ index, start, length: Math.min(window, n - start) }))

/**
 * Batches of at most `batch` windows. Windows of like length go together
 * (sorted by length), so that a batch is padded little to its longest one.
 */
export const windowBatches = (windows: readonly ModelWindow[], batch: number): WindowBatch[] => {
  const sorted = [...windows].sort((a, b) => b.length - a.length || a.index - b.index)
  const batches: WindowBatch[] = []
  for (let first = 0; first < sorted.length; first += batch) batches.push({ windows: sorted.slice(first, first + batch) })
  return batches
}

/** The batch's tokens, window after window. */
export const batchIds = (ids: Int32Array, batch: WindowBatch): Int32Array => {
  const out = new Int32Array(batch.windows.reduce((sum, w) => sum + w.length, 0))
  let at = 0
  for (const w of batch.windows) {
    out.set(ids.subarray(w.start, w.start + w.length), at)
    at += w.length
  }
  return out
}

export class TokenProbs {
  readonly probs: Float32Array
  readonly #numLabels: number
  readonly #centrality: Int32Array
  readonly #owner: Int32Array

  constructor(n: number, numLabels: number) {
    this.probs = new Float32Array(n * numLabels)
    this.#numLabels = numLabels
    this.#centrality = new Int32Array(n).fill(-1)
    this.#owner = new Int32Array(n)
  }

  /** `rows`: the batch's softmax rows, window after window, `length` rows each. */
  add(batch: WindowBatch, rows: Float32Array): void {
    const L = this.#numLabels
    let row = 0
    for (const { index, start, length } of batch.windows) {
      for (let i = 0; i < length; i++, row++) {
        const c = Math.min(i, length - 1 - i)
        const t = start + i
        const held = this.#centrality[t]!
        if (c < held || (c === held && index > this.#owner[t]!)) continue
        this.#centrality[t] = c
        this.#owner[t] = index
        this.probs.set(rows.subarray(row * L, (row + 1) * L), t * L)
      }
    }
  }
}
