/**
 * OCR misreadings that matter for identifiers, fixed before detection: a
 * DNI read as "2O.l23.456" or "20. 123. 456" escapes the DNI rules and
 * would be published. Only characters inside what is plainly a number are
 * changed, so words keep their letters:
 *
 * - letters that look like digits (O/o/Q/D → 0, l/I/|/i → 1, S/s → 5,
 *   B → 8, Z → 2, G → 6) inside a digit group: a run of at least four digit
 *   characters, or a dotted group "dd.ddd.ddd", with at least as many real
 *   digits as look-alikes;
 * - a grouped number split by the spaces OCR puts after its dots
 *   ("20. 123. 456" → "20.123.456");
 * - the degree sign after "N" read as a quote, asterisk or question mark
 *   ("N* 1234", "N” 1234" → "N° 1234"): "N°" is the cue most identifiers
 *   follow ("DNI N°", "causa N°").
 */

const LOOK_ALIKE: Readonly<Record<string, string>> = { O: "0", o: "0", Q: "0", D: "0", l: "1", I: "1", "|": "1", i: "1", S: "5", s: "5", B: "8", Z: "2", G: "6" }
const CLASS = "[0-9OoQDlI|iSsBZG]"

/** A digit group: dotted thousands ("38.676.74O") or a plain run ("2O123456"). */
const NUMBER_LIKE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${CLASS}{1,3}(?:[.,]${CLASS}{3}){1,3}|${CLASS}{4,})(?![\\p{L}\\p{N}])`,
  "gu",
)

const fixLookAlikes = (token: string): string => {
  const digits = token.replace(/[^0-9]/g, "").length
  const alike = token.replace(/[0-9.,]/g, "").length
  // Mostly digits, and at least one: "SOS", "OIDO", "lIl" stay words.
  if (alike === 0 || digits < 3 || alike > digits / 2) return token
  return token.replace(/[OoQDlI|iSsBZG]/g, (char) => LOOK_ALIKE[char] ?? char)
}

/** "20. 123. 456", "20 .123 .456": dotted groups with stray spaces, the whole group only. */
const SPLIT_GROUPS = /(?<![\p{N}.,])(\d{1,3}) ?\. ?(\d{3}) ?\. ?(\d{3})(?![\p{N}])/gu

const DEGREE = /(?<![\p{L}\p{N}])([Nn]) ?[*”“"?º°]{1,2}\?? ?(?=\d)/gu

export const fixOcrText = (text: string): string =>
  text
    .replace(DEGREE, "$1° ")
    .replace(SPLIT_GROUPS, "$1.$2.$3")
    .replace(NUMBER_LIKE, fixLookAlikes)
