import { join, resolve } from "node:path"
import { Console, Data, Effect, Option, Runtime } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { toCsv } from "../publish/csv.ts"
import { writeFileAtomic } from "../publish/writeFileAtomic.ts"
import { queryPublic, searchTexts, type QueryResult } from "../store/query.ts"
import { formatTable } from "./formatTable.ts"

/** A query the engine refused or could not run; the message is DuckDB's or ours. */
export class QueryFailed extends Data.TaggedError("QueryFailed")<{ readonly reason: string }> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `La consulta no se pudo ejecutar: ${this.reason}`
  }
}

const outFlag = Flag.String("out").pipe(Flag.withDescription("Carpeta de salida de `tacha run` (se consulta su public/)"), Flag.withDefault("out"))
const formatFlag = Flag.Literals("formato", ["tabla", "csv", "json"]).pipe(Flag.withDescription("Formato de la respuesta"), Flag.withDefault("tabla"))
const fileFlag = Flag.String("archivo").pipe(Flag.withDescription("Escribe el resultado en este archivo en lugar de la terminal"), Flag.optional)

const render = (result: QueryResult, format: "tabla" | "csv" | "json"): string => {
  switch (format) {
    case "tabla":
      return formatTable(result.columns, result.rows) + `\n(${result.rows.length} filas)\n`
    case "csv":
      return toCsv(
        result.columns,
        result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i] as string | number | null]))),
      )
    case "json":
      return JSON.stringify(result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]]))), null, 2) + "\n"
  }
}

const emit = (text: string, file: Option.Option<string>) =>
  Option.match(file, {
    onNone: () => Console.log(text.trimEnd()),
    onSome: (path) => Effect.promise(() => writeFileAtomic(resolve(path), text)),
  })

const attempt = <A>(run: () => Promise<A>) =>
  Effect.tryPromise({ try: run, catch: (error) => new QueryFailed({ reason: error instanceof Error ? error.message : String(error) }) })

export const queryCommand = Command.make(
  "query",
  {
    sql: Argument.String("sql").pipe(Argument.withDescription("Consulta SQL de lectura sobre los conjuntos públicos (p. ej. SELECT materia, count(*) FROM resoluciones GROUP BY 1)")),
    out: outFlag,
    formato: formatFlag,
    archivo: fileFlag,
  },
  Effect.fn(function*({ sql, out, formato, archivo }) {
    const result = yield* attempt(() => queryPublic(join(resolve(out), "public"), sql))
    yield* emit(render(result, formato), archivo)
  }),
).pipe(Command.withDescription("Consulta con SQL (DuckDB) los conjuntos de datos públicos: resoluciones, estadísticas y textos"))

export const searchCommand = Command.make(
  "search",
  {
    texto: Argument.String("texto").pipe(Argument.withDescription("Palabras a buscar en los textos anonimizados")),
    out: outFlag,
    limite: Flag.Int("limite").pipe(Flag.withDescription("Cantidad máxima de resultados"), Flag.withDefault(10)),
    formato: formatFlag,
    archivo: fileFlag,
  },
  Effect.fn(function*({ texto, out, limite, formato, archivo }) {
    const hits = yield* attempt(() => searchTexts(join(resolve(out), "public"), texto, limite))
    const result: QueryResult = {
      columns: ["id", "puntaje", "fragmento"],
      types: ["VARCHAR", "DOUBLE", "VARCHAR"],
      rows: hits.map((hit) => [hit.id, hit.puntaje, hit.fragmento]),
    }
    yield* emit(render(result, formato), archivo)
  }),
).pipe(Command.withDescription("Busca en los textos anonimizados, con resultados ordenados por relevancia (BM25)"))
