import { Command } from "effect/cli"
import { TOOL_VERSION } from "../pipeline/toolVersion.ts"
import { serveCommand } from "../api/serveCommand.ts"
import { evalCommand } from "./evalCommand.ts"
import { queryCommand, searchCommand } from "./queryCommand.ts"
import { runCommand } from "./runCommand.ts"

export const tacha = Command.make("tacha").pipe(
  Command.withDescription("tacha: anonimización de resoluciones judiciales para datos abiertos"),
  Command.withSubcommands([runCommand, evalCommand, queryCommand, searchCommand, serveCommand]),
)

export const cli = Command.run(tacha, { version: TOOL_VERSION })
