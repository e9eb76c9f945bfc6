import type { AuditRecord } from "../domain/AuditRecord.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { operatorFor } from "../domain/PipelineConfig.ts"
import type { ResolvedSpan } from "../detect/Detector.ts"
import { applyOperator } from "./operators.ts"
import { buildPseudonymTable } from "./pseudonyms.ts"

export interface RedactedEntity extends ResolvedSpan {
  readonly text: string
  /** What replaced the mention in the public text; null when kept. */
  readonly replacement: string | null
}

export interface RedactionResult {
  readonly text: string
  readonly entities: readonly RedactedEntity[]
}

/**
 * Overlapping redactions are fused into one covering range (fail closed: a
 * character inside any redacted span never survives). The resolver normally
 * hands over disjoint spans; this is the last line of defence.
 */
const disjointRedactions = (spans: readonly ResolvedSpan[]): ResolvedSpan[] => {
  const sorted = spans.filter((span) => span.action === "redact" && span.end > span.start)
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const out: ResolvedSpan[] = []
  for (const span of sorted) {
    const last = out[out.length - 1]
    if (last && span.start < last.end) {
      if (span.end > last.end) out[out.length - 1] = { ...last, end: span.end }
      continue
    }
    out.push(span)
  }
  return out
}

/**
 * Replace every redacted span by its operator's output. Text between spans
 * is copied verbatim, so paragraphs, punctuation and spacing survive.
 */
export const redactText = (text: string, spans: readonly ResolvedSpan[], config: PipelineConfig): RedactionResult => {
  const redactions = disjointRedactions(spans)
  const pseudonyms = buildPseudonymTable(text, redactions)
  const canonical = new Map<string, string>()
  for (const span of redactions) {
    const key = pseudonyms.keyOf(span)
    const mention = text.slice(span.start, span.end)
    if ((canonical.get(key)?.length ?? 0) < mention.length) canonical.set(key, mention)
  }
  const replacements = new Map<ResolvedSpan, string>()
  const pieces: string[] = []
  let cursor = 0
  for (const span of redactions) {
    const original = text.slice(span.start, span.end)
    const replacement = applyOperator(operatorFor(config, span.label), {
      span,
      original,
      canonical: canonical.get(pseudonyms.keyOf(span)) ?? original,
      pseudonyms,
    })
    replacements.set(span, replacement)
    pieces.push(text.slice(cursor, span.start), replacement)
    cursor = span.end
  }
  pieces.push(text.slice(cursor))
  const kept = spans.filter((span) => span.action === "keep")
  const entities = [...redactions, ...kept]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((span) => ({ ...span, text: text.slice(span.start, span.end), replacement: replacements.get(span) ?? null }))
  return { text: pieces.join(""), entities }
}

/** A redaction's entities as the private audit record keeps them (the pipeline and review write the same). */
export const auditEntities = (redaction: RedactionResult): AuditRecord["entities"] =>
  redaction.entities.map((entity) => ({
    start: entity.start,
    end: entity.end,
    label: entity.label,
    text: entity.text,
    score: entity.score,
    detector: entity.detector,
    ...(entity.evidence ? { evidence: entity.evidence } : {}),
    ...(entity.entity ? { entity: entity.entity } : {}),
    action: entity.action,
    replacement: entity.replacement,
  }))
