import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { describe, expect, it } from "vitest"
import { storeOpens, storePath, withStore } from "../../src/store/openStore.ts"
import { OutputFolder } from "../../src/store/OutputFolder.ts"
import { Store, StoreError, type StoreSession } from "../../src/store/Store.ts"

const count = (path: string) =>
  withStore(path, async ({ connection }) => Number((await connection.runAndReadAll("SELECT count(*) FROM t")).getRows()[0]![0]))

describe("Store service", () => {
  it("opens the output folder's store once for the whole scope; uses take turns, nested uses run inside, writes are seen", async () => {
    const out = await mkdtemp(join(tmpdir(), "tacha-store-"))
    const path = storePath(out)
    const before = storeOpens()
    const seen = await Effect.runPromise(Effect.gen(function*() {
      // Nothing is opened (or created) until the first use.
      expect(storeOpens()).toBe(before)
      return yield* Effect.promise(async () => {
        await withStore(path, ({ connection }) => connection.run("CREATE TABLE t (x INTEGER)"))
        // Concurrent uses (the review app's requests) take turns on the one connection and see each other's writes.
        await Promise.all(Array.from({ length: 5 }, (_, i) =>
          withStore(path, async ({ connection }) => {
            await connection.run("BEGIN TRANSACTION")
            await connection.run("INSERT INTO t VALUES ($1)", [i])
            await connection.run("COMMIT")
          })
        ))
        // A use inside a use (a stage calling another) does not wait for itself.
        return withStore(path, () => count(path))
      })
    }).pipe(Effect.provide(Store.layer.pipe(Layer.provide(OutputFolder.layer(out))))))
    expect(seen).toBe(5)
    expect(storeOpens()).toBe(before + 1)
    // Closed with the scope: the file opens again on its own.
    expect(await count(path)).toBe(5)
    expect(storeOpens()).toBe(before + 2)
  })
})

describe("Store.use", () => {
  const inStore = <A, E>(out: string, effect: Effect.Effect<A, E, Store>) =>
    Effect.runPromiseExit(effect.pipe(Effect.provide(Store.layer.pipe(Layer.provide(OutputFolder.layer(out))))))

  it("a transaction that fails is rolled back whole; one that succeeds is committed", async () => {
    const out = await mkdtemp(join(tmpdir(), "tacha-store-"))
    const insert = (x: number) => (db: StoreSession) => db.attempt((connection) => connection.run("INSERT INTO t VALUES ($1)", [x]))
    await inStore(out, Effect.flatMap(Store, (store) => store.use((db) => db.attempt((connection) => connection.run("CREATE TABLE t (x INTEGER)")))))
    const failed = await inStore(out, Effect.flatMap(Store, (store) =>
      store.use((db) => db.transaction(insert(1)(db).pipe(Effect.andThen(insert(2)(db)), Effect.andThen(Effect.fail("stop" as const)))))))
    expect(Exit.isFailure(failed)).toBe(true)
    expect(await count(storePath(out))).toBe(0)
    const committed = await inStore(out, Effect.flatMap(Store, (store) => store.use((db) => db.transaction(insert(3)(db)))))
    expect(Exit.isSuccess(committed)).toBe(true)
    expect(await count(storePath(out))).toBe(1)
  })

  it("a failed step is a StoreError naming the store file and the cause's class, never the values", async () => {
    const out = await mkdtemp(join(tmpdir(), "tacha-store-"))
    const exit = await inStore(out, Effect.flatMap(Store, (store) =>
      store.use((db) => db.attempt((connection) => connection.run("INSERT INTO no_existe VALUES ('Juan Pérez')")))))
    const error = Cause.squash((exit as Exit.Failure<unknown, unknown>).cause)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).message).toBe(
      `no se pudo usar el almacén privado ${join(out.split("/").at(-1)!, "private", "tacha.duckdb")} (Error); lo que hacía ese paso se deshizo.`,
    )
    expect((error as StoreError).message).not.toContain("Pérez")
  })
})
