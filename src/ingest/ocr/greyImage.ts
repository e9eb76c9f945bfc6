/**
 * RGBA pixels as a binary greyscale PGM (P5), a format tesseract reads
 * natively: no second compression step, and transparent pixels are laid on
 * white paper, as a scanner would see them.
 */
export const pgmFromRgba = (rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array => {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`)
  const out = new Uint8Array(header.length + width * height)
  out.set(header)
  for (let pixel = 0, at = header.length; pixel < width * height; pixel++, at++) {
    const i = pixel * 4
    const grey = ((rgba[i] ?? 0) * 299 + (rgba[i + 1] ?? 0) * 587 + (rgba[i + 2] ?? 0) * 114) / 1000
    const alpha = (rgba[i + 3] ?? 255) / 255
    out[at] = Math.round(grey * alpha + 255 * (1 - alpha))
  }
  return out
}
