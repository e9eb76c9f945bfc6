// The module itself, not the package index, which loads every platform module (HTTP, sockets, workers...).
import * as NodeServices from "@effect/platform-node/NodeServices"
import * as Effect from "effect/Effect"
import { ignoreClosedOutput } from "./closedOutput.ts"
import { cli } from "./main.ts"
import { runMain } from "./runMain.ts"
import { makeStopSource } from "./StopSignal.ts"

ignoreClosedOutput()
const stop = makeStopSource()
cli(process.argv.slice(2), stop).pipe(Effect.provide(NodeServices.layer), runMain(stop))
