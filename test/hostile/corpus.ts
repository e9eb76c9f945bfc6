import { crc32, deflateRawSync } from "node:zlib"
import { makeDocx } from "../fixtures/makeDocuments.ts"
import { makeEncryptedPdf, makePdf } from "../ingest/fixtures.ts"

/**
 * Malformed and hostile inputs, generated in the test (nothing binary is
 * checked in), and good rulings to mix with them.
 */

export const PERSONAL = ["Ramiro Ezequiel Quiroga", "Quiroga", "30.456.789", "Valentina Soledad Ibarra", "Ibarra", "11 5555-1234"]

export const ruling = (n: number): string[] => [
  `Buenos Aires, 12 de marzo de 2024.`,
  `VISTOS: la causa seguida contra Ramiro Ezequiel QUIROGA, DNI 30.456.789, con domicilio en Av. Corrientes 1234, piso 3° "B", de esta ciudad, por el delito previsto en el art. 149 bis del Código Penal (resolución ${n}).`,
  `La denunciante, Sra. Valentina Soledad Ibarra, teléfono 11 5555-1234, relató que Quiroga la amenazó.`,
  `RESUELVO: I. SUSPENDER el proceso a prueba respecto de Ramiro Ezequiel Quiroga por el plazo de un año.`,
  `Fdo.: Dra. Mariana Costas, Jueza.`,
]

export const rulingText = (n: number): string => ruling(n).join("\n\n") + "\n"

export const rulingPdf = (n: number): Promise<Uint8Array> =>
  makePdf([ruling(n).flatMap((paragraph) => [...(paragraph.match(/.{1,80}(\s|$)/gu) ?? []), null])])

export const rulingDocx = (n: number): Promise<Uint8Array> => makeDocx(ruling(n))

export { makeEncryptedPdf }

/** Seeded bit flips: `count` random bits, away from the header. */
export const flipBits = (bytes: Uint8Array, count: number, seed: number): Uint8Array => {
  const out = new Uint8Array(bytes)
  let state = seed >>> 0
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    const at = 16 + (state % (out.length - 16))
    out[at]! ^= 1 << (state >>> 29)
  }
  return out
}

/**
 * A one-member zip (DEFLATE) whose directories may lie about the member's
 * uncompressed size: a zip bomb that passes the declared-size check.
 */
export const zipWith = (name: string, content: Buffer, declaredSize = content.length): Uint8Array => {
  const compressed = deflateRawSync(content, { level: 1 })
  const crc = crc32(content)
  const nameBytes = Buffer.from(name, "utf8")
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(compressed.length, 18)
  local.writeUInt32LE(declaredSize >>> 0, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(compressed.length, 20)
  central.writeUInt32LE(declaredSize >>> 0, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  const centralOffset = local.length + nameBytes.length + compressed.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + nameBytes.length, 12)
  end.writeUInt32LE(centralOffset, 16)
  return new Uint8Array(Buffer.concat([local, nameBytes, compressed, central, nameBytes, end]))
}

/** word/document.xml with one paragraph of `size` letters. */
export const bombDocx = (size: number, declaredSize?: number): Uint8Array => {
  const xml = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'),
    Buffer.alloc(size, 0x41),
    Buffer.from("</w:t></w:r></w:p></w:body></w:document>"),
  ])
  return zipWith("word/document.xml", xml, declaredSize)
}

/** A single line of about `length` characters: words, numbers and punctuation, no newline. */
export const longLine = (length: number): string => {
  const words = ["la", "causa", "seguida", "contra", "N.N.", "por", "el", "delito", "previsto", "en", "el", "art.", "149", "bis", "del", "Código", "Penal,", "y", "con", "domicilio", "en", "esta", "ciudad;"]
  const unit = words.join(" ") + " "
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
}

export const nestedHtml = (depth: number): string =>
  `<!DOCTYPE html><html><body>${"<div>".repeat(depth)}${ruling(99).join("<br>")}${"</div>".repeat(depth)}</body></html>`
