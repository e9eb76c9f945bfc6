import type { Span } from "../domain/Span.ts"

/**
 * The spans overlapping a range, found by binary search over spans sorted by
 * start with the running maximum of their ends: O(log n + k) per query for
 * the mostly disjoint spans of a ruling, instead of a scan of all of them.
 */
export const overlapIndex = <S extends Pick<Span, "start" | "end">>(spans: readonly S[]): (start: number, end: number) => S[] => {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const maxEnd: number[] = []
  let running = -1
  for (const span of sorted) maxEnd.push((running = Math.max(running, span.end)))
  return (start, end) => {
    // First span starting at or after `end`: none from there on can overlap.
    let low = 0
    let high = sorted.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (sorted[mid]!.start < end) low = mid + 1
      else high = mid
    }
    const found: S[] = []
    for (let i = low - 1; i >= 0 && maxEnd[i]! > start; i--) if (sorted[i]!.end > start) found.push(sorted[i]!)
    return found
  }
}
