import { Context, Effect, Layer } from "effect"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector, ResolvedSpan } from "../detect/Detector.ts"
import { analyse } from "../resolve/resolve.ts"
import { loadNerDetector } from "./loadNerDetector.ts"

/**
 * Detection and resolution for one text. Built once per batch: the NER model,
 * when the pipeline enables it, is loaded here and shared by every document.
 */
export class Analyser extends Context.Service<Analyser, {
  readonly analyse: (text: string) => Effect.Effect<readonly ResolvedSpan[]>
  /** Names of the statistical detectors in use (empty when rules only). */
  readonly models: readonly string[]
}>()("tacha/pipeline/Analyser") {
  static readonly layer = (config: PipelineConfig) =>
    Layer.effect(
      Analyser,
      Effect.gen(function*() {
        const extra: readonly Detector[] = yield* loadNerDetector(config)
        return Analyser.of({
          analyse: (text) => Effect.promise(() => analyse(text, config, extra)),
          models: extra.map((detector) => detector.name),
        })
      }),
    )
}
