import { spawn, type ChildProcess } from "node:child_process"
import { access, mkdtemp, readFile, rm } from "node:fs/promises"
import { hostname, tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { bin, generate, readTree, runTacha, sleep, until } from "../faults/cli.ts"
import { freePort, redisInstalled, startRedis, type RedisServer } from "./redisServer.ts"

/**
 * A batch on a real Redis (redis-server on a free loopback port, with a
 * password): `tacha run --cola` coordinates, two `tacha trabajador`
 * processes analyse, one is killed with SIGKILL in the middle of a
 * document. The batch must end as a local run of the same input does:
 * public/ byte-identical, every input settled once, nothing left in Redis,
 * and the password never printed.
 */
const PASSWORD = "clave-de-prueba-" + Math.random().toString(36).slice(2)
const RULES = join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")
const installed = redisInstalled()
if (!installed) {
  if (process.env["TACHA_REQUIRE_REDIS"] === "1") throw new Error("the queue tests need redis-server (Debian's redis-server package)")
  console.warn("test/queue: redis-server no está instalado; se omiten las pruebas con una cola real (apt-get install redis-server).")
}

interface Running {
  readonly child: ChildProcess
  output: string
  readonly exited: Promise<number | null>
}

const start = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Running => {
  const child = spawn(process.execPath, [bin, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
  const running: Running = {
    child,
    output: "",
    exited: new Promise((resolve) => child.on("close", (code) => resolve(code))),
  }
  for (const stream of [child.stdout!, child.stderr!]) stream.setEncoding("utf8").on("data", (chunk: string) => (running.output += chunk))
  return running
}

/** The journal's entries of its last run. */
const lastRun = async (out: string): Promise<{ state: string; file?: string }[]> => {
  const entries = (await readFile(join(out, "private", "journal.jsonl"), "utf8")).split("\n").filter((line) => line !== "")
    .map((line) => JSON.parse(line) as { state: string; file?: string })
  return entries.slice(entries.findLastIndex((entry) => entry.state === "started"))
}

describe.skipIf(!installed)("a batch on a Redis queue with two workers, one killed mid-document", () => {
  let redis: RedisServer
  let base: string
  const workers: Running[] = []

  beforeAll(async () => {
    redis = await startRedis(PASSWORD)
    base = await mkdtemp(join(tmpdir(), "tacha-cola-"))
    await generate(base, 12, 16, "txt,docx")
  })
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill("SIGKILL")
    await redis?.stop()
    await rm(base, { recursive: true, force: true })
  })

  it("publishes exactly what a local run publishes, each input once, and leaves Redis empty", async () => {
    const input = join(base, "rulings")
    const local = await runTacha([input, "--out", join(base, "local"), "--pipeline", RULES])
    expect([0, 1], local.stderr).toContain(local.code)

    const url = `redis://:${PASSWORD}@127.0.0.1:${redis.port}`
    // Short locks, so that the killed worker's job goes back to the queue within seconds.
    for (let i = 0; i < 2; i++) workers.push(start(["trabajador", "--cola", url, "--concurrencia", "1", "--entrada", input], { TACHA_COLA_BLOQUEO_MS: "1500" }))
    await until(() => workers.every((worker) => worker.output.includes("espera lotes")), 60_000)
    expect(workers.map((worker) => worker.output).join("")).toContain(`redis://***@127.0.0.1:${redis.port}`)

    const out = join(base, "cola")
    const coordinator = start(["run", input, "--out", out, "--pipeline", RULES, "--cola", url])

    // Kill the first worker while it holds a job (BullMQ records the worker's name on it).
    const victim = workers[0]!
    const name = `${hostname()}:${victim.child.pid}`
    let held: { key: string; queue: string } | undefined
    const end = Date.now() + 60_000
    while (held === undefined && Date.now() < end && coordinator.child.exitCode === null) {
      for (const queue of await redis.client.hkeys("tacha:lotes")) {
        for (const job of await redis.client.lrange(`tacha:${queue}:active`, 0, -1)) {
          if ((await redis.client.hget(`tacha:${queue}:${job}`, "pb")) === name) held = { key: `tacha:${queue}:${job}`, queue }
        }
      }
      if (held === undefined) await sleep(5)
    }
    expect(held, "the first worker took a job before the batch ended").toBeDefined()
    victim.child.kill("SIGKILL")
    await victim.exited
    // Killed in the middle of that document: it was not finished (a finished job is removed at once), so only the other worker can finish it.
    expect(await redis.client.exists(held!.key)).toBe(1)
    expect(await redis.client.hget(held!.key, "finishedOn")).toBeNull()

    const code = await coordinator.exited
    expect(code, coordinator.output).toBe(local.code)
    expect(coordinator.output).toContain(`Coordinador de la cola redis://***@127.0.0.1:${redis.port}`)

    const expected = await readTree(join(base, "local", "public"))
    const actual = await readTree(join(out, "public"))
    expect([...actual.keys()]).toEqual([...expected.keys()])
    for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true)
    expect([...expected.keys()].filter((path) => path.startsWith("resoluciones/")).length).toBeGreaterThan(8)

    // Every input settled once, as in the local run.
    const settled = (entries: { state: string; file?: string }[]) =>
      entries.filter((entry) => entry.state === "done" || entry.state === "failed").map((entry) => entry.file!).sort()
    const files = settled(await lastRun(out))
    expect(files).toHaveLength(12)
    expect(new Set(files).size).toBe(12)
    expect(files).toEqual(settled(await lastRun(join(base, "local"))))

    // The batch's queue and its entry are gone once the surviving worker saw the batch end.
    await until(async () => (await redis.client.keys("tacha:*")).length === 0, 10_000)
    expect(await redis.client.keys("tacha:*")).toEqual([])
    const survivor = workers[1]!
    await until(() => survivor.output.includes("terminado"), 10_000)
    expect(survivor.output).toMatch(/Lote lote-[0-9a-f]{16} terminado: \d+ documento\(s\) analizados en este trabajador\./u)

    // The same batch again, the worker reading the documents from its shared input folder instead of Redis.
    const shared = await runTacha([input, "--out", join(base, "compartida"), "--pipeline", RULES, "--cola", url, "--entrada-compartida"])
    expect(shared.code, shared.stderr).toBe(local.code)
    const fromShared = await readTree(join(base, "compartida", "public"))
    expect([...fromShared.keys()]).toEqual([...expected.keys()])
    for (const [path, bytes] of expected) expect(fromShared.get(path)!.equals(bytes), path).toBe(true)
    await until(async () => (await redis.client.keys("tacha:*")).length === 0, 10_000)
    expect(await redis.client.keys("tacha:*")).toEqual([])
    // The survivor served both batches of this pipeline with one analysis: threads, model and compiled code kept from the first.
    expect(survivor.output).toContain("con el análisis ya cargado de un lote anterior")
    survivor.child.kill("SIGTERM")
    expect(await survivor.exited).toBe(0)
    expect(survivor.output).toContain("Trabajador detenido.")

    for (const printed of [coordinator.output, ...workers.map((worker) => worker.output)]) expect(printed).not.toContain(PASSWORD)
  }, 300_000) // about 30 s on an idle machine: three batches and four processes

  it("a worker whose output was closed (its parent went away) stops cleanly when asked, instead of dying on EPIPE", async () => {
    const worker = start(["trabajador", "--cola", `redis://:${PASSWORD}@127.0.0.1:${redis.port}`, "--concurrencia", "1"])
    workers.push(worker)
    await until(() => worker.output.includes("espera lotes"), 60_000)
    worker.child.stdout!.destroy()
    worker.child.stderr!.destroy()
    // Asked to stop, it prints that it is stopping: into the closed pipe.
    worker.child.kill("SIGTERM")
    expect(await worker.exited).toBe(0)
  }, 90_000)

  it("keeps a pipeline's analysis loaded for its next batch, unloads it once idle for --mantener seconds, and publishes the same either way", async () => {
    const url = `redis://:${PASSWORD}@127.0.0.1:${redis.port}`
    const input = join(base, "pocas")
    await generate(input, 3, 23, "txt")
    // Long enough for the next coordinator to start (a few seconds), short enough to see it unloaded.
    const worker = start(["trabajador", "--cola", url, "--concurrencia", "1", "--mantener", "8"])
    workers.push(worker)
    await until(() => worker.output.includes("espera lotes"), 60_000)
    const batch = async (name: string) => {
      const run = await runTacha([join(input, "rulings"), "--out", join(base, name), "--pipeline", RULES, "--cola", url])
      expect(run.code, run.stderr).toBe(0)
      return readTree(join(base, name, "public"))
    }
    const loadedAgain = () => worker.output.split("con el análisis ya cargado de un lote anterior").length - 1

    const first = await batch("mantener-1")
    const second = await batch("mantener-2")
    expect(loadedAgain()).toBe(1)
    await until(() => /Pipeline \S+ \S+: análisis descargado tras \d+ s sin lotes\./u.test(worker.output), 20_000)
    // Unloaded: the next batch loads it anew.
    const third = await batch("mantener-3")
    expect(loadedAgain()).toBe(1)
    for (const other of [second, third]) {
      expect([...other.keys()]).toEqual([...first.keys()])
      for (const [path, bytes] of first) expect(other.get(path)!.equals(bytes), path).toBe(true)
    }
    worker.child.kill("SIGTERM")
    expect(await worker.exited).toBe(0)

    const refused = start(["trabajador", "--cola", url, "--mantener", "-5"])
    expect(await refused.exited).toBe(2)
    expect(refused.output).toContain("--mantener -5 no es válido.")
  }, 120_000)

  it("refuses a wrong password at once, without printing it (the password may come from TACHA_COLA_CLAVE)", async () => {
    const wrong = "no-es-la-clave-" + Math.random().toString(36).slice(2)
    const out = join(base, "rechazada")
    // (A password in the URL is masked in every message: see the other tests.)
    const result = await runTacha([join(base, "rulings"), "--out", out, "--pipeline", RULES, "--cola", `redis://127.0.0.1:${redis.port}`], {
      env: { ...process.env, TACHA_COLA_CLAVE: wrong },
    })
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toContain(`no se pudo usar la cola --cola redis://127.0.0.1:${redis.port}: Redis rechazó la clave`)
    expect(result.stderr + result.stdout).not.toContain(wrong)
    await expect(access(out)).rejects.toThrow()
  })
})

describe("--cola without a reachable Redis", () => {
  it("fails at once with exit code 2, a Spanish message, the password masked and nothing written", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-sin-cola-"))
    await generate(base, 1, 3, "txt")
    const port = await freePort()
    const secret = "secreto-" + Math.random().toString(36).slice(2)
    const url = `redis://tacha:${secret}@127.0.0.1:${port}`
    const run = await runTacha([join(base, "rulings"), "--out", join(base, "out"), "--cola", url])
    expect(run.code, run.stderr).toBe(2)
    expect(run.stderr).toContain(`Error: no se pudo usar la cola --cola redis://***@127.0.0.1:${port}: el servidor rechazó la conexión`)
    expect(run.stderr).not.toMatch(/^\s+at /mu)
    await expect(access(join(base, "out"))).rejects.toThrow()

    const worker = start(["trabajador", "--cola", url])
    expect(await worker.exited).toBe(2)
    expect(worker.output).toContain(`no se pudo usar la cola --cola redis://***@127.0.0.1:${port}`)

    for (const printed of [run.stderr, run.stdout, worker.output]) expect(printed).not.toContain(secret)
    await rm(base, { recursive: true, force: true })
  }, 60_000)
})
