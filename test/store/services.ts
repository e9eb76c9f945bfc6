import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { Detector } from "../../src/detect/Detector.ts"
import { RuleDetectors } from "../../src/detect/RuleDetectors.ts"
import type { PipelineConfig } from "../../src/domain/PipelineConfig.ts"
import { Pipeline } from "../../src/pipeline/Pipeline.ts"
import { ingestBatch, type IngestOptions, type RunInfo } from "../../src/publish/ingestBatch.ts"
import { publishOpenData, type PublishOpenDataOptions } from "../../src/publish/publishOpenData.ts"
import { OutputFolder } from "../../src/store/OutputFolder.ts"
import { Store } from "../../src/store/Store.ts"

/**
 * The services a command over the output folder `out` gets in the CLI's main
 * (src/cli/main.ts), for tests that call a stage directly: `config` as the
 * pipeline; the rule detectors it builds, or `detectors` in their place.
 */
export const outputServices = (out: string, config: PipelineConfig, detectors?: readonly Detector[]) =>
  Layer.mergeAll(
    Store.layer,
    detectors === undefined ? RuleDetectors.layer : Layer.succeed(RuleDetectors)(RuleDetectors.of({ detectors })),
  ).pipe(
    Layer.provideMerge(Pipeline.layerConfig(config)),
    Layer.provideMerge(OutputFolder.layer(out)),
  )

/** Run a stage with `layer`'s services. */
export const runWith = <A, E, ROut>(layer: Layer.Layer<ROut, unknown>, effect: Effect.Effect<A, E, ROut>): Promise<A> =>
  Effect.runPromise(effect.pipe(Effect.provide(layer)) as Effect.Effect<A, unknown>)

/** The configuration the review commands use for `out` without --pipeline: its last run's, else the default. */
export const savedConfig = (out: string): Promise<PipelineConfig> =>
  runWith(Pipeline.layerOfOutput(Option.none()).pipe(Layer.provide(OutputFolder.layer(out))), Effect.map(Pipeline, ({ config }) => config))

/**
 * `publishOpenData` on `outDir` with `config`, as a batch's end runs it;
 * `detectors` are the gate's rule detectors (none unless given).
 */
export const publishIn = (
  options: PublishOpenDataOptions & { readonly outDir: string; readonly config: PipelineConfig; readonly detectors?: readonly Detector[] },
) => runWith(outputServices(options.outDir, options.config, options.detectors ?? []), publishOpenData(options))

/** `ingestBatch` on `outDir`'s audit records and public texts. */
export const ingestIn = (outDir: string, run: RunInfo, options?: IngestOptions) =>
  runWith(Store.layer.pipe(Layer.provideMerge(OutputFolder.layer(outDir))), ingestBatch(run, options))
