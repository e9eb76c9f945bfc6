/**
 * Pipeline-level evaluation on public Spanish corpora: ECHR-es dev and
 * MEDDOCAN dev (in ../shared/data/corpora, or $TACHA_CORPORA). Each dev
 * document is written as a .txt input plus a gold JSONL line (see echr.ts and
 * meddocan.ts for the label mapping); the real pipeline (`tacha run`) runs
 * rules-only (pipelines/caba-penal.json) and rules + model (the same plus
 * `detectors.ner`), each output is scored with `tacha eval`'s evaluator, and
 * a comparison table is printed. Sets whose files are absent are skipped.
 *
 * The publication gate withholds a ruling when a redacted form is still
 * readable elsewhere; a withheld document has no output, so `tacha eval`
 * counts it as fully missed. On out-of-domain text the gate withholds many
 * documents, which would hide what the detectors do; so the table's scores
 * are computed in-process on every document with the same analysis,
 * redaction and gate as the pipeline (`analyse` → `redactAndGate`), the
 * gate's verdict only counted ("retenidos"), and the
 * `tacha run` line gives the end-to-end figures (documents withheld by the
 * real run, personal-data P/R over its output, seconds).
 *
 *   npx node src/eval/corpora/run.ts [--sets echr,meddocan] [--limit N] [--work DIR] [--no-run]
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import type { PipelineConfig } from "../../domain/PipelineConfig.ts"
import { loadPipelineConfig, PROJECT_ROOT } from "../../domain/loadPipelineConfig.ts"
import type { Detector } from "../../detect/Detector.ts"
import { createNerDetector } from "../../detect/ner/index.ts"
import { ruleDetectors } from "../../detect/registry.ts"
import { publicationPolicy } from "../../publish/gate.ts"
import { redactAndGate } from "../../publish/redactAndGate.ts"
import { analyse } from "../../resolve/resolve.ts"
import { evaluate, scoreDocuments, type DocumentInput, type EvalReport } from "../evaluate.ts"
import { convertEchr } from "./echr.ts"
import { convertMeddocan } from "./meddocan.ts"
import type { ConvertedDocument } from "./types.ts"

export const CORPORA_DIR = process.env["TACHA_CORPORA"] ?? join(PROJECT_ROOT, "..", "shared", "data", "corpora")

export interface CorpusSet {
  readonly name: string
  /** Null when the corpus files are not there. */
  readonly load: (limit?: number) => Promise<ConvertedDocument[] | null>
}

export const SETS: readonly CorpusSet[] = [
  {
    name: "echr",
    load: async (limit) => {
      const file = join(CORPORA_DIR, "echr-es", "ES-all-dev.tsv")
      if (!existsSync(file)) return null
      return convertEchr(await readFile(file, "utf8")).slice(0, limit)
    },
  },
  {
    name: "meddocan",
    load: async (limit) => {
      const dir = join(CORPORA_DIR, "meddocan", "dev")
      if (!existsSync(dir)) return null
      const names = (await readdir(dir)).filter((n) => n.endsWith(".ann")).map((n) => n.slice(0, -4)).sort().slice(0, limit)
      const out: ConvertedDocument[] = []
      for (const n of names) {
        if (!existsSync(join(dir, `${n}.txt`))) continue
        out.push(convertMeddocan(n, await readFile(join(dir, `${n}.txt`), "utf8"), await readFile(join(dir, `${n}.ann`), "utf8")))
      }
      return out
    },
  },
]

/** Writes inputs and gold.jsonl under `dir`; returns the gold path. */
export const writeCorpus = async (docs: readonly ConvertedDocument[], dir: string): Promise<string> => {
  await rm(dir, { recursive: true, force: true })
  await mkdir(join(dir, "input"), { recursive: true })
  for (const d of docs) await writeFile(join(dir, "input", d.file), d.gold.text)
  const gold = join(dir, "gold.jsonl")
  await writeFile(gold, docs.map((d) => JSON.stringify(d.gold)).join("\n") + "\n")
  return gold
}

export interface Variant {
  readonly name: string
  /** Scores over all documents (gate verdict ignored). */
  readonly report: EvalReport
  /** Documents the in-process gate would withhold, and the causes. */
  readonly gated: number
  readonly causes: Readonly<Record<string, number>>
  /** End-to-end `tacha run` + `tacha eval` (withheld documents count as missed). */
  readonly run?: { readonly report: EvalReport; readonly withheld: number; readonly seconds: number }
}

/** The pipeline's analysis, redaction and gate on each document, scored against its gold. */
export const scoreInProcess = async (
  docs: readonly ConvertedDocument[],
  config: PipelineConfig,
  extra: readonly Detector[],
): Promise<{ report: EvalReport; gated: number; causes: Record<string, number> }> => {
  const inputs: DocumentInput[] = []
  const causes: Record<string, number> = {}
  let gated = 0
  for (const d of docs) {
    const text = d.gold.text
    const spans = await analyse(text, config, extra)
    const policy = publicationPolicy(text, config)
    const { redaction, gate } = redactAndGate(text, spans, policy, ruleDetectors(policy.config))
    if (!gate.publish) {
      gated++
      for (const f of gate.findings) causes[`${f.cause}:${f.label ?? f.category ?? ""}`] = (causes[`${f.cause}:${f.label ?? f.category ?? ""}`] ?? 0) + 1
    }
    const entities = redaction.entities.map((e) => ({ start: e.start, end: e.end, label: e.label, action: e.action }))
    inputs.push({ gold: d.gold, audit: { id: d.file, source: d.file, text, entities }, publicText: redaction.text })
  }
  return { report: scoreDocuments(inputs), gated, causes }
}

const runPipeline = async (input: string, out: string, pipeline: string): Promise<{ withheld: number; seconds: number }> => {
  await rm(out, { recursive: true, force: true })
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), "run", input, "--out", out, "--pipeline", pipeline], { encoding: "utf8", maxBuffer: 64 << 20 })
  const seconds = (performance.now() - t0) / 1000
  if (!existsSync(join(out, "private"))) throw new Error(`tacha run falló (${r.status}): ${(r.stderr || r.stdout).slice(-2000)}`)
  const failures = join(out, "private", "failures.jsonl")
  const withheld = existsSync(failures) ? (await readFile(failures, "utf8")).split("\n").filter((l) => l.includes("gate_blocked")).length : 0
  return { withheld, seconds }
}

const f3 = (x: number): string => x.toFixed(3)
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`

/** Comparison table (markdown) of rules-only vs rules + model for one set. */
export const comparisonTable = (set: string, docs: number, variants: readonly Variant[]): string => {
  const labels = [...new Set(variants.flatMap((v) => v.report.labels.filter((l) => l.gold > 0).map((l) => l.label)))].sort()
  const head = `| ${set} (${docs} docs) | ${variants.map((v) => `${v.name} P | R | F2`).join(" | ")} |`
  const sep = `|---|${variants.map(() => "---|---|---").join("|")}|`
  const row = (name: string, cells: (v: Variant) => string[]): string => `| ${name} | ${variants.map((v) => cells(v).join(" | ")).join(" | ")} |`
  const lines = [head, sep]
  for (const l of labels) {
    lines.push(row(`${l} (${variants[0]!.report.labels.find((x) => x.label === l)?.gold ?? 0})`, (v) => {
      const s = v.report.labels.find((x) => x.label === l)?.overlap
      return s ? [f3(s.precision), f3(s.recall), f3(s.f2)] : ["–", "–", "–"]
    }))
  }
  const extra = [...new Set(variants.flatMap((v) => v.report.labels.filter((l) => l.gold === 0 && l.predicted > 0).map((l) => `${l.label}`)))].sort()
  if (extra.length) {
    lines.push(row(`predicted, not in gold`, (v) => [v.report.labels.filter((l) => l.gold === 0).map((l) => `${l.label} ${l.predicted}`).join(", ") || "–", "", ""]))
  }
  lines.push(row("micro (typed)", (v) => [f3(v.report.micro.overlap.precision), f3(v.report.micro.overlap.recall), f3(v.report.micro.overlap.f2)]))
  lines.push(row("**datos personales**", (v) => [f3(v.report.personalData.precision), f3(v.report.personalData.recall), f3(v.report.personalData.f2)]))
  lines.push(row("fuga (menciones)", (v) => [`${pct(v.report.leak.rate)}`, `${v.report.leak.leaked}/${v.report.leak.mentions}`, ""]))
  lines.push(row("retenidos por el control", (v) => [`${v.gated}`, Object.entries(v.causes).map(([k, n]) => `${k} ${n}`).join(", ") || "–", ""]))
  if (variants.every((v) => v.run)) {
    lines.push(row("`tacha run`: retenidos, P/R datos pers., s", (v) => [
      `${v.run!.withheld}`, `${f3(v.run!.report.personalData.precision)} / ${f3(v.run!.report.personalData.recall)}`, `${v.run!.seconds.toFixed(1)} s`,
    ]))
  }
  return lines.join("\n")
}

const main = async (): Promise<void> => {
  const args = process.argv.slice(2)
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  const only = opt("sets")?.split(",")
  const limit = opt("limit") ? Number(opt("limit")) : undefined
  const work = opt("work") ?? join(PROJECT_ROOT, "out", "corpora")
  const base = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal.json"), "utf8")) as Record<string, unknown> & { detectors: Record<string, unknown> }
  await mkdir(work, { recursive: true })
  const rulesPipeline = join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")
  const nerPipeline = join(work, "caba-penal-ner.json")
  const { $schema: _, ...rest } = base
  await writeFile(nerPipeline, JSON.stringify({ ...rest, name: `${String(base["name"])}-ner`, detectors: { ...base.detectors, ner: { enabled: true, model: "models/tacha-ner-es", quantized: true, threshold: 0.5 } } }, null, 2))
  let ran = 0
  for (const set of SETS) {
    if (only && !only.includes(set.name)) continue
    const docs = await set.load(limit)
    if (!docs) {
      console.log(`${set.name}: corpus no disponible en ${CORPORA_DIR}; se omite.`)
      continue
    }
    const dir = join(work, set.name)
    const gold = await writeCorpus(docs, dir)
    const variants: Variant[] = []
    for (const [name, pipeline] of [["reglas", rulesPipeline], ["reglas+modelo", nerPipeline]] as const) {
      const config = await Effect.runPromise(loadPipelineConfig(pipeline))
      const ner = config.detectors.ner?.enabled
        ? await createNerDetector({ modelDir: join(PROJECT_ROOT, config.detectors.ner.model), quantized: config.detectors.ner.quantized, threshold: config.detectors.ner.threshold, workers: 0 })
        : undefined
      const inProcess = await scoreInProcess(docs, config, ner ? [ner] : [])
      await ner?.close()
      let run: Variant["run"]
      if (!args.includes("--no-run")) {
        const out = join(dir, `out-${name === "reglas" ? "rules" : "ner"}`)
        const { withheld, seconds } = await runPipeline(join(dir, "input"), out, pipeline)
        run = { report: await evaluate(gold, out), withheld, seconds }
      }
      variants.push({ name, ...inProcess, ...(run ? { run } : {}) })
    }
    console.log(comparisonTable(set.name, docs.length, variants))
    console.log()
    ran++
  }
  if (ran === 0) console.log("Ningún corpus disponible: nada que evaluar.")
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
