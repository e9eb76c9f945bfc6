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
import { reviewCommand } from "./reviewCommand.ts"
import { reviewAppCommand } from "../review/reviewAppCommand.ts"

export const tacha = Command.make("tacha").pipe(
  Command.withDescription("tacha: anonimización de resoluciones judiciales para datos abiertos"),
  Command.withSubcommands([
    runCommand, workerCommand, evalCommand, evalRealCommand, queryCommand, searchCommand, serveCommand, publishCommand, reviewCommand, reviewAppCommand,
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
