import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import Tesseract from "tesseract.js"

/**
 * The OCR engine: tesseract.js (WebAssembly, worker threads of its own) with
 * the Spanish LSTM model published on npm as @tesseract.js-data/spa. Both are
 * read from node_modules: `langPath` is a local folder (tesseract.js reads it
 * from disk, never from a CDN), `cacheMethod: "none"` keeps it from writing a
 * copy of the model into the working directory, and the WebAssembly core is
 * the tesseract.js-core package it requires. Nothing is fetched at run time.
 *
 * One engine per thread (a document worker keeps it between documents), with
 * `workers` tesseract threads so that a document's pages are read in
 * parallel. It dies with the thread that started it; `closeOcrEngine` stops
 * it earlier (tests, the main thread).
 */

const require = createRequire(import.meta.url)
const MODEL_VARIANT = "4.0.0_best_int"
const LANG_PATH = join(dirname(require.resolve("@tesseract.js-data/spa/package.json")), MODEL_VARIANT)
const VERSION = (require("tesseract.js/package.json") as { readonly version: string }).version

/** Names the engine and model in audit records. */
export const OCR_ENGINE = `tesseract.js ${VERSION} spa ${MODEL_VARIANT}`

export interface RecognisedPage {
  readonly text: string
  /** Mean word confidence, 0 to 100. */
  readonly confidence: number
}

interface Engine {
  readonly workers: number
  readonly scheduler: Promise<Tesseract.Scheduler>
}

let engine: Engine | undefined

const start = async (workers: number): Promise<Tesseract.Scheduler> => {
  const scheduler = Tesseract.createScheduler()
  const started = await Promise.all(Array.from({ length: workers }, () =>
    Tesseract.createWorker("spa", Tesseract.OEM.LSTM_ONLY, { langPath: LANG_PATH, gzip: true, cacheMethod: "none", logger: () => undefined })))
  for (const worker of started) scheduler.addWorker(worker)
  return scheduler
}

const schedulerFor = (workers: number): Promise<Tesseract.Scheduler> => {
  if (engine !== undefined && engine.workers === workers) return engine.scheduler
  const previous = engine
  const scheduler = start(workers)
  engine = { workers, scheduler }
  // A failed start is not kept: the next document tries again.
  scheduler.catch(() => {
    if (engine?.scheduler === scheduler) engine = undefined
  })
  if (previous !== undefined) void previous.scheduler.then((old) => old.terminate(), () => undefined)
  return scheduler
}

/** Text and confidence of one page image (PNG, JPEG or PGM bytes). */
export const recognise = async (image: Uint8Array, workers: number): Promise<RecognisedPage> => {
  const scheduler = await schedulerFor(workers)
  const result = await scheduler.addJob("recognize", Buffer.from(image.buffer, image.byteOffset, image.byteLength))
  return { text: result.data.text, confidence: result.data.confidence }
}

/** Stop this thread's engine, if one is running. */
export const closeOcrEngine = async (): Promise<void> => {
  const current = engine
  engine = undefined
  if (current !== undefined) await current.scheduler.then((scheduler) => scheduler.terminate(), () => undefined)
}
