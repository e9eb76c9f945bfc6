import { z } from "zod"
import type { AuditRecord } from "../domain/AuditRecord.ts"
import { LABELS, type Label } from "../domain/Label.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { contextOf, mentionsOf, type SpanDecision } from "./decisions.ts"
import { reviewRuling } from "./heldRuling.ts"

/**
 * One reviewer action on a held ruling, as `tacha revision aplicar` reads it
 * (one JSON object a line) and the review app posts it. Errors are Spanish
 * and never quote the ruling's text.
 */
export const ReviewActionSchema = z.object({
  id: z.string().min(1).max(200),
  accion: z.enum(["ocultar", "mantener", "aprobar", "rechazar"]),
  inicio: z.number().int().min(0).optional(),
  fin: z.number().int().min(0).optional(),
  etiqueta: z.enum(LABELS).optional(),
  texto: z.string().min(1).max(500).optional(),
  revisor: z.string().trim().min(1).max(100).optional(),
  motivo: z.string().trim().min(1).max(500).optional(),
}).strict()
export type ReviewAction = z.infer<typeof ReviewActionSchema>

/** What an action does once checked against the ruling. */
export type CheckedAction =
  | { readonly kind: "span"; readonly decision: SpanDecision }
  | { readonly kind: "approve"; readonly causes: Readonly<Record<string, number>> }
  | { readonly kind: "reject"; readonly reason: string }

export type Checked = { readonly ok: true; readonly action: CheckedAction } | { readonly ok: false; readonly error: string }

/** Gate findings per cause ("forma_redactada": 2). */
export const countCauses = (findings: readonly { readonly cause: string }[]): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const finding of findings) counts[finding.cause] = (counts[finding.cause] ?? 0) + 1
  return counts
}

/** The label a mention gets when the action names none: a finding's or a span's there, else `fallback`. */
const labelAt = (record: AuditRecord, start: number, end: number, fallback: Label): Label => {
  const finding = record.hold?.findings.find((found) => found.label !== null && found.start < end && start < found.end)
  if (finding?.label) return finding.label
  return record.entities.find((entity) => entity.start < end && start < entity.end)?.label ?? fallback
}

/**
 * Check an action against the ruling and the decisions already in force.
 * `aprobar` passes only when the gate, run again with those decisions,
 * finds nothing.
 */
export const checkAction = (
  record: AuditRecord,
  decisions: readonly SpanDecision[],
  action: ReviewAction,
  config: PipelineConfig,
): Checked => {
  const fail = (error: string): Checked => ({ ok: false, error })
  switch (action.accion) {
    case "rechazar":
      return action.motivo ? { ok: true, action: { kind: "reject", reason: action.motivo } } : fail("'rechazar' necesita 'motivo'.")
    case "aprobar": {
      const reviewed = reviewRuling(record, decisions, config)
      if (!reviewed.policy.publishable) return fail("la política de publicación excluye la categoría de esta resolución; no se puede aprobar.")
      if (reviewed.hold.length > 0) {
        const causes = Object.entries(countCauses(reviewed.hold)).map(([cause, n]) => `${cause}: ${n}`).join(", ")
        return fail(`el control final todavía retiene la resolución (${causes}); decida cada hallazgo antes de aprobar.`)
      }
      return { ok: true, action: { kind: "approve", causes: countCauses(record.hold?.findings ?? []) } }
    }
    case "ocultar":
    case "mantener": {
      const fallback: Label = action.accion === "ocultar" ? "PERSONA" : "FUNCIONARIO"
      const text = record.text
      if (action.inicio !== undefined || action.fin !== undefined) {
        const { inicio, fin } = action
        if (inicio === undefined || fin === undefined) return fail("'inicio' y 'fin' van juntos.")
        if (fin <= inicio || fin > text.length) return fail(`posiciones fuera del texto (debe ser 0 ≤ inicio < fin ≤ ${text.length}).`)
        const surface = text.slice(inicio, fin)
        if (action.texto !== undefined && action.texto !== surface) return fail("'texto' no coincide con el texto entre 'inicio' y 'fin'.")
        if (surface.trim().length === 0) return fail("la mención elegida está en blanco.")
        return {
          ok: true,
          action: {
            kind: "span",
            decision: {
              action: action.accion,
              scope: "mencion",
              start: inicio,
              end: fin,
              label: action.etiqueta ?? labelAt(record, inicio, fin, fallback),
              surface,
              ...contextOf(text, inicio, fin),
            },
          },
        }
      }
      if (action.texto === undefined) return fail(`'${action.accion}' necesita 'inicio' y 'fin', o 'texto' (todas sus menciones).`)
      const mentions = mentionsOf(text, action.texto)
      const first = mentions[0]
      if (!first) return fail("'texto' no aparece en la resolución.")
      return {
        ok: true,
        action: {
          kind: "span",
          decision: {
            action: action.accion,
            scope: "forma",
            start: first.start,
            end: first.end,
            label: action.etiqueta ?? labelAt(record, first.start, first.end, fallback),
            surface: action.texto,
            ...contextOf(text, first.start, first.end),
          },
        },
      }
    }
  }
}
