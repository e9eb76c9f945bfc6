import { isFirstName, isStop } from "../detect/names.ts"

/**
 * A given name alone ("Juan", said of a party) is a weak form: other people
 * carry it too. Found again inside somebody else's written name ("ORTEGA,
 * Juan Carlos", an author; "Juan Manuel Rivas", a judge), it is that
 * person's name, not the party's: hiding it there leaves a half-hidden
 * author or judge and tells a reader nothing about the party.
 *
 * A one-word form is such a given name when a name list knows it as a given
 * name and it is written in title case (a surname written alone, "PÉREZ" or
 * "Sosa", identifies a family: it stays hidden everywhere). It stands inside another name when a capitalised name word
 * touches it on the same line (a space, or the comma of an inverted name,
 * between them) and that word is not itself hidden: "Juan [PERSONA 1]" is
 * the party's given name left beside his hidden surname, a leak.
 */

/** A written name word: capitalised (or in capitals), or an initial. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’-]+|\p{Lu}\.)$/u
const WORD_BEFORE = /(\p{Lu}[\p{L}\p{M}'’-]*\.?)(?:,[ \t]*|[ \t]+)$/u
const WORD_AFTER = /^[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*\.?)/u

/** Title case: a surname in capitals ("JUAN" in "SAN JUAN", "PÉREZ") is not taken for a given name. */
export const isLoneGivenName = (form: string): boolean => {
  const word = form.trim()
  return /^\p{Lu}\p{Ll}/u.test(word) && !/\s/.test(word) && isFirstName(word)
}

/**
 * Whether the given name at [start, end) is written inside another person's
 * name. `hidden(start, end)` tells whether a neighbouring word is redacted.
 */
export const givenNameInOthersName = (
  text: string,
  start: number,
  end: number,
  hidden: (start: number, end: number) => boolean = () => false,
): boolean => {
  if (!isLoneGivenName(text.slice(start, end))) return false
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))
  if (before) {
    const wordEnd = start - (before[0].length - before[1]!.length)
    if (isNeighbourName(before[1]!) && !hidden(wordEnd - before[1]!.length, wordEnd)) return true
  }
  const after = WORD_AFTER.exec(text.slice(end, end + 40))
  if (after) {
    const wordStart = end + after[0].length - after[1]!.length
    if (isNeighbourName(after[1]!) && !hidden(wordStart, wordStart + after[1]!.length)) return true
  }
  return false
}

/** Role words and honorifics ("Dr.", "Vocal", "Sr.") touch names without being part of them. */
const isNeighbourName = (word: string): boolean => NAME_WORD.test(word) && !isStop(word.replace(/\.$/, ""))
