#!/usr/bin/env node
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { cli } from "./cli/main.ts"
import { runMain } from "./cli/runMain.ts"
import { makeStopSource } from "./cli/StopSignal.ts"

const stop = makeStopSource()
cli(process.argv.slice(2), stop).pipe(Effect.provide(NodeServices.layer), runMain(stop))
