/**
 * One column of a published table: name (Spanish, snake_case, no accents,
 * ≤ 50 characters), Table Schema type and a Spanish description. The same
 * definition feeds the CSV header, the Parquet types, the data dictionary,
 * the DCAT-AR `field` list and the Frictionless Table Schema.
 */
export type FieldType = "string" | "integer" | "number" | "date" | "datetime"

export interface DatasetField {
  readonly name: string
  readonly type: FieldType
  readonly description: string
  /** Never empty (primary-key fields are always required). */
  readonly required?: boolean
}

/** A published table: `public/<path>.csv` and `.parquet`, and its dictionary. */
export interface DatasetTable {
  /** Path under `public/` without extension, lower case with hyphens: "estadisticas/resoluciones-por-juzgado-y-mes". */
  readonly path: string
  readonly title: string
  readonly description: string
  readonly fields: readonly DatasetField[]
  readonly primaryKey: readonly string[]
}

/** The file's base name: "resoluciones-por-juzgado-y-mes". */
export const tableName = (table: Pick<DatasetTable, "path">): string => table.path.slice(table.path.lastIndexOf("/") + 1)

/** SQL view name for researchers' queries: "resoluciones_por_juzgado_y_mes". */
export const viewName = (table: Pick<DatasetTable, "path">): string => tableName(table).replace(/-/gu, "_")
