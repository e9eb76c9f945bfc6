import { LABELS, LABEL_INFO, type Label } from "../domain/Label.ts"
import type { AuditRecord } from "../domain/AuditRecord.ts"
import { toCsv, type CsvValue } from "./csv.ts"
import { materiaOf, resultadoOf } from "./classifyRuling.ts"
import type { DatasetField } from "./DatasetField.ts"

/**
 * `public/resoluciones.csv`: one row per published ruling. Column names follow
 * Argentina's open-data guide: Spanish, lower case, snake_case, no accents.
 * The published file is built from the store (src/store/datasetQueries.ts)
 * with the same columns; `rulingRow` computes the same row from one record.
 */
export const REDACTABLE_LABELS = LABELS.filter((label): label is Exclude<Label, "FUNCIONARIO"> => label !== "FUNCIONARIO")

export const countColumn = (label: Label): string => `cantidad_${LABEL_INFO[label].column}`

export const RULINGS_FIELDS: readonly DatasetField[] = [
  { name: "id", type: "string", description: "Identificador estable de la resolución.", required: true },
  { name: "juzgado", type: "string", description: "Juzgado o tribunal que dictó la resolución." },
  { name: "fecha", type: "date", description: "Fecha de la resolución (ISO 8601, AAAA-MM-DD)." },
  { name: "anio", type: "integer", description: "Año de la resolución." },
  { name: "mes", type: "integer", description: "Mes de la resolución (1 a 12)." },
  { name: "tipo", type: "string", description: "Tipo de resolución (sentencia, auto, interlocutoria...)." },
  {
    name: "materia",
    type: "string",
    description: "Materia principal según delitos y artículos citados (clasificación automática por palabras clave).",
  },
  {
    name: "resultado",
    type: "string",
    description: "Resultado de la parte resolutiva cuando se puede extraer (condena, absolución, sobreseimiento...).",
  },
  { name: "formato_original", type: "string", description: "Formato del archivo de origen (pdf, docx, odt, txt, html)." },
  { name: "caracteres", type: "integer", description: "Cantidad de caracteres del texto anonimizado publicado." },
  { name: "total_datos_ocultados", type: "integer", description: "Total de menciones ocultadas en la resolución." },
  ...REDACTABLE_LABELS.map((label): DatasetField => ({
    name: countColumn(label),
    type: "integer",
    description: `Menciones ocultadas de la categoría ${label}: ${LABEL_INFO[label].descripcion}.`,
  })),
  { name: "archivo_texto", type: "string", description: "Ruta relativa del texto anonimizado: resoluciones/<id>.txt." },
]

export const RULINGS_COLUMNS = RULINGS_FIELDS.map((field) => field.name)

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
  const row: Record<string, CsvValue> = {
    id: record.id,
    juzgado: record.metadata.court,
    fecha: record.metadata.date,
    anio,
    mes,
    tipo: record.metadata.type,
    materia: materiaOf(publicText),
    resultado: resultadoOf(publicText),
    formato_original: record.format,
    caracteres: publicText.length,
    total_datos_ocultados: [...counts.values()].reduce((a, b) => a + b, 0),
    archivo_texto: `resoluciones/${record.id}.txt`,
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
