import * as Data from "effect/Data"

/**
 * Why a document could not be processed. Codes are stable (they appear in
 * `private/failures.jsonl` and in statistics); messages are Spanish and never
 * contain document content.
 */
export const FAILURE_REASONS = {
  missing_file: "el archivo no existe",
  outside_input: "la ruta está fuera de la carpeta de entrada",
  not_a_file: "la ruta no es un archivo común (carpeta, tubería, dispositivo o socket)",
  unsupported_format: "formato no admitido",
  empty_file: "el archivo está vacío",
  too_large: "el archivo supera el tamaño máximo permitido",
  corrupt_pdf: "PDF dañado o ilegible",
  encrypted_pdf: "PDF cifrado o protegido con contraseña",
  needs_ocr: "PDF escaneado sin capa de texto: requiere OCR",
  corrupt_image: "imagen dañada o ilegible",
  image_too_large: "la imagen supera la cantidad máxima de píxeles por página",
  too_many_pages: "el documento supera la cantidad máxima de páginas para OCR",
  ocr_failed: "falló el reconocimiento de texto (OCR)",
  not_a_zip: "el documento no es un archivo ZIP válido (DOCX/ODT dañado)",
  corrupt_document: "documento dañado o ilegible",
  invalid_encoding: "el documento contiene texto con una codificación inválida",
  incomplete_text: "retenida para revisión: el texto extraído es demasiado breve para el documento (puede faltar contenido)",
  binary_content: "el archivo de texto contiene datos binarios",
  no_text: "el documento no contiene texto",
  timeout: "se superó el tiempo máximo de procesamiento",
  out_of_memory: "se superó la memoria máxima por documento",
  worker_failed: "el proceso de análisis del documento terminó de forma inesperada",
  manifest_invalid: "fila de manifiesto inválida",
  processing_error: "error interno al procesar el documento",
  excluded_category: "no se publica: la política de publicación excluye esta categoría de resoluciones",
  gate_blocked: "retenida para revisión: el control final encontró datos identificatorios en el texto a publicar",
  ocr_baja_confianza: "retenida para revisión: el texto reconocido por OCR tiene baja confianza",
} as const

export type FailureReason = keyof typeof FAILURE_REASONS

export class IngestFailure extends Data.TaggedError("IngestFailure")<{
  readonly reason: FailureReason
  /** Optional technical detail; must never contain document text. */
  readonly detail?: string
  /** Characters analysed before the ruling was held for review (held rulings only): the batch counts them. */
  readonly characters?: number
}> {
  override get message(): string {
    return FAILURE_REASONS[this.reason] + (this.detail ? ` (${this.detail})` : "")
  }
}
