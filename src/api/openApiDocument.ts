import { TOOL_VERSION } from "../pipeline/toolVersion.ts"
import { DETAIL_PARAMETERS, LIST_PARAMETERS, STATS_PARAMETERS, type ParameterSpec } from "./ApiParameters.ts"

/** The OpenAPI 3.1 description of the API, built from the same parameter definitions the server validates. */
const parameters = (specs: readonly ParameterSpec[]) =>
  specs.map((spec) => ({ name: spec.name, in: "query", required: false, description: spec.description, schema: spec.schema }))

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
})

const jsonResponse = (description: string, schema: Record<string, unknown>, csv = false) => ({
  description,
  content: {
    "application/json": { schema },
    ...(csv ? { "text/csv": { schema: { type: "string" } } } : {}),
  },
})

const ERRORS = {
  "400": errorResponse("Parámetro inválido o desconocido (también: valor vacío, de más de 200 caracteres o con caracteres de control)."),
  "431": errorResponse("La dirección y los encabezados superan 16 KB."),
  "405": errorResponse("Método no permitido (la API es de sólo lectura)."),
  "503": errorResponse("Todavía no hay datos publicados."),
}

export const openApiDocument = () => ({
  openapi: "3.1.0",
  info: {
    title: "API de resoluciones judiciales anonimizadas (tacha)",
    version: TOOL_VERSION,
    description:
      "API de sólo lectura sobre los datos abiertos publicados por tacha: índice de resoluciones anonimizadas, sus textos, estadísticas y catálogo DCAT-AR. Los nombres de parámetros siguen las convenciones de las APIs de datos.gob.ar (en castellano, snake_case). Paginación con 'limite' y 'desde'.",
    license: { name: "CC-BY-4.0", identifier: "CC-BY-4.0" },
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/resoluciones": {
      get: {
        summary: "Listado de resoluciones con filtros, búsqueda de texto completo, orden y paginación",
        operationId: "listarResoluciones",
        parameters: parameters(LIST_PARAMETERS),
        responses: { "200": jsonResponse("Página de resoluciones.", { $ref: "#/components/schemas/PaginaResoluciones" }, true), ...ERRORS },
      },
    },
    "/api/v1/resoluciones/{id}": {
      get: {
        summary: "Metadatos y texto anonimizado de una resolución",
        operationId: "obtenerResolucion",
        parameters: [
          { name: "id", in: "path", required: true, description: "Identificador de la resolución.", schema: { type: "string" } },
          ...parameters(DETAIL_PARAMETERS),
        ],
        responses: {
          "200": {
            description: "La resolución.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { resolucion: { $ref: "#/components/schemas/Resolucion" }, texto: { type: "string" } },
                  required: ["resolucion", "texto"],
                },
              },
              "text/plain": { schema: { type: "string" } },
            },
          },
          "404": errorResponse("No existe la resolución."),
          ...ERRORS,
        },
      },
    },
    "/api/v1/estadisticas": {
      get: {
        summary: "Cantidad de resoluciones (o de datos ocultados, con 'categoria') agrupadas por las claves pedidas",
        operationId: "estadisticas",
        parameters: parameters(STATS_PARAMETERS),
        responses: {
          "200": jsonResponse("Conteos por grupo.", {
            type: "object",
            properties: {
              agrupar: { type: "array", items: { type: "string" } },
              resultados: { type: "array", items: { type: "object" } },
              total: { type: "integer" },
            },
            required: ["agrupar", "resultados", "total"],
          }, true),
          ...ERRORS,
        },
      },
    },
    "/api/v1/estadisticas/procesamiento": {
      get: {
        summary: "Salud del procesamiento: documentos procesados y fallidos por ejecución y causa, y la tasa de error medida por el control de calidad",
        operationId: "procesamiento",
        parameters: [],
        responses: {
          "200": jsonResponse("Ejecuciones y fallos por causa, en orden cronológico de ejecución (campo orden).", {
            type: "object",
            properties: {
              disponible: { type: "boolean" },
              ejecuciones: { type: "array", items: { type: "object" } },
              fallos: { type: "array", items: { type: "object" } },
              control: {
                type: "array",
                description: "Control de calidad por ejecución: muestra sorteada, controladas, con errores, tasa de error e intervalo del 95 % (Wilson); ver estadisticas/control-de-calidad-por-ejecucion.csv.",
                items: { type: "object" },
              },
            },
          }),
          ...ERRORS,
        },
      },
    },
    "/api/v1/catalogo": {
      get: {
        summary: "Catálogo DCAT-AR (data.json)",
        operationId: "catalogo",
        parameters: [],
        responses: { "200": jsonResponse("El catálogo.", { type: "object" }), "404": errorResponse("Catálogo no publicado.") },
      },
    },
    "/api/v1/openapi.json": {
      get: { summary: "Este documento", operationId: "openapi", parameters: [], responses: { "200": jsonResponse("OpenAPI 3.1.", { type: "object" }) } },
    },
    "/datos/{archivo}": {
      get: {
        summary: "Descarga de un archivo publicado (resoluciones.csv, .parquet, estadisticas/..., data.json, SHA256SUMS, LEEME.md, resoluciones/<id>.txt, documentos/<id>.docx|.odt|.pdf)",
        operationId: "descargar",
        parameters: [{ name: "archivo", in: "path", required: true, description: "Ruta del archivo dentro de la carpeta pública.", schema: { type: "string" } }],
        responses: { "200": { description: "El archivo." }, "404": errorResponse("No existe el archivo.") },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: {
              codigo: { type: "string", enum: ["parametro_invalido", "parametro_desconocido", "no_encontrado", "metodo_no_permitido", "datos_no_disponibles", "error_interno"] },
              mensaje: { type: "string" },
              parametro: { type: "string" },
            },
            required: ["codigo", "mensaje"],
          },
        },
        required: ["error"],
      },
      Resolucion: {
        type: "object",
        description: "Una fila del índice resoluciones.csv (ver su diccionario de datos).",
        properties: {
          id: { type: "string" },
          juzgado: { type: ["string", "null"] },
          fecha: { type: ["string", "null"], format: "date" },
          anio: { type: ["integer", "null"] },
          mes: { type: ["integer", "null"] },
          tipo: { type: ["string", "null"] },
          materia: { type: ["string", "null"] },
          resultado: { type: ["string", "null"] },
          caracteres: { type: ["integer", "null"] },
          total_datos_ocultados: { type: ["integer", "null"] },
          archivo_texto: { type: "string" },
          archivo_documento: { type: ["string", "null"], description: "Documento anonimizado en el formato de origen, bajo /datos/." },
          puntaje: { type: "number", description: "Relevancia BM25 (sólo con 'q')." },
          fragmento: { type: "string", description: "Fragmento del texto con el término buscado (sólo con 'q')." },
        },
        additionalProperties: { type: ["integer", "string", "null"] },
        required: ["id"],
      },
      PaginaResoluciones: {
        type: "object",
        properties: {
          resultados: { type: "array", items: { $ref: "#/components/schemas/Resolucion" } },
          cantidad: { type: "integer" },
          total: { type: "integer" },
          limite: { type: "integer" },
          desde: { type: "integer" },
        },
        required: ["resultados", "cantidad", "total", "limite", "desde"],
      },
    },
  },
})
