import { access, readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { DuckDBInstance, StatementType, type DuckDBConnection } from "@duckdb/node-api"
import { PUBLISHED_TABLES } from "../publish/datasets.ts"
import { viewName } from "../publish/DatasetField.ts"
import { queryRefusal } from "./queryPolicy.ts"
import { buildTextIndex, type SearchHit, type TextIndex } from "./textIndex.ts"

/**
 * Researchers' queries over the public files only (never the private store):
 * each published table is loaded as a table named after its file
 * (`resoluciones`, `resoluciones_por_juzgado_y_mes`, ...) and the anonymised
 * texts as `textos(id, texto)`. Then the local file system is disabled
 * outright (no allowed directories, no temporary directory: nothing under
 * the working directory either), external access switched off, the
 * directories DuckDB would reveal blanked and the configuration locked, so a
 * query can neither read nor write a file nor learn where it runs. Only the
 * statement kinds queryPolicy.ts allows run, one per call, each inside a
 * transaction that is rolled back.
 */
export interface QueryResult {
  readonly columns: readonly string[]
  readonly types: readonly string[]
  /** JSON-safe values (BIGINT and DECIMAL as strings, dates as ISO strings). */
  readonly rows: readonly (readonly unknown[])[]
}

export class QueryError extends Error {
  override readonly name = "QueryError"
}

export interface PublicDatabase {
  /** Table names available to queries. */
  readonly tables: readonly string[]
  readonly query: (sql: string) => Promise<QueryResult>
  readonly search: (query: string, limit?: number) => SearchHit[]
  readonly close: () => void
}

const exists = (path: string) => access(path).then(() => true, () => false)

const quote = (path: string): string => `'${path.replace(/'/gu, "''")}'`

const readTexts = async (publicDir: string): Promise<{ id: string; text: string }[]> => {
  const dir = join(publicDir, "resoluciones")
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".txt")).sort()
  return Promise.all(names.map(async (name) => ({ id: name.slice(0, -4), text: await readFile(join(dir, name), "utf8") })))
}

const loadTexts = async (connection: DuckDBConnection, texts: readonly { id: string; text: string }[]): Promise<void> => {
  await connection.run("CREATE TABLE textos (id VARCHAR PRIMARY KEY, texto VARCHAR NOT NULL)")
  const appender = await connection.createAppender("textos")
  for (const { id, text } of texts) {
    appender.appendVarchar(id)
    appender.appendVarchar(text)
    appender.endRow()
  }
  appender.closeSync()
}

/** Settings applied once the public tables are loaded; the last one locks them. */
const LOCKDOWN = [
  "SET temp_directory = ''",
  "SET allowed_directories = []",
  "SET allowed_paths = []",
  "SET secret_directory = ''",
  "SET extension_directory = ''",
  "SET home_directory = ''",
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
  "SET disabled_filesystems = 'LocalFileSystem'",
  "SET enable_external_access = false",
  "SET lock_configuration = true",
]

/** DuckDB's kinds of error, as a researcher reads them. */
const ERROR_KINDS: Readonly<Record<string, string>> = {
  "Parser Error": "error de sintaxis",
  "Catalog Error": "no existe",
  "Binder Error": "referencia inválida",
  "Permission Error": "acceso no permitido",
  "Conversion Error": "conversión inválida",
  "Invalid Input Error": "entrada inválida",
  "Out of Range Error": "valor fuera de rango",
  "Out of Memory Error": "memoria insuficiente",
  "Not implemented Error": "no admitido",
}

/** One Spanish line from a DuckDB error: its kind translated, its first line kept, no caret diagram. */
export const refusalLine = (error: unknown): string => {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/^Failed to \w+ statements?: /u, "").trim()
  const kind = /^([A-Z][\w ]*? Error): /u.exec(message)
  const text = kind ? `${ERROR_KINDS[kind[1]!] ?? "error"}: ${message.slice(kind[0].length)}` : message
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

const refused = (error: unknown): never => {
  throw error instanceof QueryError ? error : new QueryError(refusalLine(error))
}

/** Open the public datasets of `publicDir` for repeated queries (the API server keeps one open). */
export const openPublicDatabase = async (publicDir: string): Promise<PublicDatabase> => {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" })
  const connection = await instance.connect()
  const close = () => {
    connection.closeSync()
    instance.closeSync()
  }
  try {
    const tables: string[] = []
    for (const table of PUBLISHED_TABLES) {
      const parquet = join(publicDir, `${table.path}.parquet`)
      if (!(await exists(parquet))) continue
      await connection.run(`CREATE TABLE ${viewName(table)} AS SELECT * FROM read_parquet(${quote(parquet)})`)
      tables.push(viewName(table))
    }
    const texts = await readTexts(publicDir)
    await loadTexts(connection, texts)
    tables.push("textos")
    for (const setting of LOCKDOWN) await connection.run(setting)
    const index: TextIndex = buildTextIndex(texts)

    const query = async (sql: string): Promise<QueryResult> => {
      const refusal = queryRefusal(sql)
      if (refusal !== undefined) throw new QueryError(refusal)
      const statements = await connection.extractStatements(sql).catch(refused)
      await connection.run("BEGIN TRANSACTION")
      try {
        // A PIVOT without an IN list is expanded by DuckDB into CREATE TYPE statements (its
        // columns) and the SELECT; they run in the transaction and are rolled back with it.
        for (let index = 0; index < statements.count - 1; index++) {
          const prepared = await statements.prepare(index).catch(refused)
          if (prepared.statementType !== StatementType.CREATE) throw new QueryError("se admite una sola sentencia SQL por consulta")
          await prepared.run().catch(refused)
        }
        const prepared = await statements.prepare(statements.count - 1).catch(refused)
        if (prepared.statementType !== StatementType.SELECT && prepared.statementType !== StatementType.EXPLAIN) {
          throw new QueryError("sólo se admiten consultas de lectura (SELECT)")
        }
        const reader = await prepared.runAndReadAll().catch(refused)
        return {
          columns: reader.columnNames(),
          types: reader.columnTypes().map((type) => type.toString()),
          rows: reader.getRowsJson(),
        }
      } finally {
        await connection.run("ROLLBACK").catch(() => undefined)
      }
    }
    return { tables, query, search: (text, limit = 10) => index.search(text, limit), close }
  } catch (error) {
    close()
    throw error
  }
}

/** One query over the public datasets: `queryPublic("out/public", "SELECT materia, count(*) FROM resoluciones GROUP BY 1")`. */
export const queryPublic = async (publicDir: string, sql: string): Promise<QueryResult> => {
  const database = await openPublicDatabase(publicDir)
  try {
    return await database.query(sql)
  } finally {
    database.close()
  }
}

/** BM25-ranked full-text search over the anonymised texts, best first. */
export const searchTexts = async (publicDir: string, query: string, limit = 10): Promise<SearchHit[]> =>
  buildTextIndex(await readTexts(publicDir)).search(query, limit)
