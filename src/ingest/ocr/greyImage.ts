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

/** Header length of a binary PGM made by pgmFromRgba ("P5\nW H\n255\n"), or undefined for anything else. */
const pgmHeaderLength = (image: Uint8Array): number | undefined => {
  if (image[0] !== 0x50 || image[1] !== 0x35) return undefined
  let newlines = 0
  for (let at = 2; at < Math.min(image.length, 64); at++) {
    if (image[at] === 0x0a && ++newlines === 3) return at + 1
  }
  return undefined
}

/**
 * Share of a greyscale PGM's pixels dark enough to be ink (below mid-grey),
 * 0 to 1; undefined when the image is not such a PGM (a PNG or JPEG page is
 * not decoded here for this).
 */
export const inkShare = (image: Uint8Array): number | undefined => {
  const start = pgmHeaderLength(image)
  if (start === undefined || start >= image.length) return undefined
  let ink = 0
  for (let at = start; at < image.length; at++) if (image[at]! < 128) ink++
  return ink / (image.length - start)
}
