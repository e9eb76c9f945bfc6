import { describe, expect, it } from "vitest"
import { overlapIndex } from "../../src/resolve/overlapIndex.ts"

describe("overlapIndex", () => {
  it("finds overlaps in a disjoint list, touching ends excluded", () => {
    const find = overlapIndex([{ start: 6, end: 9 }, { start: 2, end: 4 }, { start: 12, end: 13 }])
    expect(find(4, 6)).toEqual([])
    expect(find(3, 5)).toEqual([{ start: 2, end: 4 }])
    expect(find(9, 12)).toEqual([])
    expect(find(0, 20)).toHaveLength(3)
    expect(find(13, 20)).toEqual([])
    expect(overlapIndex([])(0, 1)).toEqual([])
  })

  it("finds every overlap among nested and overlapping spans (a long span before short ones)", () => {
    const spans = [{ start: 0, end: 100 }, { start: 10, end: 12 }, { start: 50, end: 60 }, { start: 55, end: 58 }]
    const find = overlapIndex(spans)
    expect(find(56, 57)).toEqual(expect.arrayContaining([spans[0], spans[2], spans[3]]))
    expect(find(56, 57)).toHaveLength(3)
    expect(find(20, 30)).toEqual([spans[0]])
    expect(find(100, 101)).toEqual([])
  })

  it("agrees with a plain scan on random spans", () => {
    let seed = 7
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    const spans = Array.from({ length: 300 }, () => {
      const start = random(1000)
      return { start, end: start + 1 + random(30) }
    })
    const find = overlapIndex(spans)
    for (let k = 0; k < 300; k++) {
      const start = random(1000)
      const end = start + 1 + random(20)
      const scan = spans.filter((s) => s.start < end && start < s.end)
      expect(new Set(find(start, end))).toEqual(new Set(scan))
    }
  })
})
