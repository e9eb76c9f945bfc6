import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { listInputs } from "../../src/ingest/inputs.ts"
import { largestFirst } from "../../src/pipeline/runBatch.ts"

describe("the order a batch takes its documents in", () => {
  it("takes the largest files first, keeps the listing's order between equal sizes, and leaves what cannot be read for last", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tacha-orden-"))
    try {
      const sizes: Record<string, number> = { "a.txt": 10, "b.txt": 5_000, "c.txt": 300, "d.txt": 5_000, "e.txt": 20_000, "f.txt": 300 }
      for (const [name, size] of Object.entries(sizes)) await writeFile(join(dir, name), "x".repeat(size))
      await writeFile(join(dir, "g.xyz"), "x".repeat(50_000))
      await symlink(join(dir, "no-existe.txt"), join(dir, "0-roto.txt"))
      const listing = await Effect.runPromise(listInputs(dir))
      const listed = listing.entries.map((entry) => entry.relative)
      expect(listed).toEqual(["0-roto.txt", "a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.xyz"])
      expect(listing.entries[0]!.kind).toBe("rejected")
      // A file removed after the listing is left for last, with the rejected entries, in the listing's order.
      await rm(join(dir, "c.txt"))
      expect(largestFirst(listing.entries).map((entry) => entry.relative)).toEqual(["g.xyz", "e.txt", "b.txt", "d.txt", "f.txt", "a.txt", "0-roto.txt", "c.txt"])
      expect(largestFirst(listing.entries)).toHaveLength(listing.entries.length)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
