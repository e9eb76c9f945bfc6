/**
 * Synthetic Buenos Aires criminal/contraventional rulings with gold annotations.
 *
 *   import { generateRuling } from "./samples/generator/index.ts"
 *   const r = generateRuling(42)           // → { text, spans, keep, metadata, layout }
 *
 * Deterministic: the same seed (and the same gazetteer source) gives the same ruling.
 */
import type { GoldSpan, KeepSpan } from "./builder.ts"
import { compose, makeCtx, RULING_TYPES, type RulingType } from "./documents.ts"
import { loadGazetteers, type Gazetteers } from "./data.ts"
import { iso } from "./people.ts"
import { Rng } from "./prng.ts"

export type { GoldSpan, KeepKind, KeepSpan } from "./builder.ts"
export { KEEP_KINDS } from "./builder.ts"
export { RULING_TYPES, type RulingType } from "./documents.ts"
export { loadGazetteers, type Gazetteers } from "./data.ts"
export { isValidCbu, isValidCuit } from "./ids.ts"

export interface RulingMetadata {
  court: string
  /** ISO date of the ruling. */
  date: string
  type: RulingType
  caseNumbers: string[]
}

export interface Ruling {
  /** Canonical text (paragraphs separated by blank lines). */
  text: string
  /** Personal data: exact offsets into `text`, `text.slice(start, end) === span.text`. */
  spans: GoldSpan[]
  /** What must stay visible: officials, laws, court, ruling date, amounts, citations. */
  keep: KeepSpan[]
  metadata: RulingMetadata
  /** Rendering hints: the case caption (page headers) and where the footnote starts, if any. */
  layout: { caption: string; footnoteStart?: number }
}

export interface GenerateOptions {
  /** Force a ruling type (default: drawn from the seed). */
  type?: RulingType
  /** Force a footnote (true), forbid it (false), or draw it (undefined, ~30%). */
  footnote?: boolean
  gazetteers?: Gazetteers
}

/** One ruling from a seed. */
export const generateRuling = (seed: number, options: GenerateOptions = {}): Ruling => {
  const rng = new Rng(seed)
  const gz = options.gazetteers ?? loadGazetteers()
  const type = options.type ?? rng.pick(RULING_TYPES)
  const footnote = options.footnote ?? rng.chance(0.3)
  const ctx = makeCtx(rng.fork(1), gz, type)
  const { b, footnoteStart } = compose(ctx, footnote)
  return {
    text: b.text(),
    spans: b.spans,
    keep: b.keep,
    metadata: { court: ctx.court, date: iso(ctx.date), type, caseNumbers: ctx.caseNumbers },
    layout: { caption: ctx.captionText, ...(footnoteStart !== undefined ? { footnoteStart } : {}) },
  }
}

/** Seed of the i-th ruling of a batch. */
export const batchSeed = (seed: number, index: number): number => (Math.imul(seed + 1, 1_000_003) + index * 7919) | 0
