import { createHash } from "node:crypto"
import type { DuckDBConnection } from "@duckdb/node-api"
import { wilsonInterval } from "../eval/wilsonInterval.ts"

/**
 * Sampled quality control, in the private store. Each batch draws a sample
 * of the rulings it published automatically (without a person's review) for
 * a person to check; their verdicts give the batch's measured error rate.
 *
 * The draw is reproducible: every candidate ruling gets the key
 * sha256(run id + "\0" + ruling id), where the run id is the batch's
 * fingerprint (pipeline, tool version, every ruling's id and sha256,
 * failures: see `runIdOf`); the `ceil(n × muestra)` candidates with the
 * smallest keys are drawn. The same batch therefore draws the same sample
 * in any output folder and on every re-run, and nobody can choose which
 * rulings are checked. A ruling already drawn (same id and content) by an
 * earlier batch is not a candidate again.
 */

export interface ControlDraw {
  readonly eligible: number
  readonly drawn: number
}

const drawKey = (runId: string, id: string): string => createHash("sha256").update(`${runId}\u0000${id}`).digest("hex")

/** How many of `eligible` rulings a fraction draws: at least one when the fraction is not zero. */
export const sampleSize = (eligible: number, fraction: number): number =>
  fraction <= 0 || eligible === 0 ? 0 : Math.min(eligible, Math.ceil(eligible * fraction - 1e-9))

/** The rulings a run draws among `candidates` (ids), smallest key first. */
export const drawSample = (runId: string, candidates: readonly string[], fraction: number): string[] =>
  [...new Set(candidates)]
    .map((id) => ({ id, key: drawKey(runId, id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, sampleSize(new Set(candidates).size, fraction))
    .map(({ id }) => id)

/**
 * Draw a run's sample among the rulings it published automatically
 * (`candidates`, ids; those the store does not hold as published are
 * ignored). A run draws once: drawing again (a re-run of the same batch)
 * changes nothing.
 */
export const drawControlSample = async (
  connection: DuckDBConnection,
  runId: string,
  candidates: readonly string[],
  fraction: number,
): Promise<ControlDraw> => {
  const done = (await connection.runAndReadAll("SELECT eligible, drawn FROM control_runs WHERE run_id = $1", [runId])).getRowObjectsJS()[0]
  if (done) return { eligible: Number(done["eligible"]), drawn: Number(done["drawn"]) }
  if (candidates.length === 0 || fraction <= 0) return { eligible: 0, drawn: 0 }
  const published = new Map(
    (await connection.runAndReadAll(
      `SELECT r.id, r.sha256 FROM rulings r WHERE r.published
         AND NOT EXISTS (SELECT 1 FROM control_sample c WHERE c.id = r.id AND c.sha256 = r.sha256)`,
    )).getRowObjectsJS().map((row) => [String(row["id"]), String(row["sha256"])]),
  )
  const eligible = [...new Set(candidates)].filter((id) => published.has(id))
  if (eligible.length === 0) return { eligible: 0, drawn: 0 }
  const drawn = drawSample(runId, eligible, fraction)
  await connection.run("BEGIN TRANSACTION")
  try {
    await connection.run("INSERT INTO control_runs VALUES ($1, $2, $3, $4)", [runId, fraction, eligible.length, drawn.length])
    for (const [rank, id] of drawn.entries()) {
      await connection.run("INSERT INTO control_sample (run_id, id, sha256, draw_rank) VALUES ($1, $2, $3, $4)", [runId, id, published.get(id)!, rank + 1])
    }
    await connection.run("COMMIT")
  } catch (error) {
    await connection.run("ROLLBACK")
    throw error
  }
  return { eligible: eligible.length, drawn: drawn.length }
}

export interface ControlEntry {
  readonly runId: string
  /** The run's position among the output folder's runs (1 = the first), as the public statistics number them. */
  readonly runOrder: number
  readonly id: string
  readonly sha256: string
  readonly verdict: "correcta" | "con_errores" | null
  readonly reviewer: string | null
}

/** Sampled rulings, pending first (those still without a verdict), in draw order. */
export const controlEntries = async (connection: DuckDBConnection, pendingOnly = false): Promise<ControlEntry[]> =>
  (await connection.runAndReadAll(
    `SELECT c.run_id, coalesce(o.orden, 0)::INTEGER AS orden, c.id, c.sha256, c.verdict, c.reviewer
     FROM control_sample c LEFT JOIN (SELECT run_id, row_number() OVER (ORDER BY started_at, run_id) AS orden FROM runs) o USING (run_id)
     ${pendingOnly ? "WHERE c.verdict IS NULL" : ""}
     ORDER BY c.verdict IS NOT NULL, orden, c.draw_rank`,
  )).getRowObjectsJS().map((row) => ({
    runId: String(row["run_id"]),
    runOrder: Number(row["orden"]),
    id: String(row["id"]),
    sha256: String(row["sha256"]),
    verdict: row["verdict"] === null ? null : String(row["verdict"]) as ControlEntry["verdict"],
    reviewer: row["reviewer"] === null ? null : String(row["reviewer"]),
  }))

/** A span a person listed in control: missed (should have been hidden) or over-hidden (should have stayed visible). */
export interface ControlFinding {
  readonly kind: "omitida" | "sobreocultada"
  /** One mention, or every mention of the written form. */
  readonly scope: "mencion" | "forma"
  readonly start: number
  readonly end: number
  readonly label: string | null
  readonly surface: string
}

/** Store a person's verdict on a sampled ruling (replacing an earlier one) with the spans they listed. */
export const recordVerdict = async (
  connection: DuckDBConnection,
  entry: { readonly runId: string; readonly id: string },
  findings: readonly ControlFinding[],
  reviewer: string,
  at: string,
): Promise<void> => {
  const missed = findings.filter((finding) => finding.kind === "omitida").length
  const overHidden = findings.length - missed
  await connection.run(
    `UPDATE control_sample SET verdict = $3, missed = $4, over_hidden = $5, reviewer = $6, decided_at = $7::TIMESTAMP WHERE run_id = $1 AND id = $2`,
    [entry.runId, entry.id, findings.length === 0 ? "correcta" : "con_errores", missed, overHidden, reviewer, at],
  )
  await connection.run("DELETE FROM control_findings WHERE run_id = $1 AND id = $2", [entry.runId, entry.id])
  for (const [seq, finding] of findings.entries()) {
    await connection.run(
      "INSERT INTO control_findings VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      [entry.runId, entry.id, seq + 1, finding.kind, finding.scope, finding.start, finding.end, finding.label, finding.surface],
    )
  }
}

const rounded = (value: number | undefined): number | null => (value === undefined ? null : Math.round(value * 10_000) / 10_000)

/**
 * Recompute each run's rates from the verdicts (counts only: no personal
 * data): the share of checked rulings with any error, and with a missed
 * span, each with its 95 % Wilson interval. Publication writes them as a
 * public statistic.
 */
export const refreshControlRates = async (connection: DuckDBConnection): Promise<void> => {
  const rows = (await connection.runAndReadAll(
    `SELECT r.run_id, r.eligible, r.fraction, r.drawn,
       count(c.verdict)::INTEGER AS checked,
       count(*) FILTER (WHERE c.verdict = 'correcta')::INTEGER AS correct,
       count(*) FILTER (WHERE c.missed > 0)::INTEGER AS with_missed,
       count(*) FILTER (WHERE c.over_hidden > 0)::INTEGER AS with_over_hidden,
       count(*) FILTER (WHERE c.verdict = 'con_errores')::INTEGER AS with_errors
     FROM control_runs r LEFT JOIN control_sample c USING (run_id)
     GROUP BY ALL ORDER BY r.run_id`,
  )).getRowObjectsJS()
  await connection.run("BEGIN TRANSACTION")
  try {
    await connection.run("DELETE FROM control_rates")
    for (const row of rows) {
      const checked = Number(row["checked"])
      const errors = wilsonInterval(Number(row["with_errors"]), checked)
      const missed = wilsonInterval(Number(row["with_missed"]), checked)
      await connection.run(
        "INSERT INTO control_rates VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        [
          String(row["run_id"]), Number(row["eligible"]), Number(row["fraction"]), Number(row["drawn"]), checked, Number(row["correct"]),
          Number(row["with_missed"]), Number(row["with_over_hidden"]), Number(row["with_errors"]),
          rounded(errors?.rate), rounded(errors?.lower), rounded(errors?.upper),
          rounded(missed?.rate), rounded(missed?.lower), rounded(missed?.upper),
        ],
      )
    }
    await connection.run("COMMIT")
  } catch (error) {
    await connection.run("ROLLBACK")
    throw error
  }
}

export interface ControlRate {
  readonly runOrder: number
  readonly eligible: number
  readonly drawn: number
  readonly checked: number
  readonly withErrors: number
  readonly withMissed: number
  readonly errorRate: number | null
  readonly errorLower: number | null
  readonly errorUpper: number | null
}

/** The rates as last refreshed, by run order (for LEEME.md). */
export const controlRates = async (connection: DuckDBConnection): Promise<ControlRate[]> =>
  (await connection.runAndReadAll(
    `SELECT o.orden::INTEGER AS orden, c.* FROM control_rates c
     JOIN (SELECT run_id, row_number() OVER (ORDER BY started_at, run_id) AS orden FROM runs) o USING (run_id) ORDER BY orden`,
  )).getRowObjectsJS().map((row) => ({
    runOrder: Number(row["orden"]),
    eligible: Number(row["eligible"]),
    drawn: Number(row["drawn"]),
    checked: Number(row["checked"]),
    withErrors: Number(row["with_errors"]),
    withMissed: Number(row["with_missed"]),
    errorRate: row["error_rate"] === null ? null : Number(row["error_rate"]),
    errorLower: row["error_lower"] === null ? null : Number(row["error_lower"]),
    errorUpper: row["error_upper"] === null ? null : Number(row["error_upper"]),
  }))
