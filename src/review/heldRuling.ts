import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { AuditRecordSchema, type AuditRecord } from "../domain/AuditRecord.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector, ResolvedSpan } from "../detect/Detector.ts"
import { ruleDetectors } from "../detect/registry.ts"
import { heldRecordPath } from "../pipeline/processDocument.ts"
import { publicationPolicy, type PublicationPolicy } from "../publish/gate.ts"
import { redactAndGate, type RedactedAndGated } from "../publish/redactAndGate.ts"
import { applyDecisions, type SpanDecision } from "./decisions.ts"
import { ReviewError } from "./ReviewError.ts"

/** The folder of held rulings' records: `private/revision/`. */
export const revisionDir = (outDir: string): string => join(outDir, "private", "revision")

/** A held ruling's record (`private/revision/<id>.json`). */
export const loadHeld = (outDir: string, id: string): Effect.Effect<AuditRecord, ReviewError> =>
  Effect.tryPromise({
    try: async () => AuditRecordSchema.parse(JSON.parse(await readFile(heldRecordPath(outDir, id), "utf8"))),
    catch: (error) =>
      new ReviewError({
        reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? "no_encontrada" : "registro_ilegible",
        detail: (error as NodeJS.ErrnoException).code === "ENOENT"
          ? `No hay registro de revisión para la resolución ${id} en ${heldRecordPath(outDir, id)}.`
          : `El registro de revisión ${heldRecordPath(outDir, id)} no se puede leer o no sigue el esquema.`,
      }),
  })

/** Ids of every record under `private/revision/`. */
export const heldIds = (outDir: string): Effect.Effect<string[]> =>
  Effect.promise(async () =>
    (await readdir(revisionDir(outDir)).catch(() => [] as string[]))
      .filter((name) => name.endsWith(".json") && !name.startsWith("."))
      .map((name) => name.slice(0, -".json".length))
      .sort()
  )

/** The record's entities as the resolved spans they were redacted from. */
export const recordSpans = (record: AuditRecord): ResolvedSpan[] =>
  record.entities.map((entity) => ({
    start: entity.start,
    end: entity.end,
    label: entity.label,
    score: entity.score,
    detector: entity.detector,
    ...(entity.evidence ? { evidence: entity.evidence } : {}),
    ...(entity.entity ? { entity: entity.entity } : {}),
    action: entity.action,
  }))

export interface ReviewedRuling extends RedactedAndGated {
  readonly policy: PublicationPolicy
  /** The spans after the person's decisions, before closure and healing. */
  readonly spans: readonly ResolvedSpan[]
}

/**
 * A held ruling as a person's decisions leave it: the record's spans with
 * the decisions applied, redacted and gated again as publication would
 * (policy, closure, redaction, gate, healing). Empty `hold`: it may be published.
 * `detectors`: the command's RuleDetectors when it has them (the same list
 * `ruleDetectors(config)` builds, once per configuration).
 */
export const reviewRuling = (
  record: AuditRecord,
  decisions: readonly SpanDecision[],
  config: PipelineConfig,
  detectors: readonly Detector[] = ruleDetectors(config),
): ReviewedRuling => {
  const policy = publicationPolicy(record.text, config)
  const spans = applyDecisions(record.text, recordSpans(record), decisions)
  return { policy, spans, ...redactAndGate(record.text, spans, policy, detectors) }
}

