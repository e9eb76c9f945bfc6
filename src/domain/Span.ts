import type { Label } from "./Label.ts"

/**
 * A detection: a half-open character range [start, end) over the analysed
 * text, with who found it and why. Spans are plain data so every detector,
 * rule-based or statistical, speaks the same language.
 */
export interface Span {
  readonly start: number
  readonly end: number
  readonly label: Label
  /** Confidence in [0, 1]. */
  readonly score: number
  /** Name of the detector that produced the span (e.g. "rules/dni", "ner/tacha-ner-es"). */
  readonly detector: string
  /** Short machine-readable reason (pattern name, cue word); never personal data. */
  readonly evidence?: string
  /**
   * Identity of the real-world entity the mention refers to, when known
   * (e.g. the normalised full name a surname-only mention was propagated from).
   * Spans with the same label and entity get the same pseudonym.
   */
  readonly entity?: string
}

export const spanLength = (span: Pick<Span, "start" | "end">): number => span.end - span.start

export const overlaps = (a: Pick<Span, "start" | "end">, b: Pick<Span, "start" | "end">): boolean =>
  a.start < b.end && b.start < a.end

export const byPosition = (a: Span, b: Span): number =>
  a.start - b.start || b.end - a.end || a.label.localeCompare(b.label) || a.detector.localeCompare(b.detector)
