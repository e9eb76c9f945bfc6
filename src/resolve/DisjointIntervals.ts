/**
 * A growing set of pairwise disjoint half-open intervals [start, end) that
 * answers "does [s, e) overlap any of them?" in O(log n), so a greedy choice
 * over n candidate spans costs O(n log n) instead of O(n²).
 *
 * The starts an interval may have are given up front (the candidates'
 * starts); a Fenwick tree over them counts the intervals added. An interval
 * overlaps [s, e) exactly when one starts inside [s, e) or the last one that
 * starts before s ends after s (they are disjoint, so only that one can).
 */
export class DisjointIntervals {
  private readonly starts: Float64Array
  private readonly tree: Int32Array
  private readonly ends: Float64Array

  constructor(possibleStarts: Iterable<number>) {
    this.starts = Float64Array.from(new Set(possibleStarts)).sort()
    this.tree = new Int32Array(this.starts.length + 1)
    this.ends = new Float64Array(this.starts.length)
  }

  /** Index of the first possible start >= value. */
  private lowerBound(value: number): number {
    let low = 0
    let high = this.starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.starts[middle]! < value) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Intervals added whose start index is below `index`. */
  private countBelow(index: number): number {
    let sum = 0
    for (let i = index; i > 0; i -= i & -i) sum += this.tree[i]!
    return sum
  }

  /** Start index of the k-th (1-based) added interval in start order. */
  private kth(k: number): number {
    let position = 0
    let remaining = k
    for (let step = 1 << Math.floor(Math.log2(this.tree.length)); step > 0; step >>= 1) {
      const next = position + step
      if (next < this.tree.length && this.tree[next]! < remaining) {
        position = next
        remaining -= this.tree[next]!
      }
    }
    return position
  }

  overlapsAny(start: number, end: number): boolean {
    const from = this.lowerBound(start)
    const before = this.countBelow(from)
    if (this.countBelow(this.lowerBound(end)) > before) return true
    return before > 0 && this.ends[this.kth(before)]! > start
  }

  /** Adds [start, end); `start` must be one of the possible starts and the interval disjoint from those added. */
  add(start: number, end: number): void {
    const index = this.lowerBound(start)
    if (this.starts[index] !== start) throw new RangeError("DisjointIntervals.add: start not declared")
    this.ends[index] = end
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i]!++
  }
}
