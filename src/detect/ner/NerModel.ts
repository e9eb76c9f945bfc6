import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { AutoModelForTokenClassification, AutoTokenizer, Tensor, env } from "@huggingface/transformers"
import { decodeWords, labelScheme, windowStarts, type LabelScheme, type RawSpan } from "./decode.ts"
import { pretokenize } from "./pretokenize.ts"
import { WordPieceEncoder } from "./wordpiece.ts"

/**
 * The model and its tokenizer, loaded once from a local folder through
 * transformers.js (no network: `env.allowRemoteModels = false`), run
 * directly: our own pre-tokenisation gives exact character offsets, the
 * vocabulary comes from the loaded tokenizer, the ONNX session from
 * AutoModelForTokenClassification. Windows of at most model_max_length
 * tokens overlap by `window - stride` tokens; each token's prediction is
 * taken from the window where it sits most centrally; windows are batched.
 */
export interface NerModelOptions {
  readonly modelDir: string
  readonly quantized: boolean
  /** Windows per ONNX run. */
  readonly batchSize?: number
  /** Window step in tokens; default window - 62 (192 for this model, as STRIDE in models/recipe/common.py). */
  readonly stride?: number
}

interface ModelLike {
  (inputs: Record<string, Tensor>): Promise<{ logits: Tensor }>
  dispose?: () => Promise<unknown>
}

/** The caller cancelled a prediction before it finished. */
export class NerCancelled extends Error {
  override readonly name = "NerCancelled"
}

export class NerModel {
  readonly name: string
  readonly types: readonly string[]
  readonly quantized: boolean
  readonly #model: ModelLike
  readonly #wp: WordPieceEncoder
  readonly #scheme: LabelScheme
  readonly #numLabels: number
  readonly #window: number
  readonly #stride: number
  readonly #batch: number
  readonly #cls: number
  readonly #sep: number
  readonly #pad: number

  private constructor(init: {
    name: string; model: ModelLike; wp: WordPieceEncoder; scheme: LabelScheme; numLabels: number
    maxLen: number; stride: number | undefined; batch: number; cls: number; sep: number; pad: number; quantized: boolean
  }) {
    this.name = init.name
    this.#model = init.model
    this.#wp = init.wp
    this.#scheme = init.scheme
    this.types = init.scheme.types
    this.#numLabels = init.numLabels
    this.#window = init.maxLen - 2
    this.#stride = Math.max(1, Math.min(this.#window, init.stride ?? this.#window - 62))
    this.#batch = init.batch
    this.#cls = init.cls
    this.#sep = init.sep
    this.#pad = init.pad
    this.quantized = init.quantized
  }

  static async load(options: NerModelOptions): Promise<NerModel> {
    const dir = path.resolve(options.modelDir)
    const config = JSON.parse(readFileSync(path.join(dir, "config.json"), "utf8")) as {
      id2label: Record<string, string>; max_position_embeddings?: number
    }
    const tokJson = JSON.parse(readFileSync(path.join(dir, "tokenizer.json"), "utf8")) as {
      model: { type: string; unk_token: string; continuing_subword_prefix?: string; max_input_chars_per_word?: number }
    }
    if (tokJson.model.type !== "WordPiece") throw new Error(`${dir}: only WordPiece tokenizers are supported`)
    const quantized = options.quantized && existsSync(path.join(dir, "onnx", "model_quantized.onnx"))
    env.allowRemoteModels = false
    env.allowLocalModels = true
    env.localModelPath = path.dirname(dir) + path.sep
    const id = path.basename(dir)
    const tokenizer = await AutoTokenizer.from_pretrained(id, { local_files_only: true })
    const model = (await AutoModelForTokenClassification.from_pretrained(id, {
      local_files_only: true,
      dtype: quantized ? "q8" : "fp32",
      device: "cpu",
    })) as unknown as ModelLike
    const vocab = tokenizer.get_vocab() as Map<string, number>
    const wp = new WordPieceEncoder(vocab, {
      unkToken: tokJson.model.unk_token,
      prefix: tokJson.model.continuing_subword_prefix ?? "##",
      maxInputCharsPerWord: tokJson.model.max_input_chars_per_word ?? 100,
    })
    const maxLen = Math.min(tokenizer.model_max_length ?? 512, config.max_position_embeddings ?? 512)
    const need = (t: string): number => {
      const v = vocab.get(t)
      if (v === undefined) throw new Error(`${dir}: tokenizer lacks ${t}`)
      return v
    }
    return new NerModel({
      name: id, model, wp, scheme: labelScheme(config.id2label), numLabels: Object.keys(config.id2label).length,
      maxLen, stride: options.stride, batch: options.batchSize ?? 8,
      cls: need("[CLS]"), sep: need("[SEP]"), pad: need("[PAD]"), quantized,
    })
  }

  /** Token ids for a text, and per word its [first, end) token range. */
  encode(text: string): { words: ReturnType<typeof pretokenize>; ids: Int32Array; wordTokens: Int32Array } {
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

  /** Softmax rows per token, each from the window where the token is most central. */
  async tokenProbs(ids: Int32Array, isCancelled: () => boolean = () => false): Promise<Float32Array> {
    const n = ids.length
    const L = this.#numLabels
    const probs = new Float32Array(n * L)
    if (n === 0) return probs
    const centrality = new Int32Array(n).fill(-1)
    const starts = windowStarts(n, this.#window, this.#stride)
    for (let b = 0; b < starts.length; b += this.#batch) {
      // A long text is many batches: stop between two when the caller gave up.
      if (isCancelled()) throw new NerCancelled()
      const chunk = starts.slice(b, b + this.#batch)
      const seq = Math.max(...chunk.map((s) => Math.min(this.#window, n - s))) + 2
      const inputIds = new BigInt64Array(chunk.length * seq).fill(BigInt(this.#pad))
      const mask = new BigInt64Array(chunk.length * seq)
      chunk.forEach((s, r) => {
        const len = Math.min(this.#window, n - s)
        const o = r * seq
        inputIds[o] = BigInt(this.#cls)
        for (let i = 0; i < len; i++) inputIds[o + 1 + i] = BigInt(ids[s + i]!)
        inputIds[o + 1 + len] = BigInt(this.#sep)
        mask.fill(1n, o, o + len + 2)
      })
      const dims = [chunk.length, seq]
      const { logits } = await this.#model({
        input_ids: new Tensor("int64", inputIds, dims),
        attention_mask: new Tensor("int64", mask, dims),
        token_type_ids: new Tensor("int64", new BigInt64Array(chunk.length * seq), dims),
      })
      const out = logits.data as Float32Array
      chunk.forEach((s, r) => {
        const len = Math.min(this.#window, n - s)
        for (let i = 0; i < len; i++) {
          const c = Math.min(i, len - 1 - i)
          const t = s + i
          if (c <= centrality[t]!) continue
          centrality[t] = c
          const src = (r * seq + 1 + i) * L
          let max = -Infinity
          for (let j = 0; j < L; j++) max = Math.max(max, out[src + j]!)
          let sum = 0
          for (let j = 0; j < L; j++) {
            const e = Math.exp(out[src + j]! - max)
            probs[t * L + j] = e
            sum += e
          }
          for (let j = 0; j < L; j++) probs[t * L + j]! /= sum
        }
      })
      logits.dispose?.()
    }
    return probs
  }

  /** Entity spans with exact UTF-16 offsets into `text`. */
  async predict(text: string, isCancelled: () => boolean = () => false): Promise<RawSpan[]> {
    const { words, ids, wordTokens } = this.encode(text)
    if (ids.length === 0) return []
    const probs = await this.tokenProbs(ids, isCancelled)
    return decodeWords(words, wordTokens, probs, this.#numLabels, this.#scheme, ids, this.#wp.unkId)
  }

  async dispose(): Promise<void> {
    await this.#model.dispose?.()
  }
}
