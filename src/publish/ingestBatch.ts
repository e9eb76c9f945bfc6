import { readFileSync } from "node:fs"
import { readdir } from "node:fs/promises"
import { createHash } from "node:crypto"
import { join } from "node:path"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { AuditRecordSchema, type AuditRecord, type FailureRecord } from "../domain/AuditRecord.ts"
import type { GateDecision } from "./gate.ts"
import { classifyRuling } from "./classifyRuling.ts"
import { unreadableRecord, type PublicationError } from "./PublicationError.ts"
import { createStaging, loadRulings, type StagedRuling } from "../store/loadRulings.ts"
import { OutputFolder } from "../store/OutputFolder.ts"
import { Store } from "../store/Store.ts"

/** What the batch tells the store about itself. */
export interface RunInfo {
  /**
   * Defaults to a fingerprint of what the run saw (pipeline, tool, every
   * ruling's id and sha256, the failures): re-running the same input is the
   * same run and changes nothing, and two output folders built from the same
   * input name their run alike.
   */
  readonly id?: string
  readonly startedAt: Date
  readonly finishedAt: Date
  /** Inputs listed, including those that failed. */
  readonly total: number
  readonly failures: readonly FailureRecord[]
  /** Defaults to the pipeline of the audit records. */
  readonly pipeline?: { readonly name: string; readonly version: string }
}

/** A ruling's files as the store read them: what a gate verdict can be bound to. */
export interface RulingFiles {
  /** sha256 of the public text. */
  readonly publicSha256: string
  /** sha256 of the audit record file (`private/audit/<id>.json`), as read. */
  readonly auditSha256: string
}

export interface IngestOptions {
  /**
   * The publication gate, run over each ruling's public text; a ruling it
   * blocks is kept in the store but not published (fail closed).
   */
  readonly gate?: (publicText: string, record: AuditRecord, files: RulingFiles) => GateDecision
}

export interface IngestSummary {
  readonly runId: string
  readonly added: readonly string[]
  readonly updated: readonly string[]
  readonly unchanged: number
  /** Rulings the gate blocked or whose public text is missing: they must not be in `public/`. */
  readonly withheld: readonly { readonly id: string; readonly reason: string }[]
}

/** What identifies a ruling's version in a run, without its text or entities. */
const RecordKeySchema = AuditRecordSchema.pick({ id: true, sha256: true, pipeline: true, tool: true })
type RecordKey = Pick<AuditRecord, "id" | "sha256" | "pipeline" | "tool">

export const runIdOf = (run: Pick<RunInfo, "id" | "total" | "failures" | "pipeline">, records: readonly RecordKey[]): string =>
  run.id ?? createHash("sha256").update(JSON.stringify({
    pipeline: run.pipeline ?? records[0]?.pipeline ?? null,
    tool: records[0]?.tool.version ?? null,
    total: run.total,
    rulings: records.map((record) => [record.id, record.sha256, record.pipeline.version]),
    failures: run.failures.map((failure) => [failure.file, failure.reason]).sort(),
  })).digest("hex").slice(0, 16)

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex")

/**
 * The audit records of an output folder, read one at a time in id order:
 * memory stays flat however many rulings earlier batches published.
 */
const auditFiles = (auditDir: string): Effect.Effect<string[]> =>
  Effect.promise(() => readdir(auditDir).catch(() => [] as string[])).pipe(
    Effect.map((names) => names.filter((name) => name.endsWith(".json")).sort()),
  )

// A ruling's small files are read synchronously: a promise read costs four
// thread-pool round trips (open, stat, read, close), several times the read
// itself, and with thousands of rulings that was a large part of
// publication; nothing else waits on the main thread meanwhile.

const readKey = (outDir: string, auditDir: string, name: string): Effect.Effect<RecordKey, PublicationError> =>
  Effect.try({
    try: () => RecordKeySchema.parse(JSON.parse(readFileSync(join(auditDir, name), "utf8"))),
    catch: unreadableRecord(outDir, join(auditDir, name)),
  })

const readAudit = (outDir: string, auditDir: string, name: string): Effect.Effect<{ record: AuditRecord; auditSha256: string }, PublicationError> =>
  Effect.try({
    try: () => {
      const json = readFileSync(join(auditDir, name), "utf8")
      return { record: AuditRecordSchema.parse(JSON.parse(json)), auditSha256: sha256(json) }
    },
    catch: unreadableRecord(outDir, join(auditDir, name)),
  })

/** A ruling's public text; null when it cannot be read (missing: never published, or removed). */
const readPublicText = (publicDir: string, id: string): string | null => {
  try {
    return readFileSync(join(publicDir, "resoluciones", `${id}.txt`), "utf8")
  } catch {
    return null
  }
}

/**
 * Rulings and their entities go to the store in chunks of this many. A
 * chunk's records (texts, entities) are held until then: with 200 the peak
 * memory of publication rose by a few tens of MB, with 50 it is lower than
 * with one INSERT per ruling, and the statements per chunk cost little.
 */
const FLUSH = 50

const appendEntities = async (connection: DuckDBConnection, records: readonly AuditRecord[]): Promise<void> => {
  if (records.length === 0) return
  const appender = await connection.createAppender("entities")
  const text = (value: string | null | undefined) => (value === null || value === undefined ? appender.appendNull() : appender.appendVarchar(value))
  for (const record of records) {
    record.entities.forEach((entity, ordinal) => {
      appender.appendVarchar(record.id)
      appender.appendInteger(ordinal)
      appender.appendInteger(entity.start)
      appender.appendInteger(entity.end)
      appender.appendVarchar(entity.label)
      appender.appendVarchar(entity.text)
      appender.appendDouble(entity.score)
      appender.appendVarchar(entity.detector)
      text(entity.evidence)
      text(entity.entity)
      appender.appendVarchar(entity.action)
      text(entity.replacement)
      appender.endRow()
    })
  }
  appender.closeSync()
}

/** A ruling's subject matter and outcome (null: not determined, or no public text). */
const classified = (publicText: string | null): { materia: string | null; resultado: string | null } => {
  if (publicText === null) return { materia: null, resultado: null }
  const { materia, resultado } = classifyRuling(publicText)
  return { materia: materia || null, resultado: resultado || null }
}

/** The change a new version records in `ruling_versions`. */
const changeOf = (earlier: Record<string, unknown> | undefined, record: AuditRecord, published: boolean): StagedRuling["change"] =>
  !earlier ? "alta" : earlier["sha256"] !== record.sha256 ? "correccion" : published ? "reprocesamiento" : "retencion"

/**
 * Load a batch's audit records (`private/audit/*.json`) and public texts into
 * the store. Idempotent by id + sha256 (and the public text's hash): the same
 * input changes nothing; a new ruling is added; a ruling whose source or
 * public text changed replaces its earlier version, and `ruling_versions`
 * records the change (previous sha256, validity interval, run). Rulings
 * absent from this batch stay published (incremental). Timestamps come from
 * the run, never from the clock. One transaction: an unreadable record or a
 * failed step leaves the store as it was (PublicationError, StoreError).
 */
export const ingestBatch = Effect.fn("ingestBatch")(function*(run: RunInfo, options: IngestOptions = {}) {
  const folder = yield* OutputFolder
  const store = yield* Store
  const auditDir = folder.privatePath("audit")
  const files = yield* auditFiles(auditDir)
  // File names are ids, so file order is id order. A first pass keeps only
  // what the run's id is made of; the second loads the rulings a bounded
  // chunk at a time, so that neither memory nor the store's staging grows
  // with the batch.
  const keys = yield* Effect.forEach(files, (name) => readKey(folder.dir, auditDir, name))
  const runId = runIdOf(run, keys)
  const at = run.finishedAt.toISOString()
  return yield* store.use((db) =>
    db.transaction(Effect.gen(function*() {
      const added: string[] = []
      const updated: string[] = []
      const withheld: { id: string; reason: string }[] = []
      const chunk: { record: AuditRecord; staged: StagedRuling }[] = []
      const flush = () => {
        const rows = chunk.splice(0)
        return loadRulings(db, rows.map((row) => row.staged), runId, at).pipe(
          Effect.andThen(db.attempt((connection) => appendEntities(connection, rows.map((row) => row.record)))),
        )
      }
      let unchanged = 0
      const stored = yield* db.attempt(async (connection) =>
        new Map(
          (await connection.runAndReadAll("SELECT id, sha256, public_sha256, version, published, first_published_at FROM rulings"))
            .getRowObjectsJS().map((row) => [String(row["id"]), row]),
        )
      )
      yield* createStaging(db)
      for (const name of files) {
        const { record, auditSha256 } = yield* readAudit(folder.dir, auditDir, name)
        const publicText = readPublicText(folder.publicDir, record.id)
        const publicSha = publicText === null ? null : sha256(publicText)
        const decision = publicText === null ? null : options.gate?.(publicText, record, { publicSha256: publicSha!, auditSha256 })
        const withheldReason = publicText === null
          ? "sin_texto_publico"
          : decision && !decision.publish
          ? decision.findings.map((finding) => finding.category ?? `${finding.cause}:${finding.label ?? "-"}`).join(";")
          : null
        const published = withheldReason === null
        if (!published) withheld.push({ id: record.id, reason: withheldReason })
        const earlier = stored.get(record.id)
        if (
          earlier && earlier["sha256"] === record.sha256 && earlier["public_sha256"] === publicSha &&
          earlier["published"] === published
        ) {
          unchanged++
          continue
        }
        if (earlier) updated.push(record.id)
        else added.push(record.id)
        chunk.push({
          record,
          staged: {
            id: record.id,
            sha256: record.sha256,
            publicSha256: publicSha,
            version: earlier ? Number(earlier["version"]) + 1 : 1,
            source: record.source,
            format: record.format,
            court: record.metadata.court ?? null,
            date: record.metadata.date ?? null,
            type: record.metadata.type ?? null,
            caseNumbers: record.metadata.caseNumbers ?? [],
            ...classified(publicText),
            characters: publicText?.length ?? null,
            publicText,
            published,
            withheldReason,
            pipelineName: record.pipeline.name,
            pipelineVersion: record.pipeline.version,
            toolVersion: record.tool.version,
            firstPublishedAt: earlier ? (earlier["first_published_at"] as Date).toISOString() : at,
            previousSha256: earlier ? String(earlier["sha256"]) : null,
            change: changeOf(earlier, record, published),
            textOrigin: record.ocr ? "ocr" : "texto",
          },
        })
        if (chunk.length >= FLUSH) yield* flush()
      }
      yield* flush()

      const byCause = new Map<string, number>()
      for (const failure of run.failures) byCause.set(failure.reason, (byCause.get(failure.reason) ?? 0) + 1)
      const causes = [...byCause.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
      const pipeline = run.pipeline ?? keys[0]?.pipeline
      yield* db.attempt(async (connection) => {
        const inserted = await connection.runAndReadAll(
          `INSERT INTO runs VALUES ($1, $2::TIMESTAMP, $3::TIMESTAMP, $4, $5, $6, $7::JSON, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT DO NOTHING RETURNING run_id`,
          [
            runId, run.startedAt.toISOString(), at, run.total, run.total - run.failures.length, run.failures.length,
            JSON.stringify(Object.fromEntries(causes)), pipeline?.name ?? null, pipeline?.version ?? null,
            keys[0]?.tool.version ?? null, added.length, updated.length, unchanged, withheld.length,
          ],
        )
        if (inserted.currentRowCount > 0) {
          for (const [reason, documents] of causes) {
            await connection.run("INSERT INTO run_failures VALUES ($1, $2, $3)", [runId, reason, documents])
          }
        }
      })
      return { runId, added, updated, unchanged, withheld } satisfies IngestSummary
    }))
  )
})
