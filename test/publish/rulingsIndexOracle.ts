import { DOCUMENT_EXTENSIONS } from "../../src/publish/documents/anonymisedDocument.ts"
import type { AuditRecord } from "../../src/domain/AuditRecord.ts"
import type { Label } from "../../src/domain/Label.ts"
import { toCsv, type CsvValue } from "../../src/publish/csv.ts"
import { classifyRuling } from "../../src/publish/classifyRuling.ts"
import { countColumn, REDACTABLE_LABELS, RULINGS_FIELDS } from "../../src/publish/rulingsIndex.ts"

/**
 * An independent oracle for the published rulings index: the same row
 * computed in TypeScript from one audit record and its public text, to check
 * the SQL that builds `public/resoluciones.csv` from the store.
 */
const RULINGS_COLUMNS = RULINGS_FIELDS.map((field) => field.name)

export type RulingRow = Record<string, CsvValue>

/** Year and month of an ISO date, or undefined. */
const yearMonth = (date: string | undefined): { anio?: number; mes?: number } => {
  const match = /^(\d{4})-(\d{2})-\d{2}$/u.exec(date ?? "")
  return match ? { anio: Number(match[1]), mes: Number(match[2]) } : {}
}

export const rulingRow = (record: AuditRecord, publicText: string): RulingRow => {
  const counts = new Map<Label, number>()
  for (const entity of record.entities) {
    if (entity.action === "redact") counts.set(entity.label, (counts.get(entity.label) ?? 0) + 1)
  }
  const { anio, mes } = yearMonth(record.metadata.date)
  const { materia, resultado } = classifyRuling(publicText)
  const row: Record<string, CsvValue> = {
    id: record.id,
    juzgado: record.metadata.court,
    fecha: record.metadata.date,
    anio,
    mes,
    tipo: record.metadata.type,
    materia,
    resultado,
    formato_original: record.format,
    origen_texto: record.ocr ? "ocr" : "texto",
    caracteres: publicText.length,
    total_datos_ocultados: [...counts.values()].reduce((a, b) => a + b, 0),
    archivo_texto: `resoluciones/${record.id}.txt`,
    archivo_documento: DOCUMENT_EXTENSIONS[record.format] === null ? null : `documentos/${record.id}.${DOCUMENT_EXTENSIONS[record.format]}`,
  }
  for (const label of REDACTABLE_LABELS) row[countColumn(label)] = counts.get(label) ?? 0
  return row
}

/** Rows sorted by id in code-unit order (the order DuckDB's `ORDER BY id` gives). */
export const rulingsCsv = (rows: readonly RulingRow[]): string =>
  toCsv<RulingRow>(RULINGS_COLUMNS, [...rows].sort((a, b) => {
    const [x, y] = [String(a.id), String(b.id)]
    return x < y ? -1 : x > y ? 1 : 0
  }))
