import { createCanvas, loadImage } from "@napi-rs/canvas"
import * as Effect from "effect/Effect"
import UTIF from "utif2"
import { IngestFailure } from "../../domain/IngestFailure.ts"
import { pgmFromRgba } from "./greyImage.ts"
import { imageComplete, imageSize } from "./imageSize.ts"
import type { OcrSettings, PageImage } from "./ocrPages.ts"

/**
 * The pages of an image file, checked against the limits before any pixel
 * is decoded: PNG and JPEG are one page (decoded by @napi-rs/canvas), TIFF
 * has one page per image directory (decoded by UTIF). Each page becomes a
 * greyscale PGM when the OCR queue asks for it. A file that cannot be read
 * fails with corrupt_image; too many pages or pixels fail with their limit.
 */

export type ImageFormat = "png" | "jpeg" | "tiff"

const corrupt = (detail: string) => new IngestFailure({ reason: "corrupt_image", detail })

const checkPixels = (width: number, height: number, page: number, settings: OcrSettings): IngestFailure | undefined =>
  width * height > settings.maxPixelsPerPage
    ? new IngestFailure({ reason: "image_too_large", detail: `página ${page}: ${width}×${height} píxeles, máximo ${settings.maxPixelsPerPage}` })
    : undefined

const singleImage = (bytes: Uint8Array, format: "png" | "jpeg", settings: OcrSettings): Effect.Effect<readonly PageImage[], IngestFailure> => {
  const size = imageSize(bytes, format)
  if (size === undefined) return Effect.fail(corrupt(`encabezado ${format.toUpperCase()} inválido`))
  const tooLarge = checkPixels(size.width, size.height, 1, settings)
  if (tooLarge !== undefined) return Effect.fail(tooLarge)
  if (!imageComplete(bytes, format)) return Effect.fail(corrupt(`${format.toUpperCase()} truncado`))
  const image = Effect.tryPromise({
    try: async () => {
      const decoded = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      if (decoded.width !== size.width || decoded.height !== size.height) throw new RangeError("tamaño distinto del encabezado")
      const canvas = createCanvas(decoded.width, decoded.height)
      const context = canvas.getContext("2d")
      context.drawImage(decoded, 0, 0)
      return pgmFromRgba(context.getImageData(0, 0, decoded.width, decoded.height).data, decoded.width, decoded.height)
    },
    catch: () => corrupt(`no se pudo decodificar el ${format.toUpperCase()}`),
  })
  return Effect.succeed([{ page: 1, image }])
}

const tagNumber = (ifd: UTIF.IFD, tag: string): number => {
  const value = ifd[tag]
  return Array.isArray(value) && typeof value[0] === "number" ? value[0] : 0
}

const numbers = (ifd: UTIF.IFD, tag: string): readonly number[] => {
  const value = ifd[tag]
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === "number") : []
}

/**
 * Whether a page's strips (or tiles) lie inside the file: a decoder fills
 * what is missing with black, so a cut file would read as a blank page.
 */
const dataFits = (ifd: UTIF.IFD, size: number): boolean => {
  const [offsets, counts] = ifd["t324"] !== undefined ? [numbers(ifd, "t324"), numbers(ifd, "t325")] : [numbers(ifd, "t273"), numbers(ifd, "t279")]
  return offsets.length > 0 && offsets.length === counts.length && offsets.every((offset, index) => offset + (counts[index] ?? 0) <= size)
}

const tiffPages = (bytes: Uint8Array, settings: OcrSettings): Effect.Effect<readonly PageImage[], IngestFailure> =>
  Effect.gen(function*() {
    const buffer = bytes.slice().buffer
    const directories = yield* Effect.try({ try: () => UTIF.decode(buffer), catch: () => corrupt("estructura TIFF inválida") })
    // Pages are the directories that hold an image (width and height tags); EXIF and thumbnails sub-IFDs are not listed here.
    const pages = directories.filter((ifd) => tagNumber(ifd, "t256") > 0 && tagNumber(ifd, "t257") > 0)
    if (pages.length === 0) return yield* corrupt("TIFF sin imágenes")
    if (pages.length > settings.maxPages) {
      return yield* new IngestFailure({ reason: "too_many_pages", detail: `${pages.length} páginas para OCR, máximo ${settings.maxPages}` })
    }
    for (const [index, ifd] of pages.entries()) {
      const tooLarge = checkPixels(tagNumber(ifd, "t256"), tagNumber(ifd, "t257"), index + 1, settings)
      if (tooLarge !== undefined) return yield* tooLarge
      if (!dataFits(ifd, bytes.length)) return yield* corrupt(`página ${index + 1}: datos truncados`)
    }
    return pages.map((ifd, index): PageImage => ({
      page: index + 1,
      image: Effect.try({
        try: () => {
          UTIF.decodeImage(buffer, ifd)
          const rgba = UTIF.toRGBA8(ifd)
          if (rgba.length < ifd.width * ifd.height * 4) throw new RangeError("datos incompletos")
          const pgm = pgmFromRgba(rgba, ifd.width, ifd.height)
          ifd.data = new Uint8Array(0) // the decoded page is not kept once converted
          return pgm
        },
        catch: () => corrupt(`página ${index + 1}: no se pudo decodificar`),
      }),
    }))
  })

export const imagePages = (bytes: Uint8Array, format: ImageFormat, settings: OcrSettings): Effect.Effect<readonly PageImage[], IngestFailure> =>
  format === "tiff" ? tiffPages(bytes, settings) : singleImage(bytes, format, settings)
