import { fold } from "../detect/fold.ts"

/**
 * Counting many surface forms in one text in a single pass. Text and forms
 * are folded (case, accents, whitespace) and cut into tokens — runs of
 * letters and digits, or one punctuation mark — so a form matches whole
 * words only ("Paz" never inside "capaz"), spacing around punctuation does
 * not matter ("art.119" = "art. 119"), and the cost grows with the text,
 * not with text × forms.
 */
const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu

export const searchTokens = (text: string): string[] => fold(text).match(TOKEN) ?? []

export interface FormHit {
  /** Index of the form in the list given to `findForms`. */
  readonly form: number
  /** Token range [start, end) in the searched text. */
  readonly start: number
  readonly end: number
}

export const findForms = (textTokens: readonly string[], forms: readonly (readonly string[])[]): FormHit[] => {
  const byFirst = new Map<string, number[]>()
  forms.forEach((tokens, index) => {
    if (tokens.length === 0) return
    const list = byFirst.get(tokens[0]!) ?? []
    list.push(index)
    byFirst.set(tokens[0]!, list)
  })
  const hits: FormHit[] = []
  textTokens.forEach((token, start) => {
    for (const index of byFirst.get(token) ?? []) {
      const form = forms[index]!
      if (form.every((piece, k) => textTokens[start + k] === piece)) hits.push({ form: index, start, end: start + form.length })
    }
  })
  return hits
}
