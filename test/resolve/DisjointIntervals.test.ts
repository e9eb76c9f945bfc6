import { describe, expect, it } from "vitest"
import { DisjointIntervals } from "../../src/resolve/DisjointIntervals.ts"

/** Deterministic pseudo-random numbers (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const brute = (set: readonly [number, number][], start: number, end: number): boolean => set.some(([s, e]) => s < end && start < e)

describe("DisjointIntervals", () => {
  it("answers overlap queries like a linear scan while intervals are added in any order", () => {
    for (const seed of [7, 8, 9]) {
      const next = random(seed)
      const candidates = Array.from({ length: 600 }, () => {
        const start = Math.floor(next() * 2000)
        return [start, start + 1 + Math.floor(next() * 25)] as [number, number]
      })
      const index = new DisjointIntervals(candidates.map(([start]) => start))
      const added: [number, number][] = []
      for (const [start, end] of candidates) {
        const hit = index.overlapsAny(start, end)
        expect(hit).toBe(brute(added, start, end))
        if (!hit) {
          index.add(start, end)
          added.push([start, end])
        }
      }
      expect(added.length).toBeGreaterThan(50)
      // Touching intervals do not overlap; a query inside a gap finds nothing.
      const [first] = added
      expect(index.overlapsAny(first![1], first![1] + 0)).toBe(false)
    }
  })

  it("refuses an interval whose start was not declared", () => {
    expect(() => new DisjointIntervals([1, 5]).add(3, 4)).toThrow(RangeError)
  })
})
