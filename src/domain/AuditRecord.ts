import { z } from "zod"
import { LABELS } from "./Label.ts"
import { FORMATS } from "./Document.ts"
import { FAILURE_REASONS, type FailureReason } from "./IngestFailure.ts"

/**
 * Private records: they hold personal data and live under `private/` only.
 */

export const AuditEntitySchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  label: z.enum(LABELS),
  text: z.string(),
  score: z.number().min(0).max(1),
  detector: z.string(),
  evidence: z.string().optional(),
  entity: z.string().optional(),
  action: z.enum(["redact", "keep"]),
  replacement: z.string().nullable(),
})

export const RulingMetadataSchema = z.object({
  court: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  type: z.string().optional(),
  caseNumbers: z.array(z.string()).readonly().optional(),
  id: z.string().optional(),
})

/** A gate finding placed in the record's `text` (categories and detector failures have start = end = 0). */
export const HoldFindingSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  label: z.enum(LABELS).nullable(),
  cause: z.enum(["identificador_residual", "forma_redactada", "categoria_bloqueada", "detector_asincrono"]),
  detector: z.string().optional(),
  category: z.string().optional(),
})

/**
 * Why a ruling was not published automatically: the reason code and what
 * the gate found, placed in the analysed text so a person can review it.
 */
export const HoldSchema = z.object({
  /**
   * A failure reason (`gate_blocked`), `review_required` when the batch holds
   * every ruling for a person (`--revision todas`), or `control_calidad` for
   * a published ruling that quality control found in error, to be published
   * again corrected.
   */
  reason: z.union([z.enum(Object.keys(FAILURE_REASONS) as [FailureReason, ...FailureReason[]]), z.literal("review_required"), z.literal("control_calidad")]),
  findings: z.array(HoldFindingSchema),
})
export type Hold = z.infer<typeof HoldSchema>

/** Where OCR supplied the text (see OcrProvenance in Document.ts); absent when it all came from a text layer. */
export const OcrProvenanceSchema = z.object({
  engine: z.string(),
  pageCount: z.number().int().min(0),
  pages: z.array(z.object({
    page: z.number().int().min(1),
    confidence: z.number().min(0).max(100),
    characters: z.number().int().min(0),
  })).readonly(),
  meanConfidence: z.number().min(0).max(100),
})

export const AuditRecordSchema = z.object({
  id: z.string(),
  /** Input file path relative to the input folder, with "/" separators. */
  source: z.string(),
  format: z.enum(FORMATS),
  /** SHA-256 of the source bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The analysed text: offsets of `entities` refer to it. */
  text: z.string(),
  metadata: RulingMetadataSchema,
  /** Present when some or all of `text` was read by OCR: which pages, with what confidence. */
  ocr: OcrProvenanceSchema.optional(),
  entities: z.array(AuditEntitySchema),
  /** The pipeline that produced the record; `sha256` fingerprints its whole configuration. */
  pipeline: z.object({ name: z.string(), version: z.string(), sha256: z.string() }),
  tool: z.object({ name: z.literal("tacha"), version: z.string() }),
  /** Present when the ruling is held for review instead of published. */
  hold: HoldSchema.optional(),
  /** Present when a person reviewed the ruling: every decision and status change, with who and when. */
  review: z.object({
    status: z.string(),
    history: z.array(z.object({
      at: z.string(),
      reviewer: z.string().nullable(),
      event: z.string(),
      detail: z.record(z.string(), z.unknown()).optional(),
    })),
  }).optional(),
})
export type AuditRecord = z.infer<typeof AuditRecordSchema>

export const FailureRecordSchema = z.object({
  /** Input path relative to the input folder. */
  file: z.string(),
  reason: z.enum(Object.keys(FAILURE_REASONS) as [FailureReason, ...FailureReason[]]),
  /** Spanish description of the cause; never document content. */
  cause: z.string(),
})
export type FailureRecord = z.infer<typeof FailureRecordSchema>
