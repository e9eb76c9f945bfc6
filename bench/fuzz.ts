/**
 * Fuzzing, the long run: a seeded batch of mutated documents of every format
 * (test/hostile/fuzz.ts; 150 by default, as the fuzzing run that found the
 * silent losses) through `tacha run` in its own process (bench/phase.ts), so
 * its peak memory (RSS of the whole process, document workers included) is
 * the batch's. Prints the outcomes by cause, seconds and peak memory, and
 * checks what the CI test checks on its small budget: every input accounted
 * for once, damaged office XML never published, nothing published without
 * its body. `--root` runs another checkout's pipeline on the same corpus
 * (to measure before and after a change).
 *
 * The same batch also goes through the CLI (`src/bin.ts run`) in a child
 * process whose memory, with every process it starts, is sampled from /proc:
 * the peak RSS of the whole `tacha run` process tree, next to that of a
 * batch of as many intact rulings (the baseline, measured in the same run).
 * `--hostil` keeps only the damage that costs memory (deep nesting, huge
 * attributes, entities) and zip containers.
 *
 *   npx node bench/fuzz.ts [--count 150] [--seed 7] [--hostil] [--pipeline pipelines/caba-penal-reglas.json] [--root <checkout>]
 */
import { spawn, spawnSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { enableCompileCache } from "../src/cli/compileCache.ts"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { rulingDocx, rulingText } from "../test/hostile/corpus.ts"
import { BODY_MARKERS, fuzzCorpus } from "../test/hostile/fuzz.ts"

// Each phase runs as `tacha` runs: with the compile cache, which its processes inherit.
enableCompileCache()

const args = process.argv.slice(2)
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback
}
const count = Number(option("count", "150"))
const seed = Number(option("seed", "7"))
const root = resolve(option("root", PROJECT_ROOT))
const pipelineFile = resolve(option("pipeline", join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")))
const hostileOnly = args.includes("--hostil")
/** Damage whose cost is memory, and damaged containers. */
const HOSTILE = /^(?:anidado|atributo-enorme|entidades-expansion|entidad-externa|zip-)/u

/** Resident memory (kB) of a process and all its descendants, read from /proc; 0 once it is gone. */
const treeRssKb = (root: number): number => {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0
  const pending = [root]
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    try {
      total += Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0)
    } catch {
      // Gone.
    }
    pending.push(...(children.get(pid) ?? []))
  }
  return total
}

/** `tacha run` on a folder through the CLI, its process tree sampled every 50 ms: peak RSS in MB and seconds. */
const cliPeak = (folder: string, out: string, pipeline: string): Promise<{ peakRssMb: number; seconds: number; code: number | null }> =>
  new Promise((done) => {
    const started = performance.now()
    const child = spawn(process.execPath, [join(root, "src", "bin.ts"), "run", folder, "--out", out, "--pipeline", pipeline], { cwd: root, stdio: "ignore" })
    let peak = 0
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRssKb(child.pid!))
    }, 50)
    child.on("exit", (code) => {
      clearInterval(timer)
      done({ peakRssMb: peak / 1024, seconds: (performance.now() - started) / 1000, code })
    })
  })

const work = await mkdtemp(join(tmpdir(), "tacha-fuzz-bench-"))
try {
  const lote = join(work, "lote")
  await mkdir(lote)
  const inputs = (await fuzzCorpus(seed, count)).filter((input) => !hostileOnly || HOSTILE.test(input.mutation))
  for (const input of inputs) await writeFile(join(lote, input.name), input.bytes)
  const intact = join(work, "intactas")
  await mkdir(intact)
  for (let n = 0; n < inputs.length; n++) {
    if (n % 2 === 0) await writeFile(join(intact, `${n}.docx`), await rulingDocx(n))
    else await writeFile(join(intact, `${n}.txt`), rulingText(n))
  }
  const config = JSON.parse(await readFile(pipelineFile, "utf8"))
  delete config.$schema
  const pipeline = join(work, "pipeline.json")
  await writeFile(pipeline, JSON.stringify({ ...config, limits: { ...config.limits, maxFileBytes: 40 * 1024 * 1024 } }))
  const out = join(work, "out")
  const run = spawnSync(process.execPath, [join(root, "bench", "phase.ts"), "run", lote, out, pipeline], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 })
  const line = run.stdout.trim().split("\n").filter((text) => text.startsWith("{")).pop()
  if (!line) throw new Error(`bench/phase.ts falló: ${run.stderr.slice(-2000)}`)
  const measured = JSON.parse(line) as { seconds: number; peakRssMb: number; documents: number }
  const cliBaseline = await cliPeak(intact, join(work, "out-intactas"), pipeline)
  const cli = await cliPeak(lote, join(work, "out-cli"), pipeline)

  const journal = (await readFile(join(out, "private", "journal.jsonl"), "utf8")).trim().split("\n").map((text) => JSON.parse(text))
  const settled = journal.slice(journal.findLastIndex((entry) => entry.state === "started")).filter((entry) => entry.state === "done" || entry.state === "failed")
  const outcome = new Map<string, string>(settled.map((entry) => [entry.file, entry.state === "done" ? "done" : entry.reason]))
  const byCause = new Map<string, number>()
  for (const cause of outcome.values()) byCause.set(cause, (byCause.get(cause) ?? 0) + 1)
  const byMutation = new Map<string, string[]>()
  for (const input of inputs) byMutation.set(input.mutation, [...(byMutation.get(input.mutation) ?? []), outcome.get(input.name) ?? "sin registrar"])

  const problems: string[] = []
  if (settled.length !== inputs.length || outcome.size !== inputs.length) problems.push(`${settled.length} registros para ${inputs.length} entradas`)
  for (const input of inputs) {
    const result = outcome.get(input.name)
    if (/\.(odt|docx)$/u.test(input.name) && !input.mutation.startsWith("zip-") && result === "done") problems.push(`${input.name}: XML dañado publicado`)
  }
  const audits = await Promise.all(settled.filter((entry) => entry.state === "done").map(async (entry) => entry.file as string))
  for (const file of audits) {
    const auditLine = journal.find((entry) => entry.file === file && entry.state === "done")
    const text = await readFile(join(out, "public", "resoluciones", `${auditLine.id}.txt`), "utf8").catch(() => "")
    for (const marker of BODY_MARKERS) if (!text.includes(marker)) problems.push(`${file}: publicado sin «${marker}»`)
  }

  console.log(`| mutación | resultados |\n| --- | --- |`)
  for (const [mutation, results] of [...byMutation].sort()) {
    const counts = new Map<string, number>()
    for (const result of results) counts.set(result, (counts.get(result) ?? 0) + 1)
    console.log(`| ${mutation} | ${[...counts].map(([result, n]) => `${result} ${n}`).join(", ")} |`)
  }
  console.log(`\n${inputs.length} entradas (semilla ${seed}) en ${measured.seconds.toFixed(1)} s; memoria pico ${Math.round(measured.peakRssMb)} MB; ${[...byCause].map(([cause, n]) => `${cause} ${n}`).join(", ")}`)
  console.log(
    `tacha run (CLI, árbol de procesos): memoria pico ${Math.round(cli.peakRssMb)} MB con este lote en ${cli.seconds.toFixed(1)} s; ` +
      `${Math.round(cliBaseline.peakRssMb)} MB con ${inputs.length} resoluciones intactas (×${(cli.peakRssMb / cliBaseline.peakRssMb).toFixed(2)})`,
  )
  console.log(problems.length === 0 ? "sin problemas" : `PROBLEMAS:\n${problems.join("\n")}`)
  console.log(JSON.stringify({ seed, count, hostileOnly, root, ...measured, cli, cliBaseline, byCause: Object.fromEntries(byCause), problems }))
  if (problems.length > 0) process.exitCode = 1
} finally {
  await rm(work, { recursive: true, force: true })
}
