/**
 * Whether a PDF page's text layer can be used or the page must be OCR'd. A
 * scan has no text layer, or an empty one; a badly made PDF has one that
 * does not spell words: a font without a Unicode map yields private-use or
 * replacement characters, control codes, runs of symbols, or "words" without
 * a single vowel. Spanish words almost always have one, so letter-only tokens
 * without a vowel, in bulk, mean the layer is garbage. Numbers, citations and
 * abbreviations ("art.", "fs.", "CABA", "N°") are common and are not counted
 * against the page.
 */

const CONTENT = /[\p{L}\p{N}]/u
/** Characters no real text layer spells: controls, private use, replacement, unassigned. */
const BROKEN = /[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u
const ORDINARY = /[\p{L}\p{N}\s.,;:()¿?¡!"“”«»'‘’\-–—/°ºª%$§&*+=@#[\]]/u
const VOWEL = /[aeiouyáéíóúüàèìòùâêîôû]/iu

/** Share of tokens made only of letters, three or more, that have no vowel. */
const voicelessShare = (text: string): { readonly tokens: number; readonly share: number } => {
  const words = text.split(/[^\p{L}]+/u).filter((word) => word.length >= 3)
  // Upper-case abbreviations ("CUIJ", "CABA", "DNI", "PCyF") are ordinary in rulings.
  const lower = words.filter((word) => /\p{Ll}/u.test(word) && !/^\p{Lu}/u.test(word))
  const voiceless = lower.filter((word) => !VOWEL.test(word)).length
  return { tokens: lower.length, share: lower.length === 0 ? 0 : voiceless / lower.length }
}

export type TextLayerVerdict = "usable" | "empty" | "garbage"

export const textLayerVerdict = (text: string): TextLayerVerdict => {
  if (!CONTENT.test(text)) return "empty"
  const visible = [...text].filter((char) => !/\s/u.test(char))
  const broken = visible.filter((char) => BROKEN.test(char)).length
  const odd = visible.filter((char) => !ORDINARY.test(char)).length
  if (broken / visible.length > 0.05 || odd / visible.length > 0.2) return "garbage"
  const { tokens, share } = voicelessShare(text)
  if (tokens >= 5 && share > 0.4) return "garbage"
  return "usable"
}
