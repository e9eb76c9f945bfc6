import { readFileSync } from "node:fs"
import type { Span } from "../../domain/Span.ts"
import type { Detector } from "../Detector.ts"
import { escapeRegex, fold, foldKeepingOffsets } from "../fold.ts"
import { csvRows } from "../../ingest/csvRows.ts"

/**
 * The court's roster (`funcionarios` in the pipeline): a CSV of its staff
 * with the columns `apellido`, `nombres`, `cargo` and `tribunal` (header
 * required, "," or ";"). Their names are officials (FUNCIONARIO) wherever
 * they appear in full, in either order ("Ana María Suárez", "SUÁREZ, Ana
 * María", "SUAREZ Ana Maria"), with any case and accents; propagation then
 * finds the surname alone. A party cue right before the name ("el imputado
 * Juan Pérez") still wins in the merge: a namesake is not the official.
 */

export interface RosterEntry {
  readonly surname: string
  readonly givenNames: string
  readonly role: string
  readonly court: string
}

const COLUMNS = ["apellido", "nombres", "cargo", "tribunal"] as const

/** The roster's entries, or why the file cannot be used (Spanish, no content). */
export const readRoster = (file: string): readonly RosterEntry[] | { readonly error: string } => {
  let source: string
  try {
    source = readFileSync(file, "utf8")
  } catch (error) {
    return { error: `no se pudo leer el padrón de funcionarios ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})` }
  }
  const rows = csvRows(source)
  if ("error" in rows) return { error: `padrón de funcionarios ${file}: ${rows.error}` }
  const header = (rows[0] ?? []).map((cell) => fold(cell))
  const index = COLUMNS.map((column) => header.indexOf(column))
  const missing = COLUMNS.filter((_, i) => index[i] === -1)
  if (missing.length) return { error: `padrón de funcionarios ${file}: faltan las columnas ${missing.join(", ")}` }
  const entries: RosterEntry[] = []
  for (const [n, row] of rows.slice(1).entries()) {
    if (row.every((cell) => !cell.trim())) continue
    const [surname, givenNames, role, court] = index.map((i) => (row[i] ?? "").trim())
    if (!surname || !givenNames) return { error: `padrón de funcionarios ${file}: la fila ${n + 2} no tiene apellido y nombres` }
    entries.push({ surname, givenNames, role: role ?? "", court: court ?? "" })
  }
  return entries
}

/** Words of a folded name as a pattern: any whitespace between them. */
const words = (name: string): string => fold(name).split(" ").map(escapeRegex).join(String.raw`\s+`)

export const rosterDetector = (entries: readonly RosterEntry[]): Detector => {
  const forms = entries.flatMap((e) => [
    `${words(e.givenNames)}\\s+${words(e.surname)}`,
    `${words(e.surname)}\\s*,?\\s+${words(e.givenNames)}`,
  ]).sort((a, b) => b.length - a.length)
  const re = forms.length ? new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${forms.join("|")})(?![\p{L}\p{N}])`, "gu") : undefined
  return {
    name: "rules/roster",
    labels: ["FUNCIONARIO"],
    detect: (text) => {
      if (!re) return []
      const out: Span[] = []
      for (const m of foldKeepingOffsets(text).matchAll(re)) {
        out.push({ start: m.index, end: m.index + m[0].length, label: "FUNCIONARIO", score: 0.9, detector: "rules/roster", evidence: "roster" })
      }
      return out
    },
  }
}
