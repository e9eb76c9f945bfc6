import { z } from "zod"
import { AuditRecordSchema } from "../../domain/AuditRecord.ts"
import { FAILURE_REASONS, type FailureReason } from "../../domain/IngestFailure.ts"
import { Sha256Schema, type AnalysisRequest } from "./AnalysisRequest.ts"

/**
 * What a document worker answers (see AnalysisRequest.ts): the audit record,
 * the public text and the gate's pass of it, or a named failure. It names
 * the request it answers (id, bytes and pipeline), so that a caller can
 * ignore an answer to another document or to an earlier configuration.
 */

const FailureReasonSchema = z.enum(Object.keys(FAILURE_REASONS) as [FailureReason, ...FailureReason[]])

export const AnalysisOutcomeSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    record: AuditRecordSchema,
    publicText: z.string(),
    /** The gate's pass of `publicText`; the caller binds it to the audit record it writes. */
    gatePass: z.object({ publicSha256: Sha256Schema, pipelineSha256: Sha256Schema, categories: z.array(z.string()).readonly() }),
  }),
  /**
   * `detail` names causes, never document text. A ruling held for review
   * keeps its audit record (with `hold`), for the private store only.
   */
  z.object({ ok: z.literal(false), reason: FailureReasonSchema, detail: z.string().optional(), held: AuditRecordSchema.optional() }),
])
export type AnalysisOutcome = z.infer<typeof AnalysisOutcomeSchema>

export const AnalysisResultSchema = z.object({
  id: z.string().min(1),
  sha256: Sha256Schema,
  pipeline: Sha256Schema,
  outcome: AnalysisOutcomeSchema,
})
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>

/** The answer to `request`. */
export const resultFor = (request: Pick<AnalysisRequest, "id" | "sha256" | "pipeline">, outcome: AnalysisOutcome): AnalysisResult => ({
  id: request.id,
  sha256: request.sha256,
  pipeline: request.pipeline,
  outcome,
})

/** Whether `result` answers `request`: same document, same bytes, same pipeline. */
export const answers = (result: AnalysisResult, request: Pick<AnalysisRequest, "id" | "sha256" | "pipeline">): boolean =>
  result.id === request.id && result.sha256 === request.sha256 && result.pipeline === request.pipeline
