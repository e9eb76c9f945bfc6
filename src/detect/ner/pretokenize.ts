/**
 * BERT pre-tokenisation with exact offsets into the original string.
 *
 * Mirrors HF `BertNormalizer` (clean_text, handle_chinese_chars, no
 * lowercasing, no accent stripping) followed by `BertPreTokenizer`, the
 * pair that the model's tokenizer.json declares, and `pretokenize` in
 * models/recipe/common.py (used for training): change one, change all.
 *
 * Offsets are UTF-16 code-unit indices (what `String.prototype.slice`
 * takes). Characters the normaliser removes (NUL, U+FFFD, control and
 * format characters such as U+200B) are skipped without splitting a word,
 * so a word's [start, end) may contain them; whitespace (CR, LF, NBSP, ...)
 * separates words; each punctuation mark and each CJK ideograph is a word.
 */
export interface Word {
  /** First UTF-16 index of the word in the original text. */
  readonly start: number
  /** One past its last UTF-16 index. */
  readonly end: number
  /** The word as the tokenizer sees it (removed characters dropped). */
  readonly text: string
}

const WHITESPACE = /[ \t\n\r\p{Zs}]/u
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u
const PUNCT = /[\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E]/u

const isCjk = (cp: number): boolean =>
  (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df) ||
  (cp >= 0x2a700 && cp <= 0x2b73f) || (cp >= 0x2b740 && cp <= 0x2b81f) || (cp >= 0x2b820 && cp <= 0x2ceaf) ||
  (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)

/** Fast path for the common Latin-1 letters and digits. */
const isPlainWordChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)

export const pretokenize = (text: string): Word[] => {
  const words: Word[] = []
  let cur = ""
  let start = -1
  let end = -1
  const flush = (): void => {
    if (cur.length > 0) words.push({ start, end, text: cur })
    cur = ""
    start = -1
  }
  let i = 0
  const n = text.length
  while (i < n) {
    const cp = text.codePointAt(i)!
    const len = cp > 0xffff ? 2 : 1
    if (isPlainWordChar(cp)) {
      if (cur.length === 0) start = i
      cur += text[i]
      end = i + 1
      i += 1
      continue
    }
    const ch = len === 2 ? text.slice(i, i + 2) : text[i]!
    if (cp === 0 || cp === 0xfffd || (cp !== 9 && cp !== 10 && cp !== 13 && CONTROL.test(ch))) {
      // removed by the normaliser: neither part of the word nor a separator
    } else if (WHITESPACE.test(ch)) {
      flush()
    } else if (PUNCT.test(ch) || isCjk(cp)) {
      flush()
      words.push({ start: i, end: i + len, text: ch })
    } else {
      if (cur.length === 0) start = i
      cur += ch
      end = i + len
    }
    i += len
  }
  flush()
  return words
}
