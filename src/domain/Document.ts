/** What a reader extracts from a source file, before detection. */

export const FORMATS = ["pdf", "docx", "doc", "odt", "txt", "html", "png", "jpeg", "tiff"] as const
export type Format = (typeof FORMATS)[number]

/** The formats a ruling's anonymised document is published in (a `.doc` is published as `.docx`). */
export const DOCUMENT_EXTENSIONS_PUBLISHED = ["docx", "odt", "pdf"] as const
export type DocumentExtension = (typeof DOCUMENT_EXTENSIONS_PUBLISHED)[number]

/** Where a piece of text came from inside the document. */
export type PartKind = "body" | "header" | "footer" | "note"

export interface DocumentPart {
  readonly kind: PartKind
  readonly text: string
}

/** Metadata a manifest gives or the document head reveals. All optional. */
export interface RulingMetadata {
  readonly court?: string
  /** ISO 8601 date (YYYY-MM-DD). */
  readonly date?: string
  readonly type?: string
  /** Case identifiers found in the head: CUIJ, IPP, expediente, actuación. */
  readonly caseNumbers?: readonly string[]
  /** An id given by the manifest. */
  readonly id?: string
}

/** One page whose text came from OCR: its number (from 1) and the engine's mean word confidence (0 to 100). */
export interface OcrPage {
  readonly page: number
  readonly confidence: number
  /** Characters recognised on the page. */
  readonly characters: number
}

/** Where OCR supplied the text: which pages, with what confidence. Absent when all text came from a text layer. */
export interface OcrProvenance {
  readonly engine: string
  /** Total pages of the document (PDF pages, image frames). */
  readonly pageCount: number
  readonly pages: readonly OcrPage[]
  /** Mean confidence over the OCR'd pages, weighted by the characters each gave. */
  readonly meanConfidence: number
}

export interface ExtractedDocument {
  readonly format: Format
  /** Body parts first, then headers, footers and notes, in document order. */
  readonly parts: readonly DocumentPart[]
  /** Metadata the format itself carries (rarely any). */
  readonly metadata: RulingMetadata
  /** Present when some or all of the text came from OCR. */
  readonly ocr?: OcrProvenance
}
