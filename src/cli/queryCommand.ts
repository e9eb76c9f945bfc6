import { stat } from "node:fs/promises"
import { extname, join, resolve } from "node:path"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import { Argument, Command, Flag } from "effect/cli"
import { toCsv } from "../publish/csv.ts"
import { writeFileAtomic } from "../publish/writeFileAtomic.ts"
import { queryPublic, searchTexts, type QueryResult } from "../api/publicDatabase.ts"
import { formatTable } from "./formatTable.ts"
import { EXIT, showPath, UserError } from "./userError.ts"

/** A query the engine refused or could not run; the message is DuckDB's or ours. Printed as one line, no trace. */
export class QueryFailed extends Data.TaggedError("QueryFailed")<{ readonly reason: string }> {
  override readonly [Runtime.errorExitCode] = EXIT.usage
  override get message(): string {
    return `La consulta no se pudo ejecutar: ${this.reason}`
  }
  get hint(): string {
    return "Tablas disponibles: resoluciones, las de estadísticas (p. ej. resoluciones_por_juzgado_y_mes) y textos(id, texto). Sólo SELECT."
  }
}

type Format = "tabla" | "csv" | "json"

const FORMATS: readonly Format[] = ["tabla", "csv", "json"]

const outFlag = Flag.String("out").pipe(
  Flag.withMetavar("carpeta"),
  Flag.withDescription("Carpeta de salida de `tacha run`; se consulta sólo su public/ (por defecto: out)"),
  Flag.withDefault("out"),
)
const formatFlag = Flag.Literals("formato", FORMATS).pipe(
  Flag.withDescription("Formato de la respuesta (por defecto: según la extensión de --archivo, .csv o .json; si no, tabla)"),
  Flag.optional,
)
const fileFlag = Flag.String("archivo").pipe(
  Flag.withMetavar("archivo"),
  Flag.withDescription("Escribe el resultado en este archivo en lugar de la terminal (por defecto: la terminal)"),
  Flag.optional,
)

/** The format asked for, else the one the file's extension names, else a table. */
const formatFor = (format: Option.Option<Format>, file: Option.Option<string>): Format =>
  Option.getOrElse(format, () => {
    const extension = Option.match(file, { onNone: () => "", onSome: (path) => extname(path).toLowerCase() })
    return extension === ".csv" ? "csv" : extension === ".json" ? "json" : "tabla"
  })

/** Integer and decimal columns come from DuckDB as strings (BIGINT can exceed 2^53); as numbers when exact. */
const NUMERIC = /^(?:TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DECIMAL.*|FLOAT|DOUBLE)$/u

const asNumber = (value: unknown): unknown => {
  if (typeof value !== "string") return value
  const number = Number(value)
  const exact = Number.isSafeInteger(number) || (Number.isFinite(number) && !/^-?\d+$/u.test(value))
  return exact ? number : value
}

const numericRows = (result: QueryResult): readonly (readonly unknown[])[] =>
  result.rows.map((row) => row.map((value, i) => (NUMERIC.test(result.types[i] ?? "") ? asNumber(value) : value)))

/** `cellWidth`: where table cells are cut (search fragments are shown whole). */
const render = (result: QueryResult, format: Format, cellWidth = 60): string => {
  switch (format) {
    case "tabla":
      return formatTable(result.columns, result.rows, cellWidth) + `\n(${result.rows.length} filas)\n`
    case "csv":
      return toCsv(
        result.columns,
        result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i] as string | number | null]))),
      )
    case "json":
      return JSON.stringify(numericRows(result).map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]]))), null, 2) + "\n"
  }
}

const emit = (text: string, file: Option.Option<string>, rows: number, format: Format) =>
  Option.match(file, {
    onNone: () => Console.log(text.trimEnd()),
    onSome: (path) =>
      Effect.tryPromise({
        try: () => writeFileAtomic(resolve(path), text),
        catch: (error) =>
          new UserError({
            message: `no se pudo escribir ${showPath(path, resolve(path))} (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
            hint: "Verifique que la carpeta exista y se pueda escribir en ella.",
          }),
      }).pipe(Effect.andThen(Console.error(`Resultado en ${path}: ${rows} filas, formato ${format}.`))),
  })

/** The output folder must have a public/: said in Spanish, before DuckDB has a say. */
const publicFolder = (out: string) =>
  Effect.gen(function*() {
    const publicDir = join(resolve(out), "public")
    const exists = yield* Effect.promise(() => stat(publicDir).then((info) => info.isDirectory(), () => false))
    if (!exists) {
      return yield* new UserError({
        message: `${showPath(out, resolve(out))} no es una salida de 'tacha run' (no tiene public/).`,
        hint: "Indique con --out la carpeta de salida de tacha run.",
      })
    }
    return publicDir
  })

/** The engine's or the sandbox's first line only: DuckDB appends context lines that may name paths. */
const attempt = <A>(run: () => Promise<A>) =>
  Effect.tryPromise({
    try: run,
    catch: (error) => new QueryFailed({ reason: (error instanceof Error ? error.message : String(error)).replace(/\s*\n[\s\S]*$/u, "") }),
  })

export const queryCommand = Command.make(
  "query",
  {
    sql: Argument.String("sql").pipe(Argument.withDescription("Consulta SQL de lectura sobre los conjuntos públicos (p. ej. SELECT materia, count(*) FROM resoluciones GROUP BY 1)")),
    out: outFlag,
    formato: formatFlag,
    archivo: fileFlag,
  },
  Effect.fn(function*({ sql, out, formato, archivo }) {
    const publicDir = yield* publicFolder(out)
    const result = yield* attempt(() => queryPublic(publicDir, sql))
    const format = formatFor(formato, archivo)
    yield* emit(render(result, format), archivo, result.rows.length, format)
  }),
).pipe(Command.withDescription("Consulta con SQL (DuckDB) los conjuntos de datos públicos: resoluciones, estadísticas y textos"))

export const searchCommand = Command.make(
  "search",
  {
    texto: Argument.String("texto").pipe(Argument.withDescription("Palabras a buscar en los textos anonimizados")),
    out: outFlag,
    limite: Flag.Int("limite").pipe(Flag.withMetavar("n"), Flag.withDescription("Cantidad máxima de resultados (por defecto: 10)"), Flag.withDefault(10)),
    formato: formatFlag,
    archivo: fileFlag,
  },
  Effect.fn(function*({ texto, out, limite, formato, archivo }) {
    const publicDir = yield* publicFolder(out)
    const hits = yield* attempt(() => searchTexts(publicDir, texto, limite))
    const result: QueryResult = {
      columns: ["id", "puntaje", "fragmento"],
      types: ["VARCHAR", "DOUBLE", "VARCHAR"],
      rows: hits.map((hit) => [hit.id, hit.puntaje, hit.fragmento]),
    }
    const format = formatFor(formato, archivo)
    yield* emit(render(result, format, 130), archivo, result.rows.length, format)
  }),
).pipe(Command.withDescription("Busca en los textos anonimizados, con resultados ordenados por relevancia (BM25)"))
