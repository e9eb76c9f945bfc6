import { rename, rm } from "node:fs/promises"
import { basename, dirname, join } from "node:path"
import { mkdir } from "node:fs/promises"
import type { DuckDBConnection } from "@duckdb/node-api"
import { toCsv, type CsvValue } from "./csv.ts"
import type { DatasetField, DatasetTable } from "./DatasetField.ts"
import type { PublishedTable } from "./datasets.ts"
import { writeFileAtomic } from "./writeFileAtomic.ts"

/** How a column is written in CSV: ISO 8601 dates and UTC date-times, plain numbers. */
const csvExpression = (field: DatasetField): string => {
  const column = `"${field.name}"`
  switch (field.type) {
    case "date":
      return `strftime(${column}, '%Y-%m-%d')`
    case "datetime":
      return `strftime(${column}, '%Y-%m-%dT%H:%M:%SZ')`
    default:
      return `CAST(${column} AS VARCHAR)`
  }
}

const DICTIONARY_COLUMNS = ["columna", "tipo", "requerido", "descripcion"] as const

/** The data dictionary of a table: one row per column, in Spanish. */
export const dictionaryCsv = (table: DatasetTable): string =>
  toCsv<Record<(typeof DICTIONARY_COLUMNS)[number], CsvValue>>(
    DICTIONARY_COLUMNS,
    table.fields.map((field) => ({
      columna: field.name,
      tipo: field.type,
      requerido: field.required || table.primaryKey.includes(field.name) ? "si" : "no",
      descripcion: field.description,
    })),
  )

export const dictionaryPath = (table: DatasetTable): string => `diccionarios/${basename(table.path)}.csv`

/**
 * Write one table as `<path>.csv` (RFC 4180, UTF-8, CRLF, empty field for a
 * missing value) and `<path>.parquet`, plus its dictionary, from the store.
 * Returns the public paths written.
 */
export const writeTable = async (connection: DuckDBConnection, publicDir: string, table: PublishedTable): Promise<string[]> => {
  await connection.run(`CREATE OR REPLACE TEMP TABLE published_table AS ${table.sql}`)
  const names = (await connection.runAndReadAll("SELECT * FROM published_table LIMIT 0")).columnNames()
  const expected = table.fields.map((field) => field.name)
  if (names.join(",") !== expected.join(",")) {
    throw new Error(`columnas de ${table.path} no coinciden con su definición: ${names.join(",")}`)
  }
  const reader = await connection.runAndReadAll(
    `SELECT ${table.fields.map((field) => `${csvExpression(field)} AS "${field.name}"`).join(", ")} FROM published_table`,
  )
  const rows = reader.getRowsJS().map((row) =>
    Object.fromEntries(row.map((value, i) => [expected[i]!, value === null ? null : String(value)])) as Record<string, CsvValue>
  )
  const csvPath = `${table.path}.csv`
  const parquetPath = `${table.path}.parquet`
  await writeFileAtomic(join(publicDir, csvPath), toCsv(expected, rows))

  const target = join(publicDir, parquetPath)
  await mkdir(dirname(target), { recursive: true })
  const temporary = join(dirname(target), `.${basename(target)}.tmp`)
  try {
    await connection.run(
      `COPY (SELECT * FROM published_table) TO '${temporary.replace(/'/gu, "''")}' (FORMAT parquet, COMPRESSION zstd)`,
    )
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  const dictionary = dictionaryPath(table)
  await writeFileAtomic(join(publicDir, dictionary), dictionaryCsv(table))
  await connection.run("DROP TABLE published_table")
  return [csvPath, parquetPath, dictionary]
}
