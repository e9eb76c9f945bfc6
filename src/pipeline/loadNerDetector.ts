import { access } from "node:fs/promises"
import { availableParallelism } from "node:os"
import { isAbsolute, join } from "node:path"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Runtime from "effect/Runtime"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { PROJECT_ROOT } from "../domain/loadPipelineConfig.ts"
import type { Detector } from "../detect/Detector.ts"
import { createNerDetector } from "../detect/ner/index.ts"

/** The pipeline asks for a model that is not there or does not load. */
export class NerModelUnavailable extends Data.TaggedError("NerModelUnavailable")<{ readonly modelDir: string; readonly cause: string }> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `No se pudo cargar el modelo NER de ${this.modelDir}: ${this.cause}. Corrija detectors.ner en el pipeline o desactívelo.`
  }
}

/**
 * The NER detector the pipeline asks for, loaded once per batch and closed
 * (its worker thread stopped) when the batch's scope ends; none when the
 * pipeline does not enable it. A pipeline that enables a model which is not
 * there fails the batch at start rather than silently running rules only.
 */
export const loadNerDetector = (config: PipelineConfig) => {
  const ner = config.detectors.ner
  if (!ner?.enabled) return Effect.succeed<readonly Detector[]>([])
  const modelDir = isAbsolute(ner.model) ? ner.model : join(PROJECT_ROOT, ner.model)
  return Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        await access(join(modelDir, "config.json"))
        // As many model workers as document workers (the cores the pipeline may use), at most the machine's cores.
        return createNerDetector({ modelDir, quantized: ner.quantized, threshold: ner.threshold, workers: Math.max(1, Math.min(config.concurrency, availableParallelism())) })
      },
      catch: (error) => new NerModelUnavailable({ modelDir, cause: error instanceof Error ? error.message : String(error) }),
    }),
    (detector) => Effect.promise(() => detector.close()),
  ).pipe(Effect.map((detector): readonly Detector[] => [detector]))
}
