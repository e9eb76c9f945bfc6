/**
 * Soft hyphens (U+00AD) are invisible break hints left by word processors and
 * PDF producers. Inside a name they split it for every detector ("Pé\u00ADrez"),
 * so they are removed before analysis. One at the end of a line marks a word
 * broken across lines, so the line break goes with it.
 */
export const SOFT_HYPHEN = "\u00AD"

const SOFT_HYPHEN_AT_LINE_END = /\u00AD[ \t]*\r?\n[ \t]*/g

export const removeSoftHyphens = (text: string): string =>
  text.includes(SOFT_HYPHEN) ? text.replace(SOFT_HYPHEN_AT_LINE_END, "").replaceAll(SOFT_HYPHEN, "") : text
