/**
 * Writes the sample rulings and their gold annotations.
 *
 *   npx node samples/generate.ts                         # samples/rulings/*, samples/gold.jsonl, samples/manifest.csv
 *   npx node samples/generate.ts --count 500 --out /tmp/bench [--formats txt,pdf] [--seed 7]
 *   npx node samples/generate.ts --jsonl /tmp/ner.jsonl --count 20000 [--seed 7]
 *
 * Deterministic: the same seed and gazetteer source give identical bytes.
 * Uses ../shared/data/gazetteers when present (say so on stderr), built-in lists otherwise.
 */
import { createWriteStream, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { batchSeed, generateRuling, loadGazetteers, RULING_TYPES, type Gazetteers, type Ruling } from "./generator/index.ts"
import { encodeCp1252, toDocx, toHtml, toOdt, toPdf } from "./generator/render.ts"

export type SampleFormat = "txt" | "txt-cp1252" | "pdf" | "docx" | "odt" | "html"

const HERE = dirname(fileURLToPath(import.meta.url))

interface Args {
  count?: number
  out?: string
  formats?: SampleFormat[]
  seed: number
  jsonl?: string
  builtin: boolean
}

const parseArgs = (argv: string[]): Args => {
  const args: Args = { seed: 1, builtin: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const v = (): string => {
      const x = argv[++i]
      if (x === undefined) throw new Error(`falta el valor de ${a}`)
      return x
    }
    if (a === "--count") args.count = Number(v())
    else if (a === "--out") args.out = v()
    else if (a === "--seed") args.seed = Number(v())
    else if (a === "--jsonl") args.jsonl = v()
    else if (a === "--builtin") args.builtin = true
    else if (a === "--formats") args.formats = v().split(",").map((f) => f.trim()) as SampleFormat[]
    else if (a === "--help" || a === "-h") {
      console.log("uso: generate.ts [--count N --out DIR [--formats txt,pdf,docx,odt,html] | --jsonl FILE --count N] [--seed N] [--builtin]")
      process.exit(0)
    } else throw new Error(`argumento desconocido: ${a}`)
  }
  return args
}

/** The committed sample set: 40 rulings, every type, every format. */
export const SAMPLE_PLAN: readonly SampleFormat[] = [
  ...Array<SampleFormat>(8).fill("txt"),
  "txt-cp1252",
  "txt-cp1252",
  ...Array<SampleFormat>(12).fill("pdf"),
  ...Array<SampleFormat>(10).fill("docx"),
  ...Array<SampleFormat>(4).fill("odt"),
  ...Array<SampleFormat>(4).fill("html"),
]

const ext = (f: SampleFormat): string => (f === "txt-cp1252" ? "txt" : f)

export const renderFile = async (r: Ruling, format: SampleFormat, seed: number): Promise<Uint8Array | string> => {
  switch (format) {
    case "txt":
      return r.text
    case "txt-cp1252":
      return encodeCp1252(r.text)
    case "pdf":
      return toPdf(r, seed)
    case "docx":
      return toDocx(r)
    case "odt":
      return toOdt(r)
    case "html":
      return toHtml(r)
  }
}

const goldLine = (file: string, r: Ruling, format: SampleFormat): string =>
  JSON.stringify({
    file,
    ...(format === "txt-cp1252" ? { encoding: "windows-1252" } : {}),
    text: r.text,
    spans: r.spans,
    keep: r.keep,
    metadata: r.metadata,
  })

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** Write `count` rulings cycling through `formats` into `outDir/rulings`, plus `outDir/gold.jsonl`. */
export const writeSet = async (outDir: string, plan: readonly SampleFormat[], seed: number, opts: { manifest?: number; gazetteers?: Gazetteers } = {}): Promise<{ files: string[] }> => {
  const gazetteers = opts.gazetteers ?? loadGazetteers()
  const rulingsDir = join(outDir, "rulings")
  mkdirSync(rulingsDir, { recursive: true })
  for (const f of readdirSync(rulingsDir)) if (/^r\d{3,}-/.test(f)) rmSync(join(rulingsDir, f))
  const gold: string[] = []
  const manifest: string[] = ["archivo,juzgado,fecha,tipo,id"]
  const files: string[] = []
  const width = Math.max(3, String(plan.length).length)
  let docxCount = 0
  for (let i = 0; i < plan.length; i++) {
    const format = plan[i] as SampleFormat
    const s = batchSeed(seed, i)
    const type = RULING_TYPES[i % RULING_TYPES.length]
    // Every other DOCX carries a footnote (with a name in it); others draw it.
    const footnote = format === "docx" ? docxCount++ % 2 === 0 : undefined
    const r = generateRuling(s, { gazetteers, ...(type ? { type } : {}), ...(footnote !== undefined ? { footnote } : {}) })
    const id = `r${String(i + 1).padStart(width, "0")}`
    const file = `rulings/${id}-${r.metadata.type}.${ext(format)}`
    const content = await renderFile(r, format, s)
    writeFileSync(join(outDir, file), content)
    gold.push(goldLine(file, r, format))
    files.push(file)
    if (opts.manifest && i % Math.ceil(plan.length / opts.manifest) === 0) {
      manifest.push([file, r.metadata.court, r.metadata.date, r.metadata.type, id].map(csvField).join(","))
    }
  }
  writeFileSync(join(outDir, "gold.jsonl"), gold.join("\n") + "\n")
  if (opts.manifest) writeFileSync(join(outDir, "manifest.csv"), manifest.join("\n") + "\n")
  return { files }
}

/** Gold-style JSONL only (text + spans + keep + metadata), streamed, for NER training data. */
export const writeJsonl = async (file: string, count: number, seed: number, gazetteers: Gazetteers = loadGazetteers()): Promise<void> => {
  mkdirSync(dirname(resolve(file)), { recursive: true })
  const out = createWriteStream(file)
  for (let i = 0; i < count; i++) {
    const r = generateRuling(batchSeed(seed, i), { gazetteers })
    const line = JSON.stringify({ id: `s${seed}-${i}`, text: r.text, spans: r.spans, keep: r.keep, metadata: r.metadata }) + "\n"
    if (!out.write(line)) await new Promise<void>((res) => out.once("drain", () => res()))
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())))
}

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2))
  const gz = loadGazetteers(args.builtin ? { builtin: true } : {})
  console.error(gz.source === "shared" ? `listas: gazetteers de ${gz.dir}` : args.builtin ? "listas: integradas (--builtin)" : "listas: integradas (no se encontró ../shared/data/gazetteers)")
  const t0 = Date.now()
  if (args.jsonl) {
    const count = args.count ?? 1000
    await writeJsonl(args.jsonl, count, args.seed, gz)
    console.error(`${count} resoluciones → ${args.jsonl} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
    return
  }
  if (args.out || args.count) {
    const count = args.count ?? 100
    const formats = args.formats ?? ["txt"]
    const plan = Array.from({ length: count }, (_, i) => formats[i % formats.length] as SampleFormat)
    const out = resolve(args.out ?? "samples-out")
    await writeSet(out, plan, args.seed, { gazetteers: gz })
    console.error(`${count} resoluciones → ${out} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
    return
  }
  const { files } = await writeSet(HERE, SAMPLE_PLAN, args.seed, { manifest: 8, gazetteers: gz })
  console.error(`${files.length} resoluciones → ${join(HERE, "rulings")}, gold.jsonl, manifest.csv (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
