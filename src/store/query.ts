import { access, readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { DuckDBInstance, StatementType, type DuckDBConnection } from "@duckdb/node-api"
import { PUBLISHED_TABLES } from "../publish/datasets.ts"
import { viewName } from "../publish/DatasetField.ts"
import { buildTextIndex, type SearchHit, type TextIndex } from "./textIndex.ts"

/**
 * Researchers' queries over the public files only (never the private store):
 * each published table is loaded as a table named after its file
 * (`resoluciones`, `resoluciones_por_juzgado_y_mes`, ...) and the anonymised
 * texts as `textos(id, texto)`. Then external access is switched off and the
 * configuration locked, so a query can neither read nor write files; only
 * SELECT (and EXPLAIN) statements run, one per call.
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
    await connection.run("SET enable_external_access = false")
    await connection.run("SET lock_configuration = true")
    const index: TextIndex = buildTextIndex(texts)

    const query = async (sql: string): Promise<QueryResult> => {
      const statements = await connection.extractStatements(sql).catch((error: unknown) => {
        throw new QueryError(error instanceof Error ? error.message : String(error))
      })
      if (statements.count !== 1) throw new QueryError("se admite una sola sentencia SQL por consulta")
      const prepared = await statements.prepare(0).catch((error: unknown) => {
        throw new QueryError(error instanceof Error ? error.message : String(error))
      })
      if (prepared.statementType !== StatementType.SELECT && prepared.statementType !== StatementType.EXPLAIN) {
        throw new QueryError("sólo se admiten consultas de lectura (SELECT)")
      }
      const reader = await prepared.runAndReadAll().catch((error: unknown) => {
        throw new QueryError(error instanceof Error ? error.message : String(error))
      })
      return {
        columns: reader.columnNames(),
        types: reader.columnTypes().map((type) => type.toString()),
        rows: reader.getRowsJson(),
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
