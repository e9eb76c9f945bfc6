import { describe, expect, it } from "vitest"
import type { Span } from "../../src/domain/Span.ts"
import { mergeSpans } from "../../src/resolve/merge.ts"

const s = (start: number, end: number, label: Span["label"], score: number, evidence = "x"): Span => ({
  start, end, label, score, detector: "test", evidence,
})

describe("mergeSpans", () => {
  const text = "el Fiscal Dr. Martín LÓPEZ y el CUIT 20-30123456-3 del Sr. Juan PÉREZ en Av. Rivadavia 1234, piso 3"
  const at = (t: string) => text.indexOf(t)

  it.each([
    {
      name: "official beats person for the same mention",
      spans: [s(at("Martín"), at("Martín") + 12, "PERSONA", 0.8, "mixed"), s(at("Martín"), at("Martín") + 12, "FUNCIONARIO", 0.9, "role-before")],
      expect: [["FUNCIONARIO", "Martín LÓPEZ"]],
    },
    {
      name: "a party cue right before the name beats an official guess",
      spans: [s(at("Juan"), at("Juan") + 10, "PERSONA", 0.85, "cue:role"), s(at("Juan"), at("Juan") + 10, "FUNCIONARIO", 0.9, "role-after")],
      expect: [["PERSONA", "Juan PÉREZ"]],
    },
    {
      name: "a validated identifier beats a phone guess with a higher score",
      spans: [s(at("20-"), at("20-") + 13, "CUIT_CUIL", 0.9, "cuit+checksum"), s(at("30123456"), at("30123456") + 8, "TELEFONO", 0.95)],
      expect: [["CUIT_CUIL", "20-30123456-3"]],
    },
    {
      name: "adjacent pieces of one name become one span",
      spans: [s(at("Juan"), at("Juan") + 4, "PERSONA", 0.7), s(at("PÉREZ"), at("PÉREZ") + 5, "PERSONA", 0.8)],
      expect: [["PERSONA", "Juan PÉREZ"]],
    },
    {
      name: "a street and its floor become one address",
      spans: [s(at("Av."), at("Av.") + 18, "DIRECCION", 0.9), s(at("piso"), at("piso") + 6, "DIRECCION", 0.8)],
      expect: [["DIRECCION", "Av. Rivadavia 1234, piso 3"]],
    },
    {
      name: "longer wins at equal score",
      spans: [s(at("Rivadavia"), at("Rivadavia") + 9, "PERSONA", 0.8), s(at("Av."), at("Av.") + 18, "DIRECCION", 0.8)],
      expect: [["DIRECCION", "Av. Rivadavia 1234"]],
    },
  ])("$name", ({ spans, expect: want }) => {
    const got = mergeSpans(text, spans).map((x) => [x.label, text.slice(x.start, x.end)])
    expect(got).toEqual(want)
  })

  it("never returns overlapping spans", () => {
    const spans = [s(0, 10, "PERSONA", 0.6), s(5, 15, "DNI", 0.7), s(12, 20, "TELEFONO", 0.9), s(3, 8, "EDAD", 0.95)]
    const got = mergeSpans(text, spans)
    for (let i = 1; i < got.length; i++) expect(got[i]!.start).toBeGreaterThanOrEqual(got[i - 1]!.end)
  })
})

describe("mergeSpans at scale", () => {
  /** Deterministic pseudo-random numbers (mulberry32). */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const LABELS: readonly Span["label"][] = ["PERSONA", "FUNCIONARIO", "DNI", "DIRECCION", "TELEFONO", "CUIT_CUIL", "LUGAR"]
  const EVIDENCE = ["x", "cue:role", "cuit+checksum", "role-before"]
  const randomSpans = (count: number, length: number, seed: number): Span[] => {
    const next = random(seed)
    return Array.from({ length: count }, () => {
      const start = Math.floor(next() * (length - 1))
      return s(start, Math.min(length, start + 1 + Math.floor(next() * 30)), LABELS[Math.floor(next() * LABELS.length)]!,
        Math.round(next() * 10) / 10, EVIDENCE[Math.floor(next() * EVIDENCE.length)]!)
    })
  }

  /** The greedy choice written the obvious quadratic way, as the oracle. */
  const greedyOracle = (spans: readonly Span[]): string[] => {
    const validated = (x: Span) => /\+(?:checksum|luhn)\b/.test(x.evidence ?? "")
    const order = [...spans].sort((a, b) => Number(validated(b)) - Number(validated(a)) || b.score - a.score ||
      (b.end - b.start) - (a.end - a.start) || a.start - b.start || a.label.localeCompare(b.label))
    const accepted: Span[] = []
    for (const x of order) if (!accepted.some((a) => a.start < x.end && x.start < a.end)) accepted.push(x)
    return accepted.map((x) => `${x.start}-${x.end}`).sort()
  }

  it("chooses like the quadratic greedy oracle on random overlapping spans of distinct labels", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const text = "x".repeat(400)
      // One label per start position keeps the union step out of the comparison.
      const spans = randomSpans(120, text.length, seed).map((x, i) => ({ ...x, label: LABELS[i % LABELS.length]!, evidence: "x" }))
      const distinct = spans.filter((x, i) => spans.findIndex((y) => y.label === x.label && y.start < x.end && x.start < y.end) === i &&
        !spans.some((y, j) => j !== i && y.label === x.label && (y.end === x.start || x.end === y.start)))
      const got = mergeSpans(text, distinct.filter((x) => x.label !== "PERSONA" && x.label !== "FUNCIONARIO"))
      expect(got.map((x) => `${x.start}-${x.end}`).sort()).toEqual(greedyOracle(distinct.filter((x) => x.label !== "PERSONA" && x.label !== "FUNCIONARIO")))
    }
  })

  it("resolves 200,000 spans over a 4 MB text in seconds (the quadratic version took minutes) and never returns overlaps", () => {
    const length = 4 * 1024 * 1024
    const text = " ".repeat(length)
    const spans = randomSpans(200_000, length, 42)
    const started = performance.now()
    const got = mergeSpans(text, spans)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(got.length).toBeGreaterThan(50_000)
    expect(got.findIndex((x, i) => i > 0 && x.start < got[i - 1]!.end)).toBe(-1)
  })
})
