/**
 * The identity key of a mention: lower case, accents and punctuation folded,
 * whitespace collapsed. "PÉREZ,  Juan" and "perez juan" share a key.
 */
export const normaliseName = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, " ")
    .trim()
