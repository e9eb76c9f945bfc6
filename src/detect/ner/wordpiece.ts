/**
 * Greedy longest-match-first WordPiece, the algorithm of the tokenizer.json
 * `WordPiece` model (and of `WordPiece.pieces` in models/recipe/common.py).
 * A word with a character the vocabulary cannot cover, or longer than
 * `maxInputCharsPerWord` code points, becomes a single [UNK].
 */
export class WordPieceEncoder {
  readonly #vocab: ReadonlyMap<string, number>
  readonly #unkId: number
  readonly #prefix: string
  readonly #maxChars: number
  readonly #cache = new Map<string, readonly number[]>()

  constructor(vocab: ReadonlyMap<string, number>, options: { unkToken: string; prefix: string; maxInputCharsPerWord: number }) {
    const unk = vocab.get(options.unkToken)
    if (unk === undefined) throw new Error(`vocabulary has no ${options.unkToken}`)
    this.#vocab = vocab
    this.#unkId = unk
    this.#prefix = options.prefix
    this.#maxChars = options.maxInputCharsPerWord
  }

  get unkId(): number {
    return this.#unkId
  }

  /** Token ids of one pre-tokenised word. */
  encodeWord(word: string): readonly number[] {
    const hit = this.#cache.get(word)
    if (hit !== undefined) return hit
    const ids = this.#encode(word)
    if (this.#cache.size > 200_000) this.#cache.clear()
    this.#cache.set(word, ids)
    return ids
  }

  #encode(word: string): readonly number[] {
    const chars = Array.from(word)
    if (chars.length > this.#maxChars) return [this.#unkId]
    const ids: number[] = []
    let start = 0
    while (start < chars.length) {
      let end = chars.length
      let found: number | undefined
      while (start < end) {
        let sub = chars.slice(start, end).join("")
        if (start > 0) sub = this.#prefix + sub
        found = this.#vocab.get(sub)
        if (found !== undefined) break
        end--
      }
      if (found === undefined) return [this.#unkId]
      ids.push(found)
      start = end
    }
    return ids
  }
}
