/**
 * OCR on scans of real rulings (../shared/data/corpora/cordoba-civil-2022,
 * or $TACHA_CORPORA): each ruling's text is printed to PDF (Times 12 pt, A4),
 * its first pages are drawn at 200 dpi and wrapped in an image-only PDF, and
 * both go through the pipeline's extraction, analysis (rules + model),
 * redaction and gate, in process. The text PDF is the reference: its text,
 * the DNIs and names redacted in it. The scan is measured against it:
 * failures by cause (none may be needs_ocr), similarity of the OCR text to
 * the text layer (1 - character error rate), reference DNIs and name
 * mentions still readable in the scan's redacted text (what it would
 * publish, whatever the gate then decides; withheld ones are counted). The
 * reference holds the text run's own false positives (a company taken for a
 * person), so the name figure is an upper bound. Prints figures only, never
 * text. Skips when the corpus is absent.
 *
 *   npx node src/eval/corpora/ocrScans.ts [--limit 8] [--pages 2] [--work DIR]
 */
import { existsSync } from "node:fs"
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib"
import { PDFParse, VerbosityLevel } from "pdf-parse"
import { Cause, Effect } from "effect"
import { createNerDetector } from "../../detect/ner/index.ts"
import { ruleDetectors } from "../../detect/registry.ts"
import { IngestFailure } from "../../domain/IngestFailure.ts"
import { loadPipelineConfig, PROJECT_ROOT } from "../../domain/loadPipelineConfig.ts"
import { extractDocument } from "../../ingest/extract.ts"
import { closeOcrEngine } from "../../ingest/ocr/OcrEngine.ts"
import { composeText } from "../../normalise/composeText.ts"
import { gatePublication, hardenSpans, publicationPolicy } from "../../publish/gate.ts"
import { redactText } from "../../redact/redactText.ts"
import { analyse } from "../../resolve/resolve.ts"
import { CORPORA_DIR } from "./run.ts"

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}
const limit = Number(argument("--limit") ?? 8)
const pageLimit = Number(argument("--pages") ?? 2)
const source = join(CORPORA_DIR, "cordoba-civil-2022", "textos")

/** Lines of `text` wrapped to `width` points; characters the font cannot draw become spaces. */
const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const drawable = new Set(font.getCharacterSet())
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    const clean = [...paragraph.replace(/\t/g, " ")].map((char) => (drawable.has(char.codePointAt(0)!) ? char : " ")).join("")
    let line = ""
    for (const word of clean.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line)
        line = word
      } else line = candidate
    }
    lines.push(line)
  }
  return lines
}

const printPdf = async (text: string, pages: number): Promise<Uint8Array> => {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.TimesRoman)
  const lines = wrap(text, font, 12, 595.28 - 144)
  const perPage = Math.floor((841.89 - 144) / 16)
  for (let page = 0; page < pages && page * perPage < lines.length; page++) {
    const sheet = doc.addPage([595.28, 841.89])
    lines.slice(page * perPage, (page + 1) * perPage).forEach((line, index) => sheet.drawText(line, { x: 72, y: 841.89 - 72 - 12 - index * 16, size: 12, font }))
  }
  return doc.save()
}

const scanPdf = async (pdf: Uint8Array): Promise<{ bytes: Uint8Array; pages: number }> => {
  const parser = new PDFParse({ data: pdf.slice(), verbosity: VerbosityLevel.ERRORS })
  try {
    const shots = await parser.getScreenshot({ scale: 200 / 72, imageDataUrl: false })
    const doc = await PDFDocument.create()
    for (const shot of shots.pages) doc.addPage([595.28, 841.89]).drawImage(await doc.embedPng(shot.data), { x: 0, y: 0, width: 595.28, height: 841.89 })
    return { bytes: await doc.save(), pages: shots.pages.length }
  } finally {
    await parser.destroy()
  }
}

const levenshtein = (a: string, b: string): number => {
  let previous = new Uint32Array(b.length + 1).map((_, j) => j)
  let current = new Uint32Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}
const collapse = (text: string): string => text.replace(/\s+/gu, " ").trim()

const main = async () => {
  if (!existsSync(source)) {
    console.log(`No está el corpus (${source}): nada que medir.`)
    return
  }
  const work = argument("--work") ?? (await mkdtemp(join(tmpdir(), "tacha-ocr-real-")))
  const textDir = join(work, "texto")
  const scanDir = join(work, "escaneos")
  await mkdir(textDir, { recursive: true })
  await mkdir(scanDir, { recursive: true })
  const files = (await readdir(source)).filter((name) => name.endsWith(".txt")).sort()
  const step = Math.max(1, Math.floor(files.length / limit))
  const chosen = files.filter((_, index) => index % step === 0).slice(0, limit)
  let scannedPages = 0
  for (const [index, name] of chosen.entries()) {
    const pdf = await printPdf(await readFile(join(source, name), "utf8"), pageLimit)
    const scan = await scanPdf(pdf)
    scannedPages += scan.pages
    const file = `real-${String(index + 1).padStart(3, "0")}.pdf`
    await writeFile(join(textDir, file), pdf)
    await writeFile(join(scanDir, file), scan.bytes)
  }
  const config = await Effect.runPromise(loadPipelineConfig())
  const ner = config.detectors.ner?.enabled
    ? await createNerDetector({ modelDir: join(PROJECT_ROOT, config.detectors.ner.model), quantized: config.detectors.ner.quantized, threshold: config.detectors.ner.threshold, workers: 0 })
    : undefined
  const extra = ner ? [ner] : []
  const limits = { ...config.limits, ocr: config.ocr }
  const analysed = async (bytes: Uint8Array, name: string) => {
    const exit = await Effect.runPromiseExit(extractDocument(bytes, name, limits))
    if (exit._tag === "Failure") {
      const failure = Cause.squash(exit.cause)
      return { failure: failure instanceof IngestFailure ? failure.reason : "processing_error" } as const
    }
    const text = composeText(exit.value)
    const policy = publicationPolicy(text, config)
    const redaction = redactText(text, hardenSpans(await analyse(text, config, extra), policy), policy.config)
    const gate = gatePublication(redaction.text, redaction, policy.config, ruleDetectors(policy.config))
    return { text, ocr: exit.value.ocr, redaction, publish: gate.publish && policy.publishable }
  }
  const byCause = new Map<string, number>()
  const similarities: number[] = []
  const confidences: number[] = []
  let dnis = 0
  let dnisLeft = 0
  let names = 0
  let namesLeft = 0
  let withheld = 0
  let ocrSeconds = 0
  for (const file of (await readdir(textDir)).sort()) {
    const reference = await analysed(new Uint8Array(await readFile(join(textDir, file))), file)
    const started = performance.now()
    const scanned = await analysed(new Uint8Array(await readFile(join(scanDir, file))), file)
    ocrSeconds += (performance.now() - started) / 1000
    if (scanned.failure !== undefined) {
      byCause.set(scanned.failure, (byCause.get(scanned.failure) ?? 0) + 1)
      continue
    }
    if (reference.failure !== undefined) continue
    if (!scanned.publish) withheld++
    confidences.push(...(scanned.ocr?.pages ?? []).map((page) => page.confidence))
    const a = collapse(reference.text)
    similarities.push(1 - levenshtein(a, collapse(scanned.text)) / a.length)
    // Detection, not the gate: what the scan's redacted text would publish.
    const published = scanned.redaction.text
    const numbers = new Set((published.match(/\d[\d.\s]*\d/g) ?? []).map((number) => number.replace(/\D/g, "")))
    for (const entity of reference.redaction.entities.filter((candidate) => candidate.action === "redact")) {
      if (entity.label === "DNI") {
        dnis++
        if (numbers.has(entity.text.replace(/\D/g, ""))) dnisLeft++
      } else if (entity.label === "PERSONA") {
        names++
        if (published.includes(entity.text)) namesLeft++
      }
    }
  }
  await ner?.close()
  await closeOcrEngine()
  similarities.sort((x, y) => x - y)
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
  console.table([{
    resoluciones: chosen.length,
    paginas_escaneadas: scannedPages,
    fallas: [...byCause].map(([cause, count]) => `${cause}:${count}`).join(" ") || "-",
    needs_ocr: byCause.get("needs_ocr") ?? 0,
    retenidas: withheld,
    similitud_media: Number(mean(similarities).toFixed(4)),
    similitud_minima: Number((similarities[0] ?? 0).toFixed(4)),
    confianza_media: Number(mean(confidences).toFixed(1)),
    dni_referencia: dnis,
    dni_legibles: dnisLeft,
    nombres_referencia: names,
    nombres_legibles: namesLeft,
    fuga_nombres: `${((100 * namesLeft) / Math.max(1, names)).toFixed(1)} %`,
    paginas_por_s: Number((scannedPages / ocrSeconds).toFixed(2)),
  }])
  if (argument("--work") === undefined) await rm(work, { recursive: true, force: true })
}

await main()
