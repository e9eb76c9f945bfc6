import { join, relative } from "node:path"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { FileError } from "./FileError.ts"
import { shareStore, storePath, withStore } from "./openStore.ts"
import { causeOf, OutputFolder } from "./OutputFolder.ts"

/**
 * The private store could not be opened or a step on it failed. The message
 * names the store file and the cause's class, never a value (a DuckDB
 * message can quote the data); the step's transaction was rolled back.
 */
export class StoreError extends FileError(
  "StoreError",
  (file, cause) => `no se pudo usar el almacén privado ${file} (${cause}); lo que hacía ese paso se deshizo.`,
  "¿Hay otro proceso de tacha usando la misma carpeta? Espere a que termine y vuelva a correr el comando.",
) {}

/** One use of the store: its steps, each failing with a StoreError. */
export interface StoreSession {
  /** A step on the connection (a DuckDB call). */
  readonly attempt: <A>(step: (connection: DuckDBConnection) => Promise<A>) => Effect.Effect<A, StoreError>
  /** `effect` as one transaction: committed when it succeeds, rolled back when it fails or is interrupted. */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreError, R>
}

/**
 * The private store of one output folder as a service: the DuckDB file
 * (`private/tacha.duckdb`) is opened once, on first use, and closed when the
 * command's scope ends; every stage the command runs (the batch, the review
 * queue, publication, the review app's requests) shares that connection,
 * one use at a time (`use` here, `withStore` in promise code). Wired once
 * per command in the CLI's main (src/cli/main.ts). Nothing is created
 * before the first use, so a command that refuses its input writes nothing.
 */
export class Store extends Context.Service<Store, {
  /** The store file. */
  readonly path: string
  /** Run `use` with the store to itself (nested uses run inside it). */
  readonly use: <A, E, R>(use: (session: StoreSession) => Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreError, R>
}>()("tacha/store/Store") {
  static readonly layer = Layer.effect(
    Store,
    Effect.gen(function*() {
      const folder = yield* OutputFolder
      const path = storePath(folder.dir)
      const failure = (error: unknown) =>
        error instanceof StoreError ? error : new StoreError({ file: relative(join(folder.dir, ".."), path), cause: causeOf(error) })
      yield* Effect.acquireRelease(
        Effect.sync(() => shareStore(path)),
        (shared) => Effect.promise(() => shared.release()),
      )
      const session = (connection: DuckDBConnection): StoreSession => {
        const attempt = <A>(step: (connection: DuckDBConnection) => Promise<A>) =>
          Effect.tryPromise({ try: () => step(connection), catch: failure })
        return {
          attempt,
          transaction: (effect) =>
            Effect.acquireUseRelease(
              attempt((c) => c.run("BEGIN TRANSACTION")),
              () => effect,
              (_, exit) => attempt((c) => c.run(Exit.isSuccess(exit) ? "COMMIT" : "ROLLBACK")),
            ),
        }
      }
      return Store.of({
        path,
        use: <A, E, R>(use: (session: StoreSession) => Effect.Effect<A, E, R>) =>
          Effect.context<R>().pipe(
            Effect.flatMap((context) =>
              Effect.tryPromise({
                // One turn on the shared connection (see shareStore) for the whole of `use`.
                try: () => withStore(path, ({ connection }) => Effect.runPromiseExitWith(context)(use(session(connection)))),
                catch: failure,
              })
            ),
            Effect.flatMap((exit): Effect.Effect<A, E | StoreError> => exit),
          ),
      })
    }),
  )
}
