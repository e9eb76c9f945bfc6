import * as Runtime from "effect/Runtime"
import type { StopSource } from "./StopSignal.ts"

/**
 * NodeRuntime.runMain, except for signals: the first SIGINT or SIGTERM goes
 * to the stop source, so that a command listening on it (`tacha run`) ends
 * at a safe point; without a listener, or on the next signal, the program
 * is interrupted (its finalizers run, exit code 130). Errors are not logged
 * here: `reportFailures` already printed them.
 */
export const runMain = (stop: StopSource) =>
  Runtime.makeRunMain(({ fiber, teardown }) => {
    let signalled = false
    const handler = () => {
      signalled = true
      if (!stop.signal()) fiber.interruptUnsafe(fiber.id)
    }
    process.on("SIGINT", handler)
    process.on("SIGTERM", handler)
    fiber.addObserver((exit) => {
      process.removeListener("SIGINT", handler)
      process.removeListener("SIGTERM", handler)
      teardown(exit, (code) => {
        if (signalled || code !== 0) process.exit(code)
      })
    })
  })
