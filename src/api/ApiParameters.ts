import * as Effect from "effect/Effect"
import { ApiError, invalidParameter } from "./ApiError.ts"

/**
 * Query-string parameters of the API, in Spanish after datos.gob.ar's APIs:
 * one definition per parameter feeds validation and the OpenAPI document.
 * Pagination is `limite` (default 50, at most 1000) and `desde` (offset).
 */
export interface ParameterSpec {
  readonly name: string
  readonly description: string
  readonly schema: Record<string, unknown>
}

export const MAX_LIMIT = 1000
export const DEFAULT_LIMIT = 50

const text = (name: string, description: string): ParameterSpec => ({ name, description, schema: { type: "string", minLength: 1, maxLength: 200 } })

export const FILTER_PARAMETERS: readonly ParameterSpec[] = [
  text("juzgado", "Juzgado o tribunal, texto exacto (sin distinguir mayúsculas ni tildes)."),
  text("tipo", "Tipo de resolución (sentencia, auto, acta de audiencia...)."),
  text("materia", "Materia principal (lesiones, amenazas, contravenciones...)."),
  text("resultado", "Resultado de la parte resolutiva (condena, absolución, sobreseimiento...)."),
  { name: "fecha_desde", description: "Fecha mínima de la resolución, inclusive (AAAA-MM-DD).", schema: { type: "string", format: "date" } },
  { name: "fecha_hasta", description: "Fecha máxima de la resolución, inclusive (AAAA-MM-DD).", schema: { type: "string", format: "date" } },
  { name: "anio", description: "Año de la resolución.", schema: { type: "integer", minimum: 1900, maximum: 2100 } },
]

export const SORT_FIELDS = ["fecha", "id", "juzgado", "tipo", "materia", "resultado", "caracteres", "total_datos_ocultados", "puntaje"] as const

export const FORMAT_PARAMETER: ParameterSpec = {
  name: "formato",
  description: "Formato de la respuesta: json (por defecto) o csv.",
  schema: { type: "string", enum: ["json", "csv"], default: "json" },
}

export const LIST_PARAMETERS: readonly ParameterSpec[] = [
  ...FILTER_PARAMETERS,
  { name: "q", description: "Búsqueda de texto completo en los textos anonimizados (sin tildes ni mayúsculas, ranking BM25).", schema: { type: "string", minLength: 1, maxLength: 200 } },
  {
    name: "orden",
    description: "Campo de orden; con '-' delante, descendente. Por defecto -fecha, o -puntaje cuando hay búsqueda 'q'.",
    schema: { type: "string", enum: SORT_FIELDS.flatMap((field) => [field, `-${field}`]) },
  },
  { name: "limite", description: `Cantidad máxima de resultados (1 a ${MAX_LIMIT}).`, schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
  { name: "desde", description: "Cantidad de resultados a saltear (paginación).", schema: { type: "integer", minimum: 0, default: 0 } },
  FORMAT_PARAMETER,
]

export const GROUP_KEYS = ["juzgado", "tipo", "materia", "resultado", "anio", "mes", "periodo", "categoria"] as const
export type GroupKey = (typeof GROUP_KEYS)[number]

export const STATS_PARAMETERS: readonly ParameterSpec[] = [
  {
    name: "agrupar",
    description: "Claves de agrupación separadas por coma: juzgado, tipo, materia, resultado, anio, mes, periodo (AAAA-MM), categoria (categoría de dato ocultado).",
    schema: { type: "string", example: "juzgado,mes" },
  },
  ...FILTER_PARAMETERS,
  FORMAT_PARAMETER,
]

export const DETAIL_PARAMETERS: readonly ParameterSpec[] = [
  { name: "formato", description: "json (metadatos y texto, por defecto) o txt (sólo el texto anonimizado).", schema: { type: "string", enum: ["json", "txt"], default: "json" } },
]

/** Longest value any parameter takes. */
export const MAX_VALUE_LENGTH = 200

/** NUL, other C0 and C1 control characters, DEL, U+FFFD (bytes that were not UTF-8) and unpaired surrogates: never part of a filter or a search. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u

/** Why a value is refused, whatever the parameter (Spanish, to follow "El parámetro 'x'"); undefined when it is acceptable. */
const valueProblem = (value: string): string | undefined => {
  if (value.length === 0) return "está vacío: omítalo o indique un valor"
  if (value.length > MAX_VALUE_LENGTH) return `admite hasta ${MAX_VALUE_LENGTH} caracteres`
  if (value.trim().length === 0) return "no puede ser sólo espacios"
  if (CONTROL.test(value)) return "contiene caracteres de control o no válidos"
  return undefined
}

/**
 * The query string as one value per known name; unknown or repeated names,
 * empty values, over-long values and control characters are rejected by name,
 * the same for every parameter.
 */
export const readParameters = (search: URLSearchParams, allowed: readonly ParameterSpec[]): Effect.Effect<ReadonlyMap<string, string>, ApiError> =>
  Effect.gen(function*() {
    const names = new Set(allowed.map((spec) => spec.name))
    const values = new Map<string, string>()
    for (const [name, value] of search) {
      if (!names.has(name)) {
        return yield* new ApiError({
          codigo: "parametro_desconocido",
          mensaje: `Parámetro desconocido: '${name.slice(0, 50)}'. Admitidos: ${[...names].join(", ")}.`,
          parametro: name.slice(0, 50),
        })
      }
      if (values.has(name)) return yield* invalidParameter(name, `El parámetro '${name}' se indicó más de una vez.`)
      const problem = valueProblem(value)
      if (problem !== undefined) return yield* invalidParameter(name, `El parámetro '${name}' ${problem}.`)
      values.set(name, value)
    }
    return values
  })

export const integerParameter = (
  values: ReadonlyMap<string, string>,
  name: string,
  options: { readonly min: number; readonly max: number; readonly fallback?: number },
): Effect.Effect<number | undefined, ApiError> => {
  const raw = values.get(name)
  if (raw === undefined) return Effect.succeed(options.fallback)
  if (!/^\d{1,9}$/u.test(raw) || Number(raw) < options.min || Number(raw) > options.max) {
    return Effect.fail(invalidParameter(name, `'${name}' debe ser un número entero entre ${options.min} y ${options.max}.`))
  }
  return Effect.succeed(Number(raw))
}

export const dateParameter = (values: ReadonlyMap<string, string>, name: string): Effect.Effect<string | undefined, ApiError> => {
  const raw = values.get(name)
  if (raw === undefined) return Effect.succeed(undefined)
  const date = /^\d{4}-\d{2}-\d{2}$/u.test(raw) ? new Date(`${raw}T00:00:00Z`) : undefined
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    return Effect.fail(invalidParameter(name, `'${name}' debe ser una fecha válida AAAA-MM-DD.`))
  }
  return Effect.succeed(raw)
}

export const choiceParameter = <const C extends string>(
  values: ReadonlyMap<string, string>,
  name: string,
  choices: readonly C[],
  fallback: C,
): Effect.Effect<C, ApiError> => {
  const raw = values.get(name)
  if (raw === undefined) return Effect.succeed(fallback)
  return (choices as readonly string[]).includes(raw)
    ? Effect.succeed(raw as C)
    : Effect.fail(invalidParameter(name, `'${name}' admite: ${choices.join(", ")}.`))
}
