import { createHash } from "node:crypto"
import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type { AuditRecord } from "../domain/AuditRecord.ts"
import type { RulingMetadata } from "../domain/Document.ts"
import { IngestFailure, type FailureReason } from "../domain/IngestFailure.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector } from "../detect/Detector.ts"
import { ruleDetectors } from "../detect/registry.ts"
import { extractDocument } from "../ingest/extract.ts"
import { headMetadata } from "../ingest/headMetadata.ts"
import { composeText } from "../normalise/composeText.ts"
import { vouchedDocument } from "../publish/documents/anonymisedDocument.ts"
import { publicationPolicy } from "../publish/gate.ts"
import { redactAndGate, type HoldFinding } from "../publish/redactAndGate.ts"
import { auditEntities } from "../redact/redactText.ts"
import { analyse } from "../resolve/resolve.ts"
import { configFingerprint } from "./configFingerprint.ts"
import type { AnalysisOutcome } from "./contract/AnalysisResult.ts"
import { TOOL_VERSION } from "./toolVersion.ts"

/**
 * The CPU-bound part of one document, from its bytes to the audit record, the
 * public text and the anonymised document in the input's format: extract,
 * compose, analyse, redact, gate, produce and check the document (here, where
 * the original's reading is at hand and the work is spread over the pool,
 * rather than one after another when the batch publishes). It runs inside a
 * document worker (see DocumentPool.ts) so that a document that spins or
 * allocates without bound can be stopped; it touches no file.
 */

export interface DocumentJob {
  readonly id: string
  /** Relative to the input folder, "/" separated. */
  readonly relative: string
  readonly sha256: string
  readonly metadata: RulingMetadata
  readonly bytes: Uint8Array
}

/** What the analysis answers: see the worker contract (contract/AnalysisResult.ts). */
export type DocumentOutcome = AnalysisOutcome

/** The ruling is held for review (`record.hold` says why): its record goes to the private store. */
class Held extends Data.TaggedError("Held")<{ readonly record: AuditRecord; readonly reason: FailureReason; readonly detail: string }> {}

/** "cause:LABEL" codes of the findings, for the failure list (never text). */
const gateCauses = (findings: readonly HoldFinding[]): string =>
  [...new Set(findings.map((finding) => `${finding.cause}:${finding.label ?? finding.category ?? ""}`))].join(", ")

/** Manifest metadata wins over what the head of the document suggests. */
const mergeMetadata = (fromManifest: RulingMetadata, fromFormat: RulingMetadata, fromHead: RulingMetadata): RulingMetadata => ({
  ...fromHead,
  ...fromFormat,
  ...Object.fromEntries(Object.entries(fromManifest).filter(([, value]) => value !== undefined && value !== "")),
})

const analyseEffect = (job: DocumentJob, config: PipelineConfig, extra: readonly Detector[]) =>
  Effect.gen(function*() {
    const document = yield* extractDocument(job.bytes, job.relative, { ...config.limits, ocr: config.ocr })
    const text = composeText(document)
    const metadata = mergeMetadata(job.metadata, document.metadata, headMetadata(text))
    const spans = yield* Effect.promise(() => analyse(text, config, extra))
    // Fail closed: categories the policy excludes never reach public/, and a
    // residual scan of the text about to be published holds it on any hit
    // that cannot be redacted where it stands.
    const policy = publicationPolicy(text, config)
    if (!policy.publishable) {
      return yield* new IngestFailure({ reason: "excluded_category", detail: policy.categories.join(", ") })
    }
    const { redaction, gate, hold } = redactAndGate(text, spans, policy, ruleDetectors(policy.config))
    const pipelineSha256 = configFingerprint(config)
    const record: AuditRecord = {
      id: job.id,
      source: job.relative,
      format: document.format,
      sha256: job.sha256,
      text,
      metadata: { ...metadata, id: job.id },
      ...(document.ocr ? { ocr: document.ocr } : {}),
      entities: auditEntities(redaction),
      pipeline: { name: config.name, version: config.version, sha256: pipelineSha256 },
      tool: { name: "tacha", version: TOOL_VERSION },
    }
    if (!gate.publish) {
      return yield* new Held({ record: { ...record, hold: { reason: "gate_blocked", findings: [...hold] } }, reason: "gate_blocked", detail: gateCauses(hold) })
    }
    // A scan read with too little confidence: a person compares it with the image before it is published.
    if (document.ocr !== undefined && document.ocr.meanConfidence < config.ocr.minConfidence) {
      return yield* new Held({
        record: { ...record, hold: { reason: "ocr_baja_confianza", findings: [] } },
        reason: "ocr_baja_confianza",
        detail: `confianza media ${document.ocr.meanConfidence}, mínimo ${config.ocr.minConfidence}`,
      })
    }
    const publicSha256 = createHash("sha256").update(redaction.text).digest("hex")
    const produced = yield* Effect.promise(() => vouchedDocument(job.bytes, document, record, config, ruleDetectors(config)))
    return { record, publicText: redaction.text, gatePass: { publicSha256, pipelineSha256, categories: gate.categories }, ...(produced ? { document: produced } : {}) }
  })

/**
 * Never rejects: an IngestFailure keeps its reason; anything else (a bug, a
 * parser blowing its stack) becomes `processing_error` with only the error's
 * class name, since a message could quote the document.
 */
export const analyseDocument = async (job: DocumentJob, config: PipelineConfig, extra: readonly Detector[]): Promise<DocumentOutcome> => {
  const exit = await Effect.runPromiseExit(analyseEffect(job, config, extra))
  if (Exit.isSuccess(exit)) return { ok: true, ...exit.value }
  const failure = Cause.squash(exit.cause)
  if (failure instanceof Held) return { ok: false, reason: failure.reason, detail: failure.detail, held: failure.record }
  if (failure instanceof IngestFailure) return { ok: false, reason: failure.reason, ...(failure.detail ? { detail: failure.detail } : {}) }
  return { ok: false, reason: "processing_error", detail: failure instanceof Error ? failure.name : "desconocido" }
}
