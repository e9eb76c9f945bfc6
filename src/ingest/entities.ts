/**
 * Character references in XML and HTML text. The named set covers XML, all of
 * Latin-1 (every Spanish letter and sign) and the usual typographic marks;
 * unknown names are left as written rather than guessed.
 */

const LATIN1_NAMES =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml".split(
    " ",
  )

const NAMED: ReadonlyMap<string, string> = new Map<string, string>([
  ["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"],
  ...LATIN1_NAMES.map((name, index): [string, string] => [name, String.fromCharCode(160 + index)]),
  ["ndash", "\u2013"], ["mdash", "\u2014"], ["lsquo", "\u2018"], ["rsquo", "\u2019"], ["sbquo", "\u201A"],
  ["ldquo", "\u201C"], ["rdquo", "\u201D"], ["bdquo", "\u201E"], ["hellip", "\u2026"], ["bull", "\u2022"],
  ["euro", "\u20AC"], ["trade", "\u2122"], ["dagger", "\u2020"], ["Dagger", "\u2021"], ["permil", "\u2030"],
  ["lsaquo", "\u2039"], ["rsaquo", "\u203A"], ["thinsp", "\u2009"], ["ensp", "\u2002"], ["emsp", "\u2003"],
  ["zwnj", "\u200C"], ["zwj", "\u200D"], ["lrm", "\u200E"], ["rlm", "\u200F"], ["OElig", "\u0152"], ["oelig", "\u0153"],
  ["Scaron", "\u0160"], ["scaron", "\u0161"], ["Yuml", "\u0178"], ["fnof", "\u0192"], ["circ", "\u02C6"], ["tilde", "\u02DC"],
  ["minus", "\u2212"], ["prime", "\u2032"], ["Prime", "\u2033"], ["larr", "\u2190"], ["rarr", "\u2192"],
])

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g

// Browsers read &#147; as Windows-1252 0x93 (a curly quote), not as a C1 control: so do we.
const WINDOWS_1252 = new TextDecoder("windows-1252")

const fromCodePoint = (code: number, original: string): string => {
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252.decode(Uint8Array.of(code))
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : original
}

export const decodeEntities = (text: string): string =>
  text.includes("&")
    ? text.replace(REFERENCE, (original, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
        if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10), original)
        if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), original)
        return NAMED.get(name ?? "") ?? original
      })
    : text
