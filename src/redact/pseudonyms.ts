import type { Label } from "../domain/Label.ts"
import type { ResolvedSpan } from "../detect/Detector.ts"
import { normaliseName } from "./normaliseName.ts"

/**
 * One entity, one pseudonym: mentions are grouped by label and entity key
 * (the resolver's `entity` when it linked mentions, else the normalised
 * text) and numbered in order of first appearance in the ruling.
 */
export interface PseudonymTable {
  /** 1-based number of the entity among entities of its label. */
  readonly numberOf: (span: ResolvedSpan) => number
  /** The entity key of a span (label-scoped). */
  readonly keyOf: (span: ResolvedSpan) => string
}

export const entityKey = (span: Pick<ResolvedSpan, "label" | "entity">, text: string): string =>
  `${span.label}:${span.entity ?? normaliseName(text)}`

export const buildPseudonymTable = (text: string, spans: readonly ResolvedSpan[]): PseudonymTable => {
  const numbers = new Map<string, number>()
  const perLabel = new Map<Label, number>()
  const keyOf = (span: ResolvedSpan) => entityKey(span, text.slice(span.start, span.end))
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.action !== "redact") continue
    const key = keyOf(span)
    if (numbers.has(key)) continue
    const next = (perLabel.get(span.label) ?? 0) + 1
    perLabel.set(span.label, next)
    numbers.set(key, next)
  }
  return {
    keyOf,
    numberOf: (span) => numbers.get(keyOf(span)) ?? 0,
  }
}
