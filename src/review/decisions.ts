import type { ResolvedSpan } from "../detect/Detector.ts"
import { findForms, formTokens, tokenize } from "../detect/formSearch.ts"
import type { Label } from "../domain/Label.ts"

/**
 * A person's decisions on a ruling's spans, and how they turn into the spans
 * `redactAndGate` redacts: hiding a mention is a redact span with the chosen
 * label, keeping one removes the redactions over it and adds a keep span (so
 * the gate's residual scan treats the form as kept, as it does an official's
 * name). Decisions act on one mention (offsets in the record's `text`) or on
 * every mention of a written form (`scope: "forma"`), and apply in order.
 */

export type SpanAction = "ocultar" | "mantener"

export interface SpanDecision {
  readonly action: SpanAction
  readonly scope: "mencion" | "forma"
  /** The mention's range (scope "mencion"); for "forma", where the form was first chosen. */
  readonly start: number
  readonly end: number
  readonly label: Label
  /** The mention's text (scope "mencion") or the form (scope "forma"). */
  readonly surface: string
  /** Text just before and after the mention, to find it again in a new version of the ruling. */
  readonly before: string
  readonly after: string
}

/** How much text each side of a mention identifies it in a new version. */
export const CONTEXT_CHARS = 40

export const contextOf = (text: string, start: number, end: number): { before: string; after: string } => ({
  before: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
  after: text.slice(end, end + CONTEXT_CHARS),
})

/** Every mention of a written form in `text` (case-, accent- and spacing-insensitive, on word boundaries). */
export const mentionsOf = (text: string, form: string): { start: number; end: number }[] => {
  const tokens = formTokens(form)
  if (tokens.length === 0) return []
  return findForms(tokenize(text), [tokens]).map((hit) => ({ start: hit.start, end: hit.end }))
}

const overlaps = (span: { start: number; end: number }, range: { start: number; end: number }) =>
  span.start < range.end && range.start < span.end

/** The parts of `span` outside `range` (a redaction trimmed around a kept mention). */
const outside = (span: ResolvedSpan, range: { start: number; end: number }): ResolvedSpan[] =>
  [
    ...(span.start < range.start ? [{ ...span, end: range.start }] : []),
    ...(span.end > range.end ? [{ ...span, start: range.end }] : []),
  ]

const applyAt = (spans: readonly ResolvedSpan[], decision: SpanDecision, range: { start: number; end: number }): ResolvedSpan[] => {
  if (decision.action === "ocultar") {
    // A keep over the mention goes (the person overrides it); redactions inside it are replaced (a new label).
    const rest = spans.filter((span) =>
      !overlaps(span, range) || (span.action === "redact" && !(span.start >= range.start && span.end <= range.end))
    )
    return [...rest, { ...range, label: decision.label, score: 1, detector: "review/person", evidence: "revision:ocultar", action: "redact" }]
  }
  const rest = spans.flatMap((span) => (overlaps(span, range) ? (span.action === "redact" ? outside(span, range) : []) : [span]))
  return [...rest, { ...range, label: decision.label, score: 1, detector: "review/person", evidence: "revision:mantener", action: "keep" }]
}

/** The ruling's spans after the decisions, in order. */
export const applyDecisions = (text: string, spans: readonly ResolvedSpan[], decisions: readonly SpanDecision[]): ResolvedSpan[] => {
  let current = [...spans]
  for (const decision of decisions) {
    const ranges = decision.scope === "forma" ? mentionsOf(text, decision.surface) : [{ start: decision.start, end: decision.end }]
    for (const range of ranges) current = applyAt(current, decision, range)
  }
  return current.sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * A decision made on an earlier version of the ruling, placed in a new one,
 * or null when it no longer applies: a form decision applies while the form
 * is still written; a mention decision where the same text stands between
 * the same context (the nearest such place to its old offset).
 */
export const relocate = (decision: SpanDecision, text: string): SpanDecision | null => {
  if (decision.scope === "forma") {
    const first = mentionsOf(text, decision.surface)[0]
    return first ? { ...decision, start: first.start, end: first.end } : null
  }
  if (text.slice(decision.start, decision.end) === decision.surface &&
    text.slice(Math.max(0, decision.start - decision.before.length), decision.start) === decision.before &&
    text.slice(decision.end, decision.end + decision.after.length) === decision.after) return decision
  const needle = decision.before + decision.surface + decision.after
  let best: number | null = null
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const start = at + decision.before.length
    if (best === null || Math.abs(start - decision.start) < Math.abs(best - decision.start)) best = start
  }
  if (best === null) return null
  return { ...decision, start: best, end: best + decision.surface.length }
}
