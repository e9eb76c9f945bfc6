/**
 * Speed and fp32/int8 agreement of a model folder, through the detector's
 * own code path (src/detect/ner/NerModel.ts).
 *   npx node models/recipe/bench.ts [modelDir] [texts.jsonl] [maxDocs]
 * texts default: models/tacha-ner-es/training/eval_synth.jsonl (git-ignored;
 * made by prepare.py), else a built-in paragraph repeated.
 */
import { existsSync, readFileSync } from "node:fs"
import { NerModel } from "../../src/detect/ner/NerModel.ts"

const dir = process.argv[2] ?? "models/tacha-ner-es"
const file = process.argv[3] ?? "models/tacha-ner-es/training/eval_synth.jsonl"
const maxDocs = Number(process.argv[4] ?? 200)
const texts: string[] = existsSync(file)
  ? readFileSync(file, "utf8").split("\n").filter(Boolean).slice(0, maxDocs).map((l) => (JSON.parse(l) as { text: string }).text)
  : Array.from({ length: 50 }, () =>
      "Que el imputado Ramiro Ezequiel Quiroga, con domicilio en Av. Corrientes 1543 de Villa Crespo, declaró ante la Dra. Mariela Fontán. ".repeat(20))

const run = async (quantized: boolean) => {
  // The whole text, as models/recipe/evaluate.py decodes it (not only the model regions).
  const m = await NerModel.load({ modelDir: dir, quantized, regions: false })
  await m.predict(texts[0]!) // warm-up
  let tokens = 0
  let chars = 0
  const t0 = performance.now()
  const labels: string[][] = []
  let modelMs = 0
  for (const t of texts) {
    const encoded = m.encode(t)
    const { ids, words, wordTokens } = encoded
    const a = performance.now()
    const probs = await m.tokenProbs(t, encoded)
    modelMs += performance.now() - a
    tokens += ids.length
    chars += t.length
    const L = probs.length / Math.max(1, ids.length)
    const lab: string[] = []
    for (let i = 0; i < ids.length; i++) {
      let best = 0
      for (let j = 1; j < L; j++) if (probs[i * L + j]! > probs[i * L + best]!) best = j
      lab.push(String(best))
    }
    labels.push(lab)
    void words; void wordTokens
  }
  const s = (performance.now() - t0) / 1000
  await m.dispose()
  return { quantized: m.quantized, tokens, chars, seconds: +s.toFixed(2), tokPerS: Math.round(tokens / s), charsPerS: Math.round(chars / s), modelOnlyTokPerS: Math.round(tokens / (modelMs / 1000)), labels }
}

const fp = await run(false)
const q = await run(true)
let same = 0
let total = 0
let ent = 0
let entSame = 0
fp.labels.forEach((l, d) => l.forEach((x, i) => {
  total++
  if (q.labels[d]![i] === x) same++
  if (x !== "0") { ent++; if (q.labels[d]![i] === x) entSame++ }
}))
const strip = ({ labels: _l, ...r }: typeof fp) => r
console.log(JSON.stringify({ dir, docs: texts.length, fp32: strip(fp), int8: strip(q), int8AgreesWithFp32: +(same / total).toFixed(5), onEntityTokens: +(entSame / Math.max(1, ent)).toFixed(5), tokens: total }, null, 1))
