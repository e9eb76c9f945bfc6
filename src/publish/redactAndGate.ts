import type { Label } from "../domain/Label.ts"
import type { Detector, ResolvedSpan } from "../detect/Detector.ts"
import { redactText, type RedactionResult } from "../redact/redactText.ts"
import { closeRedactedForms } from "../resolve/closeForms.ts"
import { gatePublication, hardenSpans, type GateCause, type GateDecision, type PublicationPolicy } from "./gate.ts"

/**
 * From resolved spans to a public text the gate passes, or to a hold with
 * every finding placed in the analysed text:
 * 1. the ruling's publication policy (stricter categories redact more);
 * 2. every redacted form closed over the ruling (resolve/closeForms.ts);
 * 3. redaction, then the gate;
 * 4. what the gate still finds that a rule detects afresh in the public text
 *    (an identifier whose context only the redaction revealed) is redacted
 *    where it stands, with its label, and the text gated again — a few
 *    rounds at most. What cannot be redacted that way (a blocked category,
 *    a redacted form written where it is also a common word or an
 *    official's name) holds the ruling, with its findings, for review.
 */

/** A gate finding placed in the analysed text (never in the public one, which a reviewer does not edit). */
export interface HoldFinding {
  readonly start: number
  readonly end: number
  readonly label: Label | null
  readonly cause: GateCause
  readonly detector?: string
  readonly category?: string
}

export interface RedactedAndGated {
  readonly redaction: RedactionResult
  readonly gate: GateDecision
  /** Empty when the gate passed. */
  readonly hold: readonly HoldFinding[]
  /** Spans added by healing rounds (for the audit trail). */
  readonly healed: number
}

const MAX_HEALING_ROUNDS = 3

/** Maps offsets of the public text back to the analysed text, outside replacements. */
const toAnalysedOffset = (redaction: RedactionResult) => {
  const replaced = redaction.entities.filter((entity) => entity.replacement !== null)
    .map((entity) => ({ start: entity.start, end: entity.end, length: entity.replacement!.length }))
    .sort((a, b) => a.start - b.start)
  // publicStart[i]: where replacement i starts in the public text.
  const publicStart: number[] = []
  let shift = 0
  for (const entity of replaced) {
    publicStart.push(entity.start + shift)
    shift += entity.length - (entity.end - entity.start)
  }
  return (offset: number): number => {
    let low = 0
    let high = replaced.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (publicStart[mid]! + replaced[mid]!.length <= offset) low = mid + 1
      else high = mid
    }
    // Replacements wholly before `offset`: shift by their length change.
    let delta = 0
    if (low > 0) {
      const last = low - 1
      delta = publicStart[last]! + replaced[last]!.length - replaced[last]!.end
    }
    return offset - delta
  }
}

/** `policy` is the ruling's (`publicationPolicy(text, config)`); pass `ruleDetectors(policy.config)`. */
export const redactAndGate = (
  text: string,
  spans: readonly ResolvedSpan[],
  policy: PublicationPolicy,
  detectors: readonly Detector[],
): RedactedAndGated => {
  let current = closeRedactedForms(text, hardenSpans(spans, policy))
  let healed = 0
  for (let round = 0; ; round++) {
    const redaction = redactText(text, current, policy.config)
    const gate = gatePublication(redaction.text, redaction, policy.config, detectors)
    const toAnalysed = toAnalysedOffset(redaction)
    const placed = gate.findings.flatMap((finding) =>
      finding.at.length === 0
        ? [{ start: 0, end: 0, label: finding.label, cause: finding.cause, ...(finding.detector ? { detector: finding.detector } : {}), ...(finding.category ? { category: finding.category } : {}) }]
        : finding.at.map((at) => ({
          start: toAnalysed(at.start),
          end: toAnalysed(at.end),
          label: finding.label,
          cause: finding.cause,
          ...(finding.detector ? { detector: finding.detector } : {}),
        }))
    )
    const healable = placed.filter((finding) => finding.cause === "identificador_residual" && finding.label !== null && finding.end > finding.start)
    if (gate.publish || round === MAX_HEALING_ROUNDS || healable.length === 0) {
      return { redaction, gate, hold: gate.publish ? [] : placed, healed }
    }
    const additions: ResolvedSpan[] = healable.map((finding) => ({
      start: finding.start,
      end: finding.end,
      label: finding.label!,
      score: 1,
      detector: "publish/gate",
      evidence: `gate:${finding.detector ?? ""}`,
      action: "redact",
    }))
    healed += additions.length
    current = closeRedactedForms(text, [...current, ...additions])
  }
}
