/**
 * `npm run bench`: `tacha run` on a generated corpus against the same
 * corpus's plain text extraction (the baseline), in one run. Prints
 * characters/s, documents/s and peak memory, and the ratios to the baseline.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"

const count = Number(process.env.BENCH_DOCS ?? 500)
const work = mkdtempSync(join(tmpdir(), "tacha-bench-"))
const corpus = join(work, "corpus")

const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })

console.log(`Generando corpus de ${count} resoluciones en ${corpus} ...`)
node([join(PROJECT_ROOT, "samples", "generate.ts"), "--count", String(count), "--out", corpus, "--seed", "20261127", "--formats", "txt,pdf,docx,odt,html"])

interface Phase { phase: string; characters: number; documents: number; seconds: number; peakRssMb: number }
const measure = (...args: string[]): Phase => {
  const lines = node([join(PROJECT_ROOT, "bench", "phase.ts"), ...args]).trim().split("\n")
  return JSON.parse(lines[lines.length - 1]!) as Phase
}

const rulings = join(corpus, "rulings")
const baseline = measure("extract", rulings)
const full = measure("run", rulings, join(work, "out"), ...(process.env.BENCH_PIPELINE ? [process.env.BENCH_PIPELINE] : []))

const row = (p: Phase) => ({
  fase: p.phase === "extract" ? "extracción (línea de base)" : "tacha run",
  documentos: p.documents,
  caracteres: p.characters,
  segundos: Number(p.seconds.toFixed(2)),
  caracteres_por_s: Math.round(p.characters / p.seconds),
  documentos_por_s: Number((p.documents / p.seconds).toFixed(1)),
  memoria_pico_mb: Math.round(p.peakRssMb),
})
console.table([row(baseline), row(full)])
console.log(`tacha run / extracción: tiempo ×${(full.seconds / baseline.seconds).toFixed(2)}, memoria pico ×${(full.peakRssMb / baseline.peakRssMb).toFixed(2)}`)
rmSync(work, { recursive: true, force: true })
