/** Small deterministic PRNG (mulberry32) with helpers. Same seed → same sequence on every platform. */
export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = hashSeed(seed)
  }
  /** Float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from empty list")
    return items[Math.floor(this.next() * items.length)] as T
  }
  /** Pick with a bias towards the start of the list (frequency-ordered gazetteers). */
  pickSkewed<T>(items: readonly T[]): T {
    const u = this.next()
    return items[Math.floor(u * u * items.length)] as T
  }
  digits(n: number): string {
    let s = ""
    for (let i = 0; i < n; i++) s += String(this.int(0, 9))
    return s
  }
  letters(n: number, alphabet = "ABCDEFGHIJKLMNOPRSTUVWXYZ"): string {
    let s = ""
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)]
    return s
  }
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items]
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(0, i)
      const tmp = a[i] as T
      a[i] = a[j] as T
      a[j] = tmp
    }
    return a
  }
  /** A child generator whose sequence depends only on this one's seed and the label. */
  fork(label: number): Rng {
    return new Rng(Math.floor(this.next() * 2 ** 31) ^ Math.imul(label, 0x9e3779b1))
  }
}

export const hashSeed = (seed: number): number => {
  let h = (seed | 0) ^ 0x5bd1e995
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
