import * as Context from "effect/Context"
import * as Layer from "effect/Layer"

/**
 * Ctrl-C (SIGINT) or SIGTERM, as a request a command can honour at a safe
 * point. A command that can stop cleanly (`tacha run` at a document
 * boundary) calls `listen`; while it listens, the first signal only sets
 * `requested` and calls the listener. With no listener, or on a second
 * signal, the program is interrupted at once (see `runMain.ts`).
 */
export interface StopSignalShape {
  /** Whether a stop was asked for. */
  readonly requested: () => boolean
  /** Handle the first signal; returns a function that stops listening. */
  readonly listen: (onStop: () => void) => () => void
}

export interface StopSource extends StopSignalShape {
  /** Called on a signal: true when a listener took it (the program goes on to its safe point). */
  readonly signal: () => boolean
}

export const makeStopSource = (): StopSource => {
  let requested = false
  let listener: (() => void) | undefined
  return {
    requested: () => requested,
    listen: (onStop) => {
      listener = onStop
      return () => {
        if (listener === onStop) listener = undefined
      }
    },
    signal: () => {
      if (requested || listener === undefined) return false
      requested = true
      listener()
      return true
    },
  }
}

export class StopSignal extends Context.Service<StopSignal, StopSignalShape>()("tacha/cli/StopSignal") {
  static readonly layer = (source: StopSignalShape) => Layer.succeed(StopSignal, source)
  /** Never asked to stop: for programs run without a terminal's signals (tests, the benchmark). */
  static readonly layerNever = Layer.succeed(StopSignal, { requested: () => false, listen: () => () => {} })
}
