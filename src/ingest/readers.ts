import { extname } from "node:path"
import { docReader } from "./doc.ts"
import { docxReader } from "./docx.ts"
import { htmlReader } from "./html.ts"
import { jpegReader, pngReader, tiffReader } from "./image.ts"
import { odtReader } from "./odt.ts"
import { pdfReader } from "./pdf.ts"
import type { Reader } from "./Reader.ts"
import { textReader } from "./text.ts"

/**
 * The reader registry: an immutable value built once. A new format is a new
 * reader file and one entry here.
 */
export const READERS: readonly Reader[] = Object.freeze([pdfReader, docxReader, docReader, odtReader, textReader, htmlReader, pngReader, jpegReader, tiffReader])

const BY_EXTENSION: ReadonlyMap<string, Reader> = new Map(
  READERS.flatMap((reader) => reader.extensions.map((extension): [string, Reader] => [extension, reader])),
)

/** The reader for a file name by its extension (case-insensitive), or undefined. */
export const readerFor = (fileName: string): Reader | undefined => BY_EXTENSION.get(extname(fileName).toLowerCase())
