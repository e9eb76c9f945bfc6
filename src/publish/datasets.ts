import { LABELS, LABEL_INFO } from "../domain/Label.ts"
import { FAILURE_REASONS } from "../domain/IngestFailure.ts"
import type { DatasetField, DatasetTable } from "./DatasetField.ts"
import { countColumn, REDACTABLE_LABELS, RULINGS_FIELDS } from "./rulingsIndex.ts"

/**
 * Every published table, with the SQL that derives it from the private store
 * (src/store/openStore.ts). Each query returns exactly the table's fields in
 * order, sorted by its primary key, so files are byte-stable.
 *
 * Statistics count published rulings only. A ruling whose grouping value is
 * missing (no court, no date, no subject matter...) is not counted in that
 * table, since key columns are never empty; the index keeps it with an empty
 * field.
 */
export interface PublishedTable extends DatasetTable {
  readonly sql: string
  /** Which DCAT dataset (and data package) the table belongs to. */
  readonly dataset: "resoluciones" | "estadisticas"
}

const sqlString = (value: string): string => `'${value.replace(/'/gu, "''")}'`

const PUBLISHED = "SELECT * FROM rulings WHERE published"

const countsByLabel = REDACTABLE_LABELS.map((label) =>
  `count(*) FILTER (WHERE e.label = ${sqlString(label)})::INTEGER AS ${countColumn(label)}`
).join(",\n      ")

const rulingsSql = `
  WITH counts AS (
    SELECT e.ruling_id, count(*)::INTEGER AS total_datos_ocultados,
      ${countsByLabel}
    FROM entities e WHERE e.action = 'redact' GROUP BY e.ruling_id
  )
  SELECT r.id, r.court AS juzgado, r.date AS fecha, year(r.date)::INTEGER AS anio, month(r.date)::INTEGER AS mes,
    r.type AS tipo, r.materia, r.resultado, r.format AS formato_original,
    coalesce(r.text_origin, 'texto') AS origen_texto, r.characters AS caracteres,
    coalesce(c.total_datos_ocultados, 0)::INTEGER AS total_datos_ocultados,
    ${REDACTABLE_LABELS.map((label) => `coalesce(c.${countColumn(label)}, 0)::INTEGER AS ${countColumn(label)}`).join(", ")},
    'resoluciones/' || r.id || '.txt' AS archivo_texto,
    CASE r.format WHEN 'docx' THEN 'documentos/' || r.id || '.docx' WHEN 'doc' THEN 'documentos/' || r.id || '.docx'
      WHEN 'odt' THEN 'documentos/' || r.id || '.odt' WHEN 'pdf' THEN 'documentos/' || r.id || '.pdf' END AS archivo_documento
  FROM (${PUBLISHED}) r LEFT JOIN counts c ON c.ruling_id = r.id
  ORDER BY r.id`

const field = (name: string, type: DatasetField["type"], description: string, required = false): DatasetField =>
  ({ name, type, description, ...(required ? { required } : {}) })

const ANIO = field("anio", "integer", "Año de la resolución.", true)
const MES = field("mes", "integer", "Mes de la resolución (1 a 12).", true)
const CANTIDAD = field("cantidad_resoluciones", "integer", "Cantidad de resoluciones publicadas.", true)

/** Per-group counts of published rulings over non-empty grouping columns. */
const countBy = (columns: readonly (readonly [string, string])[]): string => {
  const select = columns.map(([expression, name]) => `${expression} AS ${name}`).join(", ")
  const names = columns.map(([, name]) => name).join(", ")
  const where = columns.map(([expression]) => `${expression} IS NOT NULL AND ${expression}::VARCHAR <> ''`).join(" AND ")
  return `SELECT ${select}, count(*)::INTEGER AS cantidad_resoluciones FROM (${PUBLISHED}) r
    WHERE ${where} GROUP BY ALL ORDER BY ${names}`
}

const labelDescriptions = `(VALUES ${LABELS.map((label) => `(${sqlString(label)}, ${sqlString(LABEL_INFO[label].descripcion)})`).join(", ")}) AS l(label, descripcion)`
const reasonDescriptions = `(VALUES ${Object.entries(FAILURE_REASONS).map(([code, text]) => `(${sqlString(code)}, ${sqlString(text)})`).join(", ")}) AS f(reason, descripcion)`

export const PUBLISHED_TABLES: readonly PublishedTable[] = [
  {
    path: "resoluciones",
    dataset: "resoluciones",
    title: "Índice de resoluciones anonimizadas",
    description: "Una fila por resolución publicada: juzgado, fecha, tipo, materia, resultado, tamaño, menciones ocultadas por categoría y enlace al texto anonimizado.",
    fields: RULINGS_FIELDS,
    primaryKey: ["id"],
    sql: rulingsSql,
  },
  {
    path: "estadisticas/resoluciones-por-juzgado-y-mes",
    dataset: "estadisticas",
    title: "Resoluciones por juzgado y mes",
    description: "Cantidad de resoluciones publicadas por juzgado, año y mes de la resolución.",
    fields: [field("juzgado", "string", "Juzgado o tribunal que dictó la resolución.", true), ANIO, MES, CANTIDAD],
    primaryKey: ["juzgado", "anio", "mes"],
    sql: countBy([["r.court", "juzgado"], ["year(r.date)::INTEGER", "anio"], ["month(r.date)::INTEGER", "mes"]]),
  },
  {
    path: "estadisticas/resoluciones-por-tipo-y-mes",
    dataset: "estadisticas",
    title: "Resoluciones por tipo y mes",
    description: "Cantidad de resoluciones publicadas por tipo de resolución, año y mes.",
    fields: [field("tipo", "string", "Tipo de resolución.", true), ANIO, MES, CANTIDAD],
    primaryKey: ["tipo", "anio", "mes"],
    sql: countBy([["r.type", "tipo"], ["year(r.date)::INTEGER", "anio"], ["month(r.date)::INTEGER", "mes"]]),
  },
  {
    path: "estadisticas/resoluciones-por-materia-y-anio",
    dataset: "estadisticas",
    title: "Resoluciones por materia y año",
    description: "Cantidad de resoluciones publicadas por materia (clasificación automática) y año.",
    fields: [field("materia", "string", "Materia principal de la resolución.", true), ANIO, CANTIDAD],
    primaryKey: ["materia", "anio"],
    sql: countBy([["r.materia", "materia"], ["year(r.date)::INTEGER", "anio"]]),
  },
  {
    path: "estadisticas/resoluciones-por-resultado-y-anio",
    dataset: "estadisticas",
    title: "Resoluciones por resultado y año",
    description: "Cantidad de resoluciones publicadas por resultado de la parte resolutiva y año.",
    fields: [field("resultado", "string", "Resultado de la resolución.", true), ANIO, CANTIDAD],
    primaryKey: ["resultado", "anio"],
    sql: countBy([["r.resultado", "resultado"], ["year(r.date)::INTEGER", "anio"]]),
  },
  {
    path: "estadisticas/datos-ocultados-por-categoria-juzgado-y-mes",
    dataset: "estadisticas",
    title: "Datos ocultados por categoría, juzgado y mes",
    description: "Menciones ocultadas en las resoluciones publicadas, por categoría de dato, juzgado, año y mes.",
    fields: [
      field("categoria", "string", "Código de la categoría de dato ocultado (PERSONA, DNI, DIRECCION...).", true),
      field("descripcion_categoria", "string", "Descripción de la categoría de dato."),
      field("juzgado", "string", "Juzgado o tribunal que dictó la resolución.", true),
      ANIO,
      MES,
      field("cantidad_datos_ocultados", "integer", "Cantidad de menciones ocultadas.", true),
      field("cantidad_resoluciones", "integer", "Resoluciones con al menos una mención ocultada de la categoría.", true),
    ],
    primaryKey: ["categoria", "juzgado", "anio", "mes"],
    sql: `SELECT e.label AS categoria, any_value(l.descripcion) AS descripcion_categoria, r.court AS juzgado,
        year(r.date)::INTEGER AS anio, month(r.date)::INTEGER AS mes,
        count(*)::INTEGER AS cantidad_datos_ocultados, count(DISTINCT r.id)::INTEGER AS cantidad_resoluciones
      FROM (${PUBLISHED}) r JOIN entities e ON e.ruling_id = r.id
      LEFT JOIN ${labelDescriptions} ON l.label = e.label
      WHERE e.action = 'redact' AND r.court IS NOT NULL AND r.court <> '' AND r.date IS NOT NULL
      GROUP BY e.label, r.court, year(r.date), month(r.date)
      ORDER BY categoria, juzgado, anio, mes`,
  },
  {
    path: "estadisticas/procesamiento-por-ejecucion",
    dataset: "estadisticas",
    title: "Procesamiento por ejecución",
    description: "Una fila por ejecución del pipeline que cambió lo procesado: documentos recibidos, procesados y fallidos, y resoluciones nuevas, actualizadas o retenidas. Volver a procesar la misma entrada no agrega filas.",
    fields: [
      field("id_ejecucion", "string", "Identificador de la ejecución: huella de lo que procesó (configuración, versión y documentos).", true),
      field("orden", "integer", "Número de orden de la ejecución en esta publicación (1 = la primera).", true),
      field("pipeline", "string", "Nombre de la configuración de anonimización."),
      field("version_pipeline", "string", "Versión de la configuración de anonimización."),
      field("version_herramienta", "string", "Versión de tacha."),
      field("documentos_recibidos", "integer", "Documentos de entrada de la ejecución.", true),
      field("documentos_procesados", "integer", "Documentos procesados sin error.", true),
      field("documentos_fallidos", "integer", "Documentos que no pudieron procesarse.", true),
      field("resoluciones_nuevas", "integer", "Resoluciones incorporadas por primera vez (incluye las retenidas).", true),
      field("resoluciones_actualizadas", "integer", "Resoluciones que reemplazaron una versión anterior.", true),
      field("resoluciones_retenidas", "integer", "Resoluciones no publicadas: bloqueadas por la verificación final o sin texto público.", true),
    ],
    primaryKey: ["id_ejecucion"],
    sql: `SELECT run_id AS id_ejecucion, row_number() OVER (ORDER BY started_at, run_id)::INTEGER AS orden, pipeline_name AS pipeline,
        pipeline_version AS version_pipeline, tool_version AS version_herramienta, total AS documentos_recibidos,
        done AS documentos_procesados, failed AS documentos_fallidos, rulings_new AS resoluciones_nuevas,
        rulings_updated AS resoluciones_actualizadas,
        -- Held at publication (a stored ruling not published) and held in the workers (gate_blocked
        -- before a record existed, in run_failures): the same count as LEEME.md and the run's summary.
        (rulings_withheld + coalesce((SELECT sum(x.documents) FROM run_failures x WHERE x.run_id = runs.run_id AND x.reason = 'gate_blocked'), 0))::INTEGER AS resoluciones_retenidas
      FROM runs ORDER BY orden`,
  },
  {
    path: "estadisticas/control-de-calidad-por-ejecucion",
    dataset: "estadisticas",
    title: "Control de calidad por ejecución",
    description: "Una fila por ejecución que sorteó una muestra de control: de las resoluciones publicadas automáticamente (sin revisión de una persona) se sortea una muestra reproducible que una persona revisa; la tasa de error medida lleva su intervalo de confianza del 95 % (Wilson). Sólo conteos.",
    fields: [
      field("id_ejecucion", "string", "Identificador de la ejecución (ver procesamiento-por-ejecucion).", true),
      field("orden", "integer", "Número de orden de la ejecución en esta publicación (1 = la primera).", true),
      field("publicadas_automaticamente", "integer", "Resoluciones de la ejecución publicadas sin revisión de una persona (población del sorteo).", true),
      field("fraccion_muestra", "number", "Fracción sorteada (revision.muestra en la configuración).", true),
      field("sorteadas", "integer", "Resoluciones sorteadas para el control.", true),
      field("controladas", "integer", "Resoluciones sorteadas que una persona ya revisó.", true),
      field("correctas", "integer", "Controladas sin ningún error.", true),
      field("con_omisiones", "integer", "Controladas con al menos un dato personal que debió ocultarse y quedó visible.", true),
      field("con_sobreocultamiento", "integer", "Controladas con al menos una mención ocultada que debió quedar visible.", true),
      field("con_errores", "integer", "Controladas con omisiones o sobreocultamiento.", true),
      field("tasa_error", "number", "con_errores / controladas; vacío si no hay controladas."),
      field("ic95_inferior", "number", "Límite inferior del intervalo de confianza del 95 % (Wilson) de tasa_error."),
      field("ic95_superior", "number", "Límite superior del intervalo de confianza del 95 % (Wilson) de tasa_error."),
      field("tasa_omision", "number", "con_omisiones / controladas; vacío si no hay controladas."),
      field("ic95_omision_inferior", "number", "Límite inferior del intervalo del 95 % (Wilson) de tasa_omision."),
      field("ic95_omision_superior", "number", "Límite superior del intervalo del 95 % (Wilson) de tasa_omision."),
    ],
    primaryKey: ["id_ejecucion"],
    sql: `SELECT c.run_id AS id_ejecucion, o.orden::INTEGER AS orden, c.eligible AS publicadas_automaticamente, c.fraction AS fraccion_muestra,
        c.drawn AS sorteadas, c.checked AS controladas, c.correct AS correctas, c.with_missed AS con_omisiones,
        c.with_over_hidden AS con_sobreocultamiento, c.with_errors AS con_errores, c.error_rate AS tasa_error,
        c.error_lower AS ic95_inferior, c.error_upper AS ic95_superior, c.missed_rate AS tasa_omision,
        c.missed_lower AS ic95_omision_inferior, c.missed_upper AS ic95_omision_superior
      FROM control_rates c JOIN (SELECT run_id, row_number() OVER (ORDER BY started_at, run_id) AS orden FROM runs) o USING (run_id)
      ORDER BY orden`,
  },
  {
    path: "estadisticas/fallos-por-ejecucion-y-causa",
    dataset: "estadisticas",
    title: "Documentos fallidos por ejecución y causa",
    description: "Documentos que no pudieron procesarse, por ejecución y causa (códigos estables).",
    fields: [
      field("id_ejecucion", "string", "Identificador de la ejecución.", true),
      field("causa", "string", "Código de la causa del fallo (por ejemplo needs_ocr, corrupt_pdf).", true),
      field("descripcion_causa", "string", "Descripción de la causa."),
      field("documentos", "integer", "Cantidad de documentos fallidos por esa causa.", true),
    ],
    primaryKey: ["id_ejecucion", "causa"],
    sql: `SELECT x.run_id AS id_ejecucion, x.reason AS causa, f.descripcion AS descripcion_causa, x.documents AS documentos
      FROM run_failures x JOIN runs r ON r.run_id = x.run_id
      LEFT JOIN ${reasonDescriptions} ON f.reason = x.reason
      ORDER BY r.started_at, id_ejecucion, causa`,
  },
]
