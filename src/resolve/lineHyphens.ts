import { LINE_END_BREAK } from "../detect/fold.ts"
import type { Span } from "../domain/Span.ts"

/**
 * A word hyphenated at a line end in a plain-text ruling ("Ocam-\npo",
 * "Clau-\ndio") is one word, as the form search reads it (formSearch.ts): a
 * lower-case letter, the hyphen, the line break, a lower-case letter. A span
 * that ends on the first half takes the second, and one that starts on the
 * second half takes the first; a half left out would be published readable
 * ("[PERSONA 3]-\npo").
 */
const TAIL = new RegExp(String.raw`^${LINE_END_BREAK}\p{Ll}[\p{L}\p{M}]*`, "u")
const HEAD = new RegExp(String.raw`[\p{L}\p{M}]*\p{Ll}${LINE_END_BREAK}$`, "u")
const LOWER = /\p{Ll}/u
/** Longest half of a word looked for on either side. */
const REACH = 60

export const acrossLineHyphens = (text: string, spans: readonly Span[]): Span[] =>
  spans.map((s) => {
    let { start, end } = s
    if (LOWER.test(text[end - 1] ?? "")) end += TAIL.exec(text.slice(end, end + REACH))?.[0].length ?? 0
    if (LOWER.test(text[start] ?? "")) start -= HEAD.exec(text.slice(Math.max(0, start - REACH), start))?.[0].length ?? 0
    return start === s.start && end === s.end ? s : { ...s, start, end }
  })
