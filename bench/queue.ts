/**
 * Queue benchmark: a batch on a Redis queue (redis-server on a free loopback
 * port) analysed by one `tacha trabajador` and then by two, each with
 * `--concurrencia 1`, with rules only and with the whole pipeline (rules and
 * model). The coordinator (`tacha run --cola`) and the workers are separate
 * processes on this machine; the journal is polled to time the document
 * phase from the first document settled to the last (start-up and
 * publication left out). Prints a table and the 2/1 ratio per pipeline.
 * With `--rondas N` each configuration runs N times, alternating 1 and 2
 * workers, and the fastest run of each counts (on a shared machine the
 * others' load comes and goes). Skips with a message when redis-server is
 * not installed.
 *
 *   npx node bench/queue.ts [--count 300] [--count-model 120] [--rondas 1]
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { redisInstalled, startRedis } from "../test/queue/redisServer.ts"

const flag = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback
}

if (!redisInstalled()) {
  console.log("bench/queue.ts: redis-server no está instalado (apt-get install redis-server); se omite.")
  process.exit(0)
}

const bin = join(PROJECT_ROOT, "src", "bin.ts")
const work = mkdtempSync(join(tmpdir(), "tacha-bench-cola-"))
const password = Math.random().toString(36).slice(2)
const redis = await startRedis(password)
const url = `redis://:${password}@127.0.0.1:${redis.port}`

const corpus = (count: number): string => {
  const dir = join(work, `corpus-${count}`)
  execFileSync(process.execPath, [join(PROJECT_ROOT, "samples", "generate.ts"), "--count", String(count), "--out", dir, "--seed", "20261129", "--formats", "txt"], { cwd: PROJECT_ROOT, stdio: "ignore" })
  return join(dir, "rulings")
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
  return { total: (JSON.parse(lines[start]!) as { total: number }).total, settled: lines.slice(start).filter((line) => /"state":"(done|failed)"/u.test(line)).length }
}

const startWorker = (): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "trabajador", "--cola", url, "--concurrencia", "1"], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] })
    let output = ""
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk
      if (output.includes("espera lotes")) resolve(child)
    })
    child.on("error", reject)
    child.on("close", (code) => reject(new Error(`el trabajador terminó con código ${code}`)))
  })

interface Measured { readonly documents: number; readonly steadySeconds: number; readonly totalSeconds: number }

/** One batch with `workers` workers waiting on the queue. */
const measure = async (input: string, pipeline: string, workers: number): Promise<Measured> => {
  const running = await Promise.all(Array.from({ length: workers }, startWorker))
  const out = join(work, `out-${Math.random().toString(36).slice(2)}`)
  const started = performance.now()
  let first = Number.NaN
  let last = Number.NaN
  let total = 0
  const poll = setInterval(() => {
    const journal = settledIn(join(out, "private", "journal.jsonl"))
    const now = (performance.now() - started) / 1000
    if (journal.settled > 0 && Number.isNaN(first)) first = now
    if (journal.total > 0 && journal.settled >= journal.total && Number.isNaN(last)) {
      last = now
      total = journal.total
    }
  }, 25)
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "run", input, "--out", out, "--pipeline", pipeline, "--cola", url], { cwd: PROJECT_ROOT, stdio: "ignore" })
    child.on("error", reject)
    child.on("close", resolve)
  })
  clearInterval(poll)
  const totalSeconds = (performance.now() - started) / 1000
  for (const child of running) {
    child.removeAllListeners("close")
    child.kill("SIGTERM")
  }
  await Promise.all(running.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))))
  rmSync(out, { recursive: true, force: true })
  if (code !== 0 && code !== 1) throw new Error(`tacha run --cola terminó con código ${code}`)
  // Documents settled after the first one, over the time between the first and the last.
  return { documents: total, steadySeconds: last - first, totalSeconds }
}

const pipelines = [
  { nombre: "sólo reglas", file: join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"), count: Number(flag("count", "300")) },
  { nombre: "reglas + modelo", file: join(PROJECT_ROOT, "pipelines", "caba-penal.json"), count: Number(flag("count-model", "120")) },
]
const rounds = Math.max(1, Number(flag("rondas", "1")))
console.log(`Cola en 127.0.0.1:${redis.port}; corpus en ${work}; ${rounds} ronda(s) ...`)
const rows: Record<string, string | number>[] = []
const ratios: string[] = []
try {
  for (const pipeline of pipelines) {
    const input = corpus(pipeline.count)
    const rate = (run: Measured) => (run.documents - 1) / run.steadySeconds
    const fastest = (runs: Measured[]) => runs.reduce((best, run) => (rate(run) > rate(best) ? run : best))
    const ones: Measured[] = []
    const twos: Measured[] = []
    for (let round = 0; round < rounds; round++) {
      ones.push(await measure(input, pipeline.file, 1))
      twos.push(await measure(input, pipeline.file, 2))
    }
    const one = fastest(ones)
    const two = fastest(twos)
    for (const [workers, run] of [[1, one], [2, two]] as const) {
      rows.push({
        pipeline: pipeline.nombre,
        trabajadores: workers,
        documentos: run.documents,
        "s documentos": Number(run.steadySeconds.toFixed(1)),
        "s total": Number(run.totalSeconds.toFixed(1)),
        "docs/s (documentos)": Number(rate(run).toFixed(1)),
      })
    }
    ratios.push(`${pipeline.nombre}: documentos/s con 2 trabajadores / 1: ×${(rate(two) / rate(one)).toFixed(2)}`)
  }
  console.table(rows)
  for (const line of ratios) console.log(line)
} finally {
  await redis.stop()
  rmSync(work, { recursive: true, force: true })
}
