/**
 * Offline checks of the published metadata: DCAT-AR (datos.gob.ar, "Guía
 * para el uso y la publicación de metadatos") required fields and value
 * rules, and the Frictionless Data Package / Tabular Data Resource profile
 * rules. Each returns a list of problems; empty means valid.
 */
export const SUPER_THEMES = ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"]

const PERIODICITY = /^(R\/P(\d+(\.\d+)?[YMWD])|R\/PT\d+[HS]|eventual|EVENTUAL)$/u
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/u
const TEMPORAL = /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/u
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u
const URL = /^https?:\/\/[^\s]+$/u
const FORMAT_BY_EXTENSION: Record<string, string> = { csv: "CSV", parquet: "PARQUET", json: "JSON", txt: "TXT", zip: "ZIP", docx: "DOCX", odt: "ODT", pdf: "PDF" }

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value)
const nonEmpty = (value: unknown): boolean => typeof value === "string" && value.trim().length > 0

export const validateDcatAr = (catalog: unknown): string[] => {
  const problems: string[] = []
  if (!isObject(catalog)) return ["el catálogo no es un objeto"]
  for (const key of ["title", "description", "superThemeTaxonomy"]) if (!nonEmpty(catalog[key])) problems.push(`catálogo: falta ${key}`)
  const publisher = catalog["publisher"]
  if (!isObject(publisher) || !nonEmpty(publisher["name"]) || !EMAIL.test(String(publisher["mbox"] ?? ""))) {
    problems.push("catálogo: publisher requiere name y mbox (correo)")
  }
  for (const key of ["issued", "modified"]) {
    if (catalog[key] !== undefined && !ISO_DATE.test(String(catalog[key]))) problems.push(`catálogo: ${key} no es ISO 8601`)
  }
  const themeIds = new Set<string>()
  const taxonomy = catalog["themeTaxonomy"]
  if (taxonomy !== undefined) {
    if (!Array.isArray(taxonomy)) problems.push("catálogo: themeTaxonomy debe ser una lista")
    else {
      for (const theme of taxonomy) {
        if (!isObject(theme) || !nonEmpty(theme["id"]) || !nonEmpty(theme["label"])) problems.push("themeTaxonomy: cada tema requiere id y label")
        else themeIds.add(String(theme["id"]))
      }
    }
  }
  const datasets = catalog["dataset"]
  if (!Array.isArray(datasets) || datasets.length === 0) return [...problems, "catálogo: falta dataset"]
  const datasetIds = new Set<string>()
  for (const [i, dataset] of datasets.entries()) {
    const where = `dataset[${i}]`
    if (!isObject(dataset)) {
      problems.push(`${where}: no es un objeto`)
      continue
    }
    if (nonEmpty(dataset["identifier"])) {
      if (datasetIds.has(String(dataset["identifier"]))) problems.push(`${where}: identifier repetido`)
      datasetIds.add(String(dataset["identifier"]))
    }
    for (const key of ["title", "description", "issued", "accrualPeriodicity"]) if (!nonEmpty(dataset[key])) problems.push(`${where}: falta ${key}`)
    if (!isObject(dataset["publisher"]) || !nonEmpty((dataset["publisher"] as Json)["name"])) problems.push(`${where}: falta publisher.name`)
    const superTheme = dataset["superTheme"]
    if (!Array.isArray(superTheme) || superTheme.length === 0) problems.push(`${where}: falta superTheme`)
    else for (const theme of superTheme) if (!SUPER_THEMES.includes(String(theme).toUpperCase())) problems.push(`${where}: superTheme ${String(theme)} no permitido`)
    if (Array.isArray(dataset["theme"])) {
      for (const theme of dataset["theme"]) if (!themeIds.has(String(theme))) problems.push(`${where}: theme ${String(theme)} no está en themeTaxonomy`)
    }
    if (nonEmpty(dataset["accrualPeriodicity"]) && !PERIODICITY.test(String(dataset["accrualPeriodicity"]))) {
      problems.push(`${where}: accrualPeriodicity inválida`)
    }
    for (const key of ["issued", "modified"]) {
      if (dataset[key] !== undefined && !ISO_DATE.test(String(dataset[key]))) problems.push(`${where}: ${key} no es ISO 8601`)
    }
    if (dataset["temporal"] !== undefined) {
      const temporal = String(dataset["temporal"])
      if (!TEMPORAL.test(temporal)) problems.push(`${where}: temporal debe ser AAAA-MM-DD/AAAA-MM-DD`)
      else {
        const [from, to] = temporal.split("/")
        if (from! > to!) problems.push(`${where}: temporal invertido`)
      }
    }
    if (isObject(dataset["contactPoint"]) && dataset["contactPoint"]["hasEmail"] !== undefined &&
      !EMAIL.test(String(dataset["contactPoint"]["hasEmail"]))) problems.push(`${where}: contactPoint.hasEmail inválido`)
    const distributions = dataset["distribution"]
    if (!Array.isArray(distributions) || distributions.length === 0) {
      problems.push(`${where}: falta distribution`)
      continue
    }
    for (const [j, distribution] of distributions.entries()) {
      const at = `${where}.distribution[${j}]`
      if (!isObject(distribution)) {
        problems.push(`${at}: no es un objeto`)
        continue
      }
      for (const key of ["identifier", "title", "accessURL", "issued"]) if (!nonEmpty(distribution[key])) problems.push(`${at}: falta ${key}`)
      for (const key of ["accessURL", "downloadURL"]) {
        if (distribution[key] !== undefined && !URL.test(String(distribution[key]))) problems.push(`${at}: ${key} no es una URL`)
      }
      const fileName = String(distribution["fileName"] ?? "")
      const download = String(distribution["downloadURL"] ?? "")
      if (fileName !== "" && download !== "" && !download.endsWith(`/${fileName}`)) problems.push(`${at}: fileName no coincide con downloadURL`)
      if (fileName !== "" && (fileName !== fileName.toLowerCase() || /\s/u.test(fileName))) problems.push(`${at}: fileName debe ir en minúsculas y sin espacios`)
      const extension = (fileName || download).split(".").pop()?.toLowerCase() ?? ""
      // A distribution without a file (a folder of files, accessURL ending in "/") has no extension to match.
      if (distribution["format"] !== undefined && (fileName || download) !== "" && FORMAT_BY_EXTENSION[extension] !== distribution["format"]) {
        problems.push(`${at}: format ${String(distribution["format"])} no coincide con la extensión .${extension}`)
      }
      if (distribution["byteSize"] !== undefined && !(Number.isInteger(distribution["byteSize"]) && Number(distribution["byteSize"]) >= 0)) {
        problems.push(`${at}: byteSize debe ser un entero no negativo`)
      }
      for (const key of ["issued", "modified"]) {
        if (distribution[key] !== undefined && !ISO_DATE.test(String(distribution[key]))) problems.push(`${at}: ${key} no es ISO 8601`)
      }
      const fields = distribution["field"]
      if (fields !== undefined) {
        if (!Array.isArray(fields)) problems.push(`${at}: field debe ser una lista`)
        else {
          for (const field of fields) {
            if (!isObject(field) || !nonEmpty(field["title"])) problems.push(`${at}: un field sin title`)
            else {
              const title = String(field["title"])
              if (title.length > 60) problems.push(`${at}: field ${title} supera 60 caracteres`)
              if (!nonEmpty(field["type"])) problems.push(`${at}: field ${title} sin type`)
              if (!nonEmpty(field["description"])) problems.push(`${at}: field ${title} sin description`)
            }
          }
        }
      }
    }
  }
  return problems
}

const NAME = /^[a-z0-9._-]+$/u
const TABLE_TYPES = ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"]

const safePath = (path: string): boolean =>
  path.length > 0 && !path.startsWith("/") && !/^[a-z]+:/iu.test(path) && !path.split("/").includes("..") && !path.includes("\\")

/** Data Package + Tabular Data Resource rules; `files` maps each resource path (relative to the descriptor) to its content. */
export const validateDataPackage = (descriptor: unknown, files: ReadonlyMap<string, Uint8Array>, sha256: (bytes: Uint8Array) => string): string[] => {
  const problems: string[] = []
  if (!isObject(descriptor)) return ["el descriptor no es un objeto"]
  if (descriptor["name"] !== undefined && !NAME.test(String(descriptor["name"]))) problems.push("name: sólo minúsculas, dígitos, '.', '-' y '_'")
  if (descriptor["profile"] !== undefined && !["data-package", "tabular-data-package"].includes(String(descriptor["profile"])) && !URL.test(String(descriptor["profile"]))) {
    problems.push("profile desconocido")
  }
  if (Array.isArray(descriptor["licenses"])) {
    for (const license of descriptor["licenses"]) {
      if (!isObject(license) || (!nonEmpty(license["name"]) && !nonEmpty(license["path"]))) problems.push("licenses: cada licencia requiere name o path")
    }
  }
  const resources = descriptor["resources"]
  if (!Array.isArray(resources) || resources.length === 0) return [...problems, "resources: requerido y no vacío"]
  const names = new Set<string>()
  for (const [i, resource] of resources.entries()) {
    const at = `resources[${i}]`
    if (!isObject(resource)) {
      problems.push(`${at}: no es un objeto`)
      continue
    }
    const name = String(resource["name"] ?? "")
    if (!NAME.test(name)) problems.push(`${at}: name inválido`)
    if (names.has(name)) problems.push(`${at}: name repetido`)
    names.add(name)
    const path = resource["path"]
    if (typeof path !== "string" || !safePath(path)) {
      problems.push(`${at}: path debe ser relativo, POSIX y sin '..'`)
      continue
    }
    const bytes = files.get(path)
    if (!bytes) {
      problems.push(`${at}: ${path} no existe`)
      continue
    }
    if (resource["bytes"] !== bytes.length) problems.push(`${at}: bytes ${String(resource["bytes"])} ≠ ${bytes.length}`)
    if (resource["hash"] !== `sha256:${sha256(bytes)}`) problems.push(`${at}: hash no coincide`)
    const extension = path.split(".").pop()
    if (resource["format"] !== undefined && resource["format"] !== extension) problems.push(`${at}: format no coincide con la extensión`)
    if (resource["profile"] !== "tabular-data-resource") continue

    if (resource["encoding"] !== undefined && String(resource["encoding"]).toLowerCase() !== "utf-8") problems.push(`${at}: encoding debe ser utf-8`)
    const schema = resource["schema"]
    if (!isObject(schema) || !Array.isArray(schema["fields"]) || schema["fields"].length === 0) {
      problems.push(`${at}: tabular-data-resource requiere schema.fields`)
      continue
    }
    const fields = schema["fields"] as Json[]
    const fieldNames = fields.map((field) => String(field["name"] ?? ""))
    if (new Set(fieldNames).size !== fieldNames.length) problems.push(`${at}: nombres de campo repetidos`)
    for (const field of fields) {
      if (!nonEmpty(field["name"])) problems.push(`${at}: campo sin name`)
      if (field["type"] !== undefined && !TABLE_TYPES.includes(String(field["type"]))) problems.push(`${at}: tipo ${String(field["type"])} desconocido`)
    }
    const missing = Array.isArray(schema["missingValues"]) ? (schema["missingValues"] as unknown[]).map(String) : [""]
    const primaryKey = typeof schema["primaryKey"] === "string" ? [schema["primaryKey"]] : (schema["primaryKey"] as unknown[] | undefined) ?? []
    for (const key of primaryKey) if (!fieldNames.includes(String(key))) problems.push(`${at}: primaryKey ${String(key)} no es un campo`)

    // The data must follow the schema: header, types, required, primary key.
    const rows = parseCsv(new TextDecoder("utf-8", { fatal: true }).decode(bytes))
    const [header, ...data] = rows
    if (header?.join(",") !== fieldNames.join(",")) problems.push(`${at}: el encabezado no coincide con schema.fields`)
    const keys = new Set<string>()
    for (const [r, row] of data.entries()) {
      if (row.length !== fields.length) {
        problems.push(`${at}: fila ${r + 2} con ${row.length} campos`)
        continue
      }
      fields.forEach((field, c) => {
        const value = row[c]!
        const name = String(field["name"])
        const required = (isObject(field["constraints"]) && field["constraints"]["required"] === true) || primaryKey.includes(name)
        if (missing.includes(value)) {
          if (required) problems.push(`${at}: fila ${r + 2}, ${name} requerido`)
          return
        }
        if (!valueMatches(String(field["type"] ?? "string"), value)) problems.push(`${at}: fila ${r + 2}, ${name}="${value}" no es ${String(field["type"])}`)
      })
      const key = primaryKey.map((k) => row[fieldNames.indexOf(String(k))]).join("\u0000")
      if (primaryKey.length > 0) {
        if (keys.has(key)) problems.push(`${at}: primaryKey repetida en la fila ${r + 2}`)
        keys.add(key)
      }
    }
  }
  return problems
}

const valueMatches = (type: string, value: string): boolean => {
  switch (type) {
    case "integer":
      return /^-?\d+$/u.test(value)
    case "number":
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/u.test(value)
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/u.test(value) && !Number.isNaN(Date.parse(value))
    case "datetime":
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u.test(value)
    default:
      return true
  }
}

/** A strict RFC 4180 parser (CRLF records, quoted fields with doubled quotes). */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ""
  let quoted = false
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
      } else if (ch === '"') {
        quoted = false
        i++
      } else {
        field += ch
        i++
      }
    } else if (ch === '"' && field === "") {
      quoted = true
      i++
    } else if (ch === ",") {
      row.push(field)
      field = ""
      i++
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field)
      rows.push(row)
      row = []
      field = ""
      i += 2
    } else if (ch === "\n" || ch === "\r") {
      throw new Error(`fin de línea sin CRLF en la posición ${i}`)
    } else {
      field += ch
      i++
    }
  }
  if (field !== "" || row.length > 0) throw new Error("el archivo no termina en CRLF")
  return rows
}
