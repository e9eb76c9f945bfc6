/**
 * Scale benchmark: is peak memory flat as the batch grows, and what do two
 * document workers buy over one? Generates two txt corpora (small and large,
 * default 1,000 and 4,000 rulings), runs `tacha run` on each in its own
 * process (bench/phase.ts: peak RSS is the whole process, worker threads
 * included), and the small one again with `concurrency: 1`. Prints a table
 * and the ratios. About 4 minutes on 2 cores with the defaults:
 *
 *   npx node bench/scale.ts [--small 1000] [--large 4000] [--pipeline pipelines/caba-penal.json]
 */
import { execFileSync, spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"

const flag = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback
}
const small = Number(flag("small", "1000"))
const large = Number(flag("large", "4000"))
const pipeline = resolve(flag("pipeline", join(PROJECT_ROOT, "pipelines", "caba-penal.json")))

const work = mkdtempSync(join(tmpdir(), "tacha-scale-"))
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })

const withConcurrency = (concurrency: number): string => {
  const config = JSON.parse(readFileSync(pipeline, "utf8"))
  delete config.$schema
  const path = join(work, `pipeline-${concurrency}.json`)
  writeFileSync(path, JSON.stringify({ ...config, concurrency }))
  return path
}

const corpus = (count: number): string => {
  const dir = join(work, `corpus-${count}`)
  node([join(PROJECT_ROOT, "samples", "generate.ts"), "--count", String(count), "--out", dir, "--seed", "20261127", "--formats", "txt"])
  return join(dir, "rulings")
}

interface Phase { readonly characters: number; readonly documents: number; readonly seconds: number; readonly peakRssMb: number }
interface Measured extends Phase {
  /** Seconds until the journal shows every document settled (the worker-bound part). */
  readonly documentSeconds: number
  /** Seconds from the first document settled to the last (start-up left out). */
  readonly steadySeconds: number
  /** Peak RSS of the process at that moment (Linux: VmHWM), before the datasets are written. */
  readonly documentPeakRssMb: number
}

const settledIn = (journal: string): { total: number; settled: number } => {
  let text = ""
  try {
    text = readFileSync(journal, "utf8")
  } catch {
    return { total: -1, settled: 0 }
  }
  const lines = text.split("\n")
  const start = lines.findLastIndex((line) => line.includes('"state":"started"'))
  if (start < 0) return { total: -1, settled: 0 }
  const total = (JSON.parse(lines[start]!) as { total: number }).total
  return { total, settled: lines.slice(start).filter((line) => /"state":"(done|failed)"/u.test(line)).length }
}

const peakRss = (pid: number): number => {
  try {
    const match = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, "utf8"))
    return match ? Number(match[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** One `tacha run` in its own process; the journal is polled to time the document phase. */
const measure = (input: string, concurrency: number): Promise<Measured> =>
  new Promise((resolve, reject) => {
    const out = join(work, `out-${Math.random().toString(36).slice(2)}`)
    const started = performance.now()
    const child = spawn(process.execPath, [join(PROJECT_ROOT, "bench", "phase.ts"), "run", input, out, withConcurrency(concurrency)], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] })
    let stdout = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    let documentSeconds = Number.NaN
    let firstSeconds = Number.NaN
    let documentPeakRssMb = Number.NaN
    const poll = setInterval(() => {
      const { total, settled } = settledIn(join(out, "private", "journal.jsonl"))
      if (settled > 0 && Number.isNaN(firstSeconds)) firstSeconds = (performance.now() - started) / 1000
      if (total >= 0 && settled >= total && Number.isNaN(documentSeconds)) {
        documentSeconds = (performance.now() - started) / 1000
        documentPeakRssMb = peakRss(child.pid!)
      }
    }, 50)
    child.on("error", reject)
    child.on("close", (code) => {
      clearInterval(poll)
      rmSync(out, { recursive: true, force: true })
      if (code !== 0) return reject(new Error(`phase.ts terminó con código ${code}`))
      const lines = stdout.trim().split("\n")
      resolve({ ...(JSON.parse(lines[lines.length - 1]!) as Phase), documentSeconds, steadySeconds: documentSeconds - firstSeconds, documentPeakRssMb })
    })
  })

console.log(`Generando corpus de ${small} y ${large} resoluciones (txt) en ${work} ...`)
const smallInput = corpus(small)
const largeInput = corpus(large)

const runs = [
  { lote: small, trabajadores: 2, ...(await measure(smallInput, 2)) },
  { lote: large, trabajadores: 2, ...(await measure(largeInput, 2)) },
  { lote: small, trabajadores: 1, ...(await measure(smallInput, 1)) },
]
console.table(runs.map((run) => ({
  lote: run.lote,
  trabajadores: run.trabajadores,
  publicados: run.documents,
  "s documentos": Number(run.documentSeconds.toFixed(1)),
  "s publicación": Number((run.seconds - run.documentSeconds).toFixed(1)),
  "s total": Number(run.seconds.toFixed(1)),
  "docs/s (documentos)": Number((run.lote / run.steadySeconds).toFixed(1)),
  "docs/s (total)": Number((run.documents / run.seconds).toFixed(1)),
  "MB pico documentos": Math.round(run.documentPeakRssMb),
  "MB pico total": Math.round(run.peakRssMb),
})))
const [smallTwo, largeTwo, smallOne] = runs as [typeof runs[0], typeof runs[0], typeof runs[0]]
/** Documents per second between the first and the last document: start-up left out. */
const rate = (run: typeof runs[0]) => run.lote / run.steadySeconds
const ratio = (value: number) => `×${value.toFixed(2)}`
console.log(`memoria pico al terminar los documentos, lote ${large} / lote ${small}: ${ratio(largeTwo.documentPeakRssMb / smallTwo.documentPeakRssMb)} (lote ×${(large / small).toFixed(1)})`)
console.log(`memoria pico total (con la publicación), lote ${large} / lote ${small}: ${ratio(largeTwo.peakRssMb / smallTwo.peakRssMb)}`)
console.log(`documentos/s en la fase de documentos, 2 trabajadores / 1: ${ratio(rate(smallTwo) / rate(smallOne))}`)
console.log(`documentos/s en la fase de documentos, lote ${large} / lote ${small}: ${ratio(rate(largeTwo) / rate(smallTwo))}`)
rmSync(work, { recursive: true, force: true })
