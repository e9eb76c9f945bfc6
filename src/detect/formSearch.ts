import { fold } from "./fold.ts"

/**
 * The one search that finds every written form of something in a ruling:
 * used by propagation (further mentions of a person), by the publication
 * gate (a redacted form still readable) and by the category keywords.
 *
 * Text and forms are cut into tokens — runs of letters and digits, or one
 * punctuation mark — and folded (case, accents), so:
 * - a form matches whole words only ("Paz" never inside "capaz");
 * - whitespace and line breaks between tokens do not matter ("art.119" =
 *   "art. 119", "Juan\nPérez" = "Juan Pérez");
 * - a comma may stand in the text where the form has none between two words
 *   ("PÉREZ, Juan" is the form "Pérez Juan" written inverted);
 * - a form that ends in a point is not found inside a longer run of initials
 *   ("E.U." is not in "E.U.R.").
 * Tokens keep their offsets in the original text, so a hit is a character
 * range there. The cost grows with the text plus the hits, not with text ×
 * forms: forms are indexed by their first token.
 */

export interface TextToken {
  /** Folded: lower case, no accents. */
  readonly text: string
  readonly start: number
  readonly end: number
}

const TOKEN = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu
const WORD = /^[\p{L}\p{N}]/u

export const tokenize = (text: string): TextToken[] =>
  Array.from(text.matchAll(TOKEN), (match) => ({ text: fold(match[0]), start: match.index, end: match.index + match[0].length }))

/** A form as the folded token strings `findForms` compares. */
export const formTokens = (form: string): string[] => tokenize(form).map((token) => token.text)

export interface FormHit {
  /** Index of the form in the list given to `findForms`. */
  readonly form: number
  /** Token range [first, last) in the searched tokens. */
  readonly first: number
  readonly last: number
  /** Character range in the searched text. */
  readonly start: number
  readonly end: number
}

const isWord = (token: TextToken | undefined): boolean => token !== undefined && WORD.test(token.text)

export const findForms = (tokens: readonly TextToken[], forms: readonly (readonly string[])[]): FormHit[] => {
  const byFirst = new Map<string, number[]>()
  forms.forEach((form, index) => {
    if (form.length === 0) return
    const list = byFirst.get(form[0]!) ?? []
    list.push(index)
    byFirst.set(form[0]!, list)
  })
  const hits: FormHit[] = []
  tokens.forEach((token, first) => {
    for (const index of byFirst.get(token.text) ?? []) {
      const last = matchAt(tokens, first, forms[index]!)
      if (last > 0) hits.push({ form: index, first, last, start: token.start, end: tokens[last - 1]!.end })
    }
  })
  return hits
}

/** The end (exclusive token index) of `form` matched at `first`, or -1. */
const matchAt = (tokens: readonly TextToken[], first: number, form: readonly string[]): number => {
  let at = first
  for (let k = 0; k < form.length; k++) {
    if (k > 0 && tokens[at]?.text === "," && form[k] !== "," && isWord(tokens[at - 1]) && WORD.test(form[k]!)) at++
    if (tokens[at]?.text !== form[k]) return -1
    at++
  }
  const lastToken = tokens[at - 1]!
  const next = tokens[at]
  if (!isWord(lastToken) && isWord(next) && next!.start === lastToken.end) return -1
  return at
}
