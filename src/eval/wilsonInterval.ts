/**
 * The Wilson score interval for a binomial proportion (Wilson, 1927): the
 * interval of error rates compatible with `errors` of `n` sampled rulings.
 * Unlike the normal approximation it stays inside [0, 1] and is useful with
 * small samples and zero errors (0 of 10 → 0 to 0.278), which is what a
 * quality-control sample of a batch usually is.
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054

export interface Proportion {
  readonly rate: number
  readonly lower: number
  readonly upper: number
}

/** The observed rate and its Wilson interval; null when nothing was observed (n = 0). */
export const wilsonInterval = (errors: number, n: number, z = Z95): Proportion | null => {
  if (!Number.isInteger(n) || n <= 0) return null
  if (!Number.isInteger(errors) || errors < 0 || errors > n) throw new RangeError(`wilsonInterval: ${errors} errors of ${n}`)
  const p = errors / n
  const z2 = z * z
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return { rate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) }
}
