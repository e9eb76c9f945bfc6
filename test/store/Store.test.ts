import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { storeOpens, storePath, withStore } from "../../src/store/openStore.ts"
import { OutputFolder } from "../../src/store/OutputFolder.ts"
import { Store } from "../../src/store/Store.ts"

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
