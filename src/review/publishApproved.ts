import { readdir, readFile } from "node:fs/promises"
import * as Effect from "effect/Effect"
import { FailureRecordSchema, type AuditRecord, type FailureRecord } from "../domain/AuditRecord.ts"
import { RuleDetectors } from "../detect/RuleDetectors.ts"
import { Pipeline } from "../pipeline/Pipeline.ts"
import { heldRecordPath } from "../pipeline/processDocument.ts"
import { publishOpenData } from "../publish/publishOpenData.ts"
import type { IngestSummary } from "../publish/ingestBatch.ts"
import { auditEntities } from "../redact/redactText.ts"
import { OutputFolder } from "../store/OutputFolder.ts"
import { loadHeld, reviewRuling } from "./heldRuling.ts"
import { activeDecisions, recordPublished } from "./reviewQueue.ts"
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

const readFailures = (path: string): Effect.Effect<FailureRecord[]> =>
  Effect.promise(async () => {
    const text = await readFile(path, "utf8").catch(() => "")
    return text.split("\n").flatMap((line) => {
      const parsed = line.trim() ? FailureRecordSchema.safeParse(JSON.parse(line)) : null
      return parsed?.success ? [parsed.data] : []
    })
  })

/** The failure list, `private/failures.jsonl`: written when there are failures, removed when there are none. */
export const writeFailures = (failures: readonly FailureRecord[]) =>
  Effect.gen(function*() {
    const folder = yield* OutputFolder
    const path = folder.privatePath("failures.jsonl")
    if (failures.length > 0) yield* folder.write(path, failures.map((failure) => JSON.stringify(failure)).join("\n") + "\n")
    else yield* folder.remove(path)
  })

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
export const releaseApproved = Effect.fn("releaseApproved")(function*(at: Date) {
  const folder = yield* OutputFolder
  const { config } = yield* Pipeline
  const { detectors } = yield* RuleDetectors
  const outDir = folder.dir
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
    const reviewed = yield* withReviewStore(outDir, async (connection) => reviewRuling(record, await activeDecisions(connection, status.id), config, detectors))
    const base = { ...status, at: when, reviewer: null }
    if (!reviewed.policy.publishable) {
      yield* withReviewStore(outDir, (connection) => setStatus(connection, { ...base, status: "excluida", event: "excluida" }))
      excluded++
      continue
    }
    if (reviewed.hold.length > 0) {
      yield* withReviewStore(outDir, (connection) =>
        setStatus(connection, { ...base, status: "pendiente_revision", causes: countCauses(reviewed.hold), event: "retenida_de_nuevo" }))
      heldAgain++
      continue
    }
    const history = yield* withReviewStore(outDir, async (connection) => {
      await setStatus(connection, { ...base, status: "publicada", event: "publicada" })
      return historyOf(connection, status.id)
    })
    const { hold: _hold, review: _review, ...rest } = record
    const audit: AuditRecord = { ...rest, entities: auditEntities(reviewed.redaction), review: { status: "publicada", history } }
    // The audit first, then the public text: a published text always has its audit.
    yield* folder.write(folder.privatePath("audit", `${record.id}.json`), JSON.stringify(audit, null, 2) + "\n")
    yield* folder.write(folder.publicPath("resoluciones", `${record.id}.txt`), reviewed.redaction.text)
    yield* folder.remove(heldRecordPath(outDir, record.id))
    published++
    publishedSources.add(record.source)
  }
  return { published, heldAgain, excluded, sources: publishedSources } satisfies ReleaseSummary
})

/**
 * `tacha publicar`: the approved rulings released (see `releaseApproved`),
 * then datasets, catalogue and statistics written again over everything
 * published, and the failure list without the rulings published now.
 */
export const publishApproved = Effect.fn("publishApproved")(function*(at: Date) {
  const folder = yield* OutputFolder
  const { published, heldAgain, excluded, sources: publishedSources } = yield* releaseApproved(at)
  const failures = (yield* readFailures(folder.privatePath("failures.jsonl"))).filter((failure) => !publishedSources.has(failure.file))
  const audits = (yield* Effect.promise(() => readdir(folder.privatePath("audit")).catch(() => [] as string[])))
    .filter((name) => name.endsWith(".json")).length
  const store = yield* publishOpenData({ run: { startedAt: at, finishedAt: at, failures, total: audits + failures.length } })
  yield* writeFailures(failures)
  yield* recordPublished(folder.dir, at.toISOString(), failures)
  return { published, heldAgain, excluded, store } satisfies PublishSummary
})
