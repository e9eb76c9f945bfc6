/**
 * Accent-, case- and whitespace-insensitive search on word boundaries, for
 * the publication gate and the ruling classifier. Both the text and the
 * needle are folded the same way (NFD, no combining marks, lower case, runs
 * of whitespace as one space).
 */
export const foldForSearch = (text: string): string =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/gu, " ").trim()

/** Escapes what is special in a unicode-mode pattern (where "\-" would be an error). */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")

/**
 * A regular expression that finds `needle` in a folded text: pieces split on
 * whitespace; between two pieces a space is required when both sides are
 * letters or digits, optional next to punctuation ("art.119" = "art. 119").
 * The match must not continue a word on either side. Null for an empty needle.
 */
export const foldedMatcher = (needle: string): RegExp | null => {
  const pieces = foldForSearch(needle).split(" ").filter((piece) => piece.length > 0)
  if (pieces.length === 0) return null
  let source = escape(pieces[0]!)
  for (let i = 1; i < pieces.length; i++) {
    const wordy = /[\p{L}\p{N}]$/u.test(pieces[i - 1]!) && /^[\p{L}\p{N}]/u.test(pieces[i]!)
    source += (wordy ? " " : " ?") + escape(pieces[i]!)
  }
  const first = pieces[0]!
  const last = pieces[pieces.length - 1]!
  const before = /^[\p{L}\p{N}]/u.test(first) ? "(?<![\\p{L}\\p{N}])" : ""
  const after = /[\p{L}\p{N}]$/u.test(last) ? "(?![\\p{L}\\p{N}])" : ""
  return new RegExp(before + source + after, "u")
}
