/**
 * NER benchmark, one run, one generated corpus:
 * 1. the model alone (tokenise + ONNX + decode, in-process): WordPiece tokens/s;
 * 2. the whole pipeline (`tacha run`, via bench/phase.ts in its own process)
 *    rules only and rules + model: characters/s, documents, peak RSS.
 *
 *   npx node bench/ner.ts [--count 40] [--seed 4242] [--work out/bench-ner] [--fp32]
 *
 * Prints a small table and one JSON line.
 */
import { spawnSync } from "node:child_process"
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { NerModel } from "../src/detect/ner/NerModel.ts"

const args = process.argv.slice(2)
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const count = Number(opt("count", "40"))
const seed = opt("seed", "4242")
const work = opt("work", join(PROJECT_ROOT, "out", "bench-ner"))
const quantized = !args.includes("--fp32")
const node = process.execPath

await rm(work, { recursive: true, force: true })
await mkdir(work, { recursive: true })
const corpus = join(work, "corpus")
const gen = spawnSync(node, [join(PROJECT_ROOT, "samples", "generate.ts"), "--count", String(count), "--out", corpus, "--seed", seed], { encoding: "utf8" })
if (gen.status !== 0) throw new Error(`samples/generate.ts falló: ${gen.stderr}`)

// 1. Model alone, on the canonical texts of the same corpus (gold.jsonl holds them).
const texts = (await readFile(join(corpus, "gold.jsonl"), "utf8")).split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text)
const model = await NerModel.load({ modelDir: join(PROJECT_ROOT, "models", "tacha-ner-es"), quantized })
await model.predict(texts[0]!) // warm-up
let tokens = 0
let characters = 0
const t0 = performance.now()
for (const text of texts) {
  tokens += model.encode(text).ids.length
  characters += text.length
  await model.predict(text)
}
const modelSeconds = (performance.now() - t0) / 1000
await model.dispose()
const modelAlone = { documents: texts.length, tokens, characters, seconds: modelSeconds, tokensPerSecond: tokens / modelSeconds, charactersPerSecond: characters / modelSeconds }

// 2. The pipeline, rules only and rules + model, each in its own process.
const base = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal.json"), "utf8")) as Record<string, unknown> & { detectors: Record<string, unknown> }
const { $schema: _, ...rest } = base
const nerPipeline = join(work, "caba-penal-ner.json")
await writeFile(nerPipeline, JSON.stringify({ ...rest, detectors: { ...base.detectors, ner: { enabled: true, model: "models/tacha-ner-es", quantized, threshold: 0.5 } } }, null, 2))
const input = (await readdir(corpus)).includes("rulings") ? join(corpus, "rulings") : corpus
const phase = (name: string, pipeline: string): Record<string, number> => {
  const r = spawnSync(node, [join(PROJECT_ROOT, "bench", "phase.ts"), "run", input, join(work, `out-${name}`), pipeline], { encoding: "utf8", maxBuffer: 64 << 20 })
  const line = r.stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop()
  if (!line) throw new Error(`bench/phase.ts (${name}) falló: ${r.stderr.slice(-2000)}`)
  const o = JSON.parse(line) as { characters: number; documents: number; seconds: number; peakRssMb: number }
  return { ...o, charactersPerSecond: o.characters / o.seconds }
}
const rules = phase("rules", join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"))
const withModel = phase("ner", nerPipeline)

const n = (x: number, d = 0): string => x.toLocaleString("es-AR", { maximumFractionDigits: d, minimumFractionDigits: d })
console.log(`corpus: ${count} resoluciones generadas (semilla ${seed}); modelo ${quantized ? "int8" : "fp32"}`)
console.log(`| medición | docs | caracteres | s | tokens/s | caracteres/s | pico RSS MB |`)
console.log(`|---|---|---|---|---|---|---|`)
console.log(`| modelo solo (en proceso) | ${modelAlone.documents} | ${n(characters)} | ${n(modelSeconds, 2)} | ${n(modelAlone.tokensPerSecond)} | ${n(modelAlone.charactersPerSecond)} | – |`)
console.log(`| pipeline, reglas | ${rules["documents"]} | ${n(rules["characters"]!)} | ${n(rules["seconds"]!, 2)} | – | ${n(rules["charactersPerSecond"]!)} | ${n(rules["peakRssMb"]!)} |`)
console.log(`| pipeline, reglas + modelo | ${withModel["documents"]} | ${n(withModel["characters"]!)} | ${n(withModel["seconds"]!, 2)} | – | ${n(withModel["charactersPerSecond"]!)} | ${n(withModel["peakRssMb"]!)} |`)
console.log(JSON.stringify({ count, seed, quantized, modelAlone, pipeline: { rules, withModel } }))
