import { LABEL_INFO, LABELS } from "../domain/Label.ts"
import type { BatchSummary } from "./runBatch.ts"

const number = new Intl.NumberFormat("es-AR")

/**
 * Rulings held for review in this batch: those the gate blocked in the
 * document workers and those it blocked at publication. The same count as
 * `LEEME.md` and the per-run statistics give for the run.
 */
export const heldCount = (summary: Pick<BatchSummary, "failures" | "withheld">): number =>
  summary.failures.filter((failure) => failure.reason === "gate_blocked").length + summary.withheld.length

/**
 * The end-of-batch summary for the clerk, in Spanish. It names files and
 * causes only: no document content, no detected text.
 */
export const formatSummary = (summary: BatchSummary): string => {
  const lines: string[] = []
  const seconds = summary.elapsedMs / 1000
  lines.push("Resumen del lote")
  const processed = summary.succeeded - summary.withheld.length
  const errors = summary.failures.filter((failure) => failure.reason !== "gate_blocked").length
  lines.push(`  Documentos:  ${number.format(summary.total)} en total, ${number.format(processed)} procesados, ${number.format(errors)} con error`)
  const held = heldCount(summary)
  if (held > 0) lines.push(`  Retenidas para revisión por la verificación final: ${number.format(held)}`)
  if (summary.stopped) lines.push(`  Interrumpido: ${number.format(summary.total - summary.attempted)} documentos quedaron sin procesar`)
  if (summary.reused > 0) lines.push(`  Reanudación: ${number.format(summary.reused)} documentos ya estaban procesados y no se rehicieron`)
  if (summary.pendingReview > 0) lines.push(`  Revisión:    ${number.format(summary.pendingReview)} resoluciones esperan la revisión de una persona ('tacha revisar' o 'tacha revision listar')`)
  if (summary.control.drawn > 0) {
    lines.push(`  Control:     ${number.format(summary.control.drawn)} de ${number.format(summary.control.eligible)} publicadas automáticamente sorteadas para el control de calidad ('tacha revisar' o 'tacha revision control listar')`)
  }
  // Every analysed character counts for the pace, published or held: a batch held whole still did the work.
  lines.push(`  Tiempo:      ${seconds.toFixed(1)} s (${number.format(Math.round(summary.characters / Math.max(seconds, 0.001)))} caracteres/s)`)
  if (summary.characters > 0) {
    const publishedCharacters = summary.characters - summary.heldCharacters
    lines.push(`  Caracteres:  ${number.format(summary.characters)} analizados: ${number.format(publishedCharacters)} publicados, ${number.format(summary.heldCharacters)} retenidos o en revisión`)
  }
  const redacted = LABELS.filter((label) => (summary.redactedByLabel[label] ?? 0) > 0)
  if (redacted.length > 0) {
    lines.push("  Datos ocultados por categoría:")
    for (const label of redacted) {
      lines.push(`    ${LABEL_INFO[label].descripcion.padEnd(42)} ${number.format(summary.redactedByLabel[label] ?? 0).padStart(7)}`)
    }
  }
  const kept = LABELS.filter((label) => (summary.keptByLabel[label] ?? 0) > 0)
  for (const label of kept) {
    lines.push(`  Visibles por política: ${LABEL_INFO[label].descripcion} (${number.format(summary.keptByLabel[label] ?? 0)})`)
  }
  if (summary.failures.length > 0) {
    lines.push("  Documentos con error o retenidos:")
    for (const failure of summary.failures) lines.push(`    ${failure.file}: ${failure.cause}`)
  }
  return lines.join("\n")
}
