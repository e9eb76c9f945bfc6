import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector } from "../detect/Detector.ts"
import type { AnalysisRequest } from "./contract/AnalysisRequest.ts"
import type { AnalysisOutcome } from "./contract/AnalysisResult.ts"
import { createDocumentPool } from "./DocumentPool.ts"
import { loadNerDetector } from "./loadNerDetector.ts"

/**
 * Detection and resolution for the batch. Built once per batch: the NER
 * model, when the pipeline enables it, is loaded here (in its own worker
 * threads, while the document workers start) and shared by every document; the pool of document workers
 * (`config.concurrency` threads, see DocumentPool.ts) runs each document's
 * CPU-bound work under a hard time and memory limit, asking the main thread
 * for NER spans. Both are stopped when the batch's scope ends.
 *
 * The same service, backed by a Redis queue (src/queue/QueueAnalyser.ts),
 * makes the batch a coordinator whose documents are analysed on other
 * machines: the batch itself does not change.
 */
export class Analyser extends Context.Service<Analyser, {
  /** One document's extract → analyse → redact → gate, in a worker; never fails. */
  readonly process: (request: AnalysisRequest) => Effect.Effect<AnalysisOutcome>
  /** Names of the statistical detectors in use (empty when rules only). */
  readonly models: readonly string[]
  /**
   * Documents the batch keeps in flight: enough that while one document's
   * file is read or its outputs written, the next ones are already waiting
   * for a worker; few enough that memory stays bounded (each file is under
   * `limits.maxFileBytes`).
   */
  readonly inFlight: number
}>()("tacha/pipeline/Analyser") {
  static readonly layer = (config: PipelineConfig, options: { readonly size?: number; readonly inputRoot?: string } = {}) =>
    Layer.effect(
      Analyser,
      Effect.gen(function*() {
        const size = options.size ?? config.concurrency
        let modelsLoaded: (detectors: readonly Detector[]) => void = () => {}
        let modelsFailed: (error: unknown) => void = () => {}
        const models = new Promise<readonly Detector[]>((resolve, reject) => {
          modelsLoaded = resolve
          modelsFailed = reject
        })
        const pool = yield* Effect.acquireRelease(
          Effect.sync(() => createDocumentPool({ size, config, extra: models, ...(options.inputRoot ? { inputRoot: options.inputRoot } : {}) })),
          (opened) => Effect.promise(() => opened.close()),
        )
        // The document workers load their code while the model loads in its own threads.
        pool.warm()
        const extra: readonly Detector[] = yield* loadNerDetector(config).pipe(
          Effect.tapError((error) => Effect.sync(() => modelsFailed(error))),
        )
        modelsLoaded(extra)
        return Analyser.of({
          process: (request) => Effect.promise(() => pool.run(request)).pipe(Effect.map((result) => result.outcome)),
          models: extra.map((detector) => detector.name),
          inFlight: size * 2,
        })
      }),
    )
}
