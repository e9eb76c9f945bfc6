/**
 * OCR on scans of real rulings (../shared/data/corpora/cordoba-civil-2022,
 * or $TACHA_CORPORA; skipped when absent). Each ruling's text is printed to
 * PDF (Times 12 pt, A4), its first pages drawn at 200 dpi and wrapped in an
 * image-only PDF; both PDFs go through the pipeline's own steps in process
 * (extraction with OCR, analysis with rules and model, redaction, the
 * publication gate, the OCR confidence hold). Prints counts only, never
 * text, names or numbers.
 *
 * There is no gold: the text PDF's run is the reference, and the scan is
 * measured against it, mention by mention, through a character alignment of
 * the two texts (so a name OCR misread, "Feneyra" for "Ferreyra", still
 * counts as readable when it is not redacted):
 *
 * - similarity of the OCR text to the text layer (1 - character error rate);
 * - DNI: numbers the text run hid as DNI whose digits the scan leaves
 *   readable, plus any "DNI ..." number left in the scan's public text;
 * - names: person mentions hidden by either run. A mention the text run
 *   hid and the scan leaves readable is OCR's fault ("nombres_fuga_ocr"); one
 *   the scan hid and the text run left readable ("nombres_solo_ocultos_ocr")
 *   is the detectors' own miss on clean text, not OCR's, or the scan's over-
 *   redaction (a heading "I.-" taken for an initial): an upper bound on the
 *   text run's own leaks. What either run took
 *   for a person but is no one's private name is counted apart, not as a
 *   leak: organisations (a legal form or a company word: "... S.A.",
 *   "Seguros ...", "Banco ..."; "organizaciones"), and officials (every word
 *   kept as FUNCIONARIO elsewhere in either run: a judge's surname one run
 *   hid in passing) or a province or barrio alone ("CORDOBA, 02/02/2022";
 *   "funcionarios_o_lugares").
 *
 *   npx node bench/ocrReal.ts [--limit 12] [--pages 2] [--pipeline FILE] [--work DIR]
 */
import { existsSync } from "node:fs"
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib"
import { createNerDetector } from "../src/detect/ner/index.ts"
import { ruleDetectors } from "../src/detect/registry.ts"
import { IngestFailure } from "../src/domain/IngestFailure.ts"
import { loadPipelineConfig, PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { fold } from "../src/detect/fold.ts"
import { CABA_BARRIOS, PROVINCES } from "../src/detect/lexicon/places.ts"
import { CORPORA_DIR } from "../src/eval/corpora/run.ts"
import { extractDocument } from "../src/ingest/extract.ts"
import { closeOcrEngine } from "../src/ingest/ocr/OcrEngine.ts"
import { composeText } from "../src/normalise/composeText.ts"
import { publicationPolicy } from "../src/publish/gate.ts"
import { redactAndGate } from "../src/publish/redactAndGate.ts"
import { analyse } from "../src/resolve/resolve.ts"
import { align, collapse } from "../test/ocr/align.ts"
import { imageOnlyPdf, scanPages } from "../test/fixtures/scans.ts"

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}
const limit = Number(argument("--limit") ?? 12)
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

/** The ruling's first `pages` pages, printed as a court's word processor would. */
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

/** A company, not a person: a legal form in or right after the name, or a company word in it or before it. */
const LEGAL_FORM = /(?<![\p{L}])(?:S\.\s?A\.?(?:\s?[ICU]\.?){0,3}|SA|S\.?\s?R\.?\s?L\.?|SRL|S\.\s?A\.\s?S\.?|SAS|S\.\s?C\.\s?A\.?|S\.\s?E\.?|Ltda\.?|Inc\.?|LLC|Cía\.?)(?![\p{L}])/u
const ORGANISATION_WORD = /(?<![\p{L}])(?:seguros?|aseguradora|banco|compa[ñn][íi]a|cooperativa|mutual|asociaci[óo]n|fundaci[óo]n|sociedad|club|sindicato|consorcio|empresa|federaci[óo]n|caja|instituto|municipalidad)(?![\p{L}])/iu
const isOrganisation = (text: string, start: number, end: number): boolean =>
  ORGANISATION_WORD.test(text.slice(Math.max(0, start - 25), end)) || LEGAL_FORM.test(text.slice(start, end + 8))

/** A province or a Buenos Aires barrio ("CORDOBA, 02/02/2022" taken for a surname): a place, or a surname that is also one. */
const isPlace = (mention: string): boolean => {
  const folded = fold(mention.trim())
  return PROVINCES.has(folded) || CABA_BARRIOS.has(folded)
}

/** An official's name (kept as FUNCIONARIO somewhere in either run): public in its role, never a private name. */
const isOfficial = (mention: string, officials: ReadonlySet<string>): boolean => {
  const words = fold(mention).split(/[^\p{L}]+/u).filter((word) => word.length >= 3)
  return words.length > 0 && words.every((word) => officials.has(word))
}

interface Analysed {
  readonly text: string
  readonly published: string
  /** Redacted stretches of `text` (any label). */
  readonly hidden: readonly { readonly start: number; readonly end: number; readonly label: string }[]
  /** Words of the officials' names this run kept visible, folded. */
  readonly officials: ReadonlySet<string>
  readonly held: boolean
  readonly confidence: readonly number[]
}

const WORD_CHAR = /[\p{L}\p{N}]/u
/** Whether every letter and digit of text[start, end) is inside a redaction. */
const allHidden = (analysed: Analysed, offsets: readonly number[]): boolean =>
  offsets.filter((offset) => WORD_CHAR.test(analysed.text[offset] ?? "")).every((offset) => analysed.hidden.some((span) => span.start <= offset && offset < span.end))

const main = async () => {
  if (!existsSync(source)) {
    console.log(`No está el corpus (${source}): nada que medir.`)
    return
  }
  const work = argument("--work") ?? (await mkdtemp(join(tmpdir(), "tacha-ocr-real-")))
  await mkdir(work, { recursive: true })
  const files = (await readdir(source)).filter((name) => name.endsWith(".txt")).sort()
  // Spread over the year: every n-th ruling.
  const step = Math.max(1, Math.floor(files.length / limit))
  const chosen = files.filter((_, index) => index % step === 0).slice(0, limit)

  const config = await Effect.runPromise(loadPipelineConfig(argument("--pipeline")))
  const ner = config.detectors.ner?.enabled
    ? await createNerDetector({ modelDir: join(PROJECT_ROOT, config.detectors.ner.model), quantized: config.detectors.ner.quantized, threshold: config.detectors.ner.threshold, workers: 0 })
    : undefined
  const extra = ner ? [ner] : []
  const limits = { ...config.limits, timeoutMs: 1_800_000, ocr: config.ocr }
  const analysed = async (bytes: Uint8Array, name: string): Promise<Analysed | { readonly failure: string }> => {
    const exit = await Effect.runPromiseExit(extractDocument(bytes, name, limits))
    if (exit._tag === "Failure") {
      const failure = Cause.squash(exit.cause)
      return { failure: failure instanceof IngestFailure ? failure.reason : "processing_error" }
    }
    const text = composeText(exit.value)
    const policy = publicationPolicy(text, config)
    const { redaction, gate } = redactAndGate(text, await analyse(text, config, extra), policy, ruleDetectors(policy.config))
    const confidence = (exit.value.ocr?.pages ?? []).map((page) => page.confidence)
    const lowConfidence = exit.value.ocr !== undefined && exit.value.ocr.meanConfidence < config.ocr.minConfidence
    return {
      text,
      published: redaction.text,
      hidden: redaction.entities.filter((entity) => entity.action === "redact").map(({ start, end, label }) => ({ start, end, label })),
      officials: new Set(redaction.entities.filter((entity) => entity.label === "FUNCIONARIO" && entity.action !== "redact").flatMap((entity) => fold(entity.text).split(/[^\p{L}]+/u).filter((word) => word.length >= 3))),
      held: !gate.publish || !policy.publishable || lowConfidence,
      confidence,
    }
  }

  const byCause = new Map<string, number>()
  const similarities: number[] = []
  const confidences: number[] = []
  const counts = { pages: 0, held: 0, heldText: 0, dni: 0, dniLeft: 0, dniCueLeft: 0, names: 0, namesLeftOcr: 0, namesLeftText: 0, organisations: 0, organisationsLeftOcr: 0, notPrivate: 0 }
  let ocrSeconds = 0
  for (const [index, name] of chosen.entries()) {
    process.stderr.write(`resolución ${index + 1} de ${chosen.length}\n`)
    const file = `real-${String(index + 1).padStart(3, "0")}.pdf`
    const pdf = await printPdf(await readFile(join(source, name), "utf8"), pageLimit)
    const pageCount = (await PDFDocument.load(pdf)).getPageCount()
    const scan = await imageOnlyPdf(await scanPages(pdf, Array.from({ length: pageCount }, (_, page) => page + 1), 200))
    counts.pages += pageCount
    const reference = await analysed(pdf, file)
    const started = performance.now()
    const scanned = await analysed(scan, file)
    ocrSeconds += (performance.now() - started) / 1000
    if ("failure" in scanned) {
      byCause.set(scanned.failure, (byCause.get(scanned.failure) ?? 0) + 1)
      continue
    }
    if ("failure" in reference) continue
    if (scanned.held) counts.held++
    if (reference.held) counts.heldText++
    confidences.push(...scanned.confidence)
    const a = collapse(reference.text)
    similarities.push(1 - align(a, collapse(scanned.text)).distance / a.length)

    // Where each character of the text run's text landed in the scan's, and back.
    const { target } = align(reference.text, scanned.text)
    const back = new Int32Array(scanned.text.length).fill(-1)
    target.forEach((to, from) => {
      if (to >= 0) back[to] = from
    })
    const offsets = (start: number, end: number, map: Int32Array) => Array.from({ length: end - start }, (_, k) => map[start + k]!).filter((offset) => offset >= 0)

    for (const span of reference.hidden.filter((candidate) => candidate.label === "DNI")) {
      counts.dni++
      const landed = offsets(span.start, span.end, target)
      if (landed.length === 0 || !allHidden(scanned, landed)) counts.dniLeft++
    }
    counts.dniCueLeft += (scanned.published.match(/\bD\.?\s?N\.?\s?I\.?\s*(?:N\s?[°º.o]\s*)?:?\s*\d{1,2}\.?\d{3}\.?\d{3}\b/gu) ?? []).length

    // Person mentions hidden by either run, each counted once (by where it stands in the text run's text).
    const fromText = reference.hidden.filter((span) => span.label === "PERSONA").map((span) => ({ start: span.start, end: span.end }))
    const fromScan = scanned.hidden.filter((span) => span.label === "PERSONA").flatMap((span) => {
      const landed = offsets(span.start, span.end, back)
      return landed.length === 0 ? [] : [{ start: Math.min(...landed), end: Math.max(...landed) + 1 }]
    }).filter((span) => !fromText.some((other) => other.start < span.end && span.start < other.end))
    const officials = new Set([...reference.officials, ...scanned.officials])
    for (const mention of [...fromText, ...fromScan]) {
      const surface = reference.text.slice(mention.start, mention.end)
      if (isOfficial(surface, officials) || isPlace(surface)) {
        counts.notPrivate++
        continue
      }
      const organisation = isOrganisation(reference.text, mention.start, mention.end)
      const textHides = allHidden(reference, Array.from({ length: mention.end - mention.start }, (_, k) => mention.start + k))
      const landed = offsets(mention.start, mention.end, target)
      const scanHides = landed.length > 0 && allHidden(scanned, landed)
      if (organisation) {
        counts.organisations++
        if (textHides && !scanHides) counts.organisationsLeftOcr++
        continue
      }
      counts.names++
      if (textHides && !scanHides) counts.namesLeftOcr++
      if (!textHides && scanHides) counts.namesLeftText++
    }
  }
  await ner?.close()
  await closeOcrEngine()
  similarities.sort((x, y) => x - y)
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
  const share = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`
  console.table([{
    resoluciones: chosen.length,
    paginas_escaneadas: counts.pages,
    fallas: [...byCause].map(([cause, count]) => `${cause}:${count}`).join(" ") || "-",
    needs_ocr: byCause.get("needs_ocr") ?? 0,
    retenidas_ocr: counts.held,
    retenidas_texto: counts.heldText,
    similitud_media: Number(mean(similarities).toFixed(4)),
    similitud_minima: Number((similarities[0] ?? 0).toFixed(4)),
    confianza_media: Number(mean(confidences).toFixed(1)),
    paginas_por_s: Number((counts.pages / ocrSeconds).toFixed(3)),
  }])
  console.table([{
    dni_referencia: counts.dni,
    dni_legibles_ocr: counts.dniLeft,
    dni_con_rotulo_legibles_ocr: counts.dniCueLeft,
    menciones_nombre: counts.names,
    nombres_fuga_ocr: counts.namesLeftOcr,
    fuga_ocr: share(counts.namesLeftOcr, counts.names),
    nombres_solo_ocultos_ocr: counts.namesLeftText,
    solo_ocultos_ocr: share(counts.namesLeftText, counts.names),
    organizaciones: counts.organisations,
    organizaciones_legibles_ocr: counts.organisationsLeftOcr,
    funcionarios_o_lugares: counts.notPrivate,
  }])
  if (argument("--work") === undefined) await rm(work, { recursive: true, force: true })
}

await main()
