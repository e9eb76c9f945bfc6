import { execFile } from "node:child_process"
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { createCanvas } from "@napi-rs/canvas"
import * as Effect from "effect/Effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { generateRuling, loadGazetteers, type Ruling } from "../../samples/generator/index.ts"
import { toPdf } from "../../samples/generator/render.ts"
import { csvRows } from "../../src/ingest/csvRows.ts"
import { readPdf } from "../../src/ingest/pdf.ts"
import { composeText } from "../../src/normalise/composeText.ts"
import { makePng } from "../ingest/fixtures.ts"
import { align, characterErrorRate } from "./align.ts"
import { imageOnlyPdf, mixedPdf, multiPageTiff, scanPages } from "../fixtures/scans.ts"

/**
 * Scanned rulings end to end: generated rulings printed to PDF, their pages
 * drawn at 200 dpi and wrapped in an image-only PDF, a multi-page TIFF and a
 * PDF with one text page and one scanned page, run through `tacha run` with
 * every thread's network taken away (noNetwork.ts). The OCR text is compared
 * with the text the same pages give from their text layer.
 */

const PROJECT_ROOT = join(import.meta.dirname, "..", "..")
const run = promisify(execFile)
/**
 * Every letter and digit of a source mention (a name, DNI, CUIT, passport,
 * phone, case number, address, plate, place, date, handle...) must be
 * hidden, as OCR read it, except the letters of these: OCR reads a file's
 * or an e-mail's "_" as a space, so the words of "captura_whatsapp_3.png"
 * stand apart from the redacted "3.png" (no one's data), and an e-mail's
 * user split off that way ("patricia garcia@...") keeps its first part
 * readable when OCR misread it too. Their digits must still be hidden.
 */
const LETTERS_HIDDEN: Readonly<Record<string, number>> = { ARCHIVO: 0, EMAIL: 0.6, URL: 0.6 }

interface Scan {
  readonly file: string
  readonly ruling: Ruling
  /** What the same pages give from their text layer. */
  readonly truth: string
  readonly ocrPages: readonly number[]
}

let base: string
let out: string
let result: { code: number; stdout: string; stderr: string }
let netLog: string
const scans: Scan[] = []

const audits = async (): Promise<Map<string, any>> => {
  const dir = join(out, "private", "audit")
  const records = await Promise.all((await readdir(dir)).map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8"))))
  return new Map(records.map((record) => [record.source, record]))
}

const publicTexts = async (): Promise<string[]> => {
  const dir = join(out, "public")
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
  return Promise.all(files.map((entry) => readFile(join(entry.parentPath, entry.name), "utf8")))
}

/** A few lines of print under heavy speckle: OCR reads something, with little confidence. */
const speckledPng = (): Uint8Array => {
  const canvas = createCanvas(900, 160)
  const context = canvas.getContext("2d")
  context.fillStyle = "#fff"
  context.fillRect(0, 0, 900, 160)
  context.fillStyle = "#000"
  context.font = "34px serif"
  context.fillText("Buenos Aires, 12 de marzo de 2024. Resuelvo.", 20, 60)
  context.fillText("Notifíquese y archívese la presente causa.", 20, 120)
  const pixels = context.getImageData(0, 0, 900, 160)
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (random() < 0.3) pixels.data[i] = pixels.data[i + 1] = pixels.data[i + 2] = random() < 0.5 ? 0 : 255
  }
  context.putImageData(pixels, 0, 0)
  return new Uint8Array(canvas.toBuffer("image/png"))
}

/** A blank A4 page scanned at 200 dpi. */
const blankScan = () => {
  const canvas = createCanvas(1654, 2339)
  const context = canvas.getContext("2d")
  context.fillStyle = "#fff"
  context.fillRect(0, 0, 1654, 2339)
  return { png: new Uint8Array(canvas.toBuffer("image/png")), width: 1654, height: 2339 }
}

/** A PNG whose header declares 100 000 × 100 000 pixels: refused before decoding. */
const hugePng = (): Uint8Array => {
  const png = Buffer.from(makePng())
  png.writeUInt32BE(100_000, 16)
  png.writeUInt32BE(100_000, 20)
  return png
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "tacha-ocr-"))
  const input = join(base, "entrada")
  out = join(base, "salida")
  netLog = join(base, "red.log")
  await mkdir(input)
  const gazetteers = loadGazetteers({ builtin: true })
  const make = async (seed: number) => {
    const ruling = generateRuling(seed, { gazetteers })
    const pdf = await toPdf(ruling, seed)
    const truth = composeText(await Effect.runPromise(readPdf(await mixedPdf(pdf, [{ text: 1 }, { text: 2 }]))))
    return { ruling, pdf, truth }
  }
  const a = await make(101)
  // A scanner's blank back after the two pages: not sent to tesseract, recorded with no text.
  await writeFile(join(input, "escaneado.pdf"), await imageOnlyPdf([...await scanPages(a.pdf, [1, 2]), blankScan()]))
  scans.push({ file: "escaneado.pdf", ruling: a.ruling, truth: a.truth, ocrPages: [1, 2, 3] })
  const b = await make(202)
  const tiff = await multiPageTiff(await scanPages(b.pdf, [1, 2]))
  await writeFile(join(input, "escaneado.tif"), tiff)
  scans.push({ file: "escaneado.tif", ruling: b.ruling, truth: b.truth, ocrPages: [1, 2] })
  const c = await make(303)
  await writeFile(join(input, "mixto.pdf"), await mixedPdf(c.pdf, [{ text: 1 }, { scan: (await scanPages(c.pdf, [2]))[0]! }]))
  scans.push({ file: "mixto.pdf", ruling: c.ruling, truth: c.truth, ocrPages: [2] })
  const d = await make(404)
  await writeFile(join(input, "texto.pdf"), await mixedPdf(d.pdf, [{ text: 1 }, { text: 2 }]))
  await writeFile(join(input, "ruido.png"), speckledPng())
  await writeFile(join(input, "enorme.png"), hugePng())
  await writeFile(join(input, "cortado.png"), makePng(64).slice(0, 60))
  await writeFile(join(input, "cortado.tif"), tiff.slice(0, 9000))
  await writeFile(join(input, "roto.jpg"), new TextEncoder().encode("esto no es una foto"))
  try {
    // The court's pipeline as shipped, with room for a machine busy with other work: OCR is CPU-bound.
    const pipeline = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal.json"), "utf8"))
    const pipelineFile = join(base, "pipeline.json")
    await writeFile(pipelineFile, JSON.stringify({ ...pipeline, $schema: undefined, limits: { ...pipeline.limits, timeoutMs: 600_000 } }))
    const { stdout, stderr } = await run(process.execPath, ["--import", "./test/ocr/noNetwork.ts", "src/bin.ts", "run", input, "--out", out, "--pipeline", pipelineFile], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TACHA_NET_LOG: netLog },
      maxBuffer: 16 * 1024 * 1024,
    })
    result = { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    result = { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}, 600_000)

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true })
})

describe("tacha run on scanned rulings (OCR, offline)", () => {
  it("reads every scan with no network in any thread, and fails bad images with their cause", async () => {
    const log = (await readFile(netLog, "utf8")).trim().split("\n")
    expect(log.filter((line) => line.startsWith("network"))).toEqual([])
    // The main thread, document workers, the model's and tesseract's threads all ran without network.
    expect(log.filter((line) => line.startsWith("thread")).length).toBeGreaterThanOrEqual(5)
    expect(result.code).toBe(1)
    const failures = (await readFile(join(out, "private", "failures.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line))
    expect(Object.fromEntries(failures.map((failure) => [failure.file, failure.reason]))).toEqual({
      "cortado.png": "corrupt_image",
      "cortado.tif": "corrupt_image",
      "enorme.png": "image_too_large",
      "roto.jpg": "corrupt_image",
      "ruido.png": "ocr_baja_confianza",
    })
    for (const failure of failures) expect(result.stdout).toContain(`${failure.file}: ${failure.cause}`)
    expect(result.stdout + result.stderr).not.toMatch(/needs_ocr|requiere OCR/)
  })

  it("OCRs only the pages without text, keeps each page's confidence in the audit, and says so in origen_texto", async () => {
    const records = await audits()
    for (const scan of scans) {
      const record = records.get(scan.file)
      expect(record.ocr.engine).toMatch(/^tesseract\.js \S+ spa /)
      expect(record.ocr.pages.map((page: { page: number }) => page.page)).toEqual(scan.ocrPages)
      for (const page of record.ocr.pages.filter((page: { characters: number }) => page.characters > 0)) expect(page.confidence).toBeGreaterThan(70)
      expect(record.ocr.meanConfidence).toBeGreaterThan(70)
    }
    expect(records.get("escaneado.pdf").ocr.pages[2]).toEqual({ page: 3, confidence: 0, characters: 0 })
    expect(records.get("texto.pdf").ocr).toBeUndefined()
    const csv = csvRows(await readFile(join(out, "public", "resoluciones.csv"), "utf8"))
    if ("error" in csv) throw new Error(csv.error)
    const [header, ...rows] = csv.filter((row) => row.length > 1)
    const column = (row: readonly string[], name: string) => row[header!.indexOf(name)]
    const bySource = new Map([...records.values()].map((record) => [record.id, record.source]))
    const origin = Object.fromEntries(rows.map((row) => [bySource.get(column(row, "id")!), [column(row, "formato_original"), column(row, "origen_texto")]]))
    expect(origin).toEqual({
      "escaneado.pdf": ["pdf", "ocr"],
      "escaneado.tif": ["tiff", "ocr"],
      "mixto.pdf": ["pdf", "ocr"],
      "texto.pdf": ["pdf", "texto"],
    })
  })

  it("reads the scans with at most 2% character errors against their text layer", async () => {
    const records = await audits()
    for (const scan of scans) {
      const rate = characterErrorRate(scan.truth, records.get(scan.file).text)
      expect(rate, scan.file).toBeLessThanOrEqual(0.02)
    }
  })

  it("hides every identifier and name of the source in the OCR text, and publishes none of them", async () => {
    const records = await audits()
    const published = (await publicTexts()).join("\n")
    // The digits of each number as published ("20.123.456", "+54 11 4119 1484"...), to find one however it is grouped.
    const publishedNumbers = (published.match(/\d[\d.\s/-]*\d/g) ?? []).map((number) => number.replace(/\D/g, ""))
    for (const scan of scans) {
      const record = records.get(scan.file)
      const redacted = record.entities.filter((entity: { action: string }) => entity.action === "redact")
      const covered = (offset: number) => redacted.some((entity: { start: number; end: number }) => entity.start <= offset && offset < entity.end)
      const { target } = align(scan.truth, record.text)
      const mentions = new Map<string, number>()
      for (const span of scan.ruling.spans) {
        const surface = span.text
        for (let at = scan.truth.indexOf(surface); at >= 0; at = scan.truth.indexOf(surface, at + 1)) {
          mentions.set(span.label, (mentions.get(span.label) ?? 0) + 1)
          // Where each letter and digit of the mention landed in the OCR text, as OCR read it.
          const landed = Array.from({ length: surface.length }, (_, k) => target[at + k]!).filter((offset) => offset >= 0 && /[\p{L}\p{N}]/u.test(record.text[offset]))
          expect(landed.length, `${scan.file}: ${span.label} en ${at} no leído`).toBeGreaterThan(0)
          const digits = landed.filter((offset) => /\p{N}/u.test(record.text[offset]))
          const letters = landed.filter((offset) => !/\p{N}/u.test(record.text[offset]))
          expect(digits.filter((offset) => !covered(offset)), `${scan.file}: dígitos de ${span.label} en ${at}`).toEqual([])
          const lettersHidden = letters.length === 0 ? 1 : letters.filter(covered).length / letters.length
          expect(lettersHidden, `${scan.file}: letras de ${span.label} en ${at}`).toBeGreaterThanOrEqual(LETTERS_HIDDEN[span.label] ?? 1)
        }
        expect(published.includes(surface), `${scan.file}: ${span.label} publicado`).toBe(false)
        const surfaceDigits = surface.replace(/\D/g, "")
        if (surfaceDigits.length >= 6) expect(publishedNumbers.some((number) => number.includes(surfaceDigits)), `${scan.file}: ${span.label} publicado`).toBe(false)
      }
      // The scans hold names and identifiers of many kinds: the check is not vacuous.
      expect(mentions.get("PERSONA") ?? 0).toBeGreaterThanOrEqual(3)
      expect(mentions.size).toBeGreaterThanOrEqual(8)
    }
    // Nothing personal in what the terminal printed either.
    for (const scan of scans) {
      for (const span of scan.ruling.spans) expect(result.stdout + result.stderr).not.toContain(span.text)
    }
  })
})
