import type { AuditRecord } from "../domain/AuditRecord.ts"
import { LABEL_INFO, LABELS } from "../domain/Label.ts"
import type { ReviewedRuling } from "./heldRuling.ts"
import type { StatusRow, StoredDecision } from "./reviewStore.ts"

/**
 * What the review app shows of one held ruling (JSON, Spanish keys): the
 * analysed text with every span, the gate's findings with the decisions so
 * far, and the public preview. Private: it carries the ruling's text.
 */

/** Below this score a span is marked as doubtful. */
export const LOW_SCORE = 0.7

export const rulingView = (status: StatusRow, record: AuditRecord, reviewed: ReviewedRuling, decisions: readonly StoredDecision[]) => ({
  id: record.id,
  archivo: record.source,
  juzgado: record.metadata.court ?? null,
  fecha: record.metadata.date ?? null,
  estado: status.status,
  motivo: record.hold?.reason ?? status.holdReason,
  texto: record.text,
  spans: reviewed.redaction.entities.map((entity) => ({
    inicio: entity.start,
    fin: entity.end,
    etiqueta: entity.label,
    accion: entity.action === "redact" ? "oculta" : "visible",
    reemplazo: entity.replacement,
    detector: entity.detector,
    solo_modelo: entity.detector.startsWith("ner/"),
    puntaje_bajo: entity.score < LOW_SCORE,
    revision: entity.detector === "review/person",
  })),
  hallazgos: reviewed.hold.map((finding) => ({
    inicio: finding.start,
    fin: finding.end,
    etiqueta: finding.label,
    causa: finding.cause,
    ...(finding.category ? { categoria: finding.category } : {}),
  })),
  publicable: reviewed.policy.publishable && reviewed.hold.length === 0,
  vista_previa: reviewed.redaction.text,
  decisiones: decisions.map((decision) => ({
    accion: decision.action,
    alcance: decision.scope,
    inicio: decision.start,
    fin: decision.end,
    etiqueta: decision.label,
    texto: decision.surface,
    revisor: decision.reviewer,
    fecha: decision.at,
    deshecha: decision.undone,
  })),
  etiquetas: LABELS.map((label) => ({ codigo: label, descripcion: LABEL_INFO[label].descripcion })),
})
