import { access, readFile, stat } from "node:fs/promises"
import { createHash } from "node:crypto"
import { join } from "node:path"
import { Effect } from "effect"
import { AuditRecordSchema, type AuditRecord } from "../domain/AuditRecord.ts"
import type { RulingMetadata } from "../domain/Document.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { extractDocument } from "../ingest/extract.ts"
import { headMetadata } from "../ingest/headMetadata.ts"
import { composeText } from "../normalise/composeText.ts"
import { redactText } from "../redact/redactText.ts"
import { ruleDetectors } from "../detect/registry.ts"
import { gatePublication, hardenSpans, publicationPolicy } from "../publish/gate.ts"
import { writeFileAtomic } from "../publish/writeFileAtomic.ts"
import { Analyser } from "./Analyser.ts"
import { documentId } from "./documentId.ts"
import { TOOL_VERSION } from "./toolVersion.ts"

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
}

/** Fingerprint of a whole pipeline configuration: a change invalidates earlier outputs. */
export const configFingerprint = (config: PipelineConfig): string =>
  createHash("sha256").update(JSON.stringify(config)).digest("hex")

/**
 * The record an earlier run left for the same bytes under the same pipeline
 * and tool, when its public text is in place too; otherwise null.
 */
const earlierRecord = async (outDir: string, id: string, sha256: string, config: PipelineConfig): Promise<AuditRecord | null> => {
  try {
    const record = AuditRecordSchema.parse(JSON.parse(await readFile(join(outDir, "private", "audit", `${id}.json`), "utf8")))
    if (record.sha256 !== sha256 || record.pipeline.sha256 !== configFingerprint(config) || record.tool.version !== TOOL_VERSION) return null
    await access(join(outDir, "public", "resoluciones", `${id}.txt`))
    return record
  } catch {
    return null
  }
}

const readBytes = (input: DocumentInput, limits: PipelineConfig["limits"]) =>
  Effect.tryPromise({
    try: async () => {
      // Size first: a huge file is refused before it is read into memory.
      const info = await stat(input.absolute)
      if (info.size > limits.maxFileBytes) return { tooLarge: true as const }
      return { tooLarge: false as const, bytes: new Uint8Array(await readFile(input.absolute)) }
    },
    catch: (error) =>
      new IngestFailure({
        reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing_file" : "processing_error",
        detail: (error as NodeJS.ErrnoException).code,
      }),
  }).pipe(
    Effect.flatMap((read) =>
      read.tooLarge ? Effect.fail(new IngestFailure({ reason: "too_large" })) : Effect.succeed(read.bytes)
    ),
  )

/** Manifest metadata wins over what the head of the document suggests. */
const mergeMetadata = (fromManifest: RulingMetadata, fromFormat: RulingMetadata, fromHead: RulingMetadata): RulingMetadata => ({
  ...fromHead,
  ...fromFormat,
  ...Object.fromEntries(Object.entries(fromManifest).filter(([, value]) => value !== undefined && value !== "")),
})

/**
 * One document from source file to private audit and public text. Nothing is
 * written until the whole analysis succeeded; the audit is written before the
 * public text so a published text always has its audit.
 */
export const processDocument = Effect.fn("processDocument")(function*(
  input: DocumentInput,
  outDir: string,
  config: PipelineConfig,
) {
  const analyser = yield* Analyser
  const bytes = yield* readBytes(input, config.limits)
  const id = documentId(input.relative, input.metadata.id)
  const sha256 = createHash("sha256").update(bytes).digest("hex")
  const earlier = yield* Effect.promise(() => earlierRecord(outDir, id, sha256, config))
  if (earlier) return { record: earlier, reused: true } satisfies ProcessedDocument
  const document = yield* extractDocument(bytes, input.relative, config.limits)
  const text = composeText(document)
  const metadata = mergeMetadata(input.metadata, document.metadata, headMetadata(text))
  const spans = yield* analyser.analyse(text)
  // Fail closed: categories the policy excludes never reach public/, and a
  // residual scan of the text about to be published blocks it on any hit.
  const policy = publicationPolicy(text, config)
  if (!policy.publishable) {
    return yield* new IngestFailure({ reason: "excluded_category", detail: policy.categories.join(", ") })
  }
  const redaction = redactText(text, hardenSpans(spans, policy), policy.config)
  const gate = gatePublication(redaction.text, redaction, policy.config, ruleDetectors(policy.config))
  if (!gate.publish) {
    return yield* new IngestFailure({ reason: "gate_blocked", detail: [...new Set(gate.findings.map((finding) => `${finding.cause}:${finding.label}`))].join(", ") })
  }
  const record: AuditRecord = {
    id,
    source: input.relative,
    format: document.format,
    sha256,
    text,
    metadata: { ...metadata, id },
    entities: redaction.entities.map((entity) => ({
      start: entity.start,
      end: entity.end,
      label: entity.label,
      text: entity.text,
      score: entity.score,
      detector: entity.detector,
      ...(entity.evidence ? { evidence: entity.evidence } : {}),
      ...(entity.entity ? { entity: entity.entity } : {}),
      action: entity.action,
      replacement: entity.replacement,
    })),
    pipeline: { name: config.name, version: config.version, sha256: configFingerprint(config) },
    tool: { name: "tacha", version: TOOL_VERSION },
  }
  yield* Effect.promise(async () => {
    await writeFileAtomic(join(outDir, "private", "audit", `${id}.json`), JSON.stringify(record, null, 2) + "\n")
    await writeFileAtomic(join(outDir, "public", "resoluciones", `${id}.txt`), redaction.text)
  })
  return { record, reused: false } satisfies ProcessedDocument
}, (effect, _input, _outDir, config) =>
  effect.pipe(
    Effect.timeoutOrElse({
      duration: config.limits.timeoutMs,
      orElse: () => Effect.fail(new IngestFailure({ reason: "timeout" })),
    }),
  ))
