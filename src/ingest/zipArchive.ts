import * as Effect from "effect/Effect"
import JSZip from "jszip"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { xmlProblem } from "./xmlWellFormed.ts"

/**
 * Opening DOCX and ODT containers safely.
 *
 * A zip declares each member's uncompressed size in its central directory.
 * Those sizes are checked before anything is inflated, so a small "zip bomb"
 * that expands to gigabytes is refused up front instead of exhausting memory.
 * A member whose declared size lies is inflated as a stream and dropped as
 * soon as it passes the per-member cap, so memory stays bounded either way.
 * XML members are decoded strictly and checked whole before they are read
 * (see xmlWellFormed.ts): a damaged part fails the document, never yields
 * part of it.
 */

/** Cap on the declared uncompressed size of all members together. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
/** Cap on the inflated size of one member that is read (an XML part); checked while inflating. */
export const MAX_MEMBER_BYTES = 32 * 1024 * 1024

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50
const EOCD_MIN_LENGTH = 22
const MAX_COMMENT_LENGTH = 0xffff
/** Zip64 marker: the real size lives in an extra field; treated as too big for an office document. */
const ZIP64_MARKER = 0xffffffff

const looksLikeZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)

/** Sum of the declared uncompressed sizes, or undefined when the central directory cannot be found or read. */
export const declaredUncompressedBytes = (bytes: Uint8Array): number | undefined => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const lowest = Math.max(0, bytes.length - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH)
  let eocd = -1
  for (let i = bytes.length - EOCD_MIN_LENGTH; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return undefined
  const entries = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_ENTRY_SIGNATURE) return undefined
    const size = view.getUint32(offset + 24, true)
    total += size === ZIP64_MARKER ? Number.POSITIVE_INFINITY : size
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return total
}

const megabytes = (bytes: number): string => (Number.isFinite(bytes) ? `${Math.ceil(bytes / (1024 * 1024))} MB` : "zip64")

export const openZip = (bytes: Uint8Array): Effect.Effect<JSZip, IngestFailure> =>
  Effect.gen(function* () {
    if (!looksLikeZip(bytes)) return yield* new IngestFailure({ reason: "not_a_zip" })
    const declared = declaredUncompressedBytes(bytes)
    if (declared === undefined) {
      return yield* new IngestFailure({ reason: "not_a_zip", detail: "directorio central ilegible" })
    }
    if (declared > MAX_UNCOMPRESSED_BYTES) {
      return yield* new IngestFailure({
        reason: "corrupt_document",
        detail: `tamaño descomprimido declarado ${megabytes(declared)}, máximo ${megabytes(MAX_UNCOMPRESSED_BYTES)}`,
      })
    }
    return yield* Effect.tryPromise({
      try: () => JSZip.loadAsync(bytes, { checkCRC32: true }),
      catch: () => new IngestFailure({ reason: "corrupt_document", detail: "ZIP ilegible" }),
    })
  })

/** A member's bytes, inflated as a stream and refused past `MAX_MEMBER_BYTES`. */
const readMember = (file: JSZip.JSZipObject, path: string): Effect.Effect<Uint8Array, IngestFailure> =>
  Effect.callback<Uint8Array, IngestFailure>((resume) => {
    const chunks: Buffer[] = []
    let total = 0
    const stream = file.nodeStream("nodebuffer") as NodeJS.ReadableStream & { destroy?: () => void }
    const fail = (detail: string) => {
      stream.removeAllListeners("data")
      stream.destroy?.()
      resume(Effect.fail(new IngestFailure({ reason: "corrupt_document", detail })))
    }
    stream.on("data", (chunk: Buffer) => {
      total += chunk.length
      if (total > MAX_MEMBER_BYTES) return fail(`${path} supera ${megabytes(MAX_MEMBER_BYTES)} descomprimido`)
      chunks.push(chunk)
    })
    stream.on("error", () => fail(`no se pudo descomprimir ${path}`))
    stream.on("end", () => {
      if (total <= MAX_MEMBER_BYTES) resume(Effect.succeed(new Uint8Array(Buffer.concat(chunks, total))))
    })
  })

/** Strict text decoding of an XML member: UTF-8 unless a BOM says UTF-16; undecodable bytes fail. */
const decodeMember = (bytes: Uint8Array, path: string): string | IngestFailure => {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8"
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return new IngestFailure({ reason: "invalid_encoding", detail: path })
  }
}

/**
 * An XML member's text, decoded strictly and checked well formed, or
 * undefined when the member does not exist.
 */
export const readZipXml = (zip: JSZip, path: string): Effect.Effect<string | undefined, IngestFailure> => {
  const file = zip.file(path)
  if (file === null) return Effect.succeed(undefined)
  return readMember(file, path).pipe(
    Effect.flatMap((bytes) => {
      const text = decodeMember(bytes, path)
      if (text instanceof IngestFailure) return Effect.fail(text)
      const problem = xmlProblem(text)
      return problem === undefined
        ? Effect.succeed(text)
        : Effect.fail(new IngestFailure({ reason: "corrupt_document", detail: `${path}: XML mal formado, ${problem}` }))
    }),
  )
}

/** Member paths matching `pattern`, in natural order (header2 before header10). */
export const zipMembers = (zip: JSZip, pattern: RegExp): readonly string[] =>
  Object.keys(zip.files)
    .filter((name) => pattern.test(name) && !zip.files[name]?.dir)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
