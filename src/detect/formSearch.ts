import { fold, LINE_END_BREAK } from "./fold.ts"

/**
 * The one search that finds every written form of something in a ruling:
 * used by propagation (further mentions of a person), by the publication
 * gate (a redacted form still readable) and by the category keywords.
 *
 * Text and forms are cut into tokens — runs of letters and digits, or one
 * punctuation mark — and folded (case, accents), so:
 * - a form matches whole words only ("Paz" never inside "capaz");
 * - whitespace and line breaks between tokens do not matter ("art.119" =
 *   "art. 119", "Juan\nPérez" = "Juan Pérez"), nor a word's hyphenation at a
 *   line end ("Santi-\nllán" = "Santillán");
 * - a comma may stand in the text where the form has none between two words
 *   ("PÉREZ, Juan" is the form "Pérez Juan" written inverted);
 * - a form that ends in a point is not found inside a longer run of initials
 *   ("E.U." is not in "E.U.R.").
 * Tokens keep their offsets in the original text, so a hit is a character
 * range there. The cost grows with the text plus the hits, not with text ×
 * forms: the forms are a trie of their tokens, walked once from each token
 * of the text (forms sharing first words are not tried one by one).
 */

export interface TextToken {
  /** Folded: lower case, no accents. */
  readonly text: string
  readonly start: number
  readonly end: number
}

/** A word, across a line-end hyphenation ("Santi-\nllán": a lower-case letter, the hyphen, a lower-case letter on the next line). */
const TOKEN = new RegExp(String.raw`[\p{L}\p{N}\p{M}]+(?:(?<=\p{Ll})${LINE_END_BREAK}(?=\p{Ll})[\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]`, "gu")
const WORD = /^[\p{L}\p{N}]/u

/**
 * The tokens of the last few long texts: a ruling's text is searched several
 * times over (the model's forms, propagation, the categories, the redacted
 * forms), each search would cut it again. Short texts (forms, queries) are
 * cut each time: they are cheap and many.
 */
const recentTokens = new Map<string, readonly TextToken[]>()
const RECENT_TEXTS = 4
const REMEMBERED_LENGTH = 2_000

export const tokenize = (text: string): readonly TextToken[] => {
  const remembered = recentTokens.get(text)
  if (remembered !== undefined) return remembered
  // A ruling repeats its words: each distinct one is folded once.
  const folded = new Map<string, string>()
  const tokens = Array.from(text.matchAll(TOKEN), (match) => {
    const word = match[0]
    let text = folded.get(word)
    if (text === undefined) folded.set(word, (text = fold(word)))
    return { text, start: match.index, end: match.index + word.length }
  })
  if (text.length >= REMEMBERED_LENGTH) {
    if (recentTokens.size >= RECENT_TEXTS) recentTokens.delete(recentTokens.keys().next().value!)
    recentTokens.set(text, tokens)
  }
  return tokens
}

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

/** Forms as a trie of folded tokens: the forms sharing a first word ("juan …") are walked together, not one by one. */
interface Node {
  readonly children: Map<string, Node>
  /** Forms that end here, by index in the list given to `findForms`. */
  readonly forms: number[]
}

const trieOf = (forms: readonly (readonly string[])[]): Node => {
  const root: Node = { children: new Map(), forms: [] }
  forms.forEach((form, index) => {
    if (form.length === 0) return
    let node = root
    for (const token of form) {
      let child = node.children.get(token)
      if (!child) node.children.set(token, (child = { children: new Map(), forms: [] }))
      node = child
    }
    node.forms.push(index)
  })
  return root
}

export const findForms = (tokens: readonly TextToken[], forms: readonly (readonly string[])[]): FormHit[] => {
  const root = trieOf(forms)
  const hits: FormHit[] = []
  const found: FormHit[] = []
  for (let first = 0; first < tokens.length; first++) {
    const node = root.children.get(tokens[first]!.text)
    if (!node) continue
    walk(tokens, first, node, first + 1, found)
    if (found.length > 1) found.sort((a, b) => a.form - b.form)
    for (const hit of found) hits.push(hit)
    found.length = 0
  }
  return hits
}

/**
 * One form at a time, as `findForms(tokens, [form])` answers, from an index
 * of where each token occurs: for searches whose forms are only known one by
 * one, each costs the occurrences of its first word, not a pass over the text.
 */
export const formIndex = (tokens: readonly TextToken[]): (form: readonly string[]) => FormHit[] => {
  const positions = new Map<string, number[]>()
  tokens.forEach((token, at) => {
    const list = positions.get(token.text)
    if (list) list.push(at)
    else positions.set(token.text, [at])
  })
  return (form) => {
    if (form.length === 0) return []
    const node = trieOf([form]).children.get(form[0]!)!
    const found: FormHit[] = []
    for (const first of positions.get(form[0]!) ?? []) walk(tokens, first, node, first + 1, found)
    return found
  }
}

/**
 * The forms of `node`'s subtree matched from token `first`, `at` being the
 * next text token to compare (a loop over pending branches, so a long form
 * does not deepen the stack). A comma in the text between two words may
 * stand where a form has none; a form that ends in a point is not found
 * inside a longer run of initials.
 */
const walk = (tokens: readonly TextToken[], first: number, start: Node, startAt: number, found: FormHit[]): void => {
  const pending: [Node, number][] = [[start, startAt]]
  for (let branch = pending.pop(); branch; branch = pending.pop()) {
    const [node, at] = branch
    if (node.forms.length > 0) {
      const lastToken = tokens[at - 1]!
      const next = tokens[at]
      if (isWord(lastToken) || !isWord(next) || next!.start !== lastToken.end) {
        for (const form of node.forms) found.push({ form, first, last: at, start: tokens[first]!.start, end: lastToken.end })
      }
    }
    if (node.children.size === 0 || at >= tokens.length) continue
    const token = tokens[at]!
    if (token.text === "," && isWord(tokens[at - 1])) {
      const comma = node.children.get(",")
      if (comma) pending.push([comma, at + 1])
      const word = tokens[at + 1]
      const child = word && WORD.test(word.text) ? node.children.get(word.text) : undefined
      if (child) pending.push([child, at + 2])
      continue
    }
    const child = node.children.get(token.text)
    if (child) pending.push([child, at + 1])
  }
}
