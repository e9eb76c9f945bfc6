import { z } from "zod"
import { RulingMetadataSchema } from "../../domain/AuditRecord.ts"
import { Base64Bytes, Bytes } from "./bytes.ts"

/**
 * "Analyse this document": what a document worker is asked, whether it is a
 * thread of this process (DocumentPool.ts) or a process on another machine
 * taking jobs from a Redis queue (src/queue). The caller stays the single
 * writer of the output folder; a worker only computes.
 *
 * The document comes as its bytes, or as a path under an input folder that
 * the worker sees too (a shared mount): then the worker reads it and checks
 * its SHA-256 against `sha256`, so a copy that changed is never analysed
 * under the listed document's name.
 */

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/u)

const requestSchema = <B extends z.ZodType<Uint8Array, unknown>>(bytes: B) =>
  z.object({
    /** The ruling's id (documentId.ts). */
    id: z.string().min(1),
    /** Relative to the input folder, "/" separated. */
    relative: z.string().min(1),
    /** SHA-256 of the document's bytes. */
    sha256: Sha256Schema,
    metadata: RulingMetadataSchema,
    /** Fingerprint of the pipeline configuration the caller expects (configFingerprint.ts). */
    pipeline: Sha256Schema,
    source: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("bytes"), bytes }),
      /** Relative to the worker's shared input folder, "/" separated. */
      z.object({ kind: z.literal("path"), path: z.string().min(1) }),
    ]),
  })

/** The request between threads. */
export const AnalysisRequestSchema = requestSchema(Bytes)
export type AnalysisRequest = z.infer<typeof AnalysisRequestSchema>

/** The same request as JSON: `z.encode(AnalysisRequestJson, request)` to send, `z.decode` to read. */
export const AnalysisRequestJson = requestSchema(Base64Bytes)
export type AnalysisRequestWire = z.input<typeof AnalysisRequestJson>
