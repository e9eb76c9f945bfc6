import { FIRST_NAMES } from "../../detect/lexicon/firstNames.ts"
import { SURNAMES } from "../../detect/lexicon/surnames.ts"

/**
 * OCR misreadings that matter for identifiers, fixed before detection: a
 * DNI read as "2O.l23.456" or "20. 123. 456" escapes the DNI rules and
 * would be published. Only characters inside what is plainly a number, an
 * address or a name are changed, so words keep their letters:
 *
 * - letters that look like digits (O/o/Q/D → 0, l/I/|/i → 1, S/s → 5,
 *   B → 8, Z → 2, G → 6) inside a digit group: a run of at least four digit
 *   characters, or a dotted group "dd.ddd.ddd", with at least as many real
 *   digits as look-alikes;
 * - a grouped number split by the spaces OCR puts after its dots
 *   ("20. 123. 456" → "20.123.456");
 * - the degree sign read as a quote, asterisk or question mark: after "N"
 *   before a number or a letter-prefixed one ("N* 1234", "N” A2128968" →
 *   "N° ..."): "N°" is the cue most identifiers follow ("DNI N°", "causa
 *   N°", "pasaporte N°"); and after a number before a word ("2* piso");
 * - a country code with a stray dot ("+54. 11 4119 1484");
 * - "@", which the Spanish model cannot write (its character set has none):
 *   read as "(a", "(o", "(0", "(O)"... between an e-mail's user and its
 *   domain, or "(O)" before a handle; a domain's "comar" is "com.ar";
 *   "@" read as "(" and a letter before a handle, with no closing parenthesis
 *   (any letter after an account cue: "la cuenta (Elaanaok"), or as a
 *   capital glued between an e-mail's user and domain ("garciaOlive.com");
 *   a user's "_" read as a space after a first name or surname;
 * - a URL's scheme misread ("hitps://", "https://)www") and its ".com/"
 *   broken by spaces before the path ("tiktok. con @user/video");
 * - a camera's file name split where OCR missed its "_" ("IMG 20230912
 *   607205.jpg");
 * - a name split after its capital ("Germán J uan" → "Germán Juan"): a lone
 *   consonant capital and a lower-case fragment that together spell a
 *   known first name or surname;
 * - initials read with look-alikes ("J. 1. 1." → "J. I. I.", "]. 1." → "J. I.");
 * - blank lines: tesseract puts them between the blocks it guesses, often
 *   inside a sentence ("+54 11\n\n4682 9957"); a text layer has none, and
 *   the normaliser finds paragraphs from the lines as it does for one.
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

const DEGREE = /(?<![\p{L}\p{N}])([Nn]) ?[*”“"?º°]{1,2}\?? ?\s?(?=\p{Lu}{0,3}\d)/gu
/** "2* piso", "3* cuerpo": an ordinal's degree sign, before a word. */
const ORDINAL = /(?<![\p{L}\p{N}])(\d{1,2})\*(?= ?\p{L})/gu
const COUNTRY_CODE = /(?<![\p{L}\p{N}])\+(\d{1,3})\. ?(?=\d)/gu

/** What "@" turns into: "(a", "(o", "(0", "(O)", "(V", "(", "0," ... */
const AT_MISREAD = String.raw`(?:\([a0oOQVDvE]?\)?|[0oO],)`
const DOMAIN = String.raw`[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}`
/** An e-mail's "@" misread, between its user (no space) and a domain. */
const EMAIL_AT = new RegExp(String.raw`(?<=[\p{L}\p{N}._-])${AT_MISREAD}(?=${DOMAIN}(?![\p{L}\p{N}]))`, "gu")
/** "garciaOlive.com.ar": "@" read as a capital glued between a lower-case user and domain. */
const EMAIL_AT_CAPITAL = new RegExp(String.raw`(?<=[\p{Ll}\p{N}])[OQGD](?=${DOMAIN}(?![\p{L}\p{N}]))`, "gu")
/** "(O)laanaok": the parenthesised letter is too odd to be prose. */
const HANDLE_AT = /(?<![\p{L}\p{N}])\([0OD]\)(?=[\p{L}\p{N}_])/gu
/**
 * "(vruben738,", "a (Dlaleonardook;": "@" read as an opening parenthesis
 * and a letter, glued to a handle (lower case, digits, "_" or "."), with no
 * closing parenthesis after it: prose opens "(ver fs. 12)" and closes it.
 * The letter and the next one must be no way a Spanish word starts ("vr",
 * "Vl", "Dl", "0a"): "(Dra.", "(Oficio" and "(archivo" stay.
 */
const LOOSE_HANDLE_AT = /(?<![\p{L}\p{N}])\((?:[vV](?=[b-df-hj-np-tv-z])|D(?=[b-df-hj-np-qs-tv-z])|0(?=[a-z]))(?=[a-z0-9_.]{3,30}(?![\p{L}\p{N}@]))/gu
/** After an account cue ("la cuenta (Elaanaok."), "(" and any letter glued to a handle. */
const CUE_HANDLE_AT = /(?<=(?<![\p{L}])(?:cuentas?|usuari[oa]s?|perfil(?:es)?|nick|alias)(?:\s+de\s+\p{Lu}\p{L}+)?\s+)\([\p{L}\p{N}]?(?=[a-z0-9_.]{3,30}(?![\p{L}\p{N}@]))/giu
const unclosed = (match: string, offset: number, text: string): string => {
  const after = text.slice(offset + match.length, offset + match.length + 80)
  const close = after.indexOf(")")
  return close >= 0 && (after.indexOf("(") < 0 || close < after.indexOf("(")) ? match : "@"
}
/** "ruben gonzalez@live.com.ar": a user's "_" read as a space after a first name or surname. */
const NAME_BEFORE_EMAIL = /(?<![\p{L}\p{N}.@_-])([a-z]{3,20}) (?=[a-z0-9._-]+@)/gu
const joinUser = (whole: string, word: string): string =>
  FIRST_NAMES.has(word) || SURNAMES.has(word) ? `${word}_` : whole
/** "hitps://", "https://)www": a URL's scheme misread. */
const SCHEME = /(?<![\p{L}\p{N}])h[a-z1|]{1,3}p(s?):\/\/[)(|]?/gu
/** "https://www.tiktok. con @user/video", ".cony user/": ".com/" misread, with spaces, before the URL's path. */
const DOT_COM = /(?<=(?:https?:\/\/|www\.)[\p{L}\p{N}.-]+)\. ?co[mn]y? (?=[\p{L}\p{N}@_.-]+\/)/gu
/**
 * "IMG 20230912 607205.jpg", "VID-20240118-WA 0058.mp4": a camera's or
 * app's file name (IMG, VID, PTT, AUD, DSC, PXL, Screenshot...) whose "_"
 * OCR read as a space, up to its extension.
 */
const FILE_EXTENSION = String.raw`\.(?:jpe?g|png|gif|webp|heic|mp4|mov|3gp|avi|opus|ogg|m4a|mp3|wav|aac|pdf)(?![\p{L}\p{N}])`
/** The prefix, then groups that start with a digit ("_20230912", " 607205", "-WA 0058"), then the extension. */
const CAMERA_FILE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:IMG|VID|PTT|AUD|DSC|PXL|MVIMG|Screenshot|Captura)(?:[-_ ]\p{N}[\p{N}-]*|-?WA ?\p{N}+){1,6}${FILE_EXTENSION}`,
  "gu",
)
/** "live.comar", "gob.ar" read without its last dot. */
const SECOND_LEVEL = /(?<=[a-z0-9]\.)(com|gob|gov|org|net|edu|int)ar(?![\p{L}\p{N}])/gu

const deaccent = (word: string): string => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
const SPLIT_NAME = /(?<![\p{L}\p{N}.'’-])([B-DF-HJ-NP-TV-XZÑ]) (\p{Ll}{2,})(?![\p{L}\p{N}])/gu
const joinName = (whole: string, capital: string, rest: string): string => {
  const joined = deaccent(capital + rest)
  return FIRST_NAMES.has(joined) || SURNAMES.has(joined) ? capital + rest : whole
}

/**
 * Initials as courts write a party's name ("J. I. I.", "I., J. I."): OCR
 * reads "I" as "1", "l" or "|" and "J" as "]" or "j". A run of at least two
 * one-character tokens each followed by a dot is initials when it holds a
 * capital, a "]" or "|" (never prose), or three or more letters and look-alikes.
 */
const INITIALS = /(?<![\p{L}\p{N}\]|.])(?:[\p{Lu}1|\]lj]\.,?[^\S\n]?){2,}(?![\p{L}\p{N}])/gu
const INITIAL_LOOK_ALIKE: Readonly<Record<string, string>> = { "1": "I", "|": "I", l: "I", "]": "J", j: "J" }
const fixInitials = (run: string): string => {
  const tokens = run.match(/[^.,\s]/gu) ?? []
  const capitals = tokens.filter((token) => /\p{Lu}/u.test(token)).length
  const misread = tokens.length - capitals
  if (misread === 0 || !(capitals > 0 || /[\]|]/u.test(run) || tokens.length >= 3)) return run
  // A list numbered "1. 2." or sections "1. a." are not initials: at least one letter-like token must not be a digit.
  if (tokens.every((token) => /\d/u.test(token))) return run
  return run.replace(/[1|\]lj](?=\.)/gu, (char) => INITIAL_LOOK_ALIKE[char] ?? char)
}

const BLANK_LINES = /\n[^\S\n]*(?:\n[^\S\n]*)+/g

export const fixOcrText = (text: string): string =>
  text
    .replace(BLANK_LINES, "\n")
    .replace(DEGREE, "$1° ")
    .replace(ORDINAL, "$1°")
    .replace(COUNTRY_CODE, "+$1 ")
    .replace(SPLIT_GROUPS, "$1.$2.$3")
    .replace(NUMBER_LIKE, fixLookAlikes)
    .replace(SECOND_LEVEL, "$1.ar")
    .replace(EMAIL_AT, "@")
    .replace(EMAIL_AT_CAPITAL, "@")
    .replace(HANDLE_AT, "@")
    .replace(LOOSE_HANDLE_AT, unclosed)
    .replace(CUE_HANDLE_AT, unclosed)
    .replace(NAME_BEFORE_EMAIL, joinUser)
    .replace(SCHEME, "http$1://")
    .replace(DOT_COM, ".com/")
    .replace(CAMERA_FILE, (name) => name.replace(/ /g, "_"))
    .replace(SPLIT_NAME, joinName)
    .replace(INITIALS, fixInitials)
