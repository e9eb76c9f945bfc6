import { access } from "node:fs/promises"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { DEFAULT_PIPELINE, loadPipelineConfig } from "../domain/loadPipelineConfig.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { OutputFolder } from "../store/OutputFolder.ts"

/** The configuration a run used, kept with its outputs (`private/pipeline.json`) so that review and publication gate alike. */
export const runConfigPath = (folder: OutputFolder["Service"]): string => folder.privatePath("pipeline.json")

/**
 * The pipeline configuration of a command, loaded and validated once (see
 * loadPipelineConfig) and shared by every stage the command runs. Wired
 * once per command in the CLI's main (src/cli/main.ts).
 */
export class Pipeline extends Context.Service<Pipeline, {
  readonly config: PipelineConfig
}>()("tacha/pipeline/Pipeline") {
  /** The pipeline file `file` (`tacha run --pipeline`). */
  static readonly layer = (file: string) =>
    Layer.effect(Pipeline, loadPipelineConfig(file).pipe(Effect.map((config) => Pipeline.of({ config }))))

  /** A configuration already loaded (tests, benchmarks). */
  static readonly layerConfig = (config: PipelineConfig) => Layer.succeed(Pipeline)(Pipeline.of({ config }))

  /**
   * For the commands over an earlier run's output folder: `--pipeline` when
   * given, else the configuration the folder's last run used, else the
   * default pipeline.
   */
  static readonly layerOfOutput = (given: Option.Option<string>) =>
    Layer.effect(
      Pipeline,
      Effect.gen(function*() {
        const saved = runConfigPath(yield* OutputFolder)
        const file = Option.isSome(given)
          ? given.value
          : (yield* Effect.promise(() => access(saved).then(() => true, () => false))) ? saved : DEFAULT_PIPELINE
        return Pipeline.of({ config: yield* loadPipelineConfig(file) })
      }),
    )
}
