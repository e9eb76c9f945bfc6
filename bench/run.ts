/**
 * `npm run bench` (first part): throughput and latency on rulings that look
 * like a court's archive (bench/realLikeCorpus.ts: 50k-300k characters, PDF
 * line breaks, hyphens, page furniture, statutes, tables of amounts, many
 * parties) and, when ../shared/data is there, on the Córdoba civil rulings
 * (real; only counts and times are printed, never content). Per corpus, in
 * one run and each phase in its own process: text extraction alone (the
 * baseline), rules only, the model alone and the whole pipeline (rules +
 * model): characters/s, documents/s, processor seconds, peak memory, ratio
 * to the baseline, and the whole pipeline's speed as a share of rules only
 * in the same run (comparable across hours when the machine's speed is not). Then, on the real-like corpus, where a document's time
 * goes, stage by stage, and the latency of one document (analysed alone,
 * rules + model) by length: p50 and p95.
 *
 *   BENCH_DOCS=16 BENCH_SEED=20261129 npx node bench/run.ts
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { enableCompileCache } from "../src/cli/compileCache.ts"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { writeRealLikeCorpus } from "./realLikeCorpus.ts"

// Each phase runs as `tacha` runs: with the compile cache, which its processes inherit.
enableCompileCache()

const count = Number(process.env.BENCH_DOCS ?? 16)
const seed = Number(process.env.BENCH_SEED ?? 20261129)
const work = mkdtempSync(join(tmpdir(), "tacha-bench-"))
const realLike = join(work, "similares")
const cordoba = join(PROJECT_ROOT, "..", "shared", "data", "corpora", "cordoba-civil-2022", "textos")
const rulesPipeline = join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")
const modelPipeline = join(PROJECT_ROOT, "pipelines", "caba-penal.json")

const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] })
const lastJson = <T,>(output: string): T => JSON.parse(output.trim().split("\n").filter((line) => line.startsWith("{")).pop()!) as T

interface Phase { phase: string; characters: number; documents: number; seconds: number; cpuSeconds: number; peakRssMb: number; documentSeconds?: number }
const measure = (...args: string[]): Phase => lastJson<Phase>(node([join(PROJECT_ROOT, "bench", "phase.ts"), ...args]))

const number = (x: number, digits = 0): string => x.toLocaleString("es-AR", { maximumFractionDigits: digits, minimumFractionDigits: digits })

console.log(`Generando ${count} resoluciones similares a las reales (semilla ${seed}) en ${realLike} ...`)
await writeRealLikeCorpus(realLike, { count, seed })
const corpora: [string, string][] = [["similares a reales", realLike]]
if (process.env.BENCH_REAL === "0") console.log("BENCH_REAL=0: sólo el corpus generado.")
else if (existsSync(cordoba)) corpora.push(["Córdoba civil 2022 (reales)", cordoba])
else console.log("Falta ../shared/data: sólo el corpus generado.")

for (const [name, input] of corpora) {
  const baseline = measure("extract", input)
  const rows: [string, Phase][] = [
    ["extracción (línea de base)", baseline],
    ["sólo reglas (tacha run)", measure("run", input, join(work, "salida-reglas"), rulesPipeline)],
    ["sólo modelo", measure("model", input, modelPipeline)],
    ["reglas + modelo (tacha run)", measure("run", input, join(work, "salida-modelo"), modelPipeline)],
  ]
  console.log(`\nCorpus: ${name}: ${baseline.documents} resoluciones, ${number(baseline.characters)} caracteres`)
  console.log("| medición | caracteres/s | documentos/s | s | s de procesador | memoria pico MB | tiempo / extracción |")
  console.log("| --- | --- | --- | --- | --- | --- | --- |")
  for (const [label, phase] of rows) {
    console.log(`| ${label} | ${number(phase.characters / phase.seconds)} | ${number(phase.documents / phase.seconds, 2)} | ${number(phase.seconds, 1)} | ${number(phase.cpuSeconds, 1)} | ${number(phase.peakRssMb)} | ×${number(phase.seconds / baseline.seconds, 1)} |`)
  }
  const full = rows[3]![1]
  // The machine's speed changes from one hour to the next; this ratio, taken within one run, does much less.
  console.log(`reglas + modelo / sólo reglas, en esta corrida: ×${number(rows[1]![1].seconds / full.seconds, 2)} de los caracteres/s (comparable entre corridas en horas de distinta velocidad)`)
  if (full.documentSeconds !== undefined) {
    console.log(`reglas + modelo: documentos ${number(full.documentSeconds, 1)} s (${number(full.characters / full.documentSeconds)} caracteres/s), publicación (conjuntos de datos, DuckDB) ${number(full.seconds - full.documentSeconds, 1)} s`)
  }
}

// Stages and latency, on the real-like corpus.
interface Stages { stages: Record<string, number>; characters: number; documents: number; windows: number; tokens: number; windowTokens: number; latencies: { characters: number; ms: number }[] }
const profile = lastJson<Stages>(node([join(PROJECT_ROOT, "bench", "stages.ts"), realLike, modelPipeline]))
const total = Object.entries(profile.stages).filter(([stage]) => !stage.startsWith(" ")).reduce((sum, [, ms]) => sum + ms, 0)
console.log(`\nEtapas (similares a reales, un documento a la vez, todo en un hilo; ${number(profile.tokens)} tokens; el modelo corre en ${number(profile.windows)} ventanas, ${number(profile.windowTokens)} tokens, ${number(100 * profile.windowTokens / profile.tokens)} % de los del texto):`)
console.log("| etapa | ms | % | caracteres/s |")
console.log("| --- | --- | --- | --- |")
for (const [stage, ms] of Object.entries(profile.stages)) {
  console.log(`| ${stage} | ${number(ms)} | ${number(100 * ms / total, 1)} | ${number(profile.characters / (ms / 1000))} |`)
}
console.log(`| total | ${number(total)} | 100 | ${number(profile.characters / (total / 1000))} |`)

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}
const BUCKETS: [string, number, number][] = [["< 50k", 0, 50_000], ["50k-100k", 50_000, 100_000], ["100k-200k", 100_000, 200_000], [">= 200k", 200_000, Infinity]]
console.log("\nLatencia por documento (análisis completo con el modelo, un documento a la vez):")
console.log("| caracteres | documentos | p50 s | p95 s | caracteres/s (mediana) |")
console.log("| --- | --- | --- | --- | --- |")
for (const [label, low, high] of BUCKETS) {
  const inBucket = profile.latencies.filter((latency) => latency.characters >= low && latency.characters < high)
  if (inBucket.length === 0) continue
  const ms = inBucket.map((latency) => latency.ms)
  const rates = inBucket.map((latency) => latency.characters / (latency.ms / 1000))
  console.log(`| ${label} | ${inBucket.length} | ${number(quantile(ms, 0.5) / 1000, 2)} | ${number(quantile(ms, 0.95) / 1000, 2)} | ${number(quantile(rates, 0.5))} |`)
}
rmSync(work, { recursive: true, force: true })
