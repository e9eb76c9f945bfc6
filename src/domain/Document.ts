/** What a reader extracts from a source file, before detection. */

export const FORMATS = ["pdf", "docx", "odt", "txt", "html"] as const
export type Format = (typeof FORMATS)[number]

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

export interface ExtractedDocument {
  readonly format: Format
  /** Body parts first, then headers, footers and notes, in document order. */
  readonly parts: readonly DocumentPart[]
  /** Metadata the format itself carries (rarely any). */
  readonly metadata: RulingMetadata
}
