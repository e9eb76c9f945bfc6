import { Context, Effect, Layer } from "effect"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector } from "../detect/Detector.ts"
import type { DocumentJob, DocumentOutcome } from "./analyseDocument.ts"
import { createDocumentPool } from "./DocumentPool.ts"
import { loadNerDetector } from "./loadNerDetector.ts"

/**
 * Detection and resolution for the batch. Built once per batch: the NER
 * model, when the pipeline enables it, is loaded here (in its own worker
 * thread) and shared by every document; the pool of document workers
 * (`config.concurrency` threads, see DocumentPool.ts) runs each document's
 * CPU-bound work under a hard time and memory limit, asking the main thread
 * for NER spans. Both are stopped when the batch's scope ends.
 */
export class Analyser extends Context.Service<Analyser, {
  /** One document's extract → analyse → redact → gate, in a worker; never fails. */
  readonly process: (job: DocumentJob) => Effect.Effect<DocumentOutcome>
  /** Names of the statistical detectors in use (empty when rules only). */
  readonly models: readonly string[]
}>()("tacha/pipeline/Analyser") {
  static readonly layer = (config: PipelineConfig) =>
    Layer.effect(
      Analyser,
      Effect.gen(function*() {
        const extra: readonly Detector[] = yield* loadNerDetector(config)
        const pool = yield* Effect.acquireRelease(
          Effect.sync(() => createDocumentPool({ size: config.concurrency, config, extra })),
          (opened) => Effect.promise(() => opened.close()),
        )
        return Analyser.of({
          process: (job) => Effect.promise(() => pool.run(job)),
          models: extra.map((detector) => detector.name),
        })
      }),
    )
}
