/**
 * Queue benchmark: a batch on a Redis queue (redis-server on a free loopback
 * port) analysed by one `tacha trabajador` and then by two, each with
 * `--concurrencia 1`, with rules only and with the whole pipeline (rules and
 * model). The coordinator (`tacha run --cola`) and the workers are separate
 * processes on this machine; the journal is polled (only what was appended
 * since the last look) to time the document phase from the first document
 * settled to the last, and from the moment a tenth of them had settled to
 * the last (the start-up of each worker, which takes up the batch and loads
 * its analysis thread within a second of the other, left out), with
 * publication left out. Prints a table and the 2/1 ratio per pipeline, on
 * both windows; `--count-model 0` leaves out the pipeline with the model.
 * With `--rondas N` each configuration runs N times, alternating 1 and 2
 * workers, and the fastest run of each counts (on a shared machine the
 * others' load comes and goes). Skips with a message when redis-server is
 * not installed.
 *
 * Workers are measured warm, as workers that serve batch after batch run:
 * before the measured batch they analyse the same input once (their threads
 * started, the model loaded, their code compiled by V8), and keep that
 * analysis loaded for the next batch (`tacha trabajador --mantener`).
 * `--en-frio` measures workers that meet their first batch instead.
 * `--corpus similares` takes the bench's real-like rulings (long, a third
 * of them PDFs: bench/realLikeCorpus.ts) instead of the sample generator's
 * short ones.
 *
 * With `--entrada-compartida` the workers read the documents from the
 * input folder (`tacha trabajador --entrada`, as on machines that mount
 * it) instead of receiving them through Redis.
 *
 *   npx node bench/queue.ts [--count 300] [--count-model 120] [--rondas 1] [--corpus generado|similares] [--en-frio] [--entrada-compartida]
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { redisInstalled, startRedis } from "../test/queue/redisServer.ts"
import { writeRealLikeCorpus } from "./realLikeCorpus.ts"

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

/** `--corpus similares`: the bench's real-like rulings (bench/realLikeCorpus.ts: 50k-300k characters, a third of them PDFs) instead of the sample generator's short ones. */
const realLike = flag("corpus", "generado") === "similares"

const corpus = async (count: number): Promise<string> => {
  const dir = join(work, `corpus-${count}`)
  if (realLike) {
    await writeRealLikeCorpus(dir, { count, seed: 20261129 })
    return dir
  }
  execFileSync(process.execPath, [join(PROJECT_ROOT, "samples", "generate.ts"), "--count", String(count), "--out", dir, "--seed", "20261129", "--formats", "txt"], { cwd: PROJECT_ROOT, stdio: "ignore" })
  return join(dir, "rulings")
}

/**
 * The journal of the batch being measured, read as it grows: only the bytes
 * appended since the last look are read, so that the bench's own polling
 * takes next to no processor from the processes it measures.
 */
const journalReader = (journal: string) => {
  let offset = 0
  let pending = ""
  let total = -1
  let settled = 0
  return (): { total: number; settled: number } => {
    let handle: number
    try {
      handle = openSync(journal, "r")
    } catch {
      return { total, settled }
    }
    try {
      const size = fstatSync(handle).size
      if (size > offset) {
        const chunk = Buffer.alloc(size - offset)
        readSync(handle, chunk, 0, chunk.length, offset)
        offset = size
        const lines = (pending + chunk.toString("utf8")).split("\n")
        pending = lines.pop()!
        for (const line of lines) {
          if (line.includes('"state":"started"')) {
            total = (JSON.parse(line) as { total: number }).total
            settled = 0
          } else if (/"state":"(done|failed)"/u.test(line)) settled++
        }
      }
    } finally {
      closeSync(handle)
    }
    return { total, settled }
  }
}

/** `--entrada-compartida`: the workers read the documents from the input folder (as a shared mount) instead of receiving them through Redis. */
const sharedInput = process.argv.includes("--entrada-compartida")

const startWorker = (input: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "trabajador", "--cola", url, "--concurrencia", "1", ...(sharedInput ? ["--entrada", input] : [])], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] })
    let output = ""
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk
      if (output.includes("espera lotes")) resolve(child)
    })
    child.on("error", reject)
    child.on("close", (code) => reject(new Error(`el trabajador terminó con código ${code}`)))
  })

/** `--en-frio`: workers meet the measured batch as their first one. */
const cold = process.argv.includes("--en-frio")

/** One batch coordinated by `tacha run --cola` into `out`. */
const coordinate = async (input: string, out: string, pipeline: string): Promise<void> => {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "run", input, "--out", out, "--pipeline", pipeline, "--cola", url, ...(sharedInput ? ["--entrada-compartida"] : [])], { cwd: PROJECT_ROOT, stdio: "ignore" })
    child.on("error", reject)
    child.on("close", resolve)
  })
  if (code !== 0 && code !== 1) throw new Error(`tacha run --cola terminó con código ${code}`)
}

interface Measured {
  readonly documents: number
  /** From the first document settled to the last. */
  readonly steadySeconds: number
  /** From the moment a tenth of the documents had settled to the last: start-up of every worker left out. */
  readonly warmSeconds: number
  readonly warmDocuments: number
  readonly totalSeconds: number
}

/** The share of documents settled before the warm measurement starts. */
const WARM_UP = 0.1

/** One batch with `workers` workers waiting on the queue. */
const measure = async (input: string, pipeline: string, workers: number): Promise<Measured> => {
  const running = await Promise.all(Array.from({ length: workers }, () => startWorker(input)))
  if (!cold) await coordinate(input, join(work, `calentamiento-${Math.random().toString(36).slice(2)}`), pipeline)
  const out = join(work, `out-${Math.random().toString(36).slice(2)}`)
  const started = performance.now()
  let first = Number.NaN
  let warm = Number.NaN
  let warmFrom = 0
  let last = Number.NaN
  let total = 0
  const read = journalReader(join(out, "private", "journal.jsonl"))
  const poll = setInterval(() => {
    const journal = read()
    const now = (performance.now() - started) / 1000
    if (journal.settled > 0 && Number.isNaN(first)) first = now
    if (journal.total > 0 && journal.settled >= Math.max(1, Math.ceil(journal.total * WARM_UP)) && Number.isNaN(warm)) {
      warm = now
      warmFrom = journal.settled
    }
    if (journal.total > 0 && journal.settled >= journal.total && Number.isNaN(last)) {
      last = now
      total = journal.total
    }
  }, 25)
  await coordinate(input, out, pipeline)
  clearInterval(poll)
  const totalSeconds = (performance.now() - started) / 1000
  for (const child of running) {
    child.removeAllListeners("close")
    child.kill("SIGTERM")
  }
  await Promise.all(running.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))))
  rmSync(out, { recursive: true, force: true })
  // Documents settled after the first one, over the time between the first and the last.
  return { documents: total, steadySeconds: last - first, warmSeconds: last - warm, warmDocuments: total - warmFrom, totalSeconds }
}

const pipelines = [
  { nombre: "sólo reglas", file: join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"), count: Number(flag("count", "300")) },
  { nombre: "reglas + modelo", file: join(PROJECT_ROOT, "pipelines", "caba-penal.json"), count: Number(flag("count-model", "120")) },
].filter((pipeline) => pipeline.count > 1)
const rounds = Math.max(1, Number(flag("rondas", "1")))
console.log(`Cola en 127.0.0.1:${redis.port}; corpus en ${work}; ${rounds} ronda(s); documentos ${sharedInput ? "leídos por los trabajadores de la entrada compartida" : "enviados por Redis"}; corpus ${realLike ? "similar a resoluciones reales" : "del generador de muestras"}; trabajadores ${cold ? "en frío (su primer lote)" : "en caliente (tras un lote de calentamiento)"}; carga de la máquina al empezar: ${loadavg().map((load) => load.toFixed(2)).join(" ")} ...`)
const rows: Record<string, string | number>[] = []
const ratios: string[] = []
try {
  for (const pipeline of pipelines) {
    const input = await corpus(pipeline.count)
    const rate = (run: Measured) => (run.documents - 1) / run.steadySeconds
    const warmRate = (run: Measured) => run.warmDocuments / run.warmSeconds
    const fastest = (runs: Measured[], by: (run: Measured) => number) => runs.reduce((best, run) => (by(run) > by(best) ? run : best))
    const ones: Measured[] = []
    const twos: Measured[] = []
    for (let round = 0; round < rounds; round++) {
      ones.push(await measure(input, pipeline.file, 1))
      twos.push(await measure(input, pipeline.file, 2))
    }
    for (const [workers, runs] of [[1, ones], [2, twos]] as const) {
      const run = fastest(runs, warmRate)
      rows.push({
        pipeline: pipeline.nombre,
        trabajadores: workers,
        documentos: run.documents,
        "s documentos": Number(run.steadySeconds.toFixed(1)),
        "s total": Number(run.totalSeconds.toFixed(1)),
        "docs/s (primero a último)": Number(Math.max(...runs.map(rate)).toFixed(1)),
        "docs/s (sin el primer 10 %)": Number(warmRate(run).toFixed(1)),
      })
    }
    const ratio = (by: (run: Measured) => number) => (by(fastest(twos, by)) / by(fastest(ones, by))).toFixed(2)
    ratios.push(`${pipeline.nombre}: documentos/s con 2 trabajadores / 1: ×${ratio(warmRate)} sin el primer 10 % (arranque), ×${ratio(rate)} del primero al último`)
  }
  console.table(rows)
  for (const line of ratios) console.log(line)
} finally {
  await redis.stop()
  rmSync(work, { recursive: true, force: true })
}
