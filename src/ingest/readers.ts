import { extname } from "node:path"
import * as Effect from "effect/Effect"
import type { ExtractedDocument, Format } from "../domain/Document.ts"
import type { IngestFailure } from "../domain/IngestFailure.ts"
import type { Reader, ReadOptions } from "./Reader.ts"

/**
 * The reader registry: an immutable value built once. A new format is a new
 * reader file and one entry here.
 *
 * Each reader's module, with its parser (pdf.js, mammoth, word-extractor,
 * the OCR engine...), is loaded when the first file of its format is read:
 * a process that only lists inputs, or a document worker that only sees
 * text files, does not pay for parsers it never uses.
 */
type Read = (bytes: Uint8Array, options: ReadOptions) => Effect.Effect<ExtractedDocument, IngestFailure>

const lazyReader = (format: Format, extensions: readonly string[], load: () => Promise<Read>): Reader => {
  let loaded: Promise<Read> | undefined
  return Object.freeze({
    format,
    extensions,
    read: (bytes: Uint8Array, options: ReadOptions) => Effect.promise(() => (loaded ??= load())).pipe(Effect.flatMap((read) => read(bytes, options))),
  })
}

/** Images share one reader (OCR), told which format it reads. */
const imageRead = (format: "png" | "jpeg" | "tiff") => async (): Promise<Read> => {
  const { readImage } = await import("./image.ts")
  return (bytes, options) => readImage(bytes, format, options)
}

export const READERS: readonly Reader[] = Object.freeze([
  lazyReader("pdf", [".pdf"], async () => (await import("./pdf.ts")).readPdf),
  lazyReader("docx", [".docx"], async () => (await import("./docx.ts")).readDocx),
  lazyReader("doc", [".doc"], async () => (await import("./doc.ts")).readDoc),
  lazyReader("odt", [".odt"], async () => (await import("./odt.ts")).readOdt),
  lazyReader("txt", [".txt"], async () => (await import("./text.ts")).readText),
  lazyReader("html", [".html", ".htm"], async () => (await import("./html.ts")).readHtml),
  lazyReader("png", [".png"], imageRead("png")),
  lazyReader("jpeg", [".jpg", ".jpeg"], imageRead("jpeg")),
  lazyReader("tiff", [".tif", ".tiff"], imageRead("tiff")),
])

const BY_EXTENSION: ReadonlyMap<string, Reader> = new Map(
  READERS.flatMap((reader) => reader.extensions.map((extension): [string, Reader] => [extension, reader])),
)

/** The reader for a file name by its extension (case-insensitive), or undefined. */
export const readerFor = (fileName: string): Reader | undefined => BY_EXTENSION.get(extname(fileName).toLowerCase())
