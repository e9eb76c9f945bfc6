import { readdir, readFile, rm } from "node:fs/promises"
import { join } from "node:path"
import { Effect } from "effect"
import { FailureRecordSchema, type AuditRecord, type FailureRecord } from "../domain/AuditRecord.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { ruleDetectors } from "../detect/registry.ts"
import { heldRecordPath } from "../pipeline/processDocument.ts"
import { publishOpenData } from "../publish/publishOpenData.ts"
import { writeFileAtomic } from "../publish/writeFileAtomic.ts"
import type { IngestSummary } from "../publish/ingestBatch.ts"
import { auditEntities } from "../redact/redactText.ts"
import { loadHeld, reviewRuling } from "./heldRuling.ts"
import { activeDecisions, recordPublished } from "./reviewQueue.ts"
import { ReviewError } from "./ReviewError.ts"
import { historyOf, setStatus, statusesOf, withReviewStore } from "./reviewStore.ts"
import { countCauses } from "./reviewAction.ts"

export interface PublishSummary {
  /** Approved rulings published now. */
  readonly published: number
  /** Approved rulings the gate held again (back in the queue). */
  readonly heldAgain: number
  readonly excluded: number
  readonly store: IngestSummary
}

const failuresPath = (outDir: string) => join(outDir, "private", "failures.jsonl")

const readFailures = async (outDir: string): Promise<FailureRecord[]> => {
  const text = await readFile(failuresPath(outDir), "utf8").catch(() => "")
  return text.split("\n").flatMap((line) => {
    const parsed = line.trim() ? FailureRecordSchema.safeParse(JSON.parse(line)) : null
    return parsed?.success ? [parsed.data] : []
  })
}

/**
 * `tacha publicar`: every approved ruling is redacted and gated again with
 * its decisions; one the gate passes gets its audit record (with the
 * review's history) and its public text, and leaves the queue; one it holds
 * goes back to the queue. Then datasets, catalogue and statistics are
 * written again over everything published, and the failure list loses the
 * rulings published now.
 */
export interface ReleaseSummary {
  readonly published: number
  readonly heldAgain: number
  readonly excluded: number
  /** Source paths of the rulings published now (to drop from the failure list). */
  readonly sources: ReadonlySet<string>
}

/**
 * Every approved ruling redacted and gated again with its decisions: one the
 * gate passes gets its audit record (with the review's history) and public
 * text and leaves `private/revision/`; one it holds goes back to the queue.
 * Datasets are not written here (see `publishApproved`, or the batch).
 */
export const releaseApproved = (outDir: string, config: PipelineConfig, at: Date): Effect.Effect<ReleaseSummary, ReviewError> =>
  Effect.gen(function*() {
    const when = at.toISOString()
    const approved = yield* withReviewStore(outDir, (connection) => statusesOf(connection, "aprobada"))
    let published = 0
    let heldAgain = 0
    let excluded = 0
    const publishedSources = new Set<string>()
    for (const status of approved) {
      // An approved ruling whose record is gone (removed by hand) stays approved and is skipped.
      const held = yield* loadHeld(outDir, status.id).pipe(Effect.option)
      if (held._tag === "None") continue
      const record = held.value
      const outcome = yield* withReviewStore(outDir, async (connection) => {
        const reviewed = reviewRuling(record, await activeDecisions(connection, status.id), config)
        const base = { ...status, at: when, reviewer: null }
        if (!reviewed.policy.publishable) {
          await setStatus(connection, { ...base, status: "excluida", event: "excluida" })
          return "excluded" as const
        }
        if (reviewed.hold.length > 0) {
          await setStatus(connection, { ...base, status: "pendiente_revision", causes: countCauses(reviewed.hold), event: "retenida_de_nuevo" })
          return "held" as const
        }
        await setStatus(connection, { ...base, status: "publicada", event: "publicada" })
        const { hold: _hold, review: _review, ...rest } = record
        const audit: AuditRecord = {
          ...rest,
          entities: auditEntities(reviewed.redaction),
          review: { status: "publicada", history: await historyOf(connection, status.id) },
        }
        // The audit first, then the public text: a published text always has its audit.
        await writeFileAtomic(join(outDir, "private", "audit", `${record.id}.json`), JSON.stringify(audit, null, 2) + "\n")
        await writeFileAtomic(join(outDir, "public", "resoluciones", `${record.id}.txt`), reviewed.redaction.text)
        await rm(heldRecordPath(outDir, record.id), { force: true })
        return "published" as const
      })
      if (outcome === "published") {
        published++
        publishedSources.add(record.source)
      } else if (outcome === "held") heldAgain++
      else excluded++
    }
    return { published, heldAgain, excluded, sources: publishedSources }
  })

export const publishApproved = (outDir: string, config: PipelineConfig, at: Date): Effect.Effect<PublishSummary, ReviewError> =>
  Effect.gen(function*() {
    const { published, heldAgain, excluded, sources: publishedSources } = yield* releaseApproved(outDir, config, at)
    const failures = (yield* Effect.promise(() => readFailures(outDir))).filter((failure) => !publishedSources.has(failure.file))
    const store = yield* Effect.tryPromise({
      try: async () => {
        const audits = (await readdir(join(outDir, "private", "audit")).catch(() => [] as string[])).filter((name) => name.endsWith(".json")).length
        const summary = await publishOpenData({
          outDir,
          config,
          detectors: ruleDetectors(config),
          catalogue: config.publication.catalogue,
          run: { startedAt: at, finishedAt: at, failures, total: audits + failures.length },
        })
        if (failures.length > 0) await writeFileAtomic(failuresPath(outDir), failures.map((failure) => JSON.stringify(failure)).join("\n") + "\n")
        else await rm(failuresPath(outDir), { force: true })
        return summary
      },
      catch: (error) =>
        new ReviewError({ reason: "almacen", detail: `No se pudieron escribir los datos públicos (${error instanceof Error ? error.name : "error"}).` }),
    })
    yield* recordPublished(outDir, at.toISOString(), failures)
    return { published, heldAgain, excluded, store }
  })
