/**
 * Width and height from a PNG or JPEG header, and whether the file ends as
 * its format says (a PNG's IEND chunk, a JPEG's end-of-image marker). Both
 * are read read before anything decodes
 * the pixels: a small file can declare a huge image (a decompression bomb),
 * and the per-page pixel limit must be checked first. Undefined when the
 * header is not there or not valid.
 */

export interface ImageSize {
  readonly width: number
  readonly height: number
}

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]

const pngSize = (bytes: Uint8Array): ImageSize | undefined => {
  if (bytes.length < 24 || !PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The first chunk must be IHDR: width and height are its first two fields.
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

/** Start-of-frame markers (baseline, progressive, lossless...), not DHT (C4), JPG (C8) or DAC (CC). */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

const jpegSize = (bytes: Uint8Array): ImageSize | undefined => {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 2
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined
    const marker = bytes[offset + 1] ?? 0
    if (marker === 0xff) {
      offset += 1 // fill byte
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return undefined // end of image or scan data before any frame header
    const length = view.getUint16(offset + 2)
    if (length < 2) return undefined
    if (isStartOfFrame(marker)) return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) }
    offset += 2 + length
  }
  return undefined
}

export const imageSize = (bytes: Uint8Array, format: "png" | "jpeg"): ImageSize | undefined => {
  const size = format === "png" ? pngSize(bytes) : jpegSize(bytes)
  return size !== undefined && size.width > 0 && size.height > 0 ? size : undefined
}

/** Whether every PNG chunk fits in the file and the last one is IEND. */
const pngComplete = (bytes: Uint8Array): boolean => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 8
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8))
    offset += 12 + length
    if (offset > bytes.length) return false
    if (type === "IEND") return true
  }
  return false
}

/** Whether a JPEG has its end-of-image marker (cameras may append data after it). */
const jpegComplete = (bytes: Uint8Array): boolean => {
  for (let offset = bytes.length - 2; offset >= 2; offset--) {
    if (bytes[offset] === 0xff && bytes[offset + 1] === 0xd9) return true
  }
  return false
}

/** A decoder fills a truncated image with blank pixels; the file's own end says it was cut. */
export const imageComplete = (bytes: Uint8Array, format: "png" | "jpeg"): boolean =>
  format === "png" ? pngComplete(bytes) : jpegComplete(bytes)
