import { readFile } from "node:fs/promises"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { ApiError, invalidParameter, notFound } from "./ApiError.ts"
import {
  choiceParameter,
  dateParameter,
  DEFAULT_LIMIT,
  GROUP_KEYS,
  integerParameter,
  MAX_LIMIT,
  SORT_FIELDS,
  type GroupKey,
} from "./ApiParameters.ts"
import { CATEGORY_COLUMNS, type PublicData } from "./PublicData.ts"

/**
 * The API's questions to the public datasets, as SQL over the tables that
 * `openPublicDatabase` loads. User values only ever reach SQL as quoted
 * string literals or validated integers and dates; identifiers come from
 * fixed lists.
 */
export type Row = Record<string, unknown>

const literal = (value: string): string => `'${value.replace(/'/gu, "''")}'`
const folded = (expression: string): string => `lower(strip_accents(${expression}))`

const dataFailure = (error: unknown): ApiError => {
  if (process.env["TACHA_API_DEBUG"]) console.error(error)
  return new ApiError({ codigo: "error_interno", mensaje: `Error al consultar los datos publicados (${error instanceof Error ? error.name : "desconocido"}).` })
}

export const runQuery = (data: PublicData, sql: string): Effect.Effect<Row[], ApiError> =>
  Effect.tryPromise({ try: () => data.query(sql), catch: dataFailure }).pipe(
    Effect.map(({ columns, rows }) => rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i] ?? null])))),
  )

const rulingColumns = (data: PublicData) =>
  Effect.tryPromise({ try: () => data.columns("resoluciones"), catch: dataFailure }).pipe(
    Effect.flatMap((columns) =>
      columns.length === 0
        ? Effect.fail(new ApiError({ codigo: "datos_no_disponibles", mensaje: "Todavía no hay resoluciones publicadas en esta carpeta." }))
        : Effect.succeed(columns)
    ),
  )

/** WHERE conditions for the shared filters (juzgado, tipo, materia, resultado, fechas, anio). */
const filterConditions = (values: ReadonlyMap<string, string>, columns: readonly string[]) =>
  Effect.gen(function*() {
    const conditions: string[] = []
    for (const name of ["juzgado", "tipo", "materia", "resultado"]) {
      const value = values.get(name)
      if (value === undefined) continue
      if (!columns.includes(name)) return yield* invalidParameter(name, `Los datos publicados no tienen la columna '${name}'.`)
      conditions.push(`${folded(`"${name}"`)} = ${folded(literal(value))}`)
    }
    const since = yield* dateParameter(values, "fecha_desde")
    const until = yield* dateParameter(values, "fecha_hasta")
    if (since && until && since > until) return yield* invalidParameter("fecha_hasta", "'fecha_hasta' es anterior a 'fecha_desde'.")
    if (since) conditions.push(`fecha >= DATE ${literal(since)}`)
    if (until) conditions.push(`fecha <= DATE ${literal(until)}`)
    const year = yield* integerParameter(values, "anio", { min: 1900, max: 2100 })
    if (year !== undefined) conditions.push(`year(fecha) = ${year}`)
    return conditions
  })

const where = (conditions: readonly string[]): string => (conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "")

export interface RulingsPage {
  readonly columns: readonly string[]
  readonly resultados: readonly Row[]
  readonly cantidad: number
  readonly total: number
  readonly limite: number
  readonly desde: number
}

export const listRulings = (data: PublicData, values: ReadonlyMap<string, string>): Effect.Effect<RulingsPage, ApiError> =>
  Effect.gen(function*() {
    const columns = yield* rulingColumns(data)
    const conditions = yield* filterConditions(values, columns)
    const limite = (yield* integerParameter(values, "limite", { min: 1, max: MAX_LIMIT, fallback: DEFAULT_LIMIT }))!
    const desde = (yield* integerParameter(values, "desde", { min: 0, max: 100_000_000, fallback: 0 }))!
    const q = values.get("q")?.trim()
    if (q !== undefined && q.length === 0) return yield* invalidParameter("q", "'q' no puede estar vacío.")
    const sorts = SORT_FIELDS.flatMap((field) => [field, `-${field}`])
    const orden = yield* choiceParameter(values, "orden", sorts, q ? "-puntaje" : "-fecha")
    const sortField = orden.replace(/^-/u, "")
    if (sortField === "puntaje" && !q) return yield* invalidParameter("orden", "El orden por 'puntaje' requiere una búsqueda 'q'.")
    if (sortField !== "puntaje" && !columns.includes(sortField)) return yield* invalidParameter("orden", `No se puede ordenar por '${sortField}'.`)

    let from = "resoluciones r"
    const hits = new Map<string, { puntaje: number; fragmento: string }>()
    if (q) {
      const found = yield* Effect.tryPromise({ try: () => data.search(q, 1_000_000), catch: dataFailure })
      if (found.length === 0) return { columns, resultados: [], cantidad: 0, total: 0, limite, desde }
      for (const hit of found) hits.set(hit.id, { puntaje: hit.puntaje, fragmento: hit.fragmento })
      from += ` JOIN (VALUES ${found.map((hit) => `(${literal(hit.id)}, ${hit.puntaje}::DOUBLE)`).join(", ")}) AS h(id, puntaje) USING (id)`
    }
    const direction = orden.startsWith("-") ? "DESC" : "ASC"
    const order = `${sortField === "puntaje" ? "h.puntaje" : `r."${sortField}"`} ${direction} NULLS LAST${sortField === "id" ? "" : ", r.id ASC"}`
    const select = columns.map((column) => `r."${column}"`).join(", ")
    const [counted] = yield* runQuery(data, `SELECT count(*)::INTEGER AS total FROM ${from} ${where(conditions)}`)
    const total = Number(counted?.["total"] ?? 0)
    const rows = desde >= total
      ? []
      : yield* runQuery(data, `SELECT ${select}${q ? ", h.puntaje" : ""} FROM ${from} ${where(conditions)} ORDER BY ${order} LIMIT ${limite} OFFSET ${desde}`)
    const resultados = q ? rows.map((row) => ({ ...row, fragmento: hits.get(String(row["id"]))?.fragmento ?? "" })) : rows
    return {
      columns: q ? [...columns, "puntaje", "fragmento"] : columns,
      resultados,
      cantidad: resultados.length,
      total,
      limite,
      desde,
    }
  })

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/u

export const getRuling = (data: PublicData, publicDir: string, id: string): Effect.Effect<{ resolucion: Row; texto: string }, ApiError> =>
  Effect.gen(function*() {
    if (!ID.test(id) || id.includes("..")) return yield* notFound(`No existe la resolución '${id.slice(0, 60)}'.`)
    yield* rulingColumns(data)
    const [row] = yield* runQuery(data, `SELECT * FROM resoluciones WHERE id = ${literal(id)}`)
    if (!row) return yield* notFound(`No existe la resolución '${id}'.`)
    // Only a ruling listed in the public index, read from public/resoluciones/.
    const texto = yield* Effect.tryPromise({
      try: () => readFile(join(publicDir, "resoluciones", `${id}.txt`), "utf8"),
      catch: () => notFound(`El texto de la resolución '${id}' no está publicado.`),
    })
    return { resolucion: row, texto }
  })

const GROUP_EXPRESSIONS: Record<Exclude<GroupKey, "categoria">, string> = {
  juzgado: `"juzgado"`,
  tipo: `"tipo"`,
  materia: `"materia"`,
  resultado: `"resultado"`,
  anio: `year(fecha)::INTEGER`,
  mes: `month(fecha)::INTEGER`,
  periodo: `strftime(fecha, '%Y-%m')`,
}

export interface Statistics {
  readonly agrupar: readonly GroupKey[]
  readonly columns: readonly string[]
  readonly resultados: readonly Row[]
  readonly total: number
}

/**
 * Counts of published rulings by the requested keys; with `categoria`, the
 * index's per-category counts are unpivoted into mentions hidden
 * (`cantidad_datos_ocultados`) and rulings with at least one.
 */
export const statistics = (data: PublicData, values: ReadonlyMap<string, string>): Effect.Effect<Statistics, ApiError> =>
  Effect.gen(function*() {
    const columns = yield* rulingColumns(data)
    const raw = values.get("agrupar")
    if (raw === undefined || raw.trim() === "") {
      return yield* invalidParameter("agrupar", `Indique 'agrupar' con una o más claves: ${GROUP_KEYS.join(", ")}.`)
    }
    const keys = raw.split(",").map((key) => key.trim())
    for (const key of keys) {
      if (!(GROUP_KEYS as readonly string[]).includes(key)) {
        return yield* invalidParameter("agrupar", `Clave de agrupación desconocida: '${key.slice(0, 40)}'. Admitidas: ${GROUP_KEYS.join(", ")}.`)
      }
    }
    if (new Set(keys).size !== keys.length) return yield* invalidParameter("agrupar", "Una clave de agrupación se repite.")
    const groups = keys as GroupKey[]
    for (const key of groups) {
      if (key in GROUP_EXPRESSIONS && ["juzgado", "tipo", "materia", "resultado"].includes(key) && !columns.includes(key)) {
        return yield* invalidParameter("agrupar", `Los datos publicados no tienen la columna '${key}'.`)
      }
    }
    const conditions = yield* filterConditions(values, columns)
    const plain = groups.filter((key): key is Exclude<GroupKey, "categoria"> => key !== "categoria")
    const notEmpty = plain.map((key) => `${GROUP_EXPRESSIONS[key]} IS NOT NULL AND ${GROUP_EXPRESSIONS[key]}::VARCHAR <> ''`)
    const selectKeys = plain.map((key) => `${GROUP_EXPRESSIONS[key]} AS ${key}`)
    let sql: string
    let outputColumns: string[]
    if (groups.includes("categoria")) {
      const categories = CATEGORY_COLUMNS.filter((category) => columns.includes(category.columna))
      if (categories.length === 0) return yield* invalidParameter("agrupar", "Los datos publicados no tienen conteos por categoría.")
      const labels = `(VALUES ${categories.map((c) => `(${literal(c.columna)}, ${literal(c.categoria)}, ${literal(c.descripcion)})`).join(", ")}) AS l(columna, categoria, descripcion_categoria)`
      const unpivot = `UNPIVOT (SELECT * FROM resoluciones ${where(conditions)}) ON ${categories.map((c) => `"${c.columna}"`).join(", ")} INTO NAME columna VALUE n`
      sql = `SELECT ${groups.map((key) => (key === "categoria" ? "l.categoria AS categoria, any_value(l.descripcion_categoria) AS descripcion_categoria" : `${GROUP_EXPRESSIONS[key]} AS ${key}`)).join(", ")},
          sum(n)::INTEGER AS cantidad_datos_ocultados, count(*) FILTER (WHERE n > 0)::INTEGER AS cantidad_resoluciones
        FROM (${unpivot}) u JOIN ${labels} USING (columna)
        ${where(notEmpty)} GROUP BY ALL ORDER BY ${groups.join(", ")}`
      outputColumns = groups.flatMap((key) => (key === "categoria" ? ["categoria", "descripcion_categoria"] : [key]))
      outputColumns.push("cantidad_datos_ocultados", "cantidad_resoluciones")
    } else {
      sql = `SELECT ${selectKeys.join(", ")}, count(*)::INTEGER AS cantidad_resoluciones FROM resoluciones
        ${where([...conditions, ...notEmpty])} GROUP BY ALL ORDER BY ${plain.join(", ")}`
      outputColumns = [...plain, "cantidad_resoluciones"]
    }
    const resultados = yield* runQuery(data, sql)
    return { agrupar: groups, columns: outputColumns, resultados, total: resultados.length }
  })

/** Processing health from the statistics datasets, when they are published. */
export const processing = (data: PublicData): Effect.Effect<{ disponible: boolean; ejecuciones: Row[]; fallos: Row[]; control: Row[] }, ApiError> =>
  Effect.gen(function*() {
    const tables = yield* Effect.tryPromise({ try: () => data.tables(), catch: dataFailure })
    const ejecuciones = tables.has("procesamiento_por_ejecucion")
      ? yield* runQuery(data, "SELECT * FROM procesamiento_por_ejecucion ORDER BY orden")
      : []
    // Failures follow the runs' chronological order (`orden`), not their fingerprint ids.
    const runOrder = tables.has("procesamiento_por_ejecucion")
      ? "LEFT JOIN procesamiento_por_ejecucion p USING (id_ejecucion) ORDER BY p.orden, f.id_ejecucion, f.causa"
      : "ORDER BY f.id_ejecucion, f.causa"
    const fallos = tables.has("fallos_por_ejecucion_y_causa")
      ? yield* runQuery(data, `SELECT f.* FROM fallos_por_ejecucion_y_causa f ${runOrder}`)
      : []
    // Quality control per run: the measured error rate of a sample of automatically published rulings, with its 95 % Wilson interval.
    const control = tables.has("control_de_calidad_por_ejecucion")
      ? yield* runQuery(data, "SELECT * FROM control_de_calidad_por_ejecucion ORDER BY orden")
      : []
    return { disponible: tables.has("procesamiento_por_ejecucion"), ejecuciones, fallos, control }
  })
