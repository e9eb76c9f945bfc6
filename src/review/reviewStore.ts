import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { LABELS, type Label } from "../domain/Label.ts"
import { storePath, withStore } from "../store/openStore.ts"
import type { SpanDecision } from "./decisions.ts"
import { ReviewError } from "./ReviewError.ts"

/**
 * The review stage in the private store (`private/tacha.duckdb`): each
 * ruling's status and its history, and the decisions people made on held
 * rulings (who, when, on which version). Personal data (decided forms and
 * their context) lives here, under `private/`, and nowhere public.
 */

export const STATUSES = ["publicada", "pendiente_revision", "aprobada", "rechazada", "excluida"] as const
export type RulingStatus = (typeof STATUSES)[number]

const REVIEW_SCHEMA = `
CREATE TABLE IF NOT EXISTS ruling_status (
  id VARCHAR PRIMARY KEY,
  source VARCHAR NOT NULL,
  sha256 VARCHAR,
  court VARCHAR,
  status VARCHAR NOT NULL,
  hold_reason VARCHAR,
  causes JSON,
  reject_reason VARCHAR,
  updated_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS ruling_history (
  id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  decided_at TIMESTAMP NOT NULL,
  reviewer VARCHAR,
  event VARCHAR NOT NULL,
  detail JSON,
  PRIMARY KEY (id, seq)
);
CREATE TABLE IF NOT EXISTS review_decisions (
  id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  sha256 VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  scope VARCHAR NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  label VARCHAR NOT NULL,
  surface VARCHAR NOT NULL,
  context_before VARCHAR NOT NULL,
  context_after VARCHAR NOT NULL,
  reviewer VARCHAR,
  decided_at TIMESTAMP NOT NULL,
  undone BOOLEAN NOT NULL,
  PRIMARY KEY (id, seq)
);
`

export interface StatusRow {
  readonly id: string
  readonly source: string
  readonly sha256: string | null
  readonly court: string | null
  readonly status: RulingStatus
  readonly holdReason: string | null
  /** Gate findings per cause ("forma_redactada": 2). */
  readonly causes: Readonly<Record<string, number>>
  readonly rejectReason: string | null
  readonly updatedAt: string
}

export interface StoredDecision extends SpanDecision {
  readonly seq: number
  readonly sha256: string
  readonly reviewer: string | null
  readonly at: string
  readonly undone: boolean
}

export interface HistoryEntry {
  readonly at: string
  readonly reviewer: string | null
  readonly event: string
  readonly detail?: Record<string, unknown>
}

/** The store, for review work: one connection for `use`, closed afterwards. Failures become ReviewError "almacen". */
export const withReviewStore = <A>(outDir: string, use: (connection: DuckDBConnection) => Promise<A>): Effect.Effect<A, ReviewError> =>
  Effect.tryPromise({
    try: () =>
      withStore(storePath(outDir), async ({ connection }) => {
        await connection.run(REVIEW_SCHEMA)
        return use(connection)
      }),
    catch: (error) =>
      error instanceof ReviewError ? error : new ReviewError({
        reason: "almacen",
        detail: `No se pudo usar el almacén privado de ${storePath(outDir)} (${error instanceof Error ? error.name : "error"}); ` +
          "¿hay otro proceso de tacha usando la misma carpeta?",
      }),
  })

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value))
const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

const statusFromRow = (row: Record<string, unknown>): StatusRow => ({
  id: String(row["id"]),
  source: String(row["source"]),
  sha256: textOrNull(row["sha256"]),
  court: textOrNull(row["court"]),
  status: String(row["status"]) as RulingStatus,
  holdReason: textOrNull(row["hold_reason"]),
  causes: row["causes"] ? JSON.parse(String(row["causes"])) as Record<string, number> : {},
  rejectReason: textOrNull(row["reject_reason"]),
  updatedAt: iso(row["updated_at"]),
})

export const statusesOf = async (connection: DuckDBConnection, status?: RulingStatus): Promise<StatusRow[]> =>
  (await connection.runAndReadAll(
    `SELECT * FROM ruling_status ${status ? "WHERE status = $1" : ""} ORDER BY source, id`,
    status ? [status] : [],
  )).getRowObjectsJS().map(statusFromRow)

export const statusOf = async (connection: DuckDBConnection, id: string): Promise<StatusRow | null> => {
  const rows = (await connection.runAndReadAll("SELECT * FROM ruling_status WHERE id = $1", [id])).getRowObjectsJS()
  return rows[0] ? statusFromRow(rows[0]) : null
}

export const appendHistory = async (connection: DuckDBConnection, id: string, entry: HistoryEntry): Promise<void> => {
  await connection.run(
    `INSERT INTO ruling_history SELECT $1, coalesce(max(seq), 0) + 1, $2::TIMESTAMP, $3, $4, $5::JSON FROM ruling_history WHERE id = $1`,
    [id, entry.at, entry.reviewer, entry.event, entry.detail ? JSON.stringify(entry.detail) : null],
  )
}

export const historyOf = async (connection: DuckDBConnection, id: string): Promise<HistoryEntry[]> =>
  (await connection.runAndReadAll("SELECT decided_at, reviewer, event, detail FROM ruling_history WHERE id = $1 ORDER BY seq", [id]))
    .getRowObjectsJS().map((row) => ({
      at: iso(row["decided_at"]),
      reviewer: textOrNull(row["reviewer"]),
      event: String(row["event"]),
      ...(row["detail"] ? { detail: JSON.parse(String(row["detail"])) as Record<string, unknown> } : {}),
    }))

export interface StatusChange {
  readonly id: string
  readonly source: string
  readonly sha256: string | null
  readonly court: string | null
  readonly status: RulingStatus
  readonly holdReason?: string | null
  readonly causes?: Readonly<Record<string, number>>
  readonly rejectReason?: string | null
  readonly at: string
  readonly reviewer: string | null
  /** History event; defaults to the status. */
  readonly event?: string
  readonly detail?: Record<string, unknown>
}

/** Set a ruling's status and record the change in its history. */
export const setStatus = async (connection: DuckDBConnection, change: StatusChange): Promise<void> => {
  await connection.run(
    `INSERT OR REPLACE INTO ruling_status VALUES ($1, $2, $3, $4, $5, $6, $7::JSON, $8, $9::TIMESTAMP)`,
    [
      change.id, change.source, change.sha256, change.court, change.status, change.holdReason ?? null,
      change.causes ? JSON.stringify(change.causes) : null, change.rejectReason ?? null, change.at,
    ],
  )
  await appendHistory(connection, change.id, {
    at: change.at,
    reviewer: change.reviewer,
    event: change.event ?? change.status,
    ...(change.detail ? { detail: change.detail } : {}),
  })
}

export const decisionsOf = async (connection: DuckDBConnection, id: string): Promise<StoredDecision[]> =>
  (await connection.runAndReadAll("SELECT * FROM review_decisions WHERE id = $1 ORDER BY seq", [id])).getRowObjectsJS().map((row) => ({
    seq: Number(row["seq"]),
    sha256: String(row["sha256"]),
    action: String(row["action"]) as SpanDecision["action"],
    scope: String(row["scope"]) as SpanDecision["scope"],
    start: Number(row["start_offset"]),
    end: Number(row["end_offset"]),
    label: (LABELS as readonly string[]).includes(String(row["label"])) ? String(row["label"]) as Label : "PERSONA",
    surface: String(row["surface"]),
    before: String(row["context_before"]),
    after: String(row["context_after"]),
    reviewer: textOrNull(row["reviewer"]),
    at: iso(row["decided_at"]),
    undone: Boolean(row["undone"]),
  }))

export const addDecision = async (
  connection: DuckDBConnection,
  id: string,
  sha256: string,
  decision: SpanDecision,
  reviewer: string | null,
  at: string,
): Promise<void> => {
  await connection.run(
    `INSERT INTO review_decisions
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::TIMESTAMP, false FROM review_decisions WHERE id = $1`,
    [id, sha256, decision.action, decision.scope, decision.start, decision.end, decision.label, decision.surface, decision.before, decision.after, reviewer, at],
  )
}

/** Undo the latest decision still in force; false when there is none. */
export const undoLastDecision = async (connection: DuckDBConnection, id: string): Promise<boolean> => {
  const rows = (await connection.runAndReadAll(
    "UPDATE review_decisions SET undone = true WHERE id = $1 AND seq = (SELECT max(seq) FROM review_decisions WHERE id = $1 AND NOT undone) RETURNING seq",
    [id],
  )).getRowObjectsJS()
  return rows.length > 0
}

/** Replace a ruling's decisions with those carried over to a new version. */
export const replaceDecisions = async (
  connection: DuckDBConnection,
  id: string,
  sha256: string,
  decisions: readonly StoredDecision[],
): Promise<void> => {
  await connection.run("DELETE FROM review_decisions WHERE id = $1", [id])
  for (const decision of decisions) await addDecision(connection, id, sha256, decision, decision.reviewer, decision.at)
}
