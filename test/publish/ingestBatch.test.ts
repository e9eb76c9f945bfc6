import { createHash } from "node:crypto"
import { readFile, rm } from "node:fs/promises"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ingestIn } from "../store/services.ts"
import { storePath, withStore } from "../../src/store/openStore.ts"
import type { RulingFiles } from "../../src/publish/ingestBatch.ts"
import { makeRuling, RULING_A, RULING_B, RULING_C, RUN, tempOut, writeRuling } from "./fixtures.ts"

const rows = (out: string, sql: string) =>
  withStore(storePath(out), async ({ connection }) => (await connection.runAndReadAll(sql)).getRowObjectsJson())

const at = (iso: string) => new Date(iso)

describe("ingestBatch", () => {
  let out: string
  beforeEach(async () => {
    out = await tempOut()
  })
  afterEach(() => rm(out, { recursive: true, force: true }))

  it("loads rulings, entities and the run", async () => {
    for (const ruling of [RULING_A, RULING_B]) await writeRuling(out, ruling)
    const summary = await ingestIn(out, RUN)
    expect(summary).toEqual({ runId: expect.stringMatching(/^[0-9a-f]{16}$/), added: ["caba-2026-0001", "caba-2026-0002"], updated: [], unchanged: 0, withheld: [] })
    const runId = summary.runId
    expect(await rows(out, "SELECT id, version, court, date::VARCHAR AS date, materia, resultado, published FROM rulings ORDER BY id")).toEqual([
      { id: "caba-2026-0001", version: 1, court: "Juzgado PCyF N° 10", date: "2026-03-03", materia: "amenazas", resultado: "condena", published: true },
      { id: "caba-2026-0002", version: 1, court: "Juzgado PCyF N° 4", date: "2026-04-15", materia: "violencia de género", resultado: "sobreseimiento", published: true },
    ])
    expect(await rows(out, "SELECT count(*)::INTEGER AS n FROM entities WHERE ruling_id = 'caba-2026-0001'")).toEqual([{ n: RULING_A.record.entities.length }])
    expect(await rows(out, "SELECT run_id, total, done, failed, failed_by_cause::VARCHAR AS causes, pipeline_name, rulings_new FROM runs")).toEqual([
      { run_id: runId, total: 4, done: 3, failed: 1, causes: '{"needs_ocr":1}', pipeline_name: "caba-penal-test", rulings_new: 2 },
    ])
    expect(await rows(out, "SELECT run_id, reason, documents FROM run_failures")).toEqual([{ run_id: runId, reason: "needs_ocr", documents: 1 }])
  })

  it("is idempotent: the same input and run change nothing", async () => {
    for (const ruling of [RULING_A, RULING_B]) await writeRuling(out, ruling)
    const first = await ingestIn(out, RUN)
    const dump = () => Promise.all(["rulings", "entities", "runs", "run_failures", "ruling_versions"].map((t) => rows(out, `SELECT * FROM ${t} ORDER BY ALL`)))
    const before = await dump()
    const again = await ingestIn(out, RUN)
    expect(again).toMatchObject({ runId: first.runId, added: [], updated: [], unchanged: 2 })
    expect(await dump()).toEqual(before)
    // Later, the same input is the same run: still nothing changes.
    const later = await ingestIn(out, { ...RUN, startedAt: at("2026-06-01T10:00:00Z"), finishedAt: at("2026-06-01T10:01:00Z") })
    expect(later).toMatchObject({ runId: first.runId, unchanged: 2 })
    expect(await dump()).toEqual(before)
    // Different input (a failure fewer) is another run, and still no new versions.
    const other = await ingestIn(out, { ...RUN, total: 2, failures: [], startedAt: at("2026-06-02T10:00:00Z"), finishedAt: at("2026-06-02T10:01:00Z") })
    expect(other.runId).not.toBe(first.runId)
    expect(await rows(out, "SELECT count(*)::INTEGER AS n FROM ruling_versions")).toEqual([{ n: 2 }])
    expect(await rows(out, "SELECT run_id, rulings_unchanged FROM runs ORDER BY started_at")).toEqual([
      { run_id: first.runId, rulings_unchanged: 0 },
      { run_id: other.runId, rulings_unchanged: 2 },
    ])
  })

  it("adds a new batch to what was published (incremental)", async () => {
    await writeRuling(out, RULING_A)
    await ingestIn(out, RUN)
    await writeRuling(out, RULING_C)
    const second = await ingestIn(out, { ...RUN, startedAt: at("2026-06-01T10:00:00Z"), finishedAt: at("2026-06-01T10:02:00Z") })
    expect(second).toMatchObject({ added: ["caba-2026-0003"], unchanged: 1 })
    expect(await rows(out, "SELECT id, first_published_at::VARCHAR AS first FROM rulings ORDER BY id")).toEqual([
      { id: "caba-2026-0001", first: "2026-05-01 10:05:00" },
      { id: "caba-2026-0003", first: "2026-06-01 10:02:00" },
    ])
  })

  it("replaces a corrected ruling and records the version", async () => {
    await writeRuling(out, RULING_A)
    const first = await ingestIn(out, RUN)
    const corrected = makeRuling(
      RULING_A.record.id,
      RULING_A.record.text.replace("seis meses", "ocho meses") + " Se rectifica el monto de la pena.",
      [{ surface: "Juan PÉREZ", label: "PERSONA" }, { surface: "30.123.456", label: "DNI" }],
      RULING_A.record.metadata,
      RULING_A.record.source,
    )
    await writeRuling(out, corrected)
    const second = await ingestIn(out, { ...RUN, startedAt: at("2026-07-01T09:00:00Z"), finishedAt: at("2026-07-01T09:30:00Z"), failures: [] })
    expect(second).toMatchObject({ added: [], updated: ["caba-2026-0001"], unchanged: 0 })
    expect(await rows(out, "SELECT version, sha256, first_published_at::VARCHAR AS first, updated_at::VARCHAR AS updated FROM rulings")).toEqual([
      { version: 2, sha256: corrected.record.sha256, first: "2026-05-01 10:05:00", updated: "2026-07-01 09:30:00" },
    ])
    expect(await rows(out, "SELECT count(*)::INTEGER AS n FROM entities")).toEqual([{ n: corrected.record.entities.length }])
    expect(await rows(out, `SELECT version, sha256, previous_sha256, change, valid_from::VARCHAR AS valid_from, valid_to::VARCHAR AS valid_to, run_id
      FROM ruling_versions ORDER BY version`)).toEqual([
      { version: 1, sha256: RULING_A.record.sha256, previous_sha256: null, change: "alta", valid_from: "2026-05-01 10:05:00", valid_to: "2026-07-01 09:30:00", run_id: first.runId },
      { version: 2, sha256: corrected.record.sha256, previous_sha256: RULING_A.record.sha256, change: "correccion", valid_from: "2026-07-01 09:30:00", valid_to: null, run_id: second.runId },
    ])
    expect(await rows(out, `SELECT rulings_updated FROM runs WHERE run_id = '${second.runId}'`)).toEqual([{ rulings_updated: 1 }])
  })

  it("keeps a ruling without public text out of publication", async () => {
    await writeRuling(out, RULING_A)
    await rm(`${out}/public/resoluciones/${RULING_A.record.id}.txt`)
    const summary = await ingestIn(out, RUN)
    expect(summary.withheld).toEqual([{ id: "caba-2026-0001", reason: "sin_texto_publico" }])
    expect(await rows(out, "SELECT published, withheld_reason FROM rulings")).toEqual([{ published: false, withheld_reason: "sin_texto_publico" }])
  })

  it("gives the gate the hashes of the public text and audit file it read", async () => {
    for (const ruling of [RULING_A, RULING_B]) await writeRuling(out, ruling)
    const seen = new Map<string, RulingFiles>()
    await ingestIn(out, RUN, {
      gate: (_text, record, files) => {
        seen.set(record.id, files)
        return { publish: true, findings: [], categories: [] }
      },
    })
    const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex")
    for (const { record } of [RULING_A, RULING_B]) {
      expect(seen.get(record.id)).toEqual({
        publicSha256: sha256(await readFile(`${out}/public/resoluciones/${record.id}.txt`)),
        auditSha256: sha256(await readFile(`${out}/private/audit/${record.id}.json`)),
      })
    }
  })

  it("records a ruling the gate now blocks as a withheld version, and its release as another", async () => {
    await writeRuling(out, RULING_A)
    await ingestIn(out, RUN)
    const block = { gate: () => ({ publish: false, findings: [{ cause: "forma_redactada" as const, label: "PERSONA" as const, count: 1, at: [] }], categories: [] }) }
    const later = (day: string) => ({ ...RUN, startedAt: at(`${day}T09:00:00Z`), finishedAt: at(`${day}T09:30:00Z`) })
    expect(await ingestIn(out, later("2026-06-01"), block)).toMatchObject({ updated: ["caba-2026-0001"], withheld: [{ id: "caba-2026-0001", reason: "forma_redactada:PERSONA" }] })
    await ingestIn(out, later("2026-07-01"))
    expect(await rows(out, "SELECT version, published, withheld_reason, public_text IS NOT NULL AS text FROM rulings")).toEqual([
      { version: 3, published: true, withheld_reason: null, text: true },
    ])
    expect(await rows(out, "SELECT version, change, valid_from::VARCHAR AS valid_from, valid_to::VARCHAR AS valid_to FROM ruling_versions ORDER BY version")).toEqual([
      { version: 1, change: "alta", valid_from: "2026-05-01 10:05:00", valid_to: "2026-06-01 09:30:00" },
      { version: 2, change: "retencion", valid_from: "2026-06-01 09:30:00", valid_to: "2026-07-01 09:30:00" },
      { version: 3, change: "reprocesamiento", valid_from: "2026-07-01 09:30:00", valid_to: null },
    ])
    expect(await rows(out, "SELECT count(*)::INTEGER AS n FROM entities")).toEqual([{ n: RULING_A.record.entities.length }])
  })

  it("loads a batch larger than one bulk chunk: new, corrected and unchanged rulings, idempotent", async () => {
    // 450 rulings span several bulk chunks; the second batch corrects every
    // third one (in every chunk) and adds ten.
    const ruling = (n: number, corrected = false) => makeRuling(
      `lote-${String(n).padStart(4, "0")}`,
      `Juzgado N° ${n % 7}. Amenazas a Rosa Benítez y Juan Paz (causa ${n}).${corrected ? " Se rectifica la fecha." : ""}`,
      [{ surface: "Rosa Benítez", label: "PERSONA" }, { surface: "Juan Paz", label: "PERSONA" }],
      { court: `Juzgado N° ${n % 7}`, date: n % 5 === 0 ? "2026-02-30" : `2026-0${1 + (n % 9)}-1${n % 10}`, caseNumbers: [`C-${n}`] },
    )
    for (let n = 0; n < 450; n++) await writeRuling(out, ruling(n))
    const first = await ingestIn(out, RUN)
    expect(first.added).toHaveLength(450)
    const corrected = Array.from({ length: 150 }, (_, i) => 3 * i)
    for (const n of corrected) await writeRuling(out, ruling(n, true))
    for (let n = 450; n < 460; n++) await writeRuling(out, ruling(n))
    const secondRun = { ...RUN, startedAt: at("2026-06-01T10:00:00Z"), finishedAt: at("2026-06-01T10:02:00Z") }
    const second = await ingestIn(out, secondRun)
    expect(second).toMatchObject({ unchanged: 300, withheld: [] })
    expect(second.updated).toEqual(corrected.map((n) => ruling(n).record.id))
    expect(second.added).toHaveLength(10)

    expect(await rows(out, `SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS ids, count(*) FILTER (WHERE version = 2)::INTEGER AS v2,
      count(*) FILTER (WHERE run_id = '${second.runId}')::INTEGER AS in_second, count(date)::INTEGER AS dated FROM rulings`)).toEqual([
      { n: 460, ids: 460, v2: 150, in_second: 160, dated: 368 },
    ])
    const sample = ruling(3, true).record
    expect(await rows(out, `SELECT sha256, version, case_numbers, first_published_at::VARCHAR AS first, updated_at::VARCHAR AS updated FROM rulings WHERE id = '${sample.id}'`)).toEqual([
      { sha256: sample.sha256, version: 2, case_numbers: ["C-3"], first: "2026-05-01 10:05:00", updated: "2026-06-01 10:02:00" },
    ])
    expect(await rows(out, `SELECT version, change, previous_sha256, valid_to::VARCHAR AS valid_to FROM ruling_versions WHERE ruling_id = '${sample.id}' ORDER BY version`)).toEqual([
      { version: 1, change: "alta", previous_sha256: null, valid_to: "2026-06-01 10:02:00" },
      { version: 2, change: "correccion", previous_sha256: ruling(3).record.sha256, valid_to: null },
    ])
    expect(await rows(out, "SELECT count(*)::INTEGER AS n FROM ruling_versions WHERE valid_to IS NULL")).toEqual([{ n: 460 }])
    // Each ruling keeps exactly the entities of its current version.
    expect(await rows(out, "SELECT count(*)::INTEGER AS n, count(DISTINCT ruling_id)::INTEGER AS rulings FROM entities")).toEqual([{ n: 920, rulings: 460 }])
    expect(await rows(out, "SELECT count(*)::INTEGER AS n FROM (SELECT ruling_id, ordinal FROM entities GROUP BY ALL HAVING count(*) > 1)")).toEqual([{ n: 0 }])

    const dump = () => Promise.all(["rulings", "entities", "runs", "run_failures", "ruling_versions"].map((t) => rows(out, `SELECT * FROM ${t} ORDER BY ALL`)))
    const before = await dump()
    expect(await ingestIn(out, secondRun)).toMatchObject({ added: [], updated: [], unchanged: 460 })
    expect(await dump()).toEqual(before)
  })
})
