import { Context, Effect, Layer } from "effect"
import { shareStore, storePath } from "./openStore.ts"

/**
 * The private store of one output folder as a service: the DuckDB file
 * (`private/tacha.duckdb`) is opened once, on first use, and closed when the
 * command's scope ends; every stage the command runs (the batch, the review
 * queue, publication, the review app's requests) shares that connection,
 * one use at a time, through `withStore`. Wired once per command in the
 * CLI's main (src/cli/main.ts). Nothing is created before the first use, so
 * a command that refuses its input writes nothing.
 */
export class Store extends Context.Service<Store, {
  /** The store file. */
  readonly path: string
}>()("tacha/store/Store") {
  static readonly layer = (outDir: string) =>
    Layer.effect(
      Store,
      Effect.acquireRelease(
        Effect.sync(() => shareStore(storePath(outDir))),
        (shared) => Effect.promise(() => shared.release()),
      ).pipe(Effect.as(Store.of({ path: storePath(outDir) }))),
    )
}
