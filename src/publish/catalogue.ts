import { createHash } from "node:crypto"
import { readFile } from "node:fs/promises"
import { basename, join } from "node:path"
import type { DatasetField } from "./DatasetField.ts"
import type { PublishedTable } from "./datasets.ts"

/**
 * Metadata of the publication: the DCAT-AR catalogue `public/data.json`
 * (datos.gob.ar "Guía para el uso y la publicación de metadatos") and one
 * Frictionless Data Package per dataset. Nothing here reads the clock: dates
 * come from the store (the runs that published the data).
 */
export interface CatalogueInfo {
  /** Absolute URL where `public/` is served, ending in "/". */
  readonly baseUrl: string
  readonly title: string
  readonly description: string
  readonly publisher: { readonly name: string; readonly mbox: string }
  readonly contactPoint: { readonly fn: string; readonly hasEmail: string }
  readonly accrualPeriodicity: string
}

export const DEFAULT_CATALOGUE: CatalogueInfo = {
  baseUrl: "https://datos.example.gob.ar/tacha/",
  title: "Resoluciones judiciales anonimizadas del fuero penal, contravencional y de faltas",
  description:
    "Resoluciones del fuero Penal, Contravencional y de Faltas de la Ciudad Autónoma de Buenos Aires, anonimizadas con tacha, con su índice, estadísticas y diccionarios de datos.",
  publisher: { name: "Poder Judicial de la Ciudad Autónoma de Buenos Aires", mbox: "datos.abiertos@example.gob.ar" },
  contactPoint: { fn: "Equipo de Datos Abiertos", hasEmail: "datos.abiertos@example.gob.ar" },
  accrualPeriodicity: "R/P1M",
}

export const SUPER_THEME_TAXONOMY = "http://datos.gob.ar/superThemeTaxonomy.json"
export const LICENSE = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0 International",
  path: "https://creativecommons.org/licenses/by/4.0/",
} as const

/** Dates of the data, derived from the store; ISO 8601. */
export interface DatasetDates {
  readonly issued: string
  readonly modified: string
  /** `YYYY-MM-DD/YYYY-MM-DD` from the rulings' dates, when any is known. */
  readonly temporal?: string
}

export interface FileFacts {
  readonly bytes: number
  readonly sha256: string
}

export const fileFacts = async (publicDir: string, path: string): Promise<FileFacts> => {
  const bytes = await readFile(join(publicDir, path))
  return { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }
}

const THEMES = {
  resoluciones: {
    id: "resoluciones-judiciales",
    label: "Resoluciones judiciales",
    description: "Textos anonimizados de resoluciones judiciales y su índice.",
  },
  estadisticas: {
    id: "estadisticas-judiciales",
    label: "Estadísticas judiciales",
    description: "Estadísticas de resoluciones publicadas y del procesamiento de anonimización.",
  },
} as const

const DATASETS = {
  resoluciones: {
    title: "Resoluciones judiciales anonimizadas",
    description:
      "Índice de las resoluciones publicadas (una fila por resolución, con enlace a su texto anonimizado en resoluciones/<id>.txt). Los datos personales de partes, víctimas y testigos están ocultos; magistrados y funcionarios quedan visibles en su rol.",
    keyword: ["resoluciones", "justicia penal", "anonimización", "CABA"],
  },
  estadisticas: {
    title: "Estadísticas de resoluciones y de su anonimización",
    description:
      "Resoluciones por juzgado, tipo, materia y resultado en el tiempo; datos ocultados por categoría; cifras de procesamiento por ejecución.",
    keyword: ["estadísticas", "justicia penal", "anonimización", "CABA"],
  },
} as const

type DatasetId = keyof typeof DATASETS

const FORMATS = {
  csv: { format: "CSV", mediaType: "text/csv" },
  parquet: { format: "PARQUET", mediaType: "application/vnd.apache.parquet" },
} as const

const dcatField = (field: DatasetField) => ({ title: field.name, type: field.type, description: field.description })

const DOCUMENT_FORMATS = {
  docx: { format: "DOCX", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  odt: { format: "ODT", mediaType: "application/vnd.oasis.opendocument.text" },
  pdf: { format: "PDF", mediaType: "application/pdf" },
} as const

export type DocumentFormat = keyof typeof DOCUMENT_FORMATS

/** One distribution per format of the anonymised documents (`documentos/<id>.<ext>`, listed in the index's archivo_documento). */
const documentDistributions = (info: CatalogueInfo, formats: readonly DocumentFormat[], dates: DatasetDates) =>
  formats.map((extension) => ({
    identifier: `documentos-${extension}`,
    title: `Documentos anonimizados (${DOCUMENT_FORMATS[extension].format})`,
    description:
      `Resoluciones anonimizadas en su formato de origen, una por archivo: documentos/<id>.${extension} (ver la columna archivo_documento del índice). Sin metadatos del autor, comentarios ni control de cambios.`,
    accessURL: `${info.baseUrl}documentos/`,
    format: DOCUMENT_FORMATS[extension].format,
    mediaType: DOCUMENT_FORMATS[extension].mediaType,
    issued: dates.issued,
    modified: dates.modified,
    license: LICENSE.title,
  }))

/** Build `data.json`. `facts` maps each public path to its size and hash; `documents`, the formats of the published documents. */
export const dcatCatalogue = (
  info: CatalogueInfo,
  tables: readonly PublishedTable[],
  facts: ReadonlyMap<string, FileFacts>,
  dates: Readonly<Record<DatasetId | "catalogue", DatasetDates>>,
  documents: readonly DocumentFormat[] = [],
) => ({
  identifier: "tacha",
  title: info.title,
  description: info.description,
  publisher: info.publisher,
  issued: dates.catalogue.issued,
  modified: dates.catalogue.modified,
  language: ["spa"],
  superThemeTaxonomy: SUPER_THEME_TAXONOMY,
  themeTaxonomy: Object.values(THEMES),
  license: LICENSE.title,
  rights: "Texto anonimizado. Prohibido intentar reidentificar a las personas mencionadas.",
  homepage: info.baseUrl,
  dataset: (Object.keys(DATASETS) as DatasetId[]).map((id) => ({
    identifier: id,
    title: DATASETS[id].title,
    description: DATASETS[id].description,
    publisher: info.publisher,
    contactPoint: info.contactPoint,
    superTheme: ["JUST"],
    theme: [THEMES[id].id],
    keyword: DATASETS[id].keyword,
    accrualPeriodicity: info.accrualPeriodicity,
    issued: dates[id].issued,
    modified: dates[id].modified,
    ...(dates[id].temporal ? { temporal: dates[id].temporal } : {}),
    language: ["spa"],
    license: LICENSE.title,
    landingPage: info.baseUrl,
    distribution: [...tables.filter((table) => table.dataset === id).flatMap((table) =>
      (["csv", "parquet"] as const).map((extension) => {
        const path = `${table.path}.${extension}`
        const fact = facts.get(path)
        if (!fact) throw new Error(`falta ${path}`)
        return {
          identifier: `${table.path.replace(/\//gu, "-")}-${extension}`,
          title: `${table.title} (${FORMATS[extension].format})`,
          description: table.description,
          accessURL: info.baseUrl + path,
          downloadURL: info.baseUrl + path,
          format: FORMATS[extension].format,
          mediaType: FORMATS[extension].mediaType,
          fileName: basename(path),
          byteSize: fact.bytes,
          issued: dates[id].issued,
          modified: dates[id].modified,
          license: LICENSE.title,
          field: table.fields.map(dcatField),
        }
      })
    ), ...(id === "resoluciones" ? documentDistributions(info, documents, dates[id]) : [])],
  })),
})

/** Where each dataset's `datapackage.json` lives; resource paths are relative to it. */
export const DATAPACKAGE_DIRS: Readonly<Record<DatasetId, string>> = { resoluciones: "", estadisticas: "estadisticas" }

const relativeTo = (dir: string, path: string): string => (dir === "" ? path : path.slice(dir.length + 1))

/** Build one dataset's Frictionless Data Package descriptor. */
export const dataPackage = (
  id: DatasetId,
  tables: readonly PublishedTable[],
  facts: ReadonlyMap<string, FileFacts>,
  dates: DatasetDates,
) => {
  const dir = DATAPACKAGE_DIRS[id]
  const fact = (path: string) => {
    const found = facts.get(path)
    if (!found) throw new Error(`falta ${path}`)
    return found
  }
  return {
    profile: "data-package",
    name: `tacha-${id}`,
    title: DATASETS[id].title,
    description: DATASETS[id].description,
    keywords: DATASETS[id].keyword,
    licenses: [LICENSE],
    created: dates.modified,
    resources: tables.filter((table) => table.dataset === id).flatMap((table) => {
      const name = relativeTo(dir, table.path).replace(/\//gu, "-")
      const csv = `${table.path}.csv`
      const parquet = `${table.path}.parquet`
      return [
        {
          name,
          path: relativeTo(dir, csv),
          profile: "tabular-data-resource",
          title: table.title,
          description: table.description,
          format: "csv",
          mediatype: "text/csv",
          encoding: "utf-8",
          bytes: fact(csv).bytes,
          hash: `sha256:${fact(csv).sha256}`,
          dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: "\"", doubleQuote: true, header: true },
          schema: {
            fields: table.fields.map((field) => ({
              name: field.name,
              type: field.type,
              format: "default",
              description: field.description,
              ...(field.required || table.primaryKey.includes(field.name) ? { constraints: { required: true } } : {}),
            })),
            primaryKey: [...table.primaryKey],
            missingValues: [""],
          },
        },
        {
          name: `${name}-parquet`,
          path: relativeTo(dir, parquet),
          profile: "data-resource",
          title: `${table.title} (Parquet)`,
          format: "parquet",
          mediatype: "application/vnd.apache.parquet",
          bytes: fact(parquet).bytes,
          hash: `sha256:${fact(parquet).sha256}`,
        },
      ]
    }),
  }
}

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[]
export type { DatasetId }
