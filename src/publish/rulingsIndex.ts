import { LABELS, LABEL_INFO, type Label } from "../domain/Label.ts"
import type { DatasetField } from "./DatasetField.ts"

/**
 * `public/resoluciones.csv`: one row per published ruling. Column names follow
 * Argentina's open-data guide: Spanish, lower case, snake_case, no accents.
 * The published file is built from the store by SQL (src/publish/datasets.ts);
 * the tests check it against a row computed from each audit record.
 */
export const REDACTABLE_LABELS = LABELS.filter((label): label is Exclude<Label, "FUNCIONARIO"> => label !== "FUNCIONARIO")

export const countColumn = (label: Label): string => `cantidad_${LABEL_INFO[label].column}`

export const RULINGS_FIELDS: readonly DatasetField[] = [
  { name: "id", type: "string", description: "Identificador estable de la resolución.", required: true },
  { name: "juzgado", type: "string", description: "Juzgado o tribunal que dictó la resolución." },
  { name: "fecha", type: "date", description: "Fecha de la resolución (ISO 8601, AAAA-MM-DD)." },
  { name: "anio", type: "integer", description: "Año de la resolución." },
  { name: "mes", type: "integer", description: "Mes de la resolución (1 a 12)." },
  { name: "tipo", type: "string", description: "Tipo de resolución (sentencia, auto, interlocutoria...)." },
  {
    name: "materia",
    type: "string",
    description: "Materia principal según delitos y artículos citados (clasificación automática por palabras clave).",
  },
  {
    name: "resultado",
    type: "string",
    description: "Resultado de la parte resolutiva cuando se puede extraer (condena, absolución, sobreseimiento...).",
  },
  { name: "formato_original", type: "string", description: "Formato del archivo de origen (pdf, docx, doc, odt, txt, html, png, jpeg, tiff)." },
  {
    name: "origen_texto",
    type: "string",
    description: "De dónde salió el texto: texto (capa de texto del archivo) u ocr (reconocimiento óptico de caracteres de páginas escaneadas o imágenes, en todo o en parte).",
  },
  { name: "caracteres", type: "integer", description: "Cantidad de caracteres del texto anonimizado publicado." },
  { name: "total_datos_ocultados", type: "integer", description: "Total de menciones ocultadas en la resolución." },
  ...REDACTABLE_LABELS.map((label): DatasetField => ({
    name: countColumn(label),
    type: "integer",
    description: `Menciones ocultadas de la categoría ${label}: ${LABEL_INFO[label].descripcion}.`,
  })),
  { name: "archivo_texto", type: "string", description: "Ruta relativa del texto anonimizado: resoluciones/<id>.txt." },
  {
    name: "archivo_documento",
    type: "string",
    description: "Ruta relativa del documento anonimizado en el formato de origen (documentos/<id>.docx, .odt o .pdf; los .doc se publican como .docx); vacío para entradas de texto o HTML.",
  },
]
