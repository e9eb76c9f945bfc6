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
}

/** A span after resolution: what the pipeline will do with it. */
export interface ResolvedSpan extends Span {
  readonly action: "redact" | "keep"
}
