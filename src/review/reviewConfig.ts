import { access } from "node:fs/promises"
import { join } from "node:path"
import { Effect, Option } from "effect"
import { DEFAULT_PIPELINE, loadPipelineConfig, type PipelineConfigError } from "../domain/loadPipelineConfig.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"

/** The configuration a run used, kept with its outputs so that review and publication gate alike. */
export const runConfigPath = (outDir: string): string => join(outDir, "private", "pipeline.json")

/** `--pipeline` when given, else the configuration the last run of `outDir` used, else the default pipeline. */
export const reviewConfig = (outDir: string, pipeline: Option.Option<string>): Effect.Effect<PipelineConfig, PipelineConfigError> =>
  Option.match(pipeline, {
    onSome: (file) => loadPipelineConfig(file),
    onNone: () =>
      Effect.promise(() => access(runConfigPath(outDir)).then(() => true, () => false)).pipe(
        Effect.flatMap((saved) => loadPipelineConfig(saved ? runConfigPath(outDir) : DEFAULT_PIPELINE)),
      ),
  })
