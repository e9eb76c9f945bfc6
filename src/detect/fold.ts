/**
 * Accent- and case-folding that keeps offsets: every UTF-16 unit of the input
 * maps to exactly one unit of the output, so a match found in the folded text
 * is at the same offsets in the original.
 */
const foldUnit = (ch: string): string => {
  const f = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
  return f.length === 1 ? f : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch
}

/** `foldUnit` of each UTF-16 unit, computed once per process (a ruling repeats its few hundred characters). */
const foldedUnits: (string | undefined)[] = []

/** Folds a string one unit at a time (same length as the input). */
export const foldKeepingOffsets = (text: string): string => {
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    out += foldedUnits[code] ??= foldUnit(text[i]!)
  }
  return out
}

/**
 * How a plain-text ruling hyphenates a word at a line end ("Santi-\nllán"):
 * the hyphen, the line break and the blanks around it, between two
 * lower-case letters (the callers check the letters). The one definition
 * that the form search, the name tokens and the spans read such a word by.
 */
export const LINE_END_BREAK = String.raw`-[ \t]*\r?\n[ \t]*`

/** A word hyphenated at a line end compares as the word. */
const LINE_END_HYPHEN = new RegExp(String.raw`(?<=\p{Ll})${LINE_END_BREAK}(?=\p{Ll})`, "gu")

/** `text` with its words hyphenated at a line end written whole ("Santi-\nllán" → "Santillán"). */
export const joinLineEndHyphens = (text: string): string => (text.includes("\n") ? text.replace(LINE_END_HYPHEN, "") : text)

const foldText = (text: string): string => joinLineEndHyphens(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim()

/** Short strings (words, names) folded so far; the rules fold the same few thousand words of a ruling over and over. */
const foldedShort = new Map<string, string>()
const SHORT = 48
const REMEMBERED = 100_000

/** Folds for comparison: words hyphenated at a line end joined, NFD, no combining marks, lower case, single spaces. */
export const fold = (text: string): string => {
  if (text.length > SHORT) return foldText(text)
  let folded = foldedShort.get(text)
  if (folded === undefined) {
    if (foldedShort.size >= REMEMBERED) foldedShort.clear()
    folded = foldText(text)
    foldedShort.set(text, folded)
  }
  return folded
}

/** Escapes regular-expression syntax characters; valid in unicode mode too (where "\-" outside a class is an error). */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

/**
 * Folded, but with its "ñ": the accent-free fold of names and vocabulary
 * makes the surname "Peña" the word "pena" (a criminal ruling's most common
 * noun); where that matters a word is compared with its "ñ".
 */
export const foldKeepingEnie = (word: string): string => fold(word.replace(/[ñÑ]/gu, "\u0000")).replace(/\u0000/gu, "ñ")
