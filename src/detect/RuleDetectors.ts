import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Pipeline } from "../pipeline/Pipeline.ts"
import type { Detector } from "./Detector.ts"
import { ruleDetectors } from "./registry.ts"

/**
 * The rule detectors of the command's pipeline (registry.ts), built once per
 * process and shared by every stage that scans a text outside the document
 * workers: publication's gate over public texts and documents, and the
 * review of held rulings. The workers build their own copy, once per thread.
 */
export class RuleDetectors extends Context.Service<RuleDetectors, {
  readonly detectors: readonly Detector[]
}>()("tacha/detect/RuleDetectors") {
  static readonly layer = Layer.effect(
    RuleDetectors,
    Effect.map(Pipeline, ({ config }) => RuleDetectors.of({ detectors: ruleDetectors(config) })),
  )
}
