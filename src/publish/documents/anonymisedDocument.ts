import type { AuditRecord } from "../../domain/AuditRecord.ts"
import type { DocumentExtension, ExtractedDocument, Format } from "../../domain/Document.ts"
import type { PipelineConfig } from "../../domain/PipelineConfig.ts"
import type { Detector } from "../../detect/Detector.ts"
import { readerFor } from "../../ingest/readers.ts"
import { composeText } from "../../normalise/composeText.ts"
import { gatePublication, type GateDecision, type GateFinding } from "../gate.ts"
import type { DocumentOptions } from "./docxDocument.ts"
import { DocumentError, extractOrFail } from "./DocumentError.ts"
import { placeParts, redactionsOf } from "./redactStreams.ts"

/**
 * A ruling's anonymised document in its input's format, and the check that
 * vouches for it: the produced file is read again with the project's own
 * reader and gated like the public text; for office packages the text of
 * every member (properties, comments, every header, alt text...) is gated
 * too. Text and HTML inputs have no document beyond their `.txt`.
 */
export const DOCUMENT_EXTENSIONS: Readonly<Record<Format, DocumentExtension | null>> = {
  docx: "docx",
  odt: "odt",
  pdf: "pdf",
  doc: "docx",
  txt: null,
  png: null,
  jpeg: null,
  tiff: null,
  html: null,
}

export const MEDIA_TYPES: Readonly<Record<DocumentExtension, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  pdf: "application/pdf",
}

/** The anonymised text of a record (what redactText produced), rebuilt from its entities. */
const publicTextOf = (text: string, record: AuditRecord): string => {
  let out = ""
  let cursor = 0
  for (const redaction of redactionsOf(record).sort((a, b) => a.start - b.start)) {
    if (redaction.start < cursor) continue
    out += text.slice(cursor, redaction.start) + redaction.replacement
    cursor = redaction.end
  }
  return out + text.slice(cursor)
}

/** `read`: the original as the document worker read it (a PDF's pages are then not parsed again). */
export const produceDocument = async (original: Uint8Array, record: AuditRecord, options: DocumentOptions, read?: ExtractedDocument): Promise<Uint8Array> => {
  // Each format's writer (pdf-lib, the XML packages) is loaded with its first document.
  switch (record.format) {
    case "docx":
      return (await import("./docxDocument.ts")).anonymiseDocx(original, record, options)
    case "odt":
      return (await import("./odtDocument.ts")).anonymiseOdt(original, record, options)
    case "pdf": {
      const { anonymisePdf, layoutPdf } = await import("./pdfDocument.ts")
      // A scan's text came from OCR, not from a text layer to place it in: the clean PDF is laid out
      // from the public text alone (reading the scan again would run OCR twice).
      if (record.ocr === undefined) return anonymisePdf(original, record, read?.format === "pdf" ? read : undefined)
      const { packageDate } = await import("./officePackage.ts")
      return layoutPdf({ body: publicTextOf(record.text, record), header: [], footer: [] }, packageDate(record.metadata.date))
    }
    case "doc": {
      const reader = readerFor("x.doc")!
      if (!placeParts(await extractOrFail(reader.read(original, {})), record.text)) throw new DocumentError({ code: "texto_distinto" })
      return (await import("./textDocx.ts")).docxFromText(publicTextOf(record.text, record), record.metadata.date)
    }
    default:
      throw new DocumentError({ code: "documento_ilegible" })
  }
}

/** Findings of a document, told apart from the text's in the withheld reason (`documento:<causa>:<etiqueta>`). */
const asDocumentFinding = (finding: GateFinding): GateFinding => ({
  ...finding,
  category: `documento:${finding.category ?? finding.cause}${finding.label ? `:${finding.label}` : ""}`,
})

export const checkDocument = async (
  document: Uint8Array,
  extension: DocumentExtension,
  record: AuditRecord,
  config: PipelineConfig,
  detectors: readonly Detector[],
): Promise<GateDecision> => {
  const read = composeText(await extractOrFail(readerFor(`x.${extension}`)!.read(document, {})))
  const texts = extension === "pdf" ? [read] : [read, await (await import("./packageText.ts")).packageText(document)]
  const findings = texts.flatMap((text) => gatePublication(text, record, config, detectors).findings)
  return { publish: findings.length === 0, findings: findings.map(asDocumentFinding), categories: [] }
}

/** A document produced and vouched for (see `vouchedDocument`). */
export interface VouchedDocument {
  readonly extension: DocumentExtension
  readonly bytes: Uint8Array
}

/**
 * The ruling's document, produced and checked where the ruling was analysed
 * (the document worker, which has the original and its reading at hand):
 * publication then finds it in place and does not produce it again. None
 * when the format has no document, or when it cannot be produced or its
 * check finds anything: publication produces it again and holds the ruling
 * with the cause (publishDocuments.ts), so this is only ever a shortcut.
 */
export const vouchedDocument = async (
  original: Uint8Array,
  read: ExtractedDocument,
  record: AuditRecord,
  config: PipelineConfig,
  detectors: readonly Detector[],
): Promise<VouchedDocument | undefined> => {
  const extension = DOCUMENT_EXTENSIONS[record.format]
  if (extension === null) return undefined
  try {
    const bytes = await produceDocument(original, record, { keepImages: config.publication.documents.keepImages }, read)
    return (await checkDocument(bytes, extension, record, config, detectors)).publish ? { extension, bytes } : undefined
  } catch {
    return undefined
  }
}

/** A ruling held because its document could not be produced. */
export const documentFailure = (error: DocumentError): GateDecision => ({
  publish: false,
  findings: [{ cause: "forma_redactada", label: null, category: `documento:${error.code}`, count: 1, at: [] }],
  categories: [],
})
