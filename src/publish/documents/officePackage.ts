import { crc32, deflateSync } from "node:zlib"
import JSZip from "jszip"
import { DocumentError } from "./DocumentError.ts"

/**
 * An office package (DOCX, ODT) as a map of members, and its writing: every
 * member dated with the ruling's date (a zip records each member's
 * modification time, which would tell when the court edited it, and would
 * make two runs differ), the members in their original order, ODF's
 * `mimetype` first and stored uncompressed as the format requires.
 */
export interface OfficePackage {
  /** Member paths in their original order; a removed member is deleted from `members`. */
  readonly order: string[]
  readonly members: Map<string, Uint8Array>
}

export const readPackage = async (bytes: Uint8Array): Promise<OfficePackage> => {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true })
  } catch {
    throw new DocumentError({ code: "documento_ilegible" })
  }
  const order = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir)
  const members = new Map<string, Uint8Array>()
  for (const name of order) members.set(name, await zip.files[name]!.async("uint8array"))
  return { order, members }
}

const decoder = new TextDecoder("utf-8", { fatal: false })
const encoder = new TextEncoder()

export const memberText = (pkg: OfficePackage, name: string): string | undefined => {
  const bytes = pkg.members.get(name)
  return bytes === undefined ? undefined : decoder.decode(bytes)
}

export const setMember = (pkg: OfficePackage, name: string, content: string | Uint8Array): void => {
  if (!pkg.members.has(name)) pkg.order.push(name)
  pkg.members.set(name, typeof content === "string" ? encoder.encode(content) : content)
}

export const removeMember = (pkg: OfficePackage, name: string): void => {
  pkg.members.delete(name)
}

/** A zip timestamp for a ruling date (YYYY-MM-DD), noon UTC; 1980-01-01 (the zip epoch) when unknown. */
export const packageDate = (date: string | undefined): Date =>
  new Date(date && /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= "1980-01-02" ? `${date}T12:00:00Z` : "1980-01-01T12:00:00Z")

export const writePackage = async (pkg: OfficePackage, date: Date, storedFirst?: string): Promise<Uint8Array> => {
  const zip = new JSZip()
  const names = pkg.order.filter((name) => pkg.members.has(name))
  const ordered = storedFirst && pkg.members.has(storedFirst) ? [storedFirst, ...names.filter((name) => name !== storedFirst)] : names
  for (const name of ordered) {
    zip.file(name, pkg.members.get(name)!, {
      date,
      createFolders: false,
      compression: name === storedFirst ? "STORE" : "DEFLATE",
    })
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", platform: "UNIX" })
}

const pngChunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/** A 1×1 light grey PNG: what replaces every embedded image unless the pipeline keeps them. */
export const PLACEHOLDER_PNG: Uint8Array = (() => {
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]) // 1×1, 8-bit greyscale
  return new Uint8Array(Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from([0, 0xd0]))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]))
})()
