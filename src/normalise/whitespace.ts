/**
 * Whitespace as extractors leave it: no-break and other exotic spaces, runs
 * of spaces from justified layout, trailing blanks, piles of empty lines.
 * Normalising it keeps spans and pseudonyms stable across formats.
 */

// Unicode space separators except the ordinary space, plus tabs.
const EXOTIC_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g
const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/g

/** Normalises spacing within each line and keeps at most one blank line between paragraphs. */
export const normaliseWhitespace = (text: string): string =>
  text
    .replace(/\r\n?/g, "\n")
    .replace(ZERO_WIDTH, "")
    .replace(EXOTIC_SPACES, " ")
    .replace(/ {2,}/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()

/** Collapses all whitespace (line breaks included) to single spaces: for one-line values. */
export const collapseWhitespace = (text: string): string =>
  text.replace(ZERO_WIDTH, "").replace(/\s+/gu, " ").trim()
