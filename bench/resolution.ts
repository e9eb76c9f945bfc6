/**
 * Resolution benchmark: does the time to analyse one ruling grow linearly
 * with its size when the ruling is dense with names? Builds name-dense
 * rulings of 0.25, 0.5, 1, 2 and 4 MB (a seeded mix of parties with DNI and
 * address, repeated mentions by surname, inverted names and officials), then,
 * in this process, times each stage on each size: the rule detectors, the
 * resolution (`resolveSpans`, split into `mergeSpans` and `propagate`), and
 * the whole document (`analyseDocument`: extract, analyse, redact, gate),
 * rules only and with the default pipeline (rules + model). Prints a table
 * with the growth ratio for each doubling (wall time, and the document's CPU
 * time, which a shared machine disturbs less) and one JSON line. Each
 * measurement runs in its own process; one that takes longer than four
 * times the default document limit is cut and the larger sizes skipped.
 *
 *   npx node bench/resolution.ts [--sizes 0.25,0.5,1,2,4] [--rules-only] [--merge-only] [--seed 12]
 */
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import * as Effect from "effect/Effect"
import { loadPipelineConfig, PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import type { PipelineConfig } from "../src/domain/PipelineConfig.ts"
import type { Detector } from "../src/detect/Detector.ts"
import { FIRST_NAMES } from "../src/detect/lexicon/firstNames.ts"
import { SURNAMES } from "../src/detect/lexicon/surnames.ts"
import { detectAll, ruleDetectors } from "../src/detect/registry.ts"
import { analyseDocument } from "../src/pipeline/analyseDocument.ts"
import { loadNerDetector } from "../src/pipeline/loadNerDetector.ts"
import { mergeSpans } from "../src/resolve/merge.ts"
import { propagate } from "../src/resolve/propagate.ts"
import { MIN_SCORE, resolveSpans } from "../src/resolve/resolve.ts"

const args = process.argv.slice(2)
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback
}
const sizes = option("sizes", "0.25,0.5,1,2,4").split(",").map(Number)
const seed = Number(option("seed", "12"))
const rulesOnly = args.includes("--rules-only")
/** Only detection and mergeSpans (what does not wait for propagation), so every size fits the time cap. */
const mergeOnly = args.includes("--merge-only")

/** Small deterministic generator (mulberry32). */
const random = (start: number) => {
  let state = start >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)
const GIVEN = [...FIRST_NAMES].filter((name) => name.length >= 4).slice(0, 1500).map(capital)
const FAMILY = [...SURNAMES].filter((name) => name.length >= 5).slice(0, 1500).map(capital)

/**
 * A name-dense ruling of about `bytes` bytes: every paragraph introduces a
 * party (new people keep coming, about one per 400 characters) and mentions
 * earlier ones again, so both the spans and the distinct entities grow with
 * the size, as in a long trial verdict.
 */
export const nameDenseRuling = (bytes: number, seedValue: number): string => {
  const next = random(seedValue)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const people: { given: string; surname: string }[] = []
  const chunks: string[] = ["Buenos Aires, 3 de marzo de 2025.\n\nVISTOS Y CONSIDERANDO:\n\n"]
  let length = chunks[0]!.length
  let paragraph = 0
  while (length < bytes) {
    paragraph++
    const person = { given: `${pick(GIVEN)} ${pick(GIVEN)}`, surname: pick(FAMILY).toUpperCase() }
    people.push(person)
    const earlier = people[Math.floor(next() * people.length)]!
    const other = people[Math.floor(next() * people.length)]!
    const dni = `${20 + Math.floor(next() * 25)}.${String(Math.floor(next() * 1000)).padStart(3, "0")}.${String(Math.floor(next() * 1000)).padStart(3, "0")}`
    const text =
      `${paragraph}. Se presentó el imputado ${person.given} ${person.surname}, DNI ${dni}, con domicilio en la calle ${pick(FAMILY)} ${100 + Math.floor(next() * 4000)} de esta ciudad, ` +
      `asistido por la Defensora Oficial Dra. ${pick(GIVEN)} ${pick(FAMILY)}. Declaró que conoce a ${earlier.given} ${earlier.surname} ` +
      `y que ${capital(other.surname.toLowerCase())} estuvo presente. ${capital(person.surname.toLowerCase())} negó los hechos; ` +
      `la testigo ${other.surname}, ${other.given.split(" ")[0]} lo ratificó ante el Juez Dr. ${pick(GIVEN)} ${pick(FAMILY)}.\n\n`
    chunks.push(text)
    length += Buffer.byteLength(text)
  }
  return chunks.join("")
}

const seconds = (from: number): number => (performance.now() - from) / 1000

const withoutModel = (config: PipelineConfig): PipelineConfig =>
  ({ ...config, detectors: { ...config.detectors, ner: config.detectors.ner ? { ...config.detectors.ner, enabled: false } : undefined } }) as PipelineConfig

interface Row {
  readonly pipeline: string
  readonly megabytes: number
  readonly characters: number
  readonly spans: number
  readonly detectSeconds: number
  readonly mergeSeconds: number
  readonly propagateSeconds: number
  readonly resolveSeconds: number
  readonly documentSeconds: number
  /** CPU time of the whole-document analysis (all threads): steadier than wall time on a shared machine. */
  readonly documentCpuSeconds: number
  readonly outcome: string
}

const measure = async (pipeline: string, config: PipelineConfig, extra: readonly Detector[], megabytes: number): Promise<Row> => {
  const text = nameDenseRuling(Math.round(megabytes * 1024 * 1024), seed)
  let started = performance.now()
  const spans = await detectAll(text, ruleDetectors(config), extra, MIN_SCORE)
  const detectSeconds = seconds(started)
  started = performance.now()
  const merged = mergeSpans(text, spans.filter((span) => span.score >= 0.5))
  const mergeSeconds = seconds(started)
  if (mergeOnly) {
    return { pipeline, megabytes, characters: text.length, spans: spans.length, detectSeconds, mergeSeconds, propagateSeconds: Number.NaN, resolveSeconds: Number.NaN, documentSeconds: Number.NaN, documentCpuSeconds: Number.NaN, outcome: "–" }
  }
  started = performance.now()
  propagate(text, merged)
  const propagateSeconds = seconds(started)
  started = performance.now()
  resolveSpans(text, spans, config)
  const resolveSeconds = seconds(started)
  const bytes = new TextEncoder().encode(text)
  started = performance.now()
  const cpu = process.cpuUsage()
  const outcome = await analyseDocument(
    { id: "bench", relative: "bench.txt", sha256: createHash("sha256").update(bytes).digest("hex"), metadata: {}, bytes },
    { ...config, limits: { ...config.limits, maxFileBytes: 64 * 1024 * 1024 } },
    extra,
  )
  const documentSeconds = seconds(started)
  const used = process.cpuUsage(cpu)
  const documentCpuSeconds = (used.user + used.system) / 1e6
  return {
    pipeline, megabytes, characters: text.length, spans: spans.length,
    detectSeconds, mergeSeconds, propagateSeconds, resolveSeconds, documentSeconds, documentCpuSeconds,
    outcome: outcome.ok ? "publicada" : outcome.reason,
  }
}

/** Skipped stages are NaN here and null once through JSON. */
const format = (value: number | null, digits = 2): string =>
  value === null || Number.isNaN(value) ? "–" : value.toFixed(digits).replace(".", ",")
const ratio = (rows: readonly Row[], index: number, key: keyof Row): string => {
  const previous = rows[index - 1]
  if (!previous || previous.pipeline !== rows[index]!.pipeline) return "–"
  const [now, before] = [rows[index]![key] as number | null, previous[key] as number | null]
  return now === null || before === null ? "–" : format(now / Math.max(1e-3, before))
}

/** One measurement, in this process: `--one <sólo reglas|reglas + modelo> <MB>`; prints its row as JSON. */
const measureOne = (pipeline: string, megabytes: number) =>
  Effect.scoped(Effect.gen(function*() {
    const base = yield* loadPipelineConfig(join(PROJECT_ROOT, "pipelines", "caba-penal.json"))
    if (pipeline === RULES) return yield* Effect.promise(() => measure(pipeline, withoutModel(base), [], megabytes))
    const model = yield* loadNerDetector(base)
    return yield* Effect.promise(() => measure(pipeline, base, model, megabytes))
  }))

const RULES = "sólo reglas"
const MODEL = "reglas + modelo"
/** A measurement runs the resolution three times and the document once: past this it is cut and larger sizes skipped. */
const CHILD_LIMIT_MS = 4 * 120_000

const main = async () => {
  const rows: Row[] = []
  const skipped: string[] = []
  for (const pipeline of rulesOnly ? [RULES] : [RULES, MODEL]) {
    for (const megabytes of sizes) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--one", pipeline, String(megabytes), "--seed", String(seed), ...(mergeOnly ? ["--merge-only"] : [])], {
        encoding: "utf8", timeout: CHILD_LIMIT_MS, maxBuffer: 16 << 20,
      })
      const line = child.stdout?.trim().split("\n").filter((text) => text.startsWith("{")).pop()
      if (!line) {
        skipped.push(`${pipeline} ${format(megabytes)} MB: ${child.signal ? `cortado a los ${CHILD_LIMIT_MS / 1000} s` : `falló (${child.stderr?.slice(-300)})`}`)
        break
      }
      rows.push(JSON.parse(line) as Row)
      process.stderr.write(`${pipeline} ${megabytes} MB: mergeSpans ${format(rows.at(-1)!.mergeSeconds)} s, documento ${format(rows.at(-1)!.documentSeconds, 1)} s (CPU ${format(rows.at(-1)!.documentCpuSeconds, 1)} s)\n`)
    }
  }
  const header = ["pipeline", "MB", "spans", "detección s", "mergeSpans s", "propagate s", "resolución s", "×", "documento s", "×", "documento CPU s", "×", "resultado", "× mergeSpans"]
  console.log(`| ${header.join(" | ")} |`)
  console.log(`| ${header.map(() => "---").join(" | ")} |`)
  rows.forEach((row, index) => {
    console.log(`| ${[
      row.pipeline, format(row.megabytes), String(row.spans), format(row.detectSeconds), format(row.mergeSeconds), format(row.propagateSeconds),
      format(row.resolveSeconds), ratio(rows, index, "resolveSeconds"), format(row.documentSeconds), ratio(rows, index, "documentSeconds"),
      format(row.documentCpuSeconds), ratio(rows, index, "documentCpuSeconds"), row.outcome,
      ratio(rows, index, "mergeSeconds"),
    ].join(" | ")} |`)
  })
  for (const line of skipped) console.log(`sin medir desde ${line}`)
  console.log(JSON.stringify({ seed, rows, skipped }))
}

if (import.meta.main) {
  const one = args.indexOf("--one")
  if (one >= 0) console.log(JSON.stringify(await Effect.runPromise(measureOne(args[one + 1]!, Number(args[one + 2])))))
  else await main()
}
