/**
 * `npx node bench/api.ts [out-dir]`: load test of the read-only API on
 * loopback. Starts `makeServer` in a child process over `<out-dir>/public`
 * (without an argument: 300 generated rulings through `tacha run` in a
 * temporary folder), then sends BENCH_API_REQUESTS (default 2,000) mixed
 * requests with BENCH_API_CONCURRENCY (default 20) in flight, stopping early
 * after BENCH_API_SECONDS (default 60). Prints p50 / p90 / p99 latency and
 * requests per second, overall and per endpoint.
 */
import { execFileSync, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"

const self = fileURLToPath(import.meta.url)

if (process.argv[2] === "--serve") {
  // Child mode: the server alone in its process, printing its URL.
  const { startServer } = await import("../src/api/server.ts")
  const server = await startServer({ publicDir: process.argv[3]!, port: 0, host: "127.0.0.1" })
  console.log(`URL ${server.url}`)
  process.on("SIGTERM", () => void server.close().then(() => process.exit(0)))
} else {
  await main()
}

async function main() {
  const requests = Number(process.env["BENCH_API_REQUESTS"] ?? 2000)
  const concurrency = Number(process.env["BENCH_API_CONCURRENCY"] ?? 20)
  const seconds = Number(process.env["BENCH_API_SECONDS"] ?? 60)
  let work: string | undefined
  let outDir = process.argv[2] ? resolve(process.argv[2]) : undefined
  if (!outDir) {
    work = mkdtempSync(join(tmpdir(), "tacha-bench-api-"))
    outDir = join(work, "out")
    const node = (args: string[]) => {
      try {
        execFileSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "inherit"] })
      } catch (error) {
        // `tacha run` exits 1 when some documents failed; the others are published.
        if ((error as { status?: number }).status !== 1) throw error
      }
    }
    console.log(`Generando 300 resoluciones y corriendo tacha run en ${work} ...`)
    node([join(PROJECT_ROOT, "samples", "generate.ts"), "--count", "300", "--out", join(work, "corpus"), "--seed", "20261127"])
    node([join(PROJECT_ROOT, "src", "bin.ts"), "run", join(work, "corpus"), "--out", outDir])
  }

  const child = spawn(process.execPath, [self, "--serve", join(outDir, "public")], { stdio: ["ignore", "pipe", "inherit"] })
  const base = await new Promise<string>((resolveUrl, reject) => {
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      const match = /URL (\S+)/u.exec(output)
      if (match) resolveUrl(match[1]!)
    })
    child.on("exit", (code) => reject(new Error(`el servidor terminó (${code})`)))
  })

  try {
    const page = await (await fetch(`${base}/api/v1/resoluciones?limite=1000&orden=id`)).json() as { resultados: { id: string; juzgado: string | null }[] }
    const ids = page.resultados.map((row) => row.id)
    const courts = [...new Set(page.resultados.map((row) => row.juzgado).filter((court): court is string => court !== null))]
    if (ids.length === 0) throw new Error("no hay resoluciones publicadas")
    const terms = ["lesiones", "amenazas", "prisión preventiva", "sobreseimiento", "allanamiento", "embargo", "probation"]
    const pick = <T>(values: readonly T[], i: number): T => values[i % values.length]!
    const mix: readonly { name: string; url: (i: number) => string }[] = [
      { name: "listado", url: () => "/api/v1/resoluciones" },
      { name: "listado filtrado", url: (i) => `/api/v1/resoluciones?juzgado=${encodeURIComponent(pick(courts, i))}&orden=fecha` },
      { name: "listado paginado", url: (i) => `/api/v1/resoluciones?limite=20&desde=${(i * 7) % ids.length}` },
      { name: "búsqueda q", url: (i) => `/api/v1/resoluciones?q=${encodeURIComponent(pick(terms, i))}&limite=20` },
      { name: "listado csv", url: () => "/api/v1/resoluciones?formato=csv&limite=200" },
      { name: "detalle", url: (i) => `/api/v1/resoluciones/${pick(ids, i * 13)}` },
      { name: "estadísticas", url: (i) => `/api/v1/estadisticas?agrupar=${pick(["anio,juzgado", "anio,tipo", "periodo", "materia,resultado"], i)}` },
      { name: "categorías", url: () => "/api/v1/estadisticas?agrupar=categoria" },
      { name: "procesamiento", url: () => "/api/v1/estadisticas/procesamiento" },
      { name: "openapi", url: () => "/api/v1/openapi.json" },
      { name: "descarga", url: () => "/datos/resoluciones.csv" },
      { name: "error 400", url: () => "/api/v1/resoluciones?limite=5000" },
    ]

    const latencies: number[] = []
    const byName = new Map<string, number[]>()
    const statuses = new Map<number, number>()
    let next = 0
    const started = performance.now()
    const deadline = started + seconds * 1000
    const worker = async () => {
      while (next < requests && performance.now() < deadline) {
        const i = next++
        const kind = mix[i % mix.length]!
        const t0 = performance.now()
        const response = await fetch(base + kind.url(i))
        await response.arrayBuffer()
        const ms = performance.now() - t0
        latencies.push(ms)
        byName.set(kind.name, [...(byName.get(kind.name) ?? []), ms])
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    const elapsed = (performance.now() - started) / 1000

    const quantile = (values: number[], q: number) => {
      const sorted = [...values].sort((a, b) => a - b)
      return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
    }
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`
    console.log(`\n${latencies.length} solicitudes, concurrencia ${concurrency}, ${ids.length} resoluciones publicadas, ${elapsed.toFixed(2)} s`)
    console.log(`p50 ${fmt(quantile(latencies, 0.5))}  p90 ${fmt(quantile(latencies, 0.9))}  p99 ${fmt(quantile(latencies, 0.99))}  ${(latencies.length / elapsed).toFixed(0)} solicitudes/s`)
    console.log(`estados: ${[...statuses].map(([status, n]) => `${status}×${n}`).join(", ")}`)
    for (const [name, values] of byName) {
      console.log(`  ${name.padEnd(18)} n=${String(values.length).padStart(4)}  p50 ${fmt(quantile(values, 0.5)).padStart(9)}  p99 ${fmt(quantile(values, 0.99)).padStart(9)}`)
    }
  } finally {
    child.kill("SIGTERM")
    if (work) rmSync(work, { recursive: true, force: true })
  }
}
