import { existsSync, readdirSync } from "node:fs"
import { join, relative } from "node:path"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import type { FailureRecord } from "../domain/AuditRecord.ts"
import { DOCUMENT_EXTENSIONS_PUBLISHED } from "../domain/Document.ts"
import { RuleDetectors } from "../detect/RuleDetectors.ts"
import { Pipeline } from "../pipeline/Pipeline.ts"
import { controlRates, drawControlSample, refreshControlRates, type ControlDraw } from "../store/controlSample.ts"
import { causeOf, OutputFolder, OutputWriteError } from "../store/OutputFolder.ts"
import { Store } from "../store/Store.ts"
import { ingestBatch, type IngestSummary } from "./ingestBatch.ts"
import { PublicationError } from "./PublicationError.ts"
import {
  DATAPACKAGE_DIRS,
  DATASET_IDS,
  dataPackage,
  dcatCatalogue,
  DEFAULT_CATALOGUE,
  fileFacts,
  type CatalogueInfo,
  type DatasetDates,
  type DatasetId,
  type FileFacts,
} from "./catalogue.ts"
import { checksums, CHECKSUMS_FILE } from "./checksums.ts"
import { PUBLISHED_TABLES } from "./datasets.ts"
import { DOCUMENTS_DIR, publishDocuments, withdrawDocuments } from "./documents/publishDocuments.ts"
import { gatePublication } from "./gate.ts"
import { configFingerprint } from "../pipeline/configFingerprint.ts"
import { coversRuleDetectors, knownPasses, storedPasses, storePasses, type GatePass } from "./gatePass.ts"
import { readme } from "./readme.ts"
import { writeTable } from "./writeTables.ts"

export interface PublishOpenDataOptions {
  readonly run: {
    readonly startedAt: Date
    readonly finishedAt: Date
    readonly failures: readonly FailureRecord[]
    /** Inputs listed, including failed ones. */
    readonly total: number
    /** Defaults to a fingerprint of the run's input (see `runIdOf`). */
    readonly id?: string
  }
  /**
   * The gate's passes in this batch's document workers, by ruling id: a
   * ruling whose files and configuration are still those its pass covers is
   * not gated again (see `knownPasses`); every other ruling is.
   */
  readonly gatePasses?: ReadonlyMap<string, GatePass>
  /**
   * Rulings this batch published automatically (ids): the batch draws its
   * quality-control sample among them (`revision.muestra`). Absent (`tacha
   * publicar`): no sample is drawn; the statistics are refreshed.
   */
  readonly controlCandidates?: readonly string[]
}

export interface PublishedOpenData extends IngestSummary {
  /** This batch's quality-control draw. */
  readonly control: ControlDraw
}

const day = (value: unknown): string | undefined => (value instanceof Date ? value.toISOString().slice(0, 10) : undefined)

interface StoreDates {
  /** Day the first run finished: the fallback when no published ruling has a date. */
  readonly firstRunDay?: string
  readonly minDate?: string
  readonly maxDate?: string
  readonly rulings: number
  readonly withheld: number
}

const storeDates = async (connection: DuckDBConnection): Promise<StoreDates> => {
  const row = (await connection.runAndReadAll(`
    SELECT (SELECT min(finished_at) FROM runs) AS first_run,
      (SELECT min(date) FROM rulings WHERE published) AS min_date, (SELECT max(date) FROM rulings WHERE published) AS max_date,
      (SELECT count(*)::INTEGER FROM rulings WHERE published) AS rulings,
      (SELECT count(*)::INTEGER FROM rulings WHERE NOT published) AS withheld,
      -- Held in the document workers, before a record existed: counted as the latest run's failures say.
      (SELECT coalesce(sum(documents), 0)::INTEGER FROM run_failures WHERE reason = 'gate_blocked'
        AND run_id = (SELECT run_id FROM runs ORDER BY finished_at DESC, run_id DESC LIMIT 1)) AS held_in_workers`)).getRowObjectsJS()[0]!
  return {
    firstRunDay: day(row["first_run"]),
    minDate: day(row["min_date"]),
    maxDate: day(row["max_date"]),
    rulings: Number(row["rulings"]),
    withheld: Number(row["withheld"]) + Number(row["held_in_workers"]),
  }
}

/**
 * Metadata dates come from the data, so the same rulings give the same files
 * whenever they are processed: `issued` is the date of the oldest published
 * ruling, `modified` that of the newest, `temporal` the range between them.
 * Only when no published ruling has a date do they fall back to the day of
 * the first run.
 */
const datasetDates = (dates: StoreDates): Record<DatasetId | "catalogue", DatasetDates> => {
  const fallback = dates.firstRunDay ?? "1970-01-01"
  const temporal = dates.minDate && dates.maxDate ? { temporal: `${dates.minDate}/${dates.maxDate}` } : {}
  const all: DatasetDates = { issued: dates.minDate ?? fallback, modified: dates.maxDate ?? fallback, ...temporal }
  return { catalogue: all, resoluciones: all, estadisticas: all }
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + "\n"

/**
 * The end of a batch: load the batch into the private store (the gate runs
 * again over every public text that neither this batch's workers nor an
 * earlier publication passed as it is now; a blocked ruling's text is
 * removed from `public/`), then write every dataset as CSV and Parquet with
 * its dictionary, the data packages, `data.json`, `LEEME.md` and
 * `SHA256SUMS`. The same input gives byte-identical public files, in a fresh
 * output folder or after re-running: no public value comes from the clock.
 * The gate scans with the command's rule detectors (RuleDetectors); catalogue
 * title, publisher, base URL... come from the pipeline's
 * `publication.catalogue` (defaults: DEFAULT_CATALOGUE).
 *
 * Fails with a typed error naming the file: an unreadable audit record
 * (PublicationError) or store step (StoreError) before anything public is
 * written; a file that cannot be written (OutputWriteError) keeps its
 * earlier content.
 */
export const publishOpenData = Effect.fn("publishOpenData")(function*(options: PublishOpenDataOptions) {
  const folder = yield* OutputFolder
  const store = yield* Store
  const { config } = yield* Pipeline
  const { detectors } = yield* RuleDetectors
  const { publicDir } = folder
  const given = Object.entries(config.publication.catalogue ?? {}).filter(([, value]) => value !== undefined)
  const info: CatalogueInfo = { ...DEFAULT_CATALOGUE, ...Object.fromEntries(given) }
  // Passes of earlier publications (a re-run reuses its documents), overridden by this batch's workers'.
  // This publication's passes replace them in the store, written with the tables below.
  const earlier = yield* store.use((db) => db.attempt(storedPasses))
  const known = knownPasses(new Map([...earlier, ...(options.gatePasses ?? [])]), config, detectors)
  const pipelineSha256 = configFingerprint(config)
  const remember = coversRuleDetectors(config, detectors)
  const passed = new Map<string, GatePass>()
  // Each ruling's document in its input's format; one that cannot be produced or vouched for holds its ruling.
  const heldDocuments = yield* Effect.tryPromise({
    try: () => publishDocuments(folder.dir, config, detectors, { keepImages: config.publication.documents.keepImages }),
    catch: (error) =>
      error instanceof PublicationError
        ? error
        : new PublicationError({ reason: "lectura", file: relative(join(folder.dir, ".."), folder.publicPath(DOCUMENTS_DIR)), cause: causeOf(error) }),
  })
  const summary = yield* ingestBatch(options.run, {
    gate: (publicText, record, files) => {
      const held = heldDocuments.get(record.id)
      if (held) return held
      const decision = known(record.id, files) ?? gatePublication(publicText, record, config, detectors)
      if (decision.publish && remember) passed.set(record.id, { ...files, pipelineSha256, categories: decision.categories })
      return decision
    },
  })
  // Fail closed: a text the gate blocks does not stay in public/.
  for (const { id } of summary.withheld) yield* folder.remove(folder.publicPath("resoluciones", `${id}.txt`))
  yield* Effect.tryPromise({
    try: () => withdrawDocuments(folder.dir, summary.withheld.map(({ id }) => id)),
    catch: (error) => new OutputWriteError({ file: relative(join(folder.dir, ".."), folder.publicPath(DOCUMENTS_DIR)), cause: causeOf(error) }),
  })

  const facts = new Map<string, FileFacts>()
  const { dates, control, rates } = yield* store.use((db) =>
    Effect.gen(function*() {
      yield* db.attempt((connection) => storePasses(connection, passed))
      const withheld = new Set(summary.withheld.map(({ id }) => id))
      const candidates = (options.controlCandidates ?? []).filter((id) => !withheld.has(id))
      const control = yield* db.attempt((connection) => drawControlSample(connection, summary.runId, candidates, config.revision.muestra))
      yield* db.attempt(refreshControlRates)
      for (const table of PUBLISHED_TABLES) {
        for (const path of yield* writeTable(db, folder, table)) facts.set(path, yield* publicFileFacts(folder, path))
      }
      return { dates: yield* db.attempt(storeDates), control, rates: yield* db.attempt(controlRates) }
    })
  )
  const byDataset = datasetDates(dates)

  for (const id of DATASET_IDS) {
    const dir = DATAPACKAGE_DIRS[id]
    const descriptor = dataPackage(id, PUBLISHED_TABLES, facts, byDataset[id])
    yield* folder.write(folder.publicPath(dir, "datapackage.json"), json(descriptor))
  }
  const documentNames = existsSync(folder.publicPath(DOCUMENTS_DIR)) ? readdirSync(folder.publicPath(DOCUMENTS_DIR)) : []
  const documentFormats = DOCUMENT_EXTENSIONS_PUBLISHED.filter((extension) => documentNames.some((name) => name.endsWith(`.${extension}`)))
  yield* folder.write(folder.publicPath("data.json"), json(dcatCatalogue(info, PUBLISHED_TABLES, facts, byDataset, documentFormats)))
  yield* folder.write(
    folder.publicPath("LEEME.md"),
    readme(config, info, PUBLISHED_TABLES, { rulings: dates.rulings, withheld: dates.withheld, dates: byDataset.resoluciones, control: rates }),
  )
  const sums = yield* Effect.tryPromise({
    try: () => checksums(publicDir),
    catch: (error) => new PublicationError({ reason: "lectura", file: relative(join(folder.dir, ".."), publicDir), cause: causeOf(error) }),
  })
  yield* folder.write(folder.publicPath(CHECKSUMS_FILE), sums)
  return { ...summary, control } satisfies PublishedOpenData
})

/** A public file's size and hash, for the catalogue. */
const publicFileFacts = (folder: OutputFolder["Service"], path: string): Effect.Effect<FileFacts, PublicationError> =>
  Effect.tryPromise({
    try: () => fileFacts(folder.publicDir, path),
    catch: (error) => new PublicationError({ reason: "lectura", file: relative(join(folder.dir, ".."), join(folder.publicDir, path)), cause: causeOf(error) }),
  })
