import "./telemetryOff.ts"
import { existsSync } from "node:fs"
import path from "node:path"
import { AutoModelForTokenClassification, Tensor, env } from "@huggingface/transformers"
import type { RawSpan } from "./decode.ts"
import { NerEncoder, type Encoded } from "./encoder.ts"
import type { SettledRanges } from "../Detector.ts"
import { modelWindows } from "./regions.ts"
import { batchIds, DEFAULT_BATCH, defaultStride, TokenProbs, windowBatches, type ModelWindow } from "./windows.ts"

/**
 * The model's ONNX session, loaded once from a local folder through
 * transformers.js (no network: `env.allowRemoteModels = false`) with its
 * encoder (encoder.ts: our pre-tokenisation gives exact character offsets).
 * Windows cover the words the model can change a decision on, with context
 * (regions.ts, at most REGION_WINDOW tokens), or the whole text with
 * an overlap of `window - stride` tokens (`regions: false`); each token's
 * prediction is taken from the window where it sits most centrally
 * (windows.ts); windows of like length are batched. One session runs on one
 * thread (intraOpNumThreads 1): ONNX Runtime's own threads spin while they
 * wait and, on a machine whose cores the document workers also use, cost
 * about twice the processor time for the same work; parallelism comes from
 * several model workers instead (index.ts).
 */
export interface NerModelOptions {
  readonly modelDir: string
  readonly quantized: boolean
  /** Windows per ONNX run. */
  readonly batchSize?: number
  /** Window step in tokens; default window - 62 (192 for this model, as STRIDE in models/recipe/common.py). */
  readonly stride?: number
  /** ONNX Runtime threads for one run (intraOpNumThreads); default 1. */
  readonly threads?: number
  /** Run the model only around candidate words (regions.ts; default), or over the whole text (false). */
  readonly regions?: boolean
}

/** Milliseconds spent per step of `predict`, added up over the calls given the same object (benchmarks). */
export interface NerTimings {
  tokenise: number
  onnx: number
  decode: number
  windows: number
  /** Tokens of the texts. */
  tokens: number
  /** Tokens the model ran on (in its windows; a token in two windows counts twice). */
  windowTokens: number
}

export const emptyNerTimings = (): NerTimings => ({ tokenise: 0, onnx: 0, decode: 0, windows: 0, tokens: 0, windowTokens: 0 })

interface ModelLike {
  (inputs: Record<string, Tensor>): Promise<{ logits: Tensor }>
  dispose?: () => Promise<unknown>
}

/** The caller cancelled a prediction before it finished. */
export class NerCancelled extends Error {
  override readonly name = "NerCancelled"
}

export class NerModel {
  readonly encoder: NerEncoder
  readonly quantized: boolean
  readonly stride: number
  readonly batch: number
  readonly regions: boolean
  readonly #model: ModelLike

  private constructor(init: { encoder: NerEncoder; model: ModelLike; stride: number | undefined; batch: number; quantized: boolean; regions: boolean }) {
    this.encoder = init.encoder
    this.#model = init.model
    this.stride = Math.max(1, Math.min(init.encoder.window, init.stride ?? defaultStride(init.encoder.window)))
    this.batch = init.batch
    this.quantized = init.quantized
    this.regions = init.regions
  }

  get name(): string {
    return this.encoder.name
  }

  get types(): readonly string[] {
    return this.encoder.types
  }

  static async load(options: NerModelOptions): Promise<NerModel> {
    const dir = path.resolve(options.modelDir)
    const encoder = NerEncoder.load(dir)
    const quantized = options.quantized && existsSync(path.join(dir, "onnx", "model_quantized.onnx"))
    env.allowRemoteModels = false
    env.allowLocalModels = true
    env.localModelPath = path.dirname(dir) + path.sep
    const model = (await AutoModelForTokenClassification.from_pretrained(path.basename(dir), {
      local_files_only: true,
      dtype: quantized ? "q8" : "fp32",
      device: "cpu",
      session_options: { intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1, executionMode: "sequential" },
    })) as unknown as ModelLike
    return new NerModel({ encoder, model, stride: options.stride, batch: options.batchSize ?? DEFAULT_BATCH, quantized, regions: options.regions ?? true })
  }

  /** Token ids for a text, and per word its [first, end) token range. */
  encode(text: string): Encoded {
    return this.encoder.encode(text)
  }

  /** The windows the model runs on for `text` (encoded): around its candidate words (none in `settled`), or all of it. */
  windows(text: string, encoded: Encoded, settled: SettledRanges = []): ModelWindow[] {
    return modelWindows(text, encoded, { regions: this.regions, window: this.encoder.window, stride: this.stride }, settled)
  }

  /**
   * One ONNX run over a batch of windows: `ids` holds their tokens, window
   * after window (`lengths[k]` tokens for window k). Softmax rows, window
   * after window.
   */
  async windowProbs(lengths: readonly number[], ids: Int32Array, timings?: NerTimings): Promise<Float32Array> {
    const { cls, sep, pad, numLabels: L } = this.encoder
    const seq = Math.max(...lengths) + 2
    const rows = lengths.length
    const inputIds = new BigInt64Array(rows * seq).fill(BigInt(pad))
    const mask = new BigInt64Array(rows * seq)
    let from = 0
    lengths.forEach((len, r) => {
      const o = r * seq
      inputIds[o] = BigInt(cls)
      for (let i = 0; i < len; i++) inputIds[o + 1 + i] = BigInt(ids[from + i]!)
      inputIds[o + 1 + len] = BigInt(sep)
      mask.fill(1n, o, o + len + 2)
      from += len
    })
    const dims = [rows, seq]
    const started = timings ? performance.now() : 0
    const { logits } = await this.#model({
      input_ids: new Tensor("int64", inputIds, dims),
      attention_mask: new Tensor("int64", mask, dims),
      token_type_ids: new Tensor("int64", new BigInt64Array(rows * seq), dims),
    })
    if (timings) {
      timings.onnx += performance.now() - started
      timings.windows += rows
      timings.windowTokens += from
    }
    const out = logits.data as Float32Array
    const probs = new Float32Array(from * L)
    let row = 0
    lengths.forEach((len, r) => {
      for (let i = 0; i < len; i++, row++) {
        const src = (r * seq + 1 + i) * L
        let max = -Infinity
        for (let j = 0; j < L; j++) max = Math.max(max, out[src + j]!)
        let sum = 0
        for (let j = 0; j < L; j++) {
          const e = Math.exp(out[src + j]! - max)
          probs[row * L + j] = e
          sum += e
        }
        for (let j = 0; j < L; j++) probs[row * L + j]! /= sum
      }
    })
    logits.dispose?.()
    return probs
  }

  /** Softmax rows per token of `encoded`, each from the window where the token is most central; zeros where no window runs. */
  async tokenProbs(text: string, encoded: Encoded, isCancelled: () => boolean = () => false, timings?: NerTimings, settled: SettledRanges = []): Promise<Float32Array> {
    const merged = new TokenProbs(encoded.ids.length, this.encoder.numLabels)
    for (const batch of windowBatches(this.windows(text, encoded, settled), this.batch)) {
      // A long text is many batches: stop between two when the caller gave up.
      if (isCancelled()) throw new NerCancelled()
      merged.add(batch, await this.windowProbs(batch.windows.map((w) => w.length), batchIds(encoded.ids, batch), timings))
    }
    return merged.probs
  }

  /** Entity spans with exact UTF-16 offsets into `text`. */
  async predict(text: string, isCancelled: () => boolean = () => false, timings?: NerTimings, settled: SettledRanges = []): Promise<RawSpan[]> {
    const started = timings ? performance.now() : 0
    const encoded = this.encode(text)
    if (encoded.ids.length === 0) return []
    const tokenised = timings ? performance.now() : 0
    const onnxBefore = timings?.onnx ?? 0
    const probs = await this.tokenProbs(text, encoded, isCancelled, timings, settled)
    const spans = this.encoder.decode(encoded, probs)
    if (timings) {
      // Decode: choosing the windows, the softmax over their logits and the word-level BIO decoding.
      timings.tokenise += tokenised - started
      timings.decode += performance.now() - tokenised - (timings.onnx - onnxBefore)
      timings.tokens += encoded.ids.length
    }
    return spans
  }

  async dispose(): Promise<void> {
    await this.#model.dispose?.()
  }
}
