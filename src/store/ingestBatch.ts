import { readdir, readFile } from "node:fs/promises"
import { createHash } from "node:crypto"
import { join } from "node:path"
import type { DuckDBConnection } from "@duckdb/node-api"
import { AuditRecordSchema, type AuditRecord, type FailureRecord } from "../domain/AuditRecord.ts"
import type { GateDecision } from "../publish/gate.ts"
import { materiaOf, resultadoOf } from "../publish/classifyRuling.ts"
import { storePath, withStore } from "./openStore.ts"

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

export interface IngestOptions {
  /**
   * The publication gate, run over each ruling's public text; a ruling it
   * blocks is kept in the store but not published (fail closed).
   */
  readonly gate?: (publicText: string, record: AuditRecord) => GateDecision
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
const auditFiles = async (auditDir: string): Promise<string[]> =>
  (await readdir(auditDir).catch(() => [] as string[])).filter((name) => name.endsWith(".json")).sort()

const readAudit = async (auditDir: string, name: string): Promise<AuditRecord> =>
  AuditRecordSchema.parse(JSON.parse(await readFile(join(auditDir, name), "utf8")))

/** Entities are appended in bulk, a bounded number of rulings at a time. */
const ENTITY_FLUSH = 200

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

/**
 * Load a batch's audit records (`private/audit/*.json`) and public texts into
 * the store. Idempotent by id + sha256 (and the public text's hash): the same
 * input changes nothing; a new ruling is added; a ruling whose source or
 * public text changed replaces its earlier version, and `ruling_versions`
 * records the change (previous sha256, validity interval, run). Rulings
 * absent from this batch stay published (incremental). Timestamps come from
 * the run, never from the clock.
 */
export const ingestBatch = async (outDir: string, run: RunInfo, options: IngestOptions = {}): Promise<IngestSummary> => {
  const auditDir = join(outDir, "private", "audit")
  const files = await auditFiles(auditDir)
  // File names are ids, so file order is id order. A first pass keeps only
  // what the run's id is made of; the second handles one ruling at a time.
  const keys: RecordKey[] = []
  for (const name of files) {
    const { id, sha256, pipeline, tool } = await readAudit(auditDir, name)
    keys.push({ id, sha256, pipeline, tool })
  }
  const runId = runIdOf(run, keys)
  const at = run.finishedAt.toISOString()
  return withStore(storePath(outDir), async ({ connection }) => {
    const added: string[] = []
    const updated: string[] = []
    const withheld: { id: string; reason: string }[] = []
    const toAppend: AuditRecord[] = []
    let unchanged = 0
    await connection.run("BEGIN TRANSACTION")
    try {
      const stored = new Map(
        (await connection.runAndReadAll("SELECT id, sha256, public_sha256, version, published, first_published_at FROM rulings"))
          .getRowObjectsJS().map((row) => [String(row["id"]), row]),
      )
      for (const name of files) {
        const record = await readAudit(auditDir, name)
        const publicText = await readFile(join(outDir, "public", "resoluciones", `${record.id}.txt`), "utf8").catch(() => null)
        const decision = publicText === null ? null : options.gate?.(publicText, record)
        const withheldReason = publicText === null
          ? "sin_texto_publico"
          : decision && !decision.publish
          ? decision.findings.map((finding) => finding.category ?? `${finding.cause}:${finding.label ?? "-"}`).join(";")
          : null
        const published = withheldReason === null
        if (!published) withheld.push({ id: record.id, reason: withheldReason })
        const publicSha = publicText === null ? null : sha256(publicText)
        const earlier = stored.get(record.id)
        if (
          earlier && earlier["sha256"] === record.sha256 && earlier["public_sha256"] === publicSha &&
          earlier["published"] === published
        ) {
          unchanged++
          continue
        }
        const version = earlier ? Number(earlier["version"]) + 1 : 1
        const change = !earlier ? "alta" : earlier["sha256"] !== record.sha256 ? "correccion" : published ? "reprocesamiento" : "retencion"
        const firstPublished = earlier ? (earlier["first_published_at"] as Date).toISOString() : at
        if (earlier) {
          await connection.run("DELETE FROM entities WHERE ruling_id = $1", [record.id])
          await connection.run("DELETE FROM rulings WHERE id = $1", [record.id])
          await connection.run(
            "UPDATE ruling_versions SET valid_to = $2::TIMESTAMP WHERE ruling_id = $1 AND valid_to IS NULL",
            [record.id, at],
          )
          updated.push(record.id)
        } else {
          added.push(record.id)
        }
        await connection.run(
          `INSERT INTO rulings VALUES ($1, $2, $3, $4, $5, $6, $7, TRY_CAST($8 AS DATE), $9,
             CAST($10 AS JSON)::VARCHAR[], $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::TIMESTAMP, $21::TIMESTAMP, $22)`,
          [
            record.id, record.sha256, publicSha, version, record.source, record.format,
            record.metadata.court ?? null, record.metadata.date ?? null, record.metadata.type ?? null,
            JSON.stringify(record.metadata.caseNumbers ?? []),
            publicText === null ? null : materiaOf(publicText) || null,
            publicText === null ? null : resultadoOf(publicText) || null,
            publicText?.length ?? null, publicText, published, withheldReason,
            record.pipeline.name, record.pipeline.version, record.tool.version, firstPublished, at, runId,
          ],
        )
        await connection.run(
          "INSERT INTO ruling_versions VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMP, NULL, $8)",
          [record.id, version, record.sha256, (earlier?.["sha256"] as string | undefined) ?? null, publicSha, change, at, runId],
        )
        toAppend.push(record)
        if (toAppend.length >= ENTITY_FLUSH) await appendEntities(connection, toAppend.splice(0))
      }
      await appendEntities(connection, toAppend.splice(0))

      const byCause = new Map<string, number>()
      for (const failure of run.failures) byCause.set(failure.reason, (byCause.get(failure.reason) ?? 0) + 1)
      const causes = [...byCause.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
      const pipeline = run.pipeline ?? keys[0]?.pipeline
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
      await connection.run("COMMIT")
    } catch (error) {
      await connection.run("ROLLBACK")
      throw error
    }
    return { runId, added, updated, unchanged, withheld }
  })
}
