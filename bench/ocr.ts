/**
 * OCR throughput: generated rulings printed to PDF, every page drawn at
 * 200 dpi and wrapped in an image-only PDF (a scan without a text layer),
 * then `tacha run` on them in its own process (bench/phase.ts) with the
 * pipeline's concurrency and OCR workers. Prints OCR pages per second, the
 * mean confidence, and the process's peak memory. On this machine: 2 cores.
 *
 *   npx node bench/ocr.ts [--count 4] [--pipeline pipelines/caba-penal.json]
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { availableParallelism, tmpdir } from "node:os"
import { join } from "node:path"
import { PDFDocument } from "pdf-lib"
import { generateRuling, loadGazetteers } from "../samples/generator/index.ts"
import { toPdf } from "../samples/generator/render.ts"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { imageOnlyPdf, scanPages } from "../test/fixtures/scans.ts"

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

// The pipeline as given, with a time limit that measures throughput instead of cutting long scans short.
const config = JSON.parse(readFileSync(pipeline ?? join(PROJECT_ROOT, "pipelines", "caba-penal.json"), "utf8"))
const pipelineFile = join(work, "pipeline.json")
writeFileSync(pipelineFile, JSON.stringify({ ...config, $schema: undefined, limits: { ...config.limits, timeoutMs: 1_800_000 } }))
const output = execFileSync(process.execPath, [join(PROJECT_ROOT, "bench", "phase.ts"), "run", input, join(work, "out"), pipelineFile], {
  cwd: PROJECT_ROOT,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
}).trim().split("\n")
const phase = JSON.parse(output[output.length - 1]!) as { documents: number; seconds: number; peakRssMb: number }
const auditDir = join(work, "out", "private", "audit")
const records = readdirSync(auditDir).filter((name) => name.endsWith(".json")).map((name) => JSON.parse(readFileSync(join(auditDir, name), "utf8")) as { ocr?: { pages: { confidence: number }[]; meanConfidence: number } })
const pages = records.flatMap((record) => record.ocr?.pages ?? [])
const failures = (() => {
  try {
    return readFileSync(join(work, "out", "private", "failures.jsonl"), "utf8").trim().split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { reason: string; cause: string })).map((failure) => `${failure.reason}${/\(([^)]*)\)$/.exec(failure.cause)?.[0] ?? ""}`)
  } catch {
    return []
  }
})()
console.table([{
  nucleos: availableParallelism(),
  documentos: count,
  publicados: phase.documents,
  paginas_ocr: scannedPages,
  segundos: Number(phase.seconds.toFixed(1)),
  // Every page is OCR'd, published or withheld: the rate counts them all.
  paginas_por_s: Number((scannedPages / phase.seconds).toFixed(2)),
  confianza_media_publicados: Number((pages.reduce((sum, page) => sum + page.confidence, 0) / Math.max(1, pages.length)).toFixed(1)),
  memoria_pico_mb: Math.round(phase.peakRssMb),
  fallas: failures.join(" ") || "-",
}])
rmSync(work, { recursive: true, force: true })
