import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import type { Span } from "../../domain/Span.ts"
import { csvRows } from "../../ingest/csvRows.ts"
import type { Detector } from "../Detector.ts"
import { findForms, formTokens, tokenize } from "../formSearch.ts"

/**
 * The officials reviewers kept visible (`revision.listaFuncionarios` in the
 * pipeline: the CSV `tacha revision listas` writes, columns `juzgado` and
 * `forma`), fed back into detection as part of the court's roster: each
 * form is an official (FUNCIONARIO) wherever it is written, so the next
 * batch keeps it visible instead of asking again. A party cue right before
 * the name still wins in the merge, as with the roster. A row's `juzgado`
 * is not used here (a detector does not know the ruling's court): an
 * official is public in their role in any court's ruling. Only full names
 * (two words or more) are used: a surname alone is too often someone else.
 */

/** The list's forms; a missing or unreadable file is an empty list (the review commands report a malformed one). */
export const readKeptOfficials = (file: string): string[] => {
  let text: string
  try {
    text = readFileSync(resolve(file), "utf8")
  } catch {
    return []
  }
  const rows = csvRows(text)
  if ("error" in rows) return []
  const [header, ...body] = rows
  const column = (header ?? []).map((name) => name.trim().toLowerCase()).indexOf("forma")
  if (column < 0) return []
  return [...new Set(body.map((row) => (row[column] ?? "").trim()).filter((form) => formTokens(form).length > 1))]
}

export const keptOfficialsDetector = (forms: readonly string[]): Detector => {
  const tokens = forms.map(formTokens)
  return {
    name: "rules/lista-funcionarios",
    labels: ["FUNCIONARIO"],
    detect: (text) =>
      findForms(tokenize(text), tokens).map((hit): Span => ({
        start: hit.start,
        end: hit.end,
        label: "FUNCIONARIO",
        score: 0.9,
        detector: "rules/lista-funcionarios",
        evidence: "lista de funcionarios de la revisión",
      })),
  }
}
