import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Runtime from "effect/Runtime"
import { CliError } from "effect/cli"

/**
 * How every command ends, in one place: the exit codes the README documents
 * and the one or two Spanish lines a clerk reads when something is wrong.
 * A command fails with a tagged error whose `message` is Spanish and names
 * the file, flag or value; `reportFailures` prints it without a stack trace
 * (unless `--depurar`) and exits with the error's code.
 */
export const EXIT = {
  /** Everything was done. */
  ok: 0,
  /** Some documents failed or were held for review; the rest were done. */
  incomplete: 1,
  /** Bad usage or configuration: a flag, a path, a pipeline file. Nothing was written. */
  usage: 2,
  /** Nothing to do: an empty input. Nothing was written. */
  nothingToDo: 3,
  /** A bug in tacha: the message says to re-run with --depurar and report it. */
  internal: 70,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM. */
  interrupted: 130,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** The global flag that shows the technical detail (stack traces) of an error. */
export const DEBUG_FLAG = "depurar"

/**
 * A problem the clerk can fix. `message` says what is wrong and names the
 * culprit; `hint` says what to do. Never document content.
 */
export class UserError extends Data.TaggedError("UserError")<{
  readonly message: string
  readonly hint?: string
  readonly code?: typeof EXIT.usage | typeof EXIT.nothingToDo
}> {
  override get [Runtime.errorExitCode](): number {
    return this.code ?? EXIT.usage
  }
}

/** Ends the program with `code` once everything was said (nothing more is printed). */
export class ExitWith extends Data.TaggedError("ExitWith")<{ readonly code: number }> {
  override get [Runtime.errorExitCode](): number {
    return this.code
  }
  override readonly [Runtime.errorReported] = false
}

/** The shell form of a path for messages: as given, and absolute when that differs. */
export const showPath = (given: string, absolute: string): string => (given === absolute ? `«${given}»` : `«${given}» (${absolute})`)

const errorCode = (value: unknown): number | undefined => {
  const code = (value as Record<string, unknown> | null)?.[Runtime.errorExitCode]
  return typeof code === "number" ? code : undefined
}

const hintOf = (value: unknown): string | undefined => {
  const hint = (value as { hint?: unknown } | null)?.hint
  return typeof hint === "string" ? hint : undefined
}

/** What to print and the exit code, for a failure's squashed error. */
export const describeFailure = (cause: Cause.Cause<unknown>): { readonly lines: readonly string[]; readonly code: number; readonly reported: boolean } => {
  const error = Cause.squash(cause)
  if (CliError.isCliError(error) && error._tag === "ShowHelp") {
    // Parse errors were already printed by the presenter (in Spanish).
    return { lines: [], code: error.errors.length > 0 ? EXIT.usage : EXIT.ok, reported: true }
  }
  // Errors that said their piece already (BatchIncomplete, ExitWith) only set the code.
  if (Runtime.getErrorReported(error) === false) return { lines: [], code: errorCode(error) ?? EXIT.incomplete, reported: true }
  const isFailure = cause.reasons.some(Cause.isFailReason)
  if (isFailure && error instanceof Error && error.message) {
    const hint = hintOf(error)
    return { lines: [`Error: ${error.message}`, ...(hint ? [hint] : [])], code: errorCode(error) ?? EXIT.usage, reported: false }
  }
  // A defect: a bug. Its message could quote a document, so only its class is named.
  const name = error instanceof Error ? error.name : typeof error
  return {
    lines: [
      `Error interno inesperado (${name}).`,
      `Vuelva a correr el mismo comando con --${DEBUG_FLAG} para ver el detalle e informe el problema.`,
    ],
    code: EXIT.internal,
    reported: false,
  }
}

/**
 * Wraps the whole program: any failure becomes its Spanish lines on standard
 * error and an exit code; with `debug`, the full cause (with stack traces)
 * follows. Interruptions pass through (exit 130).
 */
export const reportFailures = (debug: boolean) => <A, E, R>(program: Effect.Effect<A, E, R>): Effect.Effect<A, ExitWith, R> =>
  program.pipe(
    Effect.catchCause((cause) => {
      if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause as Cause.Cause<never>)
      const { lines, code, reported } = describeFailure(cause)
      return Effect.sync(() => {
        if (!reported) for (const line of lines) process.stderr.write(line + "\n")
        if (debug) process.stderr.write(Cause.pretty(cause) + "\n")
      }).pipe(Effect.andThen(Effect.fail(new ExitWith({ code }))))
    }),
  )
