import { describe, expect, it } from "vitest"
import { pretokenize } from "../../src/detect/ner/pretokenize.ts"
import { decodeWords, labelScheme, windowStarts } from "../../src/detect/ner/decode.ts"

const surfaces = (text: string) => pretokenize(text).map((w) => text.slice(w.start, w.end))

describe("pretokenize", () => {
  it("splits on whitespace and punctuation, keeping accents", () => {
    expect(surfaces("Sr. José Núñez-Peña, DNI 30.111.222")).toEqual(["Sr", ".", "José", "Núñez", "-", "Peña", ",", "DNI", "30", ".", "111", ".", "222"])
  })
  it("gives UTF-16 offsets around emoji and astral characters", () => {
    const text = "😀👍🏽 Ana 𝒳 Ruiz"
    const w = pretokenize(text)
    expect(w.map((x) => text.slice(x.start, x.end))).toEqual(["😀👍🏽", "Ana", "𝒳", "Ruiz"])
    expect(text.slice(w[1]!.start, w[3]!.end)).toBe("Ana 𝒳 Ruiz")
  })
  it("treats CR, LF, tab and NBSP as separators", () => {
    expect(surfaces("Ana\r\nRuiz\tLópez\u00a0Díaz")).toEqual(["Ana", "Ruiz", "López", "Díaz"])
  })
  it("drops format characters without splitting the word", () => {
    const text = "Ju\u200ban Pérez"
    const w = pretokenize(text)
    expect(w[0]).toEqual({ start: 0, end: 5, text: "Juan" })
    expect(w[1]!.start).toBe(6)
  })
  it("keeps combining marks inside the word", () => {
    const text = "Jose\u0301 Pe\u0301rez"
    expect(surfaces(text)).toEqual(["Jose\u0301", "Pe\u0301rez"])
  })
})

describe("windows", () => {
  it("cover every token", () => {
    for (const n of [0, 1, 253, 254, 255, 600, 1000]) {
      const covered = new Uint8Array(n)
      for (const s of windowStarts(n, 254, 190)) for (let i = s; i < Math.min(n, s + 254); i++) covered[i] = 1
      expect(covered.every((x) => x === 1)).toBe(true)
    }
  })
})

describe("decodeWords", () => {
  it("joins B/I words of a type into one span and splits on a new B", () => {
    const scheme = labelScheme({ 0: "O", 1: "B-PERSONA", 2: "I-PERSONA" })
    const text = "a Ana Ruiz Eva"
    const words = pretokenize(text)
    const wordTokens = Int32Array.from([0, 1, 1, 2, 2, 3, 3, 4])
    const probs = Float32Array.from([0.9, 0.05, 0.05, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.7, 0.2])
    const spans = decodeWords(words, wordTokens, probs, 3, scheme)
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Ana Ruiz", "Eva"])
    expect(spans[0]!.score).toBeCloseTo(0.9, 5)
  })
})
