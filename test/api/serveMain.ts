#!/usr/bin/env node
// Test harness: `tacha serve` as the lead will register it in src/cli/main.ts.
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import * as Effect from "effect/Effect"
import { Command } from "effect/cli"
import { serveCommand } from "../../src/api/serveCommand.ts"

Command.run(Command.make("tacha").pipe(Command.withSubcommands([serveCommand])), { version: "test" }).pipe(
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain,
)
