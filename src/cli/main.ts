import { resolve } from "node:path"
import { Effect, Layer } from "effect"
import { Command } from "effect/cli"
import { TOOL_VERSION } from "../pipeline/toolVersion.ts"
import { serveCommand } from "../api/serveCommand.ts"
import { evalCommand } from "./evalCommand.ts"
import { evalRealCommand } from "./evalRealCommand.ts"
import { queryCommand, searchCommand } from "./queryCommand.ts"
import { runCommand } from "./runCommand.ts"
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
import { Store } from "../store/Store.ts"
import { reviewAppCommand } from "../review/reviewAppCommand.ts"

/**
 * The services of the commands that work on an output folder, wired here
 * once: the folder's private store is opened once per command and shared by
 * every stage it runs (batch, review queue, publication, the review app).
 */
const onStore = (out: string) => Store.layer(resolve(out))

const reviewCommand = Command.make("revision").pipe(
  Command.withDescription(REVIEW_DESCRIPTION),
  Command.withSubcommands([
    listCommand.pipe(Command.provide(({ out }) => onStore(out))),
    applyCommand.pipe(Command.provide(({ out }) => onStore(out))),
    listsCommand.pipe(Command.provide(({ out }) => onStore(out))),
    Command.make("control").pipe(
      Command.withDescription(CONTROL_DESCRIPTION),
      Command.withSubcommands([
        controlListCommand.pipe(Command.provide(({ out }) => onStore(out))),
        controlApplyCommand.pipe(Command.provide(({ out }) => onStore(out))),
      ]),
    ),
  ]),
)

export const tacha = Command.make("tacha").pipe(
  Command.withDescription("tacha: anonimización de resoluciones judiciales para datos abiertos"),
  Command.withSubcommands([
    runCommand.pipe(Command.provide(({ out }) => onStore(out))),
    workerCommand,
    evalCommand,
    evalRealCommand,
    queryCommand,
    searchCommand,
    serveCommand,
    publishCommand.pipe(Command.provide(({ out }) => onStore(out))),
    reviewCommand,
    reviewAppCommand.pipe(Command.provide(({ dir }) => onStore(dir))),
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
