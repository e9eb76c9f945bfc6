import { mkdir, rename, rm } from "node:fs/promises"
import { basename, dirname, join, relative } from "node:path"
import * as Effect from "effect/Effect"
import { causeOf, OutputFolder, OutputWriteError } from "../store/OutputFolder.ts"
import type { StoreSession } from "../store/Store.ts"
import { toCsv, type CsvValue } from "./csv.ts"
import type { DatasetField, DatasetTable } from "./DatasetField.ts"
import type { PublishedTable } from "./datasets.ts"

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
 * Returns the public paths written. A table whose columns do not match its
 * definition is a bug (a defect), not a clerk's problem.
 */
export const writeTable = Effect.fn("writeTable")(function*(db: StoreSession, folder: OutputFolder["Service"], table: PublishedTable) {
  const expected = table.fields.map((field) => field.name)
  const rows = yield* db.attempt(async (connection) => {
    await connection.run(`CREATE OR REPLACE TEMP TABLE published_table AS ${table.sql}`)
    const names = (await connection.runAndReadAll("SELECT * FROM published_table LIMIT 0")).columnNames()
    return { names, reader: await connection.runAndReadAll(
      `SELECT ${table.fields.map((field) => `${csvExpression(field)} AS "${field.name}"`).join(", ")} FROM published_table`,
    ) }
  })
  if (rows.names.join(",") !== expected.join(",")) {
    return yield* Effect.die(new Error(`columnas de ${table.path} no coinciden con su definición: ${rows.names.join(",")}`))
  }
  const values = rows.reader.getRowsJS().map((row) =>
    Object.fromEntries(row.map((value, i) => [expected[i]!, value === null ? null : String(value)])) as Record<string, CsvValue>
  )
  const csvPath = `${table.path}.csv`
  const parquetPath = `${table.path}.parquet`
  yield* folder.write(folder.publicPath(csvPath), toCsv(expected, values))

  // DuckDB writes the Parquet file itself: to a temporary sibling, renamed over the target.
  const target = folder.publicPath(parquetPath)
  const temporary = join(dirname(target), `.${basename(target)}.tmp`)
  const unwritten = (error: unknown) => new OutputWriteError({ file: relative(join(folder.dir, ".."), target), cause: causeOf(error) })
  yield* Effect.tryPromise({ try: () => mkdir(dirname(target), { recursive: true }), catch: unwritten })
  yield* db.attempt((connection) =>
    connection.run(`COPY (SELECT * FROM published_table) TO '${temporary.replace(/'/gu, "''")}' (FORMAT parquet, COMPRESSION zstd)`)
  ).pipe(
    Effect.andThen(Effect.tryPromise({ try: () => rename(temporary, target), catch: unwritten })),
    Effect.onError(() => Effect.promise(() => rm(temporary, { force: true }))),
  )
  const dictionary = dictionaryPath(table)
  yield* folder.write(folder.publicPath(dictionary), dictionaryCsv(table))
  yield* db.attempt((connection) => connection.run("DROP TABLE published_table"))
  return [csvPath, parquetPath, dictionary]
})
