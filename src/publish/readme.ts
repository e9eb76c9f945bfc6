import { LABELS, LABEL_INFO, type Label } from "../domain/Label.ts"
import { actionFor, operatorFor, type Operator, type PipelineConfig } from "../domain/PipelineConfig.ts"
import type { ControlRate } from "../store/controlSample.ts"
import type { CatalogueInfo, DatasetDates } from "./catalogue.ts"
import { LICENSE } from "./catalogue.ts"
import type { PublishedTable } from "./datasets.ts"
import { dictionaryPath } from "./writeTables.ts"

/** Facts about the publication that the README states; all derived from the store. */
export interface ReadmeFacts {
  readonly rulings: number
  /** Rulings held by the gate (at publication, or in the workers of the latest run) or without public text. */
  readonly withheld: number
  readonly dates: DatasetDates
  /** Quality control per run that drew a sample (absent: none yet). */
  readonly control?: readonly ControlRate[]
}

const percent = (value: number): string => `${(value * 100).toFixed(1).replace(".", ",")} %`

/** The measured error rate per batch: a table, or why there is none yet. */
const controlSection = (config: PipelineConfig, rates: readonly ControlRate[]): string[] => [
  "## Control de calidad",
  "",
  `De las resoluciones que cada ejecución publica automáticamente (sin revisión de una persona) se sortea una muestra (${percent(config.revision.muestra)}, al menos una) que una persona revisa completa: si quedó visible un dato que debía ocultarse (omisión) o se ocultó algo que debía quedar visible. El sorteo es reproducible: lo fija la huella de la ejecución, no una persona. La tasa de error es la proporción de controladas con algún error; el intervalo es el de confianza del 95 % de Wilson. Una omisión encontrada retira la resolución y la vuelve a publicar corregida. Detalle: \`estadisticas/control-de-calidad-por-ejecucion.csv\`.`,
  "",
  ...(rates.length === 0
    ? ["Todavía no se sorteó ninguna muestra.", ""]
    : [
      "| ejecución | publicadas automáticamente | sorteadas | controladas | con errores | con omisiones | tasa de error | IC 95 % |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rates.map((rate) =>
        `| ${rate.runOrder} | ${rate.eligible} | ${rate.drawn} | ${rate.checked} | ${rate.withErrors} | ${rate.withMissed} | ` +
        (rate.errorRate === null || rate.errorLower === null || rate.errorUpper === null
          ? "sin controlar | — |"
          : `${percent(rate.errorRate)} | ${percent(rate.errorLower)} a ${percent(rate.errorUpper)} |`)
      ),
      "",
    ]),
]

const operatorText = (operator: Operator, label: Label): string => {
  switch (operator.type) {
    case "tag":
      return `etiqueta fija [${operator.text ?? label}]`
    case "pseudonym":
      return operator.style === "initials"
        ? "iniciales"
        : `seudónimo numerado consistente dentro de la resolución ([${operator.text ?? label} 1], [${operator.text ?? label} 2]...)`
    case "mask":
      return operator.keepLast > 0 ? `enmascarado, quedan visibles los últimos ${operator.keepLast} caracteres` : "enmascarado"
    case "remove":
      return "eliminación del texto"
    case "hash":
      return "código derivado con clave secreta (HMAC-SHA256), estable entre resoluciones"
  }
}

const categoryPolicyText = (config: PipelineConfig, category: PipelineConfig["publication"]["categories"][number]): string => {
  if (category.policy === "block") return "no se publican"
  const extra = category.redact.filter((label) => actionFor(config, label) === "keep")
  return extra.length > 0
    ? `se publican ocultando además ${extra.map((label) => LABEL_INFO[label].descripcion.toLowerCase()).join(", ")}`
    : `se publican con la política más estricta (${category.redact.join(", ")} ocultos siempre)`
}

/** `public/LEEME.md`, in Spanish: what is published, how, and under which licence. */
export const readme = (
  config: PipelineConfig,
  info: CatalogueInfo,
  tables: readonly PublishedTable[],
  facts: ReadmeFacts,
): string => {
  const redacted = LABELS.filter((label) => actionFor(config, label) === "redact")
  const kept = LABELS.filter((label) => actionFor(config, label) === "keep")
  const year = facts.dates.modified.slice(0, 4)
  const lines = [
    `# ${info.title}`,
    "",
    info.description,
    "",
    `Resoluciones publicadas: ${facts.rulings}. Retenidas por la verificación final: ${facts.withheld}.` +
    (facts.dates.temporal ? ` Período cubierto (fechas de las resoluciones): ${facts.dates.temporal.replace("/", " a ")}.` : ""),
    `Resolución más reciente: ${facts.dates.modified}.`,
    "",
    "## Archivos",
    "",
    "- `resoluciones/<id>.txt`: texto anonimizado de cada resolución (UTF-8).",
    ...tables.map((table) =>
      `- \`${table.path}.csv\` y \`${table.path}.parquet\`: ${table.title.toLowerCase()}. Diccionario: \`${dictionaryPath(table)}\`.`
    ),
    "- `data.json`: catálogo de metadatos según el perfil DCAT-AR de datos.gob.ar.",
    "- `datapackage.json` y `estadisticas/datapackage.json`: descriptores Frictionless Data Package con esquema, tamaño y hash de cada archivo.",
    "- `SHA256SUMS`: suma SHA-256 de cada archivo publicado (verificar con `sha256sum -c SHA256SUMS`).",
    "",
    "## Convenciones",
    "",
    "- CSV según RFC 4180, UTF-8, separador coma, fin de línea CRLF, con encabezado.",
    "- Nombres de columnas en castellano, minúsculas, snake_case, sin tildes; nombres de archivo en minúsculas con guiones.",
    "- Fechas en ISO 8601 (AAAA-MM-DD); fechas y horas en UTC (AAAA-MM-DDThh:mm:ssZ).",
    "- Valor faltante: campo vacío (única regla).",
    "- Las tablas de estadísticas cuentan sólo las resoluciones que tienen el dato que agrupa (juzgado, fecha, materia o resultado); las demás figuran en el índice con el campo vacío.",
    "- Los mismos datos de entrada producen archivos idénticos byte a byte: ningún valor publicado proviene del reloj. Las fechas de emisión (issued) y modificación (modified) del catálogo y de los paquetes son la fecha de la resolución publicada más antigua y la de la más reciente; el período (temporal), el rango entre ambas. Cada ejecución se identifica por una huella de lo que procesó; volver a procesar la misma entrada no agrega una ejecución.",
    "",
    "## Metodología",
    "",
    `Cada resolución se extrae del documento original, se normaliza y se analiza con detectores por reglas${config.detectors.ner?.enabled === false ? "" : " y un modelo de reconocimiento de entidades"}. Las menciones detectadas se ocultan o se dejan visibles según la política de la configuración \`${config.name}\` versión ${config.version}.`,
    "Antes de publicar, una verificación final vuelve a buscar identificadores en el texto anonimizado y cada forma ocultada en la misma resolución; si encuentra algo, la resolución no se publica.",
    "La materia y el resultado se asignan automáticamente por palabras clave y artículos citados; pueden contener errores y quedan vacíos cuando no se pueden determinar.",
    "",
    "## Política de anonimización",
    "",
    "Se ocultan:",
    "",
    ...redacted.map((label) => `- ${LABEL_INFO[label].descripcion} (${label}): ${operatorText(operatorFor(config, label), label)}.`),
    "",
    kept.length > 0 ? "Quedan visibles:" : "No queda visible ninguna categoría de dato personal.",
    "",
    ...kept.map((label) => `- ${LABEL_INFO[label].descripcion} (${label}).`),
    ...(kept.length > 0 ? [""] : []),
    "Quedan visibles también las normas citadas, los tribunales, los montos y la fecha de la resolución.",
    "",
    ...(config.publication.categories.length > 0
      ? [
        "Categorías de resoluciones con reglas propias:",
        "",
        ...config.publication.categories.map((category) =>
          `- ${category.name}: ${categoryPolicyText(config, category)}.` +
          (category.description ? ` ${category.description}` : "")
        ),
        "",
      ]
      : []),
    ...controlSection(config, facts.control ?? []),
    "## Limitaciones",
    "",
    "- La anonimización automática puede omitir menciones o ocultar de más; la verificación final reduce, pero no elimina, ese riesgo.",
    "- Los documentos que no pudieron procesarse (por ejemplo, archivos dañados) no se publican; su cantidad por causa figura en `estadisticas/fallos-por-ejecucion-y-causa.csv`.",
    ...(config.ocr.enabled
      ? [`- El texto de las páginas escaneadas y de las imágenes se obtiene por reconocimiento óptico de caracteres (OCR) y puede tener errores de lectura; esas resoluciones llevan \`origen_texto\` = \`ocr\` en el índice, y las de confianza media menor que ${config.ocr.minConfidence} sobre 100 quedan retenidas para revisión.`]
      : []),
    "- Una resolución corregida reemplaza a su versión anterior con el mismo identificador.",
    "",
    "## Cómo citar",
    "",
    `${info.publisher.name} (${year}). ${info.title}. Datos procesados con tacha. ${info.baseUrl} (consultado el <fecha>).`,
    "",
    "## Licencia",
    "",
    `Los datos se publican bajo licencia ${LICENSE.title} (${LICENSE.name}): ${LICENSE.path}. Se debe citar la fuente. Está prohibido intentar reidentificar a las personas mencionadas.`,
    "",
    "## Contacto",
    "",
    `${info.contactPoint.fn}: ${info.contactPoint.hasEmail}`,
    "",
  ]
  return lines.join("\n")
}
