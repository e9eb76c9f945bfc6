import { hostname } from "node:os"
import { Worker } from "bullmq"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import { z } from "zod"
import { PipelineConfigSchema, type PipelineConfig } from "../domain/PipelineConfig.ts"
import { Analyser } from "../pipeline/Analyser.ts"
import { configFingerprint } from "../pipeline/configFingerprint.ts"
import { AnalysisRequestJson } from "../pipeline/contract/AnalysisRequest.ts"
import { AnalysisResultJson, resultFor } from "../pipeline/contract/AnalysisResult.ts"
import { TOOL_VERSION } from "../pipeline/toolVersion.ts"
import { listBatches, QUEUE_PREFIX, removeQueueKeys, type BatchEntry } from "./BatchRegistry.ts"
import type { QueueConnection } from "./QueueConnection.ts"
import type { QueueTimings } from "./queueTimings.ts"

/**
 * A queue worker (`tacha trabajador`): watches the list of batches on the
 * Redis, and for each one takes jobs from its queue and answers them with
 * the same Analyser a local run uses (the document pool under the
 * pipeline's time and memory limits, the NER model when the pipeline asks
 * for it), built for that batch's pipeline and stopped when the batch ends.
 * It writes no file: answers go back through Redis to the coordinator.
 *
 * The analyser outlives its batch by `keepMs`: the next batch of the same
 * pipeline (same fingerprint) finds its threads started, the model loaded
 * and their code already compiled, instead of paying that start-up again.
 * A worker that serves batch after batch (a systemd unit) thus runs at the
 * speed of a warm process; one left idle gives its memory back.
 */

export interface ServeOptions {
  /** Documents analysed at once (threads of the document pool, jobs taken from each queue). */
  readonly concurrency: number
  /** Where documents sent as paths are read (the shared input folder). */
  readonly inputRoot?: string
  readonly timings: QueueTimings
  /** How long an analyser is kept loaded after its last batch ended, for the next batch of its pipeline (0: closed with the batch). */
  readonly keepMs: number
  /** True once the worker is asked to stop: no new job is taken, those running finish. */
  readonly stopRequested: () => boolean
  /** One line for the operator; never document content. */
  readonly say: (line: string) => void
}

/** How often the list of batches is read. */
const WATCH_MS = 500

/** A pipeline's analyser (document threads, model), shared by the batches of that pipeline being served. */
interface Loaded {
  readonly analyser: Analyser["Service"]
  readonly scope: Scope.Closeable
  readonly pipeline: string
  /** The pipeline's name and version, for the operator. */
  readonly label: string
  /** Batches served with it now. */
  batches: number
  /** When its last batch ended (while `batches` is 0). */
  idleSince: number
}

interface Serving {
  readonly worker: Worker
  readonly loaded: Loaded
  /** The batch's limit per document: how long a polite stop waits for the jobs running. */
  readonly timeoutMs: number
  analysed: number
}

/** The batch's pipeline, if this worker can analyse it exactly as the coordinator expects; otherwise why not. */
const batchConfig = (entry: BatchEntry) => {
  if (entry.tool !== TOOL_VERSION) return `otra versión de tacha (coordinador ${entry.tool}, este trabajador ${TOOL_VERSION})`
  const parsed = PipelineConfigSchema.safeParse(entry.config)
  if (!parsed.success) return "la configuración del pipeline no es válida para esta versión"
  if (configFingerprint(parsed.data) !== entry.pipeline) return "la configuración del pipeline no coincide con su huella"
  return parsed.data
}

export const serveQueue = Effect.fn("serveQueue")(function*(connection: QueueConnection, options: ServeOptions) {
  const serving = new Map<string, Serving>()
  /** By pipeline fingerprint (the tool's version is the same for every batch served). */
  const loaded = new Map<string, Loaded>()
  const refused = new Set<string>()
  const name = `${hostname()}:${process.pid}`

  const unload = (kept: Loaded) =>
    Effect.gen(function*() {
      loaded.delete(kept.pipeline)
      yield* Scope.close(kept.scope, Exit.void)
    })

  /** Analysers idle for `keepMs` are closed; with `force`, every one no batch uses. */
  const unloadIdle = (force: boolean) =>
    Effect.forEach([...loaded.values()], (kept) => {
      if (kept.batches > 0) return Effect.void
      if (force) return unload(kept)
      const idle = Date.now() - kept.idleSince
      return idle < options.keepMs ? Effect.void : unload(kept).pipe(
        Effect.andThen(Effect.sync(() => options.say(`Pipeline ${kept.label}: análisis descargado tras ${Math.round(idle / 1000)} s sin lotes.`))),
      )
    }, { discard: true })

  /** `ended`: the batch left the list (its coordinator finished); otherwise this worker stops (`force`: at once). */
  const stopServing = (queue: string, how: "ended" | "stop" | "force") =>
    Effect.gen(function*() {
      const batch = serving.get(queue)
      if (batch === undefined) return
      serving.delete(queue)
      // Without force, jobs running finish first (their answers are sent), within the batch's limit per document.
      yield* Effect.promise(async () => {
        const closing = batch.worker.close(how === "force").catch(() => {})
        const late = await Promise.race([closing.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), batch.timeoutMs + 5_000).unref())])
        if (late) await batch.worker.close(true).catch(() => {})
      })
      batch.loaded.batches--
      batch.loaded.idleSince = Date.now()
      if (how !== "ended" || options.keepMs === 0) yield* unloadIdle(true)
      if (how === "ended") yield* Effect.promise(() => removeQueueKeys(connection.client, queue).catch(() => {}))
      options.say(how === "ended"
        ? `Lote ${queue} terminado: ${batch.analysed} documento(s) analizados en este trabajador.`
        : `Lote ${queue}: este trabajador deja de atenderlo (${batch.analysed} documento(s) analizados aquí).`)
    })
  yield* Effect.addFinalizer(() =>
    Effect.forEach([...serving.keys()], (queue) => stopServing(queue, "force"), { discard: true }).pipe(
      Effect.andThen(Effect.forEach([...loaded.values()], unload, { discard: true })),
    )
  )

  /** The pipeline's analyser: the one kept from an earlier batch, or a new one; a message when it cannot be built. */
  const analyserFor = (entry: BatchEntry, config: PipelineConfig) =>
    Effect.gen(function*() {
      const kept = loaded.get(entry.pipeline)
      if (kept !== undefined) return kept
      const scope = yield* Scope.make()
      const built = yield* Layer.buildWithScope(Analyser.layer(config, { size: options.concurrency, ...(options.inputRoot ? { inputRoot: options.inputRoot } : {}) }), scope).pipe(
        Effect.map((context) => Context.get(context, Analyser)),
        Effect.catch((error) => Effect.succeed(error.message)),
      )
      if (typeof built === "string") {
        yield* Scope.close(scope, Exit.void)
        return built
      }
      const fresh: Loaded = { analyser: built, scope, pipeline: entry.pipeline, label: `${config.name} ${config.version}`, batches: 0, idleSince: Date.now() }
      loaded.set(entry.pipeline, fresh)
      return fresh
    })

  const startServing = (entry: BatchEntry) =>
    Effect.gen(function*() {
      const config = batchConfig(entry)
      if (typeof config === "string") {
        refused.add(entry.queue)
        options.say(`Lote ${entry.queue}: no se atiende: ${config}.`)
        return
      }
      const warm = loaded.has(entry.pipeline)
      const kept = yield* analyserFor(entry, config)
      if (typeof kept === "string") {
        refused.add(entry.queue)
        options.say(`Lote ${entry.queue}: no se atiende: ${kept}`)
        return
      }
      kept.batches++
      const analyser = kept.analyser
      const batch: Serving = {
        loaded: kept,
        timeoutMs: config.limits.timeoutMs,
        analysed: 0,
        // The answer travels as JSON: its bytes (the ruling's document) as base64.
        worker: new Worker<unknown, z.input<typeof AnalysisResultJson>>(
          entry.queue,
          async (job) => {
            const parsed = AnalysisRequestJson.safeParse(job.data)
            if (!parsed.success) {
              const { id = "?", sha256 = "0".repeat(64), pipeline = entry.pipeline } = (job.data ?? {}) as Record<string, string>
              return z.encode(AnalysisResultJson, resultFor({ id, sha256, pipeline }, { ok: false, reason: "processing_error", detail: "pedido inválido" }))
            }
            const outcome = await Effect.runPromise(analyser.process(parsed.data))
            batch.analysed++
            return z.encode(AnalysisResultJson, resultFor(parsed.data, outcome))
          },
          {
            connection: connection.open(),
            prefix: QUEUE_PREFIX,
            name,
            // As many jobs as the pool keeps in flight (twice its threads): while a thread analyses one
            // document, the next is already taken and waiting, so no thread idles for a round trip to Redis.
            concurrency: analyser.inFlight,
            lockDuration: options.timings.lockMs,
            stalledInterval: options.timings.stalledCheckMs,
            maxStalledCount: options.timings.maxStalled,
          },
        ),
      }
      // Connection errors are reported once by the connection itself; job errors are answers.
      batch.worker.on("error", () => {})
      serving.set(entry.queue, batch)
      options.say(`Lote ${entry.queue}: pipeline ${config.name} ${config.version}${entry.sharedInput ? ", documentos leídos de la entrada compartida" : ""}${warm ? ", con el análisis ya cargado de un lote anterior" : ""}.`)
    })

  while (!options.stopRequested()) {
    const batches = yield* Effect.promise(() => listBatches(connection.client).catch(() => null))
    if (batches !== null) {
      const listed = new Set(batches.map((entry) => entry.queue))
      for (const queue of [...serving.keys()]) if (!listed.has(queue)) yield* stopServing(queue, "ended")
      for (const queue of [...refused]) if (!listed.has(queue)) refused.delete(queue)
      for (const entry of batches) {
        if (!serving.has(entry.queue) && !refused.has(entry.queue)) yield* startServing(entry)
      }
    }
    yield* unloadIdle(false)
    yield* Effect.sleep(WATCH_MS)
  }
  for (const queue of [...serving.keys()]) yield* stopServing(queue, "stop")
})
