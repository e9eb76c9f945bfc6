import { windowStarts } from "./decode.ts"

/**
 * A document's windows in batches, and its token probabilities put back
 * together from them. Each token keeps the softmax row of the window where
 * it sits most centrally, the earlier window on a tie (as
 * models/recipe/evaluate.py), whatever order the batches come back in: a
 * document's batches may run on several model workers at once.
 */
export interface WindowBatch {
  /** Index of the batch's first window in the document. */
  readonly first: number
  /** Token offset of the batch's first window. */
  readonly offset: number
  /** Tokens the batch covers, from `offset`. */
  readonly length: number
  /** Window starts relative to `offset`. */
  readonly starts: readonly number[]
}

export const windowBatches = (n: number, window: number, stride: number, batch: number): WindowBatch[] => {
  const starts = windowStarts(n, window, stride)
  const batches: WindowBatch[] = []
  for (let first = 0; first < starts.length; first += batch) {
    const chunk = starts.slice(first, first + batch)
    const offset = chunk[0]!
    const last = chunk[chunk.length - 1]!
    batches.push({ first, offset, length: last + Math.min(window, n - last) - offset, starts: chunk.map((s) => s - offset) })
  }
  return batches
}

/** Tokens of each window of a batch: `window`, or fewer for the document's last one. */
export const windowLength = (batch: Pick<WindowBatch, "length">, start: number, window: number): number => Math.min(window, batch.length - start)

export class TokenProbs {
  readonly probs: Float32Array
  readonly #numLabels: number
  readonly #window: number
  readonly #centrality: Int32Array
  readonly #owner: Int32Array

  constructor(n: number, numLabels: number, window: number) {
    this.probs = new Float32Array(n * numLabels)
    this.#numLabels = numLabels
    this.#window = window
    this.#centrality = new Int32Array(n).fill(-1)
    this.#owner = new Int32Array(n)
  }

  /** `rows`: the batch's softmax rows, window after window, `windowLength` rows each. */
  add(batch: WindowBatch, rows: Float32Array): void {
    const L = this.#numLabels
    let row = 0
    batch.starts.forEach((start, k) => {
      const len = windowLength(batch, start, this.#window)
      const owner = batch.first + k
      for (let i = 0; i < len; i++, row++) {
        const c = Math.min(i, len - 1 - i)
        const t = batch.offset + start + i
        const held = this.#centrality[t]!
        if (c < held || (c === held && owner > this.#owner[t]!)) continue
        this.#centrality[t] = c
        this.#owner[t] = owner
        this.probs.set(rows.subarray(row * L, (row + 1) * L), t * L)
      }
    })
  }
}
