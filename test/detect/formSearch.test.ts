import { describe, expect, it } from "vitest"
import { findForms, formIndex, formTokens, tokenize, type TextToken } from "../../src/detect/formSearch.ts"

/** Deterministic pseudo-random numbers (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const isWord = (token: TextToken | undefined): boolean => token !== undefined && /^[\p{L}\p{N}]/u.test(token.text)

/** The search as its contract reads, one form at a time at every token: the reference the indexed search must equal. */
const reference = (tokens: readonly TextToken[], forms: readonly (readonly string[])[]) => {
  const hits: Array<{ form: number; first: number; last: number; start: number; end: number }> = []
  tokens.forEach((token, first) => {
    forms.forEach((form, index) => {
      if (form.length === 0) return
      let at = first
      for (let k = 0; k < form.length; k++) {
        if (k > 0 && tokens[at]?.text === "," && form[k] !== "," && isWord(tokens[at - 1]) && /^[\p{L}\p{N}]/u.test(form[k]!)) at++
        if (tokens[at]?.text !== form[k]) return
        at++
      }
      const last = tokens[at - 1]!
      const next = tokens[at]
      if (!isWord(last) && isWord(next) && next!.start === last.end) return
      hits.push({ form: index, first, last: at, start: token.start, end: last.end })
    })
  })
  return hits
}

const WORDS = ["Juan", "Pérez", "PEREZ", "juan", "María", "Gómez", ",", ".", "E.", "U.", "de", "la", "Paz", "capaz", "art", "119"]

describe("form search", () => {
  it("finds what a form-by-form scan finds, in the same order, with commas, initials and shared first words", () => {
    for (const seed of [1, 2, 3, 4]) {
      const next = random(seed)
      const pick = () => WORDS[Math.floor(next() * WORDS.length)]!
      const text = Array.from({ length: 3000 }, () => pick() + (next() < 0.2 ? "" : next() < 0.1 ? "\n" : " ")).join("")
      const forms = [
        ...Array.from({ length: 40 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, pick).join(" ")),
        "Juan Pérez", "Pérez Juan", "E.U.", "E. U.", "Juan", "juan pérez", "", "de la Paz",
      ].map(formTokens)
      const tokens = tokenize(text)
      const expected = reference(tokens, forms)
      expect(expected.length).toBeGreaterThan(500)
      expect(findForms(tokens, forms)).toEqual(expected)
      const find = formIndex(tokens)
      forms.forEach((form, index) => {
        expect(find(form)).toEqual(findForms(tokens, [form]))
        expect(find(form).map((hit) => hit.start)).toEqual(expected.filter((hit) => hit.form === index).map((hit) => hit.start))
      })
    }
  })

  it("keeps its rules: whole words, an inverted name across a comma, no initials inside a longer run", () => {
    const hits = (text: string, form: string) => findForms(tokenize(text), [formTokens(form)]).map((hit) => text.slice(hit.start, hit.end))
    expect(hits("Es capaz. Paz declaró.", "Paz")).toEqual(["Paz"])
    expect(hits("PÉREZ, Juan compareció", "Pérez Juan")).toEqual(["PÉREZ, Juan"])
    expect(hits("E.U.R. y luego E.U. firmó", "E.U.")).toEqual(["E.U."])
    expect(hits("Juan\nPérez", "juan perez")).toEqual(["Juan\nPérez"])
    // A word hyphenated at a line end is the word; a hyphen that is not such a break stays a hyphen.
    expect(hits("describe que Santi-\nllán vive", "Santillán")).toEqual(["Santi-\nllán"])
    expect(hits("Roberto Santi-\n llán declaró", "Roberto Santillán")).toEqual(["Roberto Santi-\n llán"])
    expect(hits("la zona Santi-\nLlán y el barrio Santi - llán", "Santillán")).toEqual([])
    expect(hits("Ana María Gómez-\nPaz", "Paz")).toEqual(["Paz"])
  })

  it("cuts a long text it has cut before to the same tokens, and a text that differs by one word to its own", () => {
    const body = Array.from({ length: 400 }, (_, k) => `Juan Pérez declaró el ${k} de mayo, según el art. 119.`).join(" ")
    const fresh = (text: string) => Array.from(text.matchAll(/[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu), (match) => match[0])
    const first = tokenize(body)
    expect(first.map((token) => body.slice(token.start, token.end))).toEqual(fresh(body))
    const changed = body.replace("Pérez", "Gómez")
    expect(changed.length).toBe(body.length)
    expect(tokenize(changed)[1]!.text).toBe("gomez")
    // Other long texts in between; the first is still cut as it reads.
    for (let k = 0; k < 6; k++) tokenize(`${body} ${k}`)
    expect(tokenize(body)).toEqual(first)
    expect(tokenize(body)[1]!.text).toBe("perez")
  })
})
