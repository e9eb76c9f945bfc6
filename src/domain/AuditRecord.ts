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
  entities: z.array(AuditEntitySchema),
  /** The pipeline that produced the record; `sha256` fingerprints its whole configuration. */
  pipeline: z.object({ name: z.string(), version: z.string(), sha256: z.string() }),
  tool: z.object({ name: z.literal("tacha"), version: z.string() }),
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
