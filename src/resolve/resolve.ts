import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { byPosition, type Span } from "../domain/Span.ts"
import type { Detector, ResolvedSpan } from "../detect/Detector.ts"
import { detectAll, ruleDetectors } from "../detect/registry.ts"
import { withoutCompanyNames } from "./companyNames.ts"
import { mergeSpans } from "./merge.ts"
import { consistentModelForms, isModelSpan, vetModelSpans } from "./modelSpans.ts"
import { acrossLineHyphens } from "./lineHyphens.ts"
import { cutToWords } from "./modelWords.ts"
import { actionFor, applyPolicy } from "./policy.ts"
import { propagate } from "./propagate.ts"
import { withWordGivenNames } from "./wordGivenNames.ts"

/** Rule spans below this score are dropped before merging. */
export const MIN_SCORE = 0.5

const threshold = (config: PipelineConfig, s: Span): number =>
  s.detector.startsWith("ner/") ? (config.detectors.ner?.threshold ?? MIN_SCORE) : MIN_SCORE

/**
 * Spans in, decisions out: thresholds, model spans cut to whole words and
 * name runs (modelWords.ts), words hyphenated at a line end taken whole (lineHyphens.ts), company names out (companyNames.ts), the visibility policy for model spans,
 * given names that are common words joined to the name they open (wordGivenNames.ts)
 * (see modelSpans.ts), overlaps, propagation of names, consistency of what
 * the model alone redacts, policy. Sorted, non-overlapping; PERSONA/FUNCIONARIO
 * spans carry `entity`.
 */
export const resolveSpans = (text: string, spans: readonly Span[], config: PipelineConfig): ResolvedSpan[] => {
  const valid = acrossLineHyphens(text, spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start && s.score >= threshold(config, s))
    .flatMap((s) => (isModelSpan(s) ? cutToWords(text, s) : [s])))
  const vetted = vetModelSpans(text, withoutCompanyNames(text, valid))
  const merged = withWordGivenNames(text, mergeSpans(text, vetted))
  const final = mergeSpans(text, propagate(text, merged))
  const consistent = vetted.some(isModelSpan)
    ? consistentModelForms(text, final, vetted.filter((s) => !isModelSpan(s)), (label) => actionFor(config, label) === "keep")
    : final
  return applyPolicy(config, consistent).sort(byPosition)
}

/**
 * Runs the rule detectors, then any extra (a NER model, which may skip the
 * words inside rule spans this resolver keeps: MIN_SCORE), and resolves.
 */
export const analyse = async (text: string, config: PipelineConfig, extra: readonly Detector[] = []): Promise<ResolvedSpan[]> =>
  resolveSpans(text, await detectAll(text, ruleDetectors(config), extra, MIN_SCORE), config)
