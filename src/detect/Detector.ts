import type { Label } from "../domain/Label.ts"
import type { Span } from "../domain/Span.ts"

/**
 * Every detector — a rule family or a statistical model — has this shape:
 * text in, typed spans with offsets, score and the detector's name out.
 * Rule detectors are synchronous; model detectors may be asynchronous.
 */
export interface Detector {
  /** Stable name, e.g. "rules/dni" or "ner/tacha-ner-es"; recorded on each span. */
  readonly name: string
  readonly labels: readonly Label[]
  readonly detect: (text: string, options?: DetectOptions) => readonly Span[] | Promise<readonly Span[]>
}

export interface DetectOptions {
  /** Aborted when nobody waits for the result any more (the document timed out): asynchronous detectors stop early. */
  readonly signal?: AbortSignal
  /**
   * Character ranges the rule detectors already decided (their spans, sorted
   * by start): a model may leave the words wholly inside them unread, since
   * the resolver lets a rule's span win or take in the model's there.
   */
  readonly settled?: SettledRanges
}

/** Character ranges, sorted by start (they may overlap). */
export type SettledRanges = ReadonlyArray<{ readonly start: number; readonly end: number }>

/** A span after resolution: what the pipeline will do with it. */
export interface ResolvedSpan extends Span {
  readonly action: "redact" | "keep"
}
