import { readFile } from "node:fs/promises"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { AuditRecordSchema, type AuditRecord, type FailureRecord } from "../domain/AuditRecord.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { documentId } from "../pipeline/documentId.ts"
import { heldRecordPath } from "../pipeline/processDocument.ts"
import { contextOf, relocate, type SpanDecision } from "./decisions.ts"
import { listVerdict, loadCourtLists, type CourtLists } from "./courtLists.ts"
import { heldIds, reviewRuling } from "./heldRuling.ts"
import { checkAction, countCauses, type CheckedAction, type ReviewAction } from "./reviewAction.ts"
import { ReviewError } from "./ReviewError.ts"
import {
  addDecision,
  decisionsOf,
  replaceDecisions,
  setStatus,
  statusesOf,
  statusOf,
  undoLastDecision,
  withReviewStore,
  type StatusRow,
} from "./reviewStore.ts"

/**
 * The review queue: which held rulings wait for a person, what they decided,
 * and what a new run of the same batch remembers of it.
 */

const readHeld = async (outDir: string, id: string): Promise<AuditRecord | null> => {
  try {
    return AuditRecordSchema.parse(JSON.parse(await readFile(heldRecordPath(outDir, id), "utf8")))
  } catch {
    return null
  }
}

/** Decisions in force (not undone) on a ruling. */
export const activeDecisions = async (connection: DuckDBConnection, id: string): Promise<SpanDecision[]> =>
  (await decisionsOf(connection, id)).filter((decision) => !decision.undone)

export interface QueueSummary {
  /** Rulings waiting for a person after this run. */
  readonly pending: number
  /** Held again with the same content, already decided: not asked again. */
  readonly remembered: number
  /** New versions of reviewed rulings, with the decisions that still apply carried over. */
  readonly carried: number
  /** Held by the gate only on forms the court's lists decide: approved without asking. */
  readonly decidedByLists: number
  /** Approved rulings not yet published (by a person or the lists). */
  readonly approved: number
}

/** Who the court's lists decide as, in a ruling's history. */
export const LIST_REVIEWER = "listas del juzgado"

/**
 * Decide the findings the court's lists name, as reviewers did before
 * (stored as decisions by LIST_REVIEWER); true when nothing is left to ask.
 */
const decideByLists = async (
  connection: DuckDBConnection,
  record: AuditRecord,
  lists: CourtLists,
  config: PipelineConfig,
  at: string,
): Promise<boolean> => {
  if (lists.hide.length === 0 && lists.officials.length === 0) return false
  const decisions = await activeDecisions(connection, record.id)
  const findings = reviewRuling(record, decisions, config).hold
  const added: SpanDecision[] = []
  for (const finding of findings) {
    if (finding.end <= finding.start) return false
    const surface = record.text.slice(finding.start, finding.end)
    const verdict = listVerdict(lists, record.metadata.court ?? null, surface)
    if (!verdict) return false
    added.push({ action: verdict.action, scope: "mencion", start: finding.start, end: finding.end, label: verdict.label, surface, ...contextOf(record.text, finding.start, finding.end) })
  }
  if (added.length === 0 || reviewRuling(record, [...decisions, ...added], config).hold.length > 0) return false
  for (const decision of added) await addDecision(connection, record.id, record.sha256, decision, LIST_REVIEWER, at)
  return true
}

/**
 * After a run: every record under `private/revision/` enters the queue as
 * `pendiente_revision`, unless the same content (source sha256) was already
 * decided (approved or rejected: not asked again). A new version of a
 * reviewed ruling keeps the decisions that still apply (same text in the
 * same context, or a form still written) and waits for a person again.
 */
export const queueHeld = (outDir: string, at: string, config: PipelineConfig): Effect.Effect<QueueSummary, ReviewError> =>
  Effect.gen(function*() {
    const ids = yield* heldIds(outDir)
    // Approved rulings keep their record under private/revision until published: no record, nothing to do.
    if (ids.length === 0) return { pending: 0, remembered: 0, carried: 0, decidedByLists: 0, approved: 0 }
    const lists = yield* loadCourtLists(outDir, config)
    return yield* withReviewStore(outDir, async (connection) => {
      let pending = 0
      let remembered = 0
      let carried = 0
      let decidedByLists = 0
      for (const id of ids) {
        const record = await readHeld(outDir, id)
        if (!record) continue
        const prior = await statusOf(connection, id)
        const causes = countCauses(record.hold?.findings ?? [])
        const base = { id, source: record.source, sha256: record.sha256, court: record.metadata.court ?? null, at, reviewer: null }
        if (prior && prior.sha256 === record.sha256 && prior.status !== "publicada" && prior.status !== "excluida") {
          if (prior.status === "pendiente_revision") pending++
          else remembered++
          continue
        }
        const hold = { holdReason: record.hold?.reason ?? "gate_blocked", causes }
        if (prior && prior.sha256 !== record.sha256) {
          const earlier = await activeDecisionsStored(connection, id)
          const kept = earlier.flatMap((decision) => {
            const placed = relocate(decision, record.text)
            return placed ? [{ ...decision, ...placed }] : []
          })
          await replaceDecisions(connection, id, record.sha256, kept)
          await setStatus(connection, {
            ...base,
            ...hold,
            status: "pendiente_revision",
            event: "nueva_version",
            detail: { decisiones_conservadas: kept.length, decisiones_descartadas: earlier.length - kept.length },
          })
          carried++
        } else {
          await setStatus(connection, { ...base, ...hold, status: "pendiente_revision", event: "retenida" })
        }
        if (record.hold?.reason === "gate_blocked" && await decideByLists(connection, record, lists, config, at)) {
          await setStatus(connection, { ...base, ...hold, reviewer: LIST_REVIEWER, status: "aprobada", event: "decidida_por_listas" })
          decidedByLists++
          continue
        }
        pending++
      }
      const approved = (await statusesOf(connection, "aprobada")).length
      return { pending, remembered, carried, decidedByLists, approved }
    })
  })

const activeDecisionsStored = async (connection: DuckDBConnection, id: string) =>
  (await decisionsOf(connection, id)).filter((decision) => !decision.undone)

/**
 * After publication: every published ruling's status is `publicada` (a
 * change is recorded in its history), and rulings the policy excludes are
 * `excluida`. Set-based: one statement whatever the batch's size.
 */
export const recordPublished = (outDir: string, at: string, failures: readonly FailureRecord[]): Effect.Effect<void, ReviewError> =>
  withReviewStore(outDir, async (connection) => {
    const changed = `FROM rulings r LEFT JOIN ruling_status s ON s.id = r.id
      WHERE r.published AND (s.id IS NULL OR s.status <> 'publicada' OR s.sha256 IS DISTINCT FROM r.sha256)`
    await connection.run("BEGIN TRANSACTION")
    await connection.run(
      `INSERT INTO ruling_history SELECT r.id, coalesce((SELECT max(h.seq) FROM ruling_history h WHERE h.id = r.id), 0) + 1,
         $1::TIMESTAMP, NULL, 'publicada', NULL ${changed}`,
      [at],
    )
    await connection.run(`INSERT OR REPLACE INTO ruling_status SELECT r.id, r.source, r.sha256, r.court, 'publicada', NULL, NULL, NULL, $1::TIMESTAMP ${changed}`, [at])
    for (const failure of failures) {
      if (failure.reason !== "excluded_category") continue
      const id = documentId(failure.file)
      const prior = await statusOf(connection, id)
      if (prior?.status === "excluida") continue
      await setStatus(connection, { id, source: failure.file, sha256: null, court: null, status: "excluida", at, reviewer: null })
    }
    await connection.run("COMMIT")
  })

export interface PendingRuling {
  readonly status: StatusRow
  readonly record: AuditRecord
  /** The gate's findings with the decisions made so far. */
  readonly findings: ReturnType<typeof reviewRuling>["hold"]
}

/** Rulings waiting for a person, with what the gate still finds in each. */
export const pendingRulings = (outDir: string, config: PipelineConfig): Effect.Effect<PendingRuling[], ReviewError> =>
  withReviewStore(outDir, async (connection) => {
    const pending: PendingRuling[] = []
    for (const status of await statusesOf(connection, "pendiente_revision")) {
      const record = await readHeld(outDir, status.id)
      if (!record) continue
      const reviewed = reviewRuling(record, await activeDecisions(connection, status.id), config)
      pending.push({ status, record, findings: reviewed.hold })
    }
    return pending
  })

/** An action with where it came from (a line of a decisions file, or the app). */
export interface SourcedAction {
  readonly line: number
  readonly action: ReviewAction
}

const invalid = (errors: readonly string[]) =>
  new ReviewError({ reason: "decision_invalida", detail: `No se aplicó ninguna decisión:\n  - ${errors.join("\n  - ")}` })

/**
 * Apply actions, all or nothing: each is checked against the ruling as the
 * actions before it leave it (in memory); only when every one is valid are
 * they written, in one transaction. Approving needs the gate to pass;
 * a decision on an approved ruling sends it back to the queue.
 */
export const applyActions = (
  outDir: string,
  config: PipelineConfig,
  actions: readonly SourcedAction[],
  reviewer: string,
  at: string,
): Effect.Effect<{ readonly applied: number; readonly approved: number; readonly rejected: number }, ReviewError> =>
  withReviewStore(outDir, async (connection) => {
    const errors: string[] = []
    const state = new Map<string, { status: StatusRow; record: AuditRecord; decisions: SpanDecision[] }>()
    const checked: { id: string; action: CheckedAction; reviewer: string }[] = []
    for (const { line, action } of actions) {
      const where = `línea ${line} (${action.id})`
      let current = state.get(action.id)
      if (!current) {
        const status = await statusOf(connection, action.id)
        if (!status) {
          errors.push(`${where}: no hay ninguna resolución retenida con ese id.`)
          continue
        }
        const record = await readHeld(outDir, action.id)
        if (!record) {
          errors.push(`${where}: falta o no se puede leer su registro de revisión (private/revision/${action.id}.json).`)
          continue
        }
        current = { status, record, decisions: await activeDecisions(connection, action.id) }
        state.set(action.id, current)
      }
      if (current.status.status !== "pendiente_revision" && current.status.status !== "aprobada") {
        errors.push(`${where}: la resolución está '${current.status.status}', no pendiente de revisión.`)
        continue
      }
      const result = checkAction(current.record, current.decisions, action, config)
      if (!result.ok) {
        errors.push(`${where}: ${result.error}`)
        continue
      }
      if (result.action.kind === "span") current.decisions.push(result.action.decision)
      current.status = { ...current.status, status: result.action.kind === "approve" ? "aprobada" : result.action.kind === "reject" ? "rechazada" : "pendiente_revision" }
      checked.push({ id: action.id, action: result.action, reviewer: action.revisor ?? reviewer })
    }
    if (errors.length > 0) throw invalid(errors)
    await connection.run("BEGIN TRANSACTION")
    try {
      for (const { id, action, reviewer: by } of checked) await writeAction(connection, state.get(id)!, id, action, by, at)
      await connection.run("COMMIT")
    } catch (error) {
      await connection.run("ROLLBACK")
      throw error
    }
    return {
      applied: checked.length,
      approved: checked.filter(({ action }) => action.kind === "approve").length,
      rejected: checked.filter(({ action }) => action.kind === "reject").length,
    }
  })

const writeAction = async (
  connection: DuckDBConnection,
  current: { status: StatusRow; record: AuditRecord },
  id: string,
  action: CheckedAction,
  reviewer: string,
  at: string,
): Promise<void> => {
  const base = {
    id,
    source: current.record.source,
    sha256: current.record.sha256,
    court: current.record.metadata.court ?? null,
    holdReason: current.record.hold?.reason ?? null,
    causes: countCauses(current.record.hold?.findings ?? []),
    at,
    reviewer,
  }
  if (action.kind === "span") {
    const { decision } = action
    await addDecision(connection, id, current.record.sha256, decision, reviewer, at)
    await setStatus(connection, {
      ...base,
      status: "pendiente_revision",
      event: decision.action,
      detail: { alcance: decision.scope, inicio: decision.start, fin: decision.end, etiqueta: decision.label, texto: decision.surface },
    })
  } else if (action.kind === "approve") {
    await setStatus(connection, { ...base, status: "aprobada", event: "aprobada" })
  } else {
    await setStatus(connection, { ...base, status: "rechazada", rejectReason: action.reason, event: "rechazada", detail: { motivo: action.reason } })
  }
}

/** Undo a ruling's latest decision in force (the review app's "deshacer"). */
export const undoDecision = (outDir: string, id: string, reviewer: string, at: string): Effect.Effect<boolean, ReviewError> =>
  withReviewStore(outDir, async (connection) => {
    const status = await statusOf(connection, id)
    if (!status || (status.status !== "pendiente_revision" && status.status !== "aprobada")) return false
    const undone = await undoLastDecision(connection, id)
    if (undone) await setStatus(connection, { ...status, status: "pendiente_revision", at, reviewer, event: "deshacer" })
    return undone
  })

export interface QueueState {
  readonly pending: readonly StatusRow[]
  /** Rulings a person approved or rejected (whatever happened to them since). */
  readonly done: number
}

/** The queue as the review app shows it: pending rulings and how many were decided. */
export const queueState = (outDir: string): Effect.Effect<QueueState, ReviewError> =>
  withReviewStore(outDir, async (connection) => {
    const pending = await statusesOf(connection, "pendiente_revision")
    const row = (await connection.runAndReadAll(
      "SELECT count(DISTINCT id)::INTEGER AS n FROM ruling_history WHERE event IN ('aprobada', 'rechazada')",
    )).getRowObjectsJS()[0]
    return { pending, done: Number(row?.["n"] ?? 0) }
  })

/** One ruling for the review app: its status, record, every decision (undone too) and the re-gated result. */
export const rulingUnderReview = (outDir: string, id: string, config: PipelineConfig) =>
  withReviewStore(outDir, async (connection) => {
    const status = await statusOf(connection, id)
    const record = status && (status.status === "pendiente_revision" || status.status === "aprobada") ? await readHeld(outDir, id) : null
    if (!status || !record) throw new ReviewError({ reason: "no_encontrada", detail: `La resolución ${id} no está en revisión.` })
    const decisions = await decisionsOf(connection, id)
    const reviewed = reviewRuling(record, decisions.filter((decision) => !decision.undone), config)
    return { status, record, decisions, reviewed }
  })
