import { resolve } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { Command } from "effect/cli"
import { TOOL_VERSION } from "../pipeline/toolVersion.ts"
import { serveCommand } from "../api/serveCommand.ts"
import { evalCommand } from "./evalCommand.ts"
import { evalRealCommand } from "./evalRealCommand.ts"
import { queryCommand, searchCommand } from "./queryCommand.ts"
import { runCommand, runPipelineFile } from "./runCommand.ts"
import { workerCommand } from "./workerCommand.ts"
import { Debug, spanishCli } from "./spanishCli.ts"
import { StopSignal, type StopSignalShape } from "./StopSignal.ts"
import { DEBUG_FLAG, reportFailures } from "./userError.ts"
import { publishCommand } from "./publishCommand.ts"
import {
  applyCommand,
  CONTROL_DESCRIPTION,
  controlApplyCommand,
  controlListCommand,
  listCommand,
  listsCommand,
  REVIEW_DESCRIPTION,
} from "./reviewCommand.ts"
import { RuleDetectors } from "../detect/RuleDetectors.ts"
import { Journal } from "../pipeline/Journal.ts"
import { Pipeline } from "../pipeline/Pipeline.ts"
import { OutputFolder } from "../store/OutputFolder.ts"
import { Store } from "../store/Store.ts"
import { reviewAppCommand } from "../review/reviewAppCommand.ts"

/**
 * The services of the commands that work on an output folder, wired here
 * once per command and shared by every stage it runs (batch, review queue,
 * publication, the review app's requests):
 * - OutputFolder: the paths under `--out` and their one writer;
 * - Pipeline: the configuration, loaded and validated once;
 * - RuleDetectors: the pipeline's rule detectors, built once;
 * - Store: the private store, opened once (on first use) and closed at the end;
 * - Journal (`run` only): the run journal, opened on its first entry.
 * Nothing is created before it is first written, so a command that refuses
 * its input writes nothing.
 */
const onOutput = <E, R>(folder: Layer.Layer<OutputFolder, E, R>) => Store.layer.pipe(Layer.provideMerge(folder))

/** A new or earlier output folder (`run`), with the pipeline it names. */
export const runServices = (out: string, pipeline: Option.Option<string>) =>
  Layer.mergeAll(Journal.layer, RuleDetectors.layer).pipe(
    Layer.provideMerge(Pipeline.layer(runPipelineFile(pipeline))),
    Layer.provideMerge(onOutput(OutputFolder.layer(resolve(out)))),
  )

/** An earlier run's output folder (checked first), with `--pipeline` or the configuration that run used. */
export const reviewServices = (out: string, pipeline: Option.Option<string>) =>
  RuleDetectors.layer.pipe(
    Layer.provideMerge(Pipeline.layerOfOutput(pipeline)),
    Layer.provideMerge(onOutput(OutputFolder.layerExisting(resolve(out)))),
  )

const reviewCommand = Command.make("revision").pipe(
  Command.withDescription(REVIEW_DESCRIPTION),
  Command.withSubcommands([
    listCommand.pipe(Command.provide(({ out, pipeline }) => reviewServices(out, pipeline))),
    applyCommand.pipe(Command.provide(({ out, pipeline }) => reviewServices(out, pipeline))),
    listsCommand.pipe(Command.provide(({ out, pipeline }) => reviewServices(out, pipeline))),
    Command.make("control").pipe(
      Command.withDescription(CONTROL_DESCRIPTION),
      Command.withSubcommands([
        // Listing the sample needs no pipeline.
        controlListCommand.pipe(Command.provide(({ out }) => onOutput(OutputFolder.layerExisting(resolve(out))))),
        controlApplyCommand.pipe(Command.provide(({ out, pipeline }) => reviewServices(out, pipeline))),
      ]),
    ),
  ]),
)

export const tacha = Command.make("tacha").pipe(
  Command.withDescription("tacha: anonimización de resoluciones judiciales para datos abiertos"),
  Command.withSubcommands([
    runCommand.pipe(Command.provide(({ out, pipeline }) => runServices(out, pipeline))),
    workerCommand,
    evalCommand,
    evalRealCommand,
    queryCommand,
    searchCommand,
    serveCommand,
    publishCommand.pipe(Command.provide(({ out, pipeline }) => reviewServices(out, pipeline))),
    reviewCommand,
    reviewAppCommand.pipe(Command.provide(({ dir, pipeline }) => reviewServices(dir, pipeline))),
  ]),
  Command.withGlobalFlags([Debug]),
)

/**
 * The program for the arguments after `tacha`: Spanish help and errors,
 * every failure reported as a short message with its exit code (the stack
 * trace only with --depurar), Ctrl-C as a stop request.
 */
export const cli = (args: readonly string[], stop: StopSignalShape) =>
  Command.runWith(tacha, { version: TOOL_VERSION })(args).pipe(
    reportFailures(args.includes(`--${DEBUG_FLAG}`)),
    Effect.provide(Layer.mergeAll(spanishCli, StopSignal.layer(stop))),
  )
