import { describe, expect, it } from "vitest"
import { IntervalBuckets } from "../../src/resolve/IntervalBuckets.ts"

/** Deterministic pseudo-random numbers (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

interface Interval {
  readonly start: number
  readonly end: number
}

const brute = (set: ReadonlySet<Interval>, start: number, end: number): Interval[] =>
  [...set].filter((interval) => interval.start < end && start < interval.end)

describe("IntervalBuckets", () => {
  it("answers overlap queries like a scan of the live intervals while they are added and removed", () => {
    for (const seed of [3, 4, 5]) {
      const next = random(seed)
      const buckets = new IntervalBuckets<Interval>()
      const live = new Set<Interval>()
      for (let step = 0; step < 2000; step++) {
        const start = Math.floor(next() * 3000)
        // Mostly short spans, some long ones that reach over many cells, some empty.
        const length = next() < 0.1 ? Math.floor(next() * 400) : Math.floor(next() * 20)
        const roll = next()
        if (roll < 0.45) {
          const interval = { start, end: start + length }
          buckets.add(interval)
          live.add(interval)
        } else if (roll < 0.6 && live.size > 0) {
          const victim = [...live][Math.floor(next() * live.size)]!
          buckets.delete(victim)
          live.delete(victim)
        } else {
          const expected = brute(live, start, start + length)
          expect(buckets.overlapsAny(start, start + length)).toBe(expected.length > 0)
          expect(new Set(buckets.overlapping(start, start + length))).toEqual(new Set(expected))
        }
      }
      expect(live.size).toBeGreaterThan(100)
    }
  })

  it("removes an interval by identity only: an equal one stays", () => {
    const a = { start: 10, end: 20 }
    const b = { start: 10, end: 20 }
    const buckets = new IntervalBuckets([a, b])
    buckets.delete(a)
    expect(buckets.overlapping(0, 100)).toEqual([b])
    buckets.delete(b)
    expect(buckets.overlapsAny(0, 100)).toBe(false)
    // Touching is not overlapping.
    expect(new IntervalBuckets([{ start: 5, end: 64 }]).overlapsAny(64, 70)).toBe(false)
  })
})
