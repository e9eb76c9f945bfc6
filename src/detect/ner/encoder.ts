import { readFileSync } from "node:fs"
import path from "node:path"
import { decodeWords, labelScheme, type LabelScheme, type RawSpan } from "./decode.ts"
import { pretokenize, type Word } from "./pretokenize.ts"
import { WordPieceEncoder } from "./wordpiece.ts"

/**
 * The model's text side, without its ONNX session: vocabulary, windows and
 * labels read from the model folder (config.json, tokenizer.json,
 * tokenizer_config.json), text to token ids and token probabilities back to
 * spans. Cheap to load: the thread that splits a document's windows between
 * model workers holds one, each worker holds the session.
 */
export interface Encoded {
  readonly words: readonly Word[]
  readonly ids: Int32Array
  /** Per word its [first, end) token range. */
  readonly wordTokens: Int32Array
}

/** What pretokenize.ts always splits words at. */
const SEPARATOR = /[ \t\n\r\p{Zs}]/u

export class NerEncoder {
  readonly name: string
  readonly scheme: LabelScheme
  readonly numLabels: number
  /** Tokens per window, [CLS] and [SEP] aside. */
  readonly window: number
  readonly cls: number
  readonly sep: number
  readonly pad: number
  readonly #wp: WordPieceEncoder

  private constructor(init: { name: string; scheme: LabelScheme; numLabels: number; window: number; cls: number; sep: number; pad: number; wp: WordPieceEncoder }) {
    this.name = init.name
    this.scheme = init.scheme
    this.numLabels = init.numLabels
    this.window = init.window
    this.cls = init.cls
    this.sep = init.sep
    this.pad = init.pad
    this.#wp = init.wp
  }

  get types(): readonly string[] {
    return this.scheme.types
  }

  static load(modelDir: string): NerEncoder {
    const dir = path.resolve(modelDir)
    const read = <T,>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as T
    const config = read<{ id2label: Record<string, string>; max_position_embeddings?: number }>("config.json")
    const tokenizer = read<{
      model: { type: string; unk_token: string; continuing_subword_prefix?: string; max_input_chars_per_word?: number; vocab: Record<string, number> }
      added_tokens?: { id: number; content: string }[]
    }>("tokenizer.json")
    const tokenizerConfig = read<{ model_max_length?: number }>("tokenizer_config.json")
    if (tokenizer.model.type !== "WordPiece") throw new Error(`${dir}: only WordPiece tokenizers are supported`)
    const vocab = new Map<string, number>(Object.entries(tokenizer.model.vocab))
    for (const added of tokenizer.added_tokens ?? []) vocab.set(added.content, added.id)
    const need = (token: string): number => {
      const id = vocab.get(token)
      if (id === undefined) throw new Error(`${dir}: tokenizer lacks ${token}`)
      return id
    }
    const maxLen = Math.min(tokenizerConfig.model_max_length ?? 512, config.max_position_embeddings ?? 512)
    return new NerEncoder({
      name: path.basename(dir),
      scheme: labelScheme(config.id2label),
      numLabels: Object.keys(config.id2label).length,
      window: maxLen - 2,
      cls: need("[CLS]"),
      sep: need("[SEP]"),
      pad: need("[PAD]"),
      wp: new WordPieceEncoder(vocab, {
        unkToken: tokenizer.model.unk_token,
        prefix: tokenizer.model.continuing_subword_prefix ?? "##",
        maxInputCharsPerWord: tokenizer.model.max_input_chars_per_word ?? 100,
      }),
    })
  }

  encode(text: string): Encoded {
    const words = pretokenize(text)
    const wordTokens = new Int32Array(words.length * 2)
    const ids: number[] = []
    for (let k = 0; k < words.length; k++) {
      wordTokens[2 * k] = ids.length
      for (const id of this.#wp.encodeWord(words[k]!.text)) ids.push(id)
      wordTokens[2 * k + 1] = ids.length
    }
    return { words, ids: Int32Array.from(ids), wordTokens }
  }

  /**
   * `encode` in pieces of about `piece` characters cut at whitespace (which
   * always separates words), yielding to the event loop between two: the
   * thread that encodes also answers other documents and timers, and a
   * text of millions of characters must not stop it for seconds.
   */
  async encodeInPieces(text: string, piece = 65_536): Promise<Encoded> {
    const words: Word[] = []
    const ids: number[] = []
    const wordTokens: number[] = []
    for (let from = 0; from < text.length;) {
      let to = Math.min(text.length, from + piece)
      while (to < text.length && !SEPARATOR.test(text[to]!)) to++
      for (const word of pretokenize(text.slice(from, to))) {
        words.push({ start: word.start + from, end: word.end + from, text: word.text })
        wordTokens.push(ids.length)
        for (const id of this.#wp.encodeWord(word.text)) ids.push(id)
        wordTokens.push(ids.length)
      }
      from = to
      if (from < text.length) await new Promise<void>((resume) => setImmediate(resume))
    }
    return { words, ids: Int32Array.from(ids), wordTokens: Int32Array.from(wordTokens) }
  }

  /** Spans from one softmax row of `numLabels` per token of `encoded`. */
  decode(encoded: Encoded, probs: Float32Array): RawSpan[] {
    return decodeWords(encoded.words, encoded.wordTokens, probs, this.numLabels, this.scheme, encoded.ids, this.#wp.unkId)
  }
}
