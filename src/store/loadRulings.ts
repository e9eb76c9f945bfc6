import * as Effect from "effect/Effect"
import type { StoreSession } from "./Store.ts"

/**
 * Bulk loading of rulings, a chunk at a time: the chunk's new versions are
 * appended to a temporary staging table and moved into `rulings` and
 * `ruling_versions` with a few set-based statements, instead of one INSERT
 * (and, for a replaced ruling, two DELETEs and an UPDATE) per ruling. Values
 * are converted by the same casts a per-row INSERT used, so the stored rows
 * are the same. The staging table holds one chunk's rows at a time.
 */

/** A ruling's new version, as ingestBatch decided it. */
export interface StagedRuling {
  readonly id: string
  readonly sha256: string
  readonly publicSha256: string | null
  readonly version: number
  readonly source: string
  readonly format: string
  readonly court: string | null
  /** As the metadata gives it ("YYYY-MM-DD"); one that is not a real date is stored as NULL. */
  readonly date: string | null
  readonly type: string | null
  readonly caseNumbers: readonly string[]
  readonly materia: string | null
  readonly resultado: string | null
  readonly characters: number | null
  readonly publicText: string | null
  readonly published: boolean
  readonly withheldReason: string | null
  readonly pipelineName: string
  readonly pipelineVersion: string
  readonly toolVersion: string
  /** ISO 8601. */
  readonly firstPublishedAt: string
  /** The sha256 of the version this one replaces; null for a new ruling. */
  readonly previousSha256: string | null
  readonly change: "alta" | "correccion" | "reprocesamiento" | "retencion"
  /** Where the analysed text came from: a text layer or OCR (of some pages at least). */
  readonly textOrigin: "texto" | "ocr"
}

const STAGING = "staged_rulings"

/** Create the staging table, empty: a temporary table, gone when the connection closes. */
export const createStaging = (db: StoreSession) =>
  db.attempt((connection) =>
    connection.run(`CREATE OR REPLACE TEMP TABLE ${STAGING} (
    seq INTEGER NOT NULL, id VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, public_sha256 VARCHAR, version INTEGER NOT NULL,
    source VARCHAR NOT NULL, format VARCHAR NOT NULL, court VARCHAR, date VARCHAR, type VARCHAR, case_numbers VARCHAR NOT NULL,
    materia VARCHAR, resultado VARCHAR, characters INTEGER, public_text VARCHAR, published BOOLEAN NOT NULL,
    withheld_reason VARCHAR, pipeline_name VARCHAR NOT NULL, pipeline_version VARCHAR NOT NULL, tool_version VARCHAR NOT NULL,
    first_published_at VARCHAR NOT NULL, previous_sha256 VARCHAR, change VARCHAR NOT NULL, text_origin VARCHAR NOT NULL
  )`)
  )

/**
 * Load a chunk of new versions: the earlier versions they replace are
 * deleted with their entities and their history rows closed at `at`, then
 * the new rows and their history rows are inserted in the chunk's order.
 * The caller appends the new versions' entities afterwards.
 */
export const loadRulings = Effect.fn("loadRulings")(function*(db: StoreSession, rulings: readonly StagedRuling[], runId: string, at: string) {
  if (rulings.length === 0) return
  yield* db.attempt(async (connection) => {
    const appender = await connection.createAppender(STAGING, null, "temp")
    const text = (value: string | null) => (value === null ? appender.appendNull() : appender.appendVarchar(value))
    rulings.forEach((ruling, seq) => {
      appender.appendInteger(seq)
      appender.appendVarchar(ruling.id)
      appender.appendVarchar(ruling.sha256)
      text(ruling.publicSha256)
      appender.appendInteger(ruling.version)
      appender.appendVarchar(ruling.source)
      appender.appendVarchar(ruling.format)
      text(ruling.court)
      text(ruling.date)
      text(ruling.type)
      appender.appendVarchar(JSON.stringify(ruling.caseNumbers))
      text(ruling.materia)
      text(ruling.resultado)
      if (ruling.characters === null) appender.appendNull()
      else appender.appendInteger(ruling.characters)
      text(ruling.publicText)
      appender.appendBoolean(ruling.published)
      text(ruling.withheldReason)
      appender.appendVarchar(ruling.pipelineName)
      appender.appendVarchar(ruling.pipelineVersion)
      appender.appendVarchar(ruling.toolVersion)
      appender.appendVarchar(ruling.firstPublishedAt)
      text(ruling.previousSha256)
      appender.appendVarchar(ruling.change)
      appender.appendVarchar(ruling.textOrigin)
      appender.endRow()
    })
    appender.closeSync()
  })
  const run = (sql: string, values?: readonly (string | number)[]) => db.attempt((connection) => connection.run(sql, values ? [...values] : undefined))
  if (rulings.some((ruling) => ruling.previousSha256 !== null)) {
    const replaced = `SELECT id FROM ${STAGING} WHERE previous_sha256 IS NOT NULL`
    yield* run(`DELETE FROM entities WHERE ruling_id IN (${replaced})`)
    yield* run(`DELETE FROM rulings WHERE id IN (${replaced})`)
    yield* run(`UPDATE ruling_versions SET valid_to = $1::TIMESTAMP WHERE valid_to IS NULL AND ruling_id IN (${replaced})`, [at])
  }
  yield* run(
    `INSERT INTO rulings SELECT id, sha256, public_sha256, version, source, format, court, TRY_CAST(date AS DATE), type,
       CAST(case_numbers AS JSON)::VARCHAR[], materia, resultado, characters, public_text, published, withheld_reason,
       pipeline_name, pipeline_version, tool_version, first_published_at::TIMESTAMP, $1::TIMESTAMP, $2, text_origin
     FROM ${STAGING} ORDER BY seq`,
    [at, runId],
  )
  yield* run(
    `INSERT INTO ruling_versions SELECT id, version, sha256, previous_sha256, public_sha256, change, $1::TIMESTAMP, NULL, $2
     FROM ${STAGING} ORDER BY seq`,
    [at, runId],
  )
  yield* run(`DELETE FROM ${STAGING}`)
})
