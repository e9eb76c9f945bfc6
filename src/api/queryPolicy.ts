/**
 * What a researcher's query may be, decided on its text before DuckDB runs
 * it: one statement of an allowed kind (SELECT, WITH … SELECT, FROM-first,
 * VALUES, TABLE, PIVOT/UNPIVOT, DESCRIBE, SUMMARIZE, SHOW), or EXPLAIN of
 * one without ANALYZE (which would run it); no function that reads files,
 * runs SQL given as a string, or reveals settings, extensions, secrets or
 * the machine. The engine's configuration (query.ts) is the second wall:
 * no file system at all, configuration locked, every query rolled back.
 *
 * Returns the reason for refusing (Spanish, one line), or undefined.
 */

const ALLOWED_KINDS: ReadonlySet<string> = new Set([
  "select", "with", "from", "values", "table", "pivot", "unpivot", "describe", "summarize", "show",
])

/**
 * Table and scalar functions a query may not call: DuckDB's catalogue and
 * settings functions (`duckdb_settings()`, `current_setting('home_directory')`,
 * `pragma_*`), readers of files and of SQL strings, and environment lookups.
 * Table functions may be named without parentheses (`FROM pragma_database_list`),
 * so these are refused as any word…
 */
const FORBIDDEN_NAME =
  /^(?:duckdb_\w+|pragma_\w+|current_setting|getenv|which_secret|read_\w+|parquet_\w+|sniff_csv|iceberg_\w+|delta_\w+|load_\w+)$/iu
/** …and these, also ordinary column names, only as calls. */
const FORBIDDEN_CALL = /^(?:query|query_table|glob)$/iu

/** The query with comments and quoted text blanked out (same length), so words and semicolons are real syntax. */
export const codeOnly = (sql: string): string => {
  let out = ""
  let i = 0
  while (i < sql.length) {
    const two = sql.slice(i, i + 2)
    const char = sql[i]!
    let end = i + 1
    if (two === "--") {
      const newline = sql.indexOf("\n", i)
      end = newline === -1 ? sql.length : newline
    } else if (two === "/*") {
      const close = sql.indexOf("*/", i + 2)
      end = close === -1 ? sql.length : close + 2
    } else if (char === "'" || char === '"') {
      // A quote is closed by the same quote; doubled quotes are an escaped quote inside.
      let at = i + 1
      while (at < sql.length) {
        if (sql[at] === char) {
          if (sql[at + 1] === char) at += 2
          else break
        } else at++
      }
      end = Math.min(sql.length, at + 1)
      // Identifiers in double quotes stay words (a quoted function name is still that function).
      if (char === '"') {
        out += " " + sql.slice(i + 1, end - 1).replace(/[^\w]/gu, " ") + " "
        i = end
        continue
      }
    } else if (char === "$" && /^\$\w*\$/u.test(sql.slice(i))) {
      const tag = /^\$\w*\$/u.exec(sql.slice(i))![0]
      const close = sql.indexOf(tag, i + tag.length)
      end = close === -1 ? sql.length : close + tag.length
    } else {
      out += char
      i++
      continue
    }
    out += " ".repeat(end - i)
    i = end
  }
  return out
}

const firstWords = (code: string): string[] => (code.replace(/^[\s(]+/u, "").match(/^\w+(?:\s+\w+)?/u)?.[0] ?? "").toLowerCase().split(/\s+/u)

export const queryRefusal = (sql: string): string | undefined => {
  const code = codeOnly(sql)
  if (code.trim().length === 0) return "la consulta está vacía"
  // One statement: a semicolon may only end it.
  if (code.replace(/[\s;]+$/u, "").includes(";")) return "se admite una sola sentencia SQL por consulta"
  let [kind, next] = firstWords(code)
  if (kind === "explain") {
    if (next === "analyze" || next === "analyse") return "EXPLAIN ANALYZE ejecuta la consulta: use EXPLAIN sin ANALYZE"
    kind = next
  }
  if (kind === undefined || !ALLOWED_KINDS.has(kind)) {
    return "sólo se admiten consultas de lectura: SELECT, WITH, PIVOT, UNPIVOT, DESCRIBE, SUMMARIZE, SHOW o EXPLAIN"
  }
  for (const match of code.matchAll(/(\w+)(\s*\()?/gu)) {
    if (FORBIDDEN_NAME.test(match[1]!) || (match[2] !== undefined && FORBIDDEN_CALL.test(match[1]!))) {
      return `la función ${match[1]!.toLowerCase()}() no está disponible en las consultas`
    }
  }
  return undefined
}
