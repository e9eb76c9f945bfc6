import { access, stat } from "node:fs/promises"
import { join } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"
import { LABEL_INFO } from "../domain/Label.ts"
import { RULINGS_FIELDS, REDACTABLE_LABELS, countColumn } from "../publish/rulingsIndex.ts"
import { openPublicDatabase, type PublicDatabase, type QueryResult } from "./publicDatabase.ts"
import { buildTextIndex } from "./textIndex.ts"
import type { SearchHit } from "./textIndex.ts"
import { readdir, readFile } from "node:fs/promises"

/**
 * The API's read-only view of `public/`: the published tables (Parquet, via
 * `openPublicDatabase` from src/api/publicDatabase.ts) and the BM25 text index. When
 * an output folder has only `resoluciones.csv` (a batch written before the
 * publication stage), the index is read from the CSV instead. The database is
 * reopened when the published files change (checked at most once a second),
 * and results of identical queries are cached until then.
 */
export interface PublicData {
  readonly query: (sql: string) => Promise<QueryResult>
  readonly search: (query: string, limit: number) => Promise<readonly SearchHit[]>
  /** Tables available to queries, e.g. "resoluciones", "procesamiento_por_ejecucion". */
  readonly tables: () => Promise<ReadonlySet<string>>
  /** Column names of a table (empty when the table is absent). */
  readonly columns: (table: string) => Promise<readonly string[]>
  readonly close: () => void
}

const exists = (path: string) => access(path).then(() => true, () => false)
const quote = (text: string): string => `'${text.replace(/'/gu, "''")}'`

const CSV_TYPES: Record<string, string> = { integer: "INTEGER", number: "DOUBLE", date: "DATE", datetime: "TIMESTAMP", string: "VARCHAR" }

/** Fallback when `resoluciones.parquet` is missing: the CSV index and the texts, in memory. */
const openCsvDatabase = async (publicDir: string): Promise<PublicDatabase> => {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" })
  const connection = await instance.connect()
  const close = () => {
    connection.closeSync()
    instance.closeSync()
  }
  const csv = join(publicDir, "resoluciones.csv")
  const tables: string[] = []
  if (await exists(csv)) {
    const header = (await connection.runAndReadAll(`SELECT * FROM read_csv(${quote(csv)}, all_varchar = true, header = true) LIMIT 0`)).columnNames()
    const types = new Map(RULINGS_FIELDS.map((field) => [field.name, CSV_TYPES[field.type] ?? "VARCHAR"]))
    const select = header.map((name) => `TRY_CAST(NULLIF("${name}", '') AS ${types.get(name) ?? "VARCHAR"}) AS "${name}"`).join(", ")
    await connection.run(`CREATE TABLE resoluciones AS SELECT ${select} FROM read_csv(${quote(csv)}, all_varchar = true, header = true)`)
    tables.push("resoluciones")
  }
  const dir = join(publicDir, "resoluciones")
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".txt")).sort()
  const texts = await Promise.all(names.map(async (name) => ({ id: name.slice(0, -4), text: await readFile(join(dir, name), "utf8") })))
  const index = buildTextIndex(texts)
  await connection.run("SET enable_external_access = false")
  await connection.run("SET lock_configuration = true")
  const query = async (sql: string): Promise<QueryResult> => {
    const reader = await connection.runAndReadAll(sql)
    return { columns: reader.columnNames(), types: reader.columnTypes().map(String), rows: reader.getRowsJson() }
  }
  return { tables, query, search: (text, limit = 10) => index.search(text, limit), close }
}

/** What identifies one state of the published files. */
const stamp = async (publicDir: string): Promise<string> => {
  const parts = await Promise.all(["SHA256SUMS", "resoluciones.csv", "resoluciones.parquet"].map((name) =>
    stat(join(publicDir, name)).then((s) => `${s.mtimeMs}:${s.size}`, () => "-")
  ))
  return parts.join("|")
}

const openDatabase = async (publicDir: string): Promise<PublicDatabase> => {
  const database = await openPublicDatabase(publicDir)
  if (database.tables.includes("resoluciones")) return database
  database.close()
  return openCsvDatabase(publicDir)
}

const CACHE_SIZE = 500
const RECHECK_MS = 1000

export const openPublicData = async (publicDir: string): Promise<PublicData> => {
  let current = await openDatabase(publicDir)
  let currentStamp = await stamp(publicDir)
  let checkedAt = Date.now()
  let reloading: Promise<void> | undefined
  const cache = new Map<string, Promise<QueryResult>>()
  const columnCache = new Map<string, readonly string[]>()
  // One statement at a time on the single connection.
  let queue: Promise<unknown> = Promise.resolve()

  const fresh = async (): Promise<PublicDatabase> => {
    if (Date.now() - checkedAt < RECHECK_MS) return current
    reloading ??= (async () => {
      checkedAt = Date.now()
      const next = await stamp(publicDir)
      if (next !== currentStamp) {
        const previous = current
        current = await openDatabase(publicDir)
        currentStamp = next
        cache.clear()
        columnCache.clear()
        // Let queries already queued on the old connection finish first.
        void queue.finally(() => previous.close())
      }
    })().finally(() => {
      reloading = undefined
    })
    await reloading
    return current
  }

  const query = async (sql: string): Promise<QueryResult> => {
    const database = await fresh()
    const cached = cache.get(sql)
    if (cached) return cached
    const result = queue.then(() => database.query(sql))
    queue = result.catch(() => undefined)
    cache.set(sql, result)
    result.catch(() => cache.delete(sql))
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
    return result
  }

  return {
    query,
    search: async (text, limit) => (await fresh()).search(text, limit),
    tables: async () => new Set((await fresh()).tables),
    columns: async (table) => {
      const database = await fresh()
      if (!database.tables.includes(table)) return []
      const known = columnCache.get(table)
      if (known) return known
      const names = (await query(`SELECT * FROM ${table} LIMIT 0`)).columns
      columnCache.set(table, names)
      return names
    },
    close: () => current.close(),
  }
}

/** Published count columns and their category codes, for the `categoria` grouping. */
export const CATEGORY_COLUMNS: readonly { readonly categoria: string; readonly columna: string; readonly descripcion: string }[] =
  REDACTABLE_LABELS.map((label) => ({ categoria: label, columna: countColumn(label), descripcion: LABEL_INFO[label].descripcion }))
