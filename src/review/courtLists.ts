import { readFile } from "node:fs/promises"
import { join, resolve } from "node:path"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { fold } from "../detect/fold.ts"
import { LABELS, type Label } from "../domain/Label.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { csvRows } from "../ingest/csvRows.ts"
import { toCsv } from "../publish/csv.ts"
import { writeFileAtomic } from "../publish/writeFileAtomic.ts"
import { ReviewError } from "./ReviewError.ts"

/**
 * The court's lists that reviewers' decisions teach: forms always hidden
 * (a per-court hide list) and officials' names kept visible (the court's
 * roster). When the gate holds a ruling of a later batch on a form a list
 * names, the list decides it as the reviewer did, so the next batch holds
 * less. Both are CSV files (exported by `tacha revision listas`, editable,
 * named in the pipeline's `revision` section); they hold personal data and
 * belong in private folders.
 */

export interface ListedForm {
  /** Empty: every court. */
  readonly court: string
  readonly form: string
  readonly label: Label
}

export interface CourtLists {
  readonly hide: readonly ListedForm[]
  readonly officials: readonly ListedForm[]
}

export const EMPTY_LISTS: CourtLists = { hide: [], officials: [] }

export const listPaths = (outDir: string, config: PipelineConfig): { hide: string; officials: string } => ({
  hide: config.revision.listaOcultar ? resolve(config.revision.listaOcultar) : join(outDir, "private", "listas", "ocultar.csv"),
  officials: config.revision.listaFuncionarios ? resolve(config.revision.listaFuncionarios) : join(outDir, "private", "listas", "funcionarios.csv"),
})

const listError = (file: string, cause: string) => new ReviewError({ reason: "archivo_decisiones", detail: `Lista ${file}: ${cause}` })

/** One list file; a missing file is an empty list, a malformed one an error naming the line. */
const readList = async (file: string, kind: "hide" | "officials"): Promise<ListedForm[]> => {
  let text: string
  try {
    text = await readFile(file, "utf8")
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return []
    throw listError(file, `no se pudo leer (${(error as NodeJS.ErrnoException).code ?? "error"}).`)
  }
  const rows = csvRows(text)
  if ("error" in rows) throw listError(file, rows.error)
  const [header, ...body] = rows
  const columns = (header ?? []).map((name) => name.trim().toLowerCase())
  const at = (name: string) => columns.indexOf(name)
  if (at("forma") < 0) throw listError(file, "falta la columna 'forma' en el encabezado.")
  return body.flatMap((row, index) => {
    const form = (row[at("forma")] ?? "").trim()
    if (form === "") return []
    const given = kind === "hide" && at("etiqueta") >= 0 ? (row[at("etiqueta")] ?? "").trim().toUpperCase() : ""
    if (given && !(LABELS as readonly string[]).includes(given)) throw listError(file, `línea ${index + 2}: etiqueta desconocida.`)
    const label: Label = kind === "officials" ? "FUNCIONARIO" : given ? (given as Label) : "PERSONA"
    return [{ court: at("juzgado") >= 0 ? (row[at("juzgado")] ?? "").trim() : "", form, label }]
  })
}

export const loadCourtLists = (outDir: string, config: PipelineConfig): Effect.Effect<CourtLists, ReviewError> => {
  const paths = listPaths(outDir, config)
  return Effect.tryPromise({
    try: async () => ({ hide: await readList(paths.hide, "hide"), officials: await readList(paths.officials, "officials") }),
    catch: (error) => (error instanceof ReviewError ? error : listError(paths.hide, "no se pudo leer.")),
  })
}

/** What a list says of a form written in a ruling of `court`: keep it (an official), hide it with a label, or nothing. */
export const listVerdict = (lists: CourtLists, court: string | null, form: string): { action: "ocultar" | "mantener"; label: Label } | null => {
  const folded = fold(form)
  const applies = (entry: ListedForm) => (entry.court === "" || entry.court === court) && fold(entry.form) === folded
  const official = lists.officials.find(applies)
  if (official) return { action: "mantener", label: "FUNCIONARIO" }
  const hidden = lists.hide.find(applies)
  return hidden ? { action: "ocultar", label: hidden.label } : null
}

const key = (entry: ListedForm) => `${entry.court}\u0000${fold(entry.form)}`

const merge = (earlier: readonly ListedForm[], learned: readonly ListedForm[]): ListedForm[] => {
  const byKey = new Map(earlier.map((entry) => [key(entry), entry]))
  for (const entry of learned) if (!byKey.has(key(entry))) byKey.set(key(entry), entry)
  return [...byKey.values()].sort((a, b) => a.court.localeCompare(b.court) || a.form.localeCompare(b.form))
}

/**
 * What the decisions in force teach, per court: forms kept as officials go
 * to the roster; forms hidden and never kept in that court go to the hide
 * list.
 */
export const learnedLists = async (connection: DuckDBConnection): Promise<CourtLists> => {
  const rows = (await connection.runAndReadAll(
    `SELECT coalesce(s.court, '') AS court, d.action, d.label, d.surface FROM review_decisions d JOIN ruling_status s ON s.id = d.id
     WHERE NOT d.undone ORDER BY d.id, d.seq`,
  )).getRowObjectsJS().map((row) => ({ court: String(row["court"]), action: String(row["action"]), label: String(row["label"]) as Label, form: String(row["surface"]) }))
  const kept = new Set(rows.filter((row) => row.action === "mantener").map(key))
  const officials = rows.filter((row) => row.action === "mantener" && row.label === "FUNCIONARIO")
  const hide = rows.filter((row) => row.action === "ocultar" && !kept.has(key(row)))
  return { hide: merge([], hide), officials: merge([], officials.map((row) => ({ ...row, label: "FUNCIONARIO" as const }))) }
}

/** Add what the decisions teach to the list files (existing rows, edited by hand or imported, are kept). */
export const exportCourtLists = (
  outDir: string,
  config: PipelineConfig,
  learned: CourtLists,
): Effect.Effect<{ readonly hide: number; readonly officials: number; readonly paths: { hide: string; officials: string } }, ReviewError> =>
  Effect.gen(function*() {
    const current = yield* loadCourtLists(outDir, config)
    const paths = listPaths(outDir, config)
    const hide = merge(current.hide, learned.hide)
    const officials = merge(current.officials, learned.officials)
    yield* Effect.tryPromise({
      try: async () => {
        await writeFileAtomic(paths.hide, toCsv(["juzgado", "forma", "etiqueta"], hide.map((entry) => ({ juzgado: entry.court, forma: entry.form, etiqueta: entry.label }))))
        await writeFileAtomic(paths.officials, toCsv(["juzgado", "forma"], officials.map((entry) => ({ juzgado: entry.court, forma: entry.form }))))
      },
      catch: () => listError(paths.hide, "no se pudo escribir."),
    })
    return { hide: hide.length, officials: officials.length, paths }
  })
