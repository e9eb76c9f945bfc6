import { z } from "zod"
import { AuditRecordSchema } from "../../domain/AuditRecord.ts"
import { DOCUMENT_EXTENSIONS_PUBLISHED } from "../../domain/Document.ts"
import { FAILURE_REASONS, type FailureReason } from "../../domain/IngestFailure.ts"
import { Sha256Schema, type AnalysisRequest } from "./AnalysisRequest.ts"
import { Base64Bytes, Bytes } from "./bytes.ts"

/**
 * What a document worker answers (see AnalysisRequest.ts): the audit record,
 * the public text and the gate's pass of it (with the ruling's document in its
 * input's format, when the worker produced and checked one), or a named failure. It names
 * the request it answers (id, bytes and pipeline), so that a caller can
 * ignore an answer to another document or to an earlier configuration.
 */

const FailureReasonSchema = z.enum(Object.keys(FAILURE_REASONS) as [FailureReason, ...FailureReason[]])

const outcomeSchema = <B extends z.ZodType<Uint8Array, unknown>>(bytes: B) =>
  z.discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      record: AuditRecordSchema,
      publicText: z.string(),
      /** The gate's pass of `publicText`; the caller binds it to the audit record it writes. */
      gatePass: z.object({ publicSha256: Sha256Schema, pipelineSha256: Sha256Schema, categories: z.array(z.string()).readonly() }),
      /** The anonymised document (vouchedDocument); absent, publication produces it. */
      document: z.object({ extension: z.enum(DOCUMENT_EXTENSIONS_PUBLISHED), bytes }).optional(),
    }),
    /**
     * `detail` names causes, never document text. A ruling held for review
     * keeps its audit record (with `hold`), for the private store only.
     */
    z.object({ ok: z.literal(false), reason: FailureReasonSchema, detail: z.string().optional(), held: AuditRecordSchema.optional() }),
  ])

const resultSchema = <B extends z.ZodType<Uint8Array, unknown>>(bytes: B) =>
  z.object({
    id: z.string().min(1),
    sha256: Sha256Schema,
    pipeline: Sha256Schema,
    outcome: outcomeSchema(bytes),
  })

/** The result between threads. */
export const AnalysisResultSchema = resultSchema(Bytes)
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>
export type AnalysisOutcome = AnalysisResult["outcome"]

/** The same result as JSON (a queue's return value): `z.encode(AnalysisResultJson, result)` to send, `safeParse` to read. */
export const AnalysisResultJson = resultSchema(Base64Bytes)

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
