import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { actionFor as domainActionFor } from "../domain/PipelineConfig.ts"
import type { Label } from "../domain/Label.ts"
import type { Span } from "../domain/Span.ts"
import type { ResolvedSpan } from "../detect/Detector.ts"

/** What the pipeline does with a label: the config's action, officials kept by default. */
export const actionFor = (config: PipelineConfig, label: Label): "redact" | "keep" => domainActionFor(config, label)

/** Attaches the configured action to each span. */
export const applyPolicy = (config: PipelineConfig, spans: readonly Span[]): ResolvedSpan[] =>
  spans.map((s) => ({ ...s, action: actionFor(config, s.label) }))
