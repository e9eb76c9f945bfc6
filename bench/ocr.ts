/**
 * OCR throughput: generated rulings printed to PDF, every page drawn at
 * 200 dpi and wrapped in an image-only PDF (a scan without a text layer).
 *
 * 1. The page path, in process, on the same pages, interleaved: a page drawn
 *    to PNG and decoded again by tesseract (the path before) against the
 *    page drawn to a greyscale PGM (renderPdfPages.ts, now), one tesseract
 *    worker: seconds per page and the ratio, and whether the text is the same.
 * 2. `tacha run` on the scans in its own process (bench/phase.ts) with the
 *    pipeline's concurrency, once with its `ocr.workers` and once with one
 *    tesseract worker per document: OCR pages per second, mean confidence,
 *    the process's peak memory, and the ratio between the two.
 *
 *   npx node bench/ocr.ts [--count 4] [--pipeline pipelines/caba-penal.json] [--pages 4]
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { availableParallelism, tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { PDFDocument } from "pdf-lib"
import { PDFParse, VerbosityLevel } from "pdf-parse"
import { generateRuling, loadGazetteers } from "../samples/generator/index.ts"
import { toPdf } from "../samples/generator/render.ts"
import { enableCompileCache } from "../src/cli/compileCache.ts"
import { loadPipelineConfig, PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { closeOcrEngine, recognise } from "../src/ingest/ocr/OcrEngine.ts"
import { renderPdfPages, renderScale } from "../src/ingest/ocr/renderPdfPages.ts"
import { imageOnlyPdf, scanPages } from "../test/fixtures/scans.ts"

// Each phase runs as `tacha` runs: with the compile cache, which its processes inherit.
enableCompileCache()

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}
const count = Number(argument("--count") ?? 4)
const pipeline = argument("--pipeline")
const work = mkdtempSync(join(tmpdir(), "tacha-bench-ocr-"))
const input = join(work, "escaneos")
mkdirSync(input)

console.log(`Escaneando ${count} resoluciones generadas (200 dpi, PDF sólo imagen) en ${input} ...`)
const gazetteers = loadGazetteers({ builtin: true })
let scannedPages = 0
for (let index = 0; index < count; index++) {
  const seed = 9000 + index
  const pdf = await toPdf(generateRuling(seed, { gazetteers }), seed)
  const pages = (await PDFDocument.load(pdf)).getPageCount()
  const scans = await scanPages(pdf, Array.from({ length: pages }, (_, page) => page + 1))
  scannedPages += scans.length
  writeFileSync(join(input, `escaneo-${index + 1}.pdf`), await imageOnlyPdf(scans))
}

// 1. The page path, in process: PNG (before) against PGM (now), the same pages, interleaved.
const config = JSON.parse(readFileSync(pipeline ?? join(PROJECT_ROOT, "pipelines", "caba-penal.json"), "utf8"))
const settings = (await Effect.runPromise(loadPipelineConfig(pipeline))).ocr
const pathPages = Number(argument("--pages") ?? 4)
const timings = { png: 0, pgm: 0, pages: 0, same: 0 }
for (const name of readdirSync(input).sort()) {
  if (timings.pages >= pathPages) break
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(join(input, name))), verbosity: VerbosityLevel.ERRORS })
  const info = await parser.getInfo({ parsePageInfo: true })
  for (const size of info.pages) {
    if (timings.pages >= pathPages) break
    const scale = renderScale(size.width, size.height, settings.dpi, settings.maxPixelsPerPage)
    let started = performance.now()
    const shot = await parser.getScreenshot({ partial: [size.pageNumber], scale, imageDataUrl: false, imageBuffer: true })
    const fromPng = await recognise(shot.pages[0]!.data, 1)
    timings.png += performance.now() - started
    started = performance.now()
    const [page] = await Effect.runPromise(renderPdfPages(parser, [size.pageNumber], settings))
    const fromPgm = await recognise(await Effect.runPromise(page!.image), 1)
    timings.pgm += performance.now() - started
    timings.pages++
    if (fromPng.text === fromPgm.text) timings.same++
  }
  await parser.destroy()
}
await closeOcrEngine()
console.table([{
  paginas: timings.pages,
  s_por_pagina_png: Number((timings.png / 1000 / timings.pages).toFixed(2)),
  s_por_pagina_pgm: Number((timings.pgm / 1000 / timings.pages).toFixed(2)),
  png_sobre_pgm: Number((timings.png / timings.pgm).toFixed(2)),
  mismo_texto: `${timings.same}/${timings.pages}`,
}])

// 2. `tacha run`: the pipeline as given, with a time limit that measures throughput instead of cutting long scans short,
// and the same with one tesseract worker per document.
const fullRun = (workers: number) => {
  const out = join(work, `out-${workers}`)
  const pipelineFile = join(work, `pipeline-${workers}.json`)
  writeFileSync(pipelineFile, JSON.stringify({ ...config, $schema: undefined, limits: { ...config.limits, timeoutMs: 1_800_000 }, ocr: { ...config.ocr, workers } }))
  const output = execFileSync(process.execPath, [join(PROJECT_ROOT, "bench", "phase.ts"), "run", input, out, pipelineFile], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim().split("\n")
  const phase = JSON.parse(output[output.length - 1]!) as { documents: number; seconds: number; peakRssMb: number }
  const auditDir = join(out, "private", "audit")
  const records = readdirSync(auditDir).filter((name) => name.endsWith(".json")).map((name) => JSON.parse(readFileSync(join(auditDir, name), "utf8")) as { ocr?: { pages: { confidence: number; characters: number }[] } })
  const pages = records.flatMap((record) => record.ocr?.pages ?? []).filter((page) => page.characters > 0)
  const failures = (() => {
    try {
      return readFileSync(join(out, "private", "failures.jsonl"), "utf8").trim().split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { reason: string; cause: string })).map((failure) => `${failure.reason}${/\(([^)]*)\)$/.exec(failure.cause)?.[0] ?? ""}`)
    } catch {
      return []
    }
  })()
  return {
    nucleos: availableParallelism(),
    concurrencia: config.concurrency ?? 2,
    hilos_ocr_por_documento: workers,
    documentos: count,
    publicados: phase.documents,
    paginas_ocr: scannedPages,
    segundos: Number(phase.seconds.toFixed(1)),
    // Every page is OCR'd, published or withheld: the rate counts them all.
    paginas_por_s: Number((scannedPages / phase.seconds).toFixed(3)),
    confianza_media_publicados: Number((pages.reduce((sum, page) => sum + page.confidence, 0) / Math.max(1, pages.length)).toFixed(1)),
    memoria_pico_mb: Math.round(phase.peakRssMb),
    fallas: failures.join(" ") || "-",
  }
}
const configured = fullRun(settings.workers)
const single = settings.workers === 1 ? undefined : fullRun(1)
console.table(single ? [configured, single] : [configured])
if (single) console.log(`Páginas por segundo, ${settings.workers} hilos de OCR por documento sobre 1: ${(configured.paginas_por_s / single.paginas_por_s).toFixed(2)}`)
rmSync(work, { recursive: true, force: true })
