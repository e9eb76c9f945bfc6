import { statSync } from "node:fs"
import { mkdir, readdir, rm } from "node:fs/promises"
import { join, relative } from "node:path"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { AuditRecord, FailureRecord } from "../domain/AuditRecord.ts"
import { IngestFailure } from "../domain/IngestFailure.ts"
import type { Label } from "../domain/Label.ts"
import { listInputs, type InputEntry, type InputListing } from "../ingest/inputs.ts"
import type { GatePass } from "../publish/gatePass.ts"
import { publishOpenData } from "../publish/publishOpenData.ts"
import { causeOf, OutputFolder, OutputWriteError } from "../store/OutputFolder.ts"
import { Journal, type JournalError } from "./Journal.ts"
import { Analyser } from "./Analyser.ts"
import { Pipeline, runConfigPath } from "./Pipeline.ts"
import { processDocument, type ProcessedDocument } from "./processDocument.ts"
import { queueHeld, recordPublished } from "../review/reviewQueue.ts"
import { releaseApproved, writeFailures } from "../review/publishApproved.ts"

/** The batch's input; its output folder, pipeline, journal and store are the command's services. */
export interface BatchOptions {
  readonly input: string
  /** The input already listed (the CLI lists it to validate before creating any folder). */
  readonly listing?: InputListing
  /** Called after each document, for the progress bar. */
  readonly onProgress?: (done: number, total: number) => void
  /**
   * Asked before each document is started: once it answers true, no new
   * document starts, those in flight finish, and what was done is published
   * (Ctrl-C stops at a document boundary and leaves `public/` consistent).
   */
  readonly shouldStop?: () => boolean
  /** Hold every ruling for a person's approval (`--revision todas`); by default only what the gate holds. */
  readonly reviewAll?: boolean
}

export interface BatchSummary {
  /** Documents listed in the input. */
  readonly total: number
  /** Documents this run got to (fewer than `total` when it was stopped). */
  readonly attempted: number
  readonly stopped: boolean
  readonly succeeded: number
  /** Documents an earlier run had already finished with the same bytes and pipeline. */
  readonly reused: number
  /** Rulings waiting for a person (held by the gate or by `--revision todas`), this batch's and earlier ones'. */
  readonly pendingReview: number
  /** This batch's quality-control sample: rulings drawn among those it published automatically. */
  readonly control: { readonly eligible: number; readonly drawn: number }
  readonly failures: readonly FailureRecord[]
  /** Rulings processed but not published: the gate at publication held them (by id, with the reason). */
  readonly withheld: readonly { readonly id: string; readonly reason: string }[]
  /** Redacted mentions per label over the documents of this batch. */
  readonly redactedByLabel: Partial<Record<Label, number>>
  readonly keptByLabel: Partial<Record<Label, number>>
  /** Characters of every ruling analysed (or reused) in this batch: published, held for review or waiting for it. */
  readonly characters: number
  /** Of those, the characters of rulings analysed but not published: held by the gate or waiting for a person's review. */
  readonly heldCharacters: number
  readonly elapsedMs: number
}

/**
 * What the batch keeps of each document until the end: counts, not the
 * record (whose text and entities would make memory grow with the batch).
 */
interface Published {
  readonly id: string
  readonly source: string
  readonly sha256: string
  readonly characters: number
  readonly redacted: Partial<Record<Label, number>>
  readonly kept: Partial<Record<Label, number>>
  /** Handed to publication, which then need not gate the same files again. */
  readonly gatePass?: GatePass
}

type Outcome =
  | { readonly ok: true; readonly published: Published; readonly reused: boolean; readonly pending: boolean }
  | { readonly ok: false; readonly failure: FailureRecord; readonly characters: number }

/** A document not started because the batch was asked to stop. */
const SKIPPED = Symbol("skipped")

const summarise = (record: AuditRecord): Published => {
  const redacted: Partial<Record<Label, number>> = {}
  const kept: Partial<Record<Label, number>> = {}
  for (const entity of record.entities) {
    const counts = entity.action === "redact" ? redacted : kept
    counts[entity.label] = (counts[entity.label] ?? 0) + 1
  }
  return { id: record.id, source: record.source, sha256: record.sha256, characters: record.text.length, redacted, kept }
}

/**
 * Temporary files (`.<name>.<random>.tmp`, `.<name>.tmp`) that a killed run
 * left half-written before its rename; a new run removes them first so that
 * nothing partial stays in the output.
 */
const removeStaleTemporaries = async (dir: string): Promise<void> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (entry.isFile() && entry.name.startsWith(".") && entry.name.endsWith(".tmp")) {
      await rm(join(entry.parentPath, entry.name), { force: true })
    }
  }
}

const failureRecord = (file: string, failure: IngestFailure): FailureRecord => ({
  file,
  reason: failure.reason,
  cause: failure.message,
})

/**
 * Turn anything a document's processing raised into a named failure. Defects
 * (bugs) keep only the error's class name: a message could quote the text.
 */
const settle = (file: string) => <E, R>(effect: Effect.Effect<ProcessedDocument, E, R>): Effect.Effect<Outcome, never, R> =>
  effect.pipe(
    Effect.map(({ record, reused, gatePass, pending }): Outcome => ({
      ok: true,
      published: { ...summarise(record), ...(gatePass ? { gatePass } : {}) },
      reused,
      pending: pending === true,
    })),
    Effect.catchCause((cause) => {
      const failure = Cause.squash(cause)
      const named = failure instanceof IngestFailure
        ? failure
        : new IngestFailure({ reason: "processing_error", detail: failure instanceof Error ? failure.name : "desconocido" })
      return Effect.succeed<Outcome>({ ok: false, failure: failureRecord(file, named), characters: named.characters ?? 0 })
    }),
  )

/**
 * The order the batch takes its documents in: the largest files first (a
 * stable sort, so equal sizes keep the listing's order). A batch that takes
 * a long ruling last ends with one worker busy and the others idle; taken
 * first, the short ones fill in around it. Outputs do not depend on the
 * order. Entries that cannot be read (rejected, or gone since the listing)
 * come last: they fail at once.
 */
export const largestFirst = (entries: readonly InputEntry[]): readonly InputEntry[] => {
  const size = (entry: InputEntry): number => {
    if (entry.kind === "rejected") return -1
    try {
      return statSync(entry.absolute).size
    } catch {
      return -1
    }
  }
  return entries.map((entry) => ({ entry, size: size(entry) })).sort((a, b) => b.size - a.size).map(({ entry }) => entry)
}

/** The output folder's two trees, created, with what a killed run left half-written removed. */
const prepareFolder = (folder: OutputFolder["Service"]) =>
  Effect.tryPromise({
    try: async () => {
      await mkdir(folder.publicPath("resoluciones"), { recursive: true })
      await mkdir(folder.privatePath("audit"), { recursive: true })
      await removeStaleTemporaries(folder.publicDir)
      await removeStaleTemporaries(folder.privateDir)
    },
    catch: (error) => new OutputWriteError({ file: relative(join(folder.dir, ".."), folder.dir), cause: causeOf(error) }),
  })

/**
 * The batch: list inputs, process documents as a stream with bounded
 * concurrency, then write the index of every published ruling and the list
 * of failures. A failed document never stops the batch and leaves nothing in
 * `public/`.
 */
export const runBatch = Effect.fn("runBatch")(function*(options: BatchOptions) {
  const started = Date.now()
  const folder = yield* OutputFolder
  const { config } = yield* Pipeline
  const journal = yield* Journal
  const outDir = folder.dir
  // Listed first: an input that cannot be read leaves no output folder behind.
  const listing = options.listing ?? (yield* listInputs(options.input))
  yield* prepareFolder(folder)
  const total = listing.entries.length
  let done = 0
  const progress = () => options.onProgress?.(++done, total)
  options.onProgress?.(0, total)
  const shouldStop = options.shouldStop ?? (() => false)
  const runId = new Date(started).toISOString()
  const record = journal.append
  yield* record({ state: "started", run: runId, at: runId, total })

  const analyser = yield* Analyser
  const outcomes = (yield* Stream.fromIterable(largestFirst(listing.entries)).pipe(
    Stream.mapEffect((entry) => {
      const outcome = entry.kind === "rejected"
        ? Effect.succeed<Outcome>({ ok: false, failure: failureRecord(entry.relative, new IngestFailure({ reason: entry.reason, detail: entry.detail })), characters: 0 })
        : processDocument(entry, outDir, config, options.reviewAll).pipe(settle(entry.relative))
      const recorded = outcome.pipe(
        Effect.tap((settled) =>
          record(settled.ok
            ? { state: "done", run: runId, file: settled.published.source, id: settled.published.id, sha256: settled.published.sha256, reused: settled.reused }
            : { state: "failed", run: runId, file: settled.failure.file, reason: settled.failure.reason })
        ),
        Effect.tap(() => Effect.sync(progress)),
      )
      // Checked when the document's turn comes, not when it is listed: those in flight finish.
      return Effect.suspend((): Effect.Effect<Outcome | typeof SKIPPED, JournalError, Analyser> => (shouldStop() ? Effect.succeed(SKIPPED) : recorded))
    }, { concurrency: analyser.inFlight }),
    Stream.runCollect,
  )).filter((outcome) => outcome !== SKIPPED)

  const succeeded = outcomes.flatMap((outcome) => (outcome.ok && !outcome.pending ? [outcome.published] : []))
  const listed = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]))
    .sort((a, b) => a.file.localeCompare(b.file))

  const attempted = outcomes.length
  const stopped = attempted < total
  // Held rulings enter the review queue (decisions on the same content are remembered).
  yield* folder.write(runConfigPath(folder), JSON.stringify(config, null, 2) + "\n")
  const queue = yield* queueHeld(outDir, runId, config)
  // Rulings a person (or the court's lists) approved are published with the batch.
  const released = queue.approved > 0 ? yield* releaseApproved(new Date(started)) : { sources: new Set<string>() }
  const failures = listed.filter((failure) => !released.sources.has(failure.file))
  // Datasets, catalogue and checksums cover every ruling published in this
  // output folder, so a new batch adds to what earlier batches published.
  const published = yield* publishOpenData({
    gatePasses: new Map(succeeded.flatMap(({ id, gatePass }) => (gatePass ? [[id, gatePass] as const] : []))),
    controlCandidates: succeeded.map(({ id }) => id),
    // A stopped run counts the documents it got to: the rest are the next run's.
    run: { startedAt: new Date(started), finishedAt: new Date(), failures, total: attempted },
  })
  // Rulings the gate held at publication are listed with the documents' own failures, so the
  // clerk finds every held ruling in one place.
  const sources = new Map(succeeded.map(({ id, source }) => [id, source]))
  const held = published.withheld.flatMap(({ id, reason }) => {
    const file = sources.get(id)
    const failure = reason === "sin_texto_publico"
      ? new IngestFailure({ reason: "processing_error", detail: "sin texto público" })
      : new IngestFailure({ reason: "gate_blocked", detail: "al publicar" })
    return file === undefined ? [] : [failureRecord(file, failure)]
  })
  yield* writeFailures([...failures, ...held].sort((a, b) => a.file.localeCompare(b.file)))

  yield* recordPublished(outDir, new Date().toISOString(), failures)
  yield* record({ state: "finished", run: runId, at: new Date().toISOString(), done: succeeded.length, failed: failures.length })
  // Analysed but not published: held in the workers, waiting for review, or held by the gate at publication.
  const withheldIds = new Set(published.withheld.map(({ id }) => id))
  const heldCharacters = outcomes.reduce((sum, outcome) =>
    sum + (outcome.ok ? (outcome.pending || withheldIds.has(outcome.published.id) ? outcome.published.characters : 0) : outcome.characters), 0)
  const redactedByLabel: Partial<Record<Label, number>> = {}
  const keptByLabel: Partial<Record<Label, number>> = {}
  for (const published of succeeded) {
    for (const [counts, add] of [[redactedByLabel, published.redacted], [keptByLabel, published.kept]] as const) {
      for (const [label, n] of Object.entries(add) as [Label, number][]) counts[label] = (counts[label] ?? 0) + n
    }
  }
  return {
    total,
    attempted,
    stopped,
    // Only this batch's rulings: publication covers the whole output folder.
    withheld: published.withheld.filter(({ id }) => succeeded.some((ruling) => ruling.id === id)),
    succeeded: succeeded.length,
    reused: outcomes.filter((outcome) => outcome.ok && outcome.reused).length,
    pendingReview: queue.pending,
    control: published.control,
    failures,
    redactedByLabel,
    keptByLabel,
    characters: outcomes.reduce((sum, outcome) => sum + (outcome.ok ? outcome.published.characters : outcome.characters), 0),
    heldCharacters,
    elapsedMs: Date.now() - started,
  } satisfies BatchSummary
}, Effect.scoped)
