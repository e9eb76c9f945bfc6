import { existsSync } from "node:fs"
import { access, readFile, rm } from "node:fs/promises"
import { createHash } from "node:crypto"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { AuditRecordSchema, type AuditRecord } from "../domain/AuditRecord.ts"
import type { RulingMetadata } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { GatePass } from "../publish/gatePass.ts"
import { originalPath, writeVouchedDocument } from "../publish/documents/publishDocuments.ts"
import { writeFileAtomic } from "../publish/writeFileAtomic.ts"
import { configFingerprint } from "./configFingerprint.ts"
import { Analyser } from "./Analyser.ts"
import { documentId } from "./documentId.ts"
import { readDocumentBytes } from "./readDocumentBytes.ts"
import { TOOL_VERSION } from "./toolVersion.ts"


/** Where the record of a ruling held for review lives (private, never published). */
export const heldRecordPath = (outDir: string, id: string): string => join(outDir, "private", "revision", `${id}.json`)

export interface DocumentInput {
  readonly absolute: string
  /** Relative to the input folder, "/" separated. */
  readonly relative: string
  readonly metadata: RulingMetadata
}

export interface ProcessedDocument {
  readonly record: AuditRecord
  /** True when an earlier run already produced this exact output (resume). */
  readonly reused: boolean
  /** The gate's pass of the files written now; none for reused outputs, which publication gates again. */
  readonly gatePass?: GatePass
  /** Held for a person's approval (`--revision todas`): its record is under private/revision, nothing published. */
  readonly pending?: boolean
}

/**
 * The record an earlier run left for the same bytes under the same pipeline
 * and tool, when its public text is in place too; otherwise null.
 */
const earlierRecord = async (outDir: string, id: string, sha256: string, config: PipelineConfig): Promise<AuditRecord | null> => {
  const path = join(outDir, "private", "audit", `${id}.json`)
  // Most documents of a batch are new: a failed open costs far more (an error built and thrown) than this look.
  if (!existsSync(path)) return null
  try {
    const record = AuditRecordSchema.parse(JSON.parse(await readFile(path, "utf8")))
    if (record.sha256 !== sha256 || record.pipeline.sha256 !== configFingerprint(config) || record.tool.version !== TOOL_VERSION) return null
    await access(join(outDir, "public", "resoluciones", `${id}.txt`))
    return record
  } catch {
    return null
  }
}

/**
 * One document from source file to private audit and public text. The bytes
 * are read and the resume check made here; the CPU-bound work runs in a
 * document worker under the pipeline's time and memory limits (see
 * DocumentPool.ts). Nothing is written until the whole analysis succeeded;
 * the audit is written before the public text so a published text always has
 * its audit.
 */
export const processDocument = Effect.fn("processDocument")(function*(
  input: DocumentInput,
  outDir: string,
  config: PipelineConfig,
  /** Hold every ruling for a person's approval instead of publishing what the gate passes. */
  reviewAll = false,
) {
  const analyser = yield* Analyser
  const bytes = yield* readDocumentBytes(input.absolute, config.limits)
  const id = documentId(input.relative, input.metadata.id)
  const sha256 = createHash("sha256").update(bytes).digest("hex")
  const earlier = yield* Effect.promise(() => earlierRecord(outDir, id, sha256, config))
  // Publication builds the ruling's document from these exact bytes (see publishDocuments).
  const original = originalPath(outDir, id, input.relative)
  const keepOriginal = (always: boolean) =>
    Effect.promise(async () => {
      if (original !== undefined && (always || !(await access(original).then(() => true, () => false)))) await writeFileAtomic(original, bytes)
    })
  if (earlier) {
    yield* keepOriginal(false)
    return { record: earlier, reused: true } satisfies ProcessedDocument
  }
  const outcome = yield* analyser.process({ id, relative: input.relative, sha256, metadata: input.metadata, pipeline: configFingerprint(config), source: { kind: "bytes", bytes } })
  if (!outcome.ok) {
    // A held ruling keeps its record and the gate's findings for review, apart from the published ones.
    const held = outcome.held
    if (held) yield* Effect.promise(() => writeFileAtomic(heldRecordPath(outDir, id), JSON.stringify(held, null, 2) + "\n"))
    return yield* new IngestFailure({ reason: outcome.reason, ...(outcome.detail ? { detail: outcome.detail } : {}), ...(held ? { characters: held.text.length } : {}) })
  }
  if (reviewAll) {
    const held: AuditRecord = { ...outcome.record, hold: { reason: "review_required", findings: [] } }
    yield* Effect.promise(() => writeFileAtomic(heldRecordPath(outDir, id), JSON.stringify(held, null, 2) + "\n"))
    return { record: held, reused: false, pending: true } satisfies ProcessedDocument
  }
  const { record, publicText, document } = outcome
  const audit = JSON.stringify(record, null, 2) + "\n"
  const auditSha256 = createHash("sha256").update(audit).digest("hex")
  yield* keepOriginal(true)
  yield* Effect.promise(async () => {
    await writeFileAtomic(join(outDir, "private", "audit", `${id}.json`), audit)
    await writeFileAtomic(join(outDir, "public", "resoluciones", `${id}.txt`), publicText)
    if (document) await writeVouchedDocument(outDir, id, document, auditSha256, outcome.gatePass.pipelineSha256)
    // Rarely there: looked up first, as a failed removal costs an error built and thrown.
    const held = heldRecordPath(outDir, id)
    if (existsSync(held)) await rm(held, { force: true })
  })
  const gatePass: GatePass = { ...outcome.gatePass, auditSha256 }
  return { record, reused: false, gatePass } satisfies ProcessedDocument
})
