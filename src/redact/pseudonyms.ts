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

/** Words that may open an address's mention without making it another address: "calle", "Av.", "la", "sito en". */
const ADDRESS_LEAD = /^(?:(?:en|de|del|la|el|sito|sita|calle|av|avda|avenida|bv|boulevard|bulevar|pasaje|pje)\.?\s+)+/u

/**
 * An address's key: its name and number however the ruling leads into them
 * ("calle Zuviría 5.412", "Zuviría 5412" and "Av. Zuviría N° 5412" are one
 * address), its number without thousands' points or number sign.
 */
const addressKey = (text: string): string =>
  normaliseName(text).replace(ADDRESS_LEAD, "").replace(/(\d)\.(?=\d{3}\b)/gu, "$1").replace(/(?<![\p{L}])(?:n|nro|numero)\.?\s+(?=\d)/gu, "").replace(/\s+/gu, " ")

export const entityKey = (span: Pick<ResolvedSpan, "label" | "entity">, text: string): string =>
  `${span.label}:${span.entity ?? (span.label === "DIRECCION" ? addressKey(text) : normaliseName(text))}`

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
