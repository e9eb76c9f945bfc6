/**
 * A set of half-open intervals [start, end) that grows and shrinks, and
 * answers "which of them overlap [s, e)?" by looking only at the buckets of
 * text the range covers (fixed-width cells, each listing the intervals that
 * reach into it). For the short, mostly disjoint spans of a ruling a query
 * or an update costs about one cell, so a sweep over n spans stays near
 * O(n) instead of scanning every span for each one.
 */

const CELL = 64

export class IntervalBuckets<T extends { readonly start: number; readonly end: number }> {
  private readonly cells = new Map<number, T[]>()

  constructor(intervals: Iterable<T> = []) {
    for (const interval of intervals) this.add(interval)
  }

  /** Cells an interval reaches into (an empty one still has its cell, so it can be found and removed). */
  private span(start: number, end: number): [number, number] {
    const first = Math.floor(start / CELL)
    return [first, Math.max(first, Math.floor((end - 1) / CELL))]
  }

  add(interval: T): void {
    const [first, last] = this.span(interval.start, interval.end)
    for (let cell = first; cell <= last; cell++) {
      const list = this.cells.get(cell)
      if (list) list.push(interval)
      else this.cells.set(cell, [interval])
    }
  }

  /** Removes this very interval (by identity); nothing happens when it is absent. */
  delete(interval: T): void {
    const [first, last] = this.span(interval.start, interval.end)
    for (let cell = first; cell <= last; cell++) {
      const list = this.cells.get(cell)
      const at = list?.indexOf(interval) ?? -1
      if (at >= 0) list!.splice(at, 1)
    }
  }

  /** The intervals overlapping [start, end), each once. */
  overlapping(start: number, end: number): T[] {
    const found = new Set<T>()
    const [first, last] = this.span(start, end)
    for (let cell = first; cell <= last; cell++) {
      for (const interval of this.cells.get(cell) ?? []) if (interval.start < end && start < interval.end) found.add(interval)
    }
    return [...found]
  }

  overlapsAny(start: number, end: number): boolean {
    const [first, last] = this.span(start, end)
    for (let cell = first; cell <= last; cell++) {
      for (const interval of this.cells.get(cell) ?? []) if (interval.start < end && start < interval.end) return true
    }
    return false
  }
}
