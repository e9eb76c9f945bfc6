import { IngestFailure } from "../domain/IngestFailure.ts"

/**
 * Bytes of a plain-text file → string, without mangling Spanish letters.
 *
 * Court systems export UTF-8, UTF-16 ("Unicode" in Windows Notepad) or the
 * Windows ANSI code page (Windows-1252, a superset of Latin-1 in practice).
 * A BOM decides; otherwise strict UTF-8 is tried first, which legacy 8-bit
 * text with accents almost never passes, and Windows-1252 is the fallback.
 * Binary data (NUL bytes, many control characters) is refused rather than
 * turned into noise, and so is a file whose BOM names an encoding its bytes
 * break (`invalid_encoding`): no replacement characters are ever published.
 */

/** Above this share of control characters the file is not text. */
const MAX_CONTROL_SHARE = 0.05

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, i) => bytes[i] === byte)

const isBinary = (text: string): boolean => {
  if (text.includes("\u0000")) return true
  let control = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // Tab, line feed, form feed and carriage return are ordinary in text files.
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f || code === 0xfffd) {
      control++
    }
  }
  return control > text.length * MAX_CONTROL_SHARE
}

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252"

export interface DecodedText {
  readonly text: string
  readonly encoding: TextEncoding
}

const decode = (bytes: Uint8Array, encoding: TextEncoding, fatal: boolean): string =>
  // ignoreBOM: the BOM was already skipped by the caller, a second one is content.
  new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes)

const BOMS: readonly (readonly [readonly number[], TextEncoding])[] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
]

/** Decodes `bytes` (BOM stripped) or fails with `binary_content` or `invalid_encoding`. */
export const decodeText = (bytes: Uint8Array): DecodedText | IngestFailure => {
  let decoded: DecodedText
  const bom = BOMS.find(([prefix]) => startsWith(bytes, prefix))
  if (bom !== undefined) {
    const [prefix, encoding] = bom
    try {
      decoded = { text: decode(bytes.subarray(prefix.length), encoding, true), encoding }
    } catch {
      return new IngestFailure({ reason: "invalid_encoding", detail: `${encoding} con BOM` })
    }
  } else {
    try {
      decoded = { text: decode(bytes, "utf-8", true), encoding: "utf-8" }
    } catch {
      decoded = { text: decode(bytes, "windows-1252", false), encoding: "windows-1252" }
    }
  }
  return isBinary(decoded.text) ? new IngestFailure({ reason: "binary_content", detail: decoded.encoding }) : decoded
}
