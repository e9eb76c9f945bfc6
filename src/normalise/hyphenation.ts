/**
 * End-of-line hyphenation: "impu-\ntado" becomes "imputado".
 *
 * Only a lower-case letter + hyphen at the end of a line followed by a line
 * starting with a lower-case letter is treated as a break inside a word,
 * because that is what justified court text produces. Anything else keeps its
 * hyphen: "art. 5-\nbis" joins as "5-bis" (a digit before the hyphen marks a
 * real compound) and "Sala II -\nCausa" is a separator, left to the paragraph
 * joiner. A genuine compound split at the hyphen ("político-\nsocial") is
 * indistinguishable from hyphenation in plain text and loses its hyphen; that
 * costs nothing for anonymisation while a split name would.
 */

const WORD_BREAK = /(\p{Ll})-[ \t]*\n[ \t]*(\p{Ll})/gu
const COMPOUND_BREAK = /([\p{L}\p{N}])-[ \t]*\n[ \t]*(?=[\p{N}\p{Lu}])/gu
const DIGIT_BREAK = /(\p{N})-[ \t]*\n[ \t]*(?=\p{L})/gu

export const joinHyphenatedLines = (text: string): string =>
  text
    .replace(WORD_BREAK, "$1$2")
    .replace(DIGIT_BREAK, "$1-")
    .replace(COMPOUND_BREAK, "$1-")
