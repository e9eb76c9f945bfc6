import type { Dirent } from "node:fs"
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises"
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path"
import * as Effect from "effect/Effect"
import type { RulingMetadata } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { csvRows } from "./csvRows.ts"
import { decodeText } from "./decodeText.ts"
import { InputError } from "./InputError.ts"

/**
 * What a batch will process: every file of an input folder, or every row of
 * a manifest (.csv or .json) with the metadata it gives. Files that cannot be
 * used (missing, outside the input folder, a bad manifest row) are listed as
 * `rejected` so they are reported, never silently dropped; only an input that
 * cannot be read at all fails the listing.
 */

export interface InputFile {
  readonly kind: "file"
  readonly absolute: string
  /** Relative to the input folder (the manifest's folder for manifests), "/" separated. */
  readonly relative: string
  readonly metadata: RulingMetadata
}

export interface InputRejected {
  readonly kind: "rejected"
  readonly relative: string
  readonly reason: "missing_file" | "outside_input" | "not_a_file" | "manifest_invalid"
  /** Row number and what is wrong; never document text. */
  readonly detail?: string
}

export type InputEntry = InputFile | InputRejected

export interface InputListing {
  readonly source: "folder" | "manifest"
  /** The input folder (the manifest's folder for manifests), absolute. */
  readonly root: string
  readonly entries: readonly InputEntry[]
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code

/** Whether `child` is `parent` or inside it (both absolute, resolved). */
const isWithin = (parent: string, child: string): boolean => {
  const path = relative(parent, child)
  return path === "" || (path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path))
}

const toPosix = (path: string): string => path.split(sep).join("/")

const byRelative = (a: InputEntry, b: InputEntry): number => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)

// ---------------------------------------------------------------- folders

/**
 * Walks `root` without recursion (deep trees are fine). Hidden entries are
 * skipped; symbolic links are never followed into directories (no cycles)
 * and a link to a file counts only if it resolves inside the folder. Named
 * pipes, sockets and devices are listed as rejected (not_a_file): reading a
 * pipe could block the batch forever, and skipping it would lose it.
 */
const walkFolder = async (root: string): Promise<readonly InputEntry[]> => {
  const rootReal = await realpath(root)
  const entries: InputEntry[] = []
  const pending: string[] = [root]
  while (pending.length > 0) {
    const folder = pending.pop() as string
    let children: Dirent[]
    try {
      children = await readdir(folder, { withFileTypes: true })
    } catch (error) {
      throw new InputError({ reason: "input_unreadable", detail: `${toPosix(relative(root, folder)) || "."}: ${errorCode(error) ?? "error"}` })
    }
    for (const child of children) {
      if (child.name.startsWith(".")) continue
      const absolute = join(folder, child.name)
      const rel = toPosix(relative(root, absolute))
      if (child.isDirectory()) pending.push(absolute)
      else if (child.isFile()) entries.push({ kind: "file", absolute, relative: rel, metadata: {} })
      else if (child.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined)
        if (target === undefined) entries.push({ kind: "rejected", relative: rel, reason: "missing_file", detail: "enlace roto" })
        else if (!isWithin(rootReal, target)) entries.push({ kind: "rejected", relative: rel, reason: "outside_input", detail: "enlace simbólico" })
        else if ((await stat(target)).isFile()) entries.push({ kind: "file", absolute, relative: rel, metadata: {} })
        else if (!(await stat(target)).isDirectory()) entries.push({ kind: "rejected", relative: rel, reason: "not_a_file", detail: "enlace simbólico" })
        // A link to a folder inside the input is skipped: its files are listed under their real path.
      } else entries.push({ kind: "rejected", relative: rel, reason: "not_a_file" }) // a named pipe, socket or device: never read, never silently dropped
    }
  }
  return entries.sort(byRelative)
}

// ---------------------------------------------------------------- manifests

type ManifestRecord = Readonly<Record<string, unknown>>

const COLUMNS = {
  file: ["archivo", "file"],
  court: ["juzgado", "court"],
  date: ["fecha", "date"],
  type: ["tipo", "type"],
  id: ["id"],
} as const

const pick = (record: ManifestRecord, names: readonly string[]): unknown => {
  for (const name of names) {
    const value = record[name]
    if (value !== undefined && value !== null && value !== "") return value
  }
  return undefined
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const isIsoDate = (value: string): boolean => {
  const match = ISO_DATE.exec(value)
  if (match === null) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** Records (keys lower-cased) of a manifest, or why it is malformed as a whole. */
const manifestRecords = (source: string, format: "csv" | "json"): readonly ManifestRecord[] | InputError => {
  if (format === "json") {
    let data: unknown
    try {
      data = JSON.parse(source.startsWith("\uFEFF") ? source.slice(1) : source)
    } catch {
      return new InputError({ reason: "manifest_malformed", detail: "JSON inválido" })
    }
    if (!Array.isArray(data)) return new InputError({ reason: "manifest_malformed", detail: "se esperaba un arreglo JSON" })
    return data.map((item: unknown) =>
      typeof item === "object" && item !== null && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).map(([key, value]) => [key.trim().toLowerCase(), value]))
        : {},
    )
  }
  const rows = csvRows(source)
  if ("error" in rows) return new InputError({ reason: "manifest_malformed", detail: rows.error })
  const [header, ...data] = rows
  if (header === undefined) return new InputError({ reason: "manifest_malformed", detail: "manifiesto vacío" })
  const names = header.map((name) => name.trim().toLowerCase())
  if (!COLUMNS.file.some((name) => names.includes(name))) {
    return new InputError({ reason: "manifest_malformed", detail: "falta la columna archivo" })
  }
  return data.map((fields) =>
    fields.length > names.length
      ? { __extra: true }
      : Object.fromEntries(names.map((name, index) => [name, (fields[index] ?? "").trim()])),
  )
}

const optionalText = (value: unknown): string | undefined | null =>
  value === undefined ? undefined : typeof value === "string" ? value.trim() || undefined : typeof value === "number" ? String(value) : null

/** Checks one manifest row and the file it names. */
const manifestEntry = async (record: ManifestRecord, row: number, root: string, rootReal: string, label: string): Promise<InputEntry> => {
  const where = `${label} ${row}`
  const invalid = (relativePath: string, detail: string): InputRejected => ({ kind: "rejected", relative: relativePath, reason: "manifest_invalid", detail: `${where}: ${detail}` })
  const file = pick(record, COLUMNS.file)
  if (record.__extra === true) return invalid(`#${row}`, "más columnas que el encabezado")
  if (typeof file !== "string" || file.trim().length === 0) return invalid(`#${row}`, "falta el archivo")
  // Manifests written on Windows use backslashes.
  const written = file.trim().replaceAll("\\", "/")
  const court = optionalText(pick(record, COLUMNS.court))
  const date = optionalText(pick(record, COLUMNS.date))
  const type = optionalText(pick(record, COLUMNS.type))
  const id = optionalText(pick(record, COLUMNS.id))
  if (court === null || date === null || type === null || id === null) return invalid(written, "valor que no es texto")
  if (date !== undefined && !isIsoDate(date)) return invalid(written, "fecha no ISO (AAAA-MM-DD)")

  if (isAbsolute(written) || /^[A-Za-z]:\//.test(written)) {
    return { kind: "rejected", relative: written, reason: "outside_input", detail: `${where}: ruta absoluta` }
  }
  const absolute = resolve(root, written)
  if (!isWithin(root, absolute)) return { kind: "rejected", relative: written, reason: "outside_input", detail: where }
  const rel = toPosix(relative(root, absolute))
  // realpath resolves every link on the way, in the file name or in a folder above it.
  let real: string
  try {
    real = await realpath(absolute)
  } catch (error) {
    if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") {
      const isLink = await lstat(absolute).then((info) => info.isSymbolicLink(), () => false)
      return { kind: "rejected", relative: rel, reason: "missing_file", detail: isLink ? `${where}: enlace roto` : where }
    }
    throw error
  }
  if (!isWithin(rootReal, real)) return { kind: "rejected", relative: rel, reason: "outside_input", detail: `${where}: enlace simbólico` }
  if (!(await stat(real)).isFile()) return { kind: "rejected", relative: rel, reason: "not_a_file", detail: where }
  const metadata: RulingMetadata = {
    ...(court !== undefined ? { court } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(id !== undefined ? { id } : {}),
  }
  return { kind: "file", absolute, relative: rel, metadata }
}

const listManifest = async (manifest: string, format: "csv" | "json"): Promise<InputListing> => {
  const root = dirname(manifest)
  const rootReal = await realpath(root)
  const decoded = decodeText(new Uint8Array(await readFile(manifest)))
  if (decoded instanceof IngestFailure) throw new InputError({ reason: "manifest_malformed", detail: "contenido binario" })
  const records = manifestRecords(decoded.text, format)
  if (records instanceof InputError) throw records
  // Rows are numbered as a person counts them: CSV data rows start at 2 (after the header).
  const label = format === "csv" ? "fila" : "elemento"
  const first = format === "csv" ? 2 : 1
  const entries: InputEntry[] = []
  const seen = new Set<string>()
  for (const [index, record] of records.entries()) {
    const entry = await manifestEntry(record, index + first, root, rootReal, label)
    if (entry.kind === "file" && seen.has(entry.relative)) {
      entries.push({ kind: "rejected", relative: entry.relative, reason: "manifest_invalid", detail: `${label} ${index + first}: archivo repetido` })
      continue
    }
    if (entry.kind === "file") seen.add(entry.relative)
    entries.push(entry)
  }
  return { source: "manifest", root, entries }
}

// ---------------------------------------------------------------- entry point

const listAt = async (input: string): Promise<InputListing> => {
  const path = resolve(input)
  const info = await stat(path).catch((error: unknown) => {
    throw new InputError({ reason: errorCode(error) === "ENOENT" ? "input_not_found" : "input_unreadable", detail: basename(path) })
  })
  if (info.isDirectory()) return { source: "folder", root: path, entries: await walkFolder(path) }
  const extension = extname(path).toLowerCase()
  if (info.isFile() && (extension === ".csv" || extension === ".json")) return listManifest(path, extension === ".csv" ? "csv" : "json")
  throw new InputError({ reason: "unsupported_manifest", detail: basename(path) })
}

/** Lists a folder (recursively) or a manifest (.csv / .json). */
export const listInputs = (input: string): Effect.Effect<InputListing, InputError> =>
  Effect.tryPromise({
    try: () => listAt(input),
    catch: (error) =>
      error instanceof InputError ? error : new InputError({ reason: "input_unreadable", detail: errorCode(error) ?? "error" }),
  })
