import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { homedir, tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { compileCacheFolder } from "../../src/cli/compileCache.ts"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"

/**
 * Node's compile cache (src/cli/compileCache.ts): `tacha` turns it on for
 * itself and, through the environment, for the threads it starts; it can be
 * turned off; it never changes what a run publishes.
 */

const run = (args: readonly string[], env: Record<string, string | undefined>) =>
  new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env } }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr }))
  })

/** Every file under `dir`, with its path relative to it. */
const filesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort()

const RULING = "Buenos Aires, 3 de abril de 2024.\n\nVISTOS: la causa seguida contra Ramiro QUIROGA, DNI 30.456.789, por lesiones (art. 89 CP).\n\nRESUELVO: SOBRESEER a Ramiro Quiroga.\n\nFdo.: Dra. Mariana Costas, Jueza.\n"

describe("compile cache", () => {
  let base: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-compile-cache-"))
    await mkdir(join(base, "entrada"))
    await writeFile(join(base, "entrada", "r1.txt"), RULING)
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  it("lives in the user's own cache folder, not in the temporary folder every user shares, unless NODE_COMPILE_CACHE says where", () => {
    expect(compileCacheFolder({ HOME: "/home/secretaria" })).toBe(join(homedir(), ".cache", "tacha", "compile-cache"))
    expect(compileCacheFolder({ XDG_CACHE_HOME: "/var/cache/juzgado" })).toBe("/var/cache/juzgado/tacha/compile-cache")
    expect(compileCacheFolder({ XDG_CACHE_HOME: "/var/cache/juzgado", NODE_COMPILE_CACHE: "/srv/tacha/cache" })).toBe("/srv/tacha/cache")
    expect(compileCacheFolder({}).startsWith(tmpdir())).toBe(false)
  })

  it("the threads a process starts after turning it on use the same cache folder", async () => {
    // Its default folder, in the user's cache folder: the threads must learn it from the process.
    const cacheHome = join(base, "cache-del-usuario")
    const thread = join(base, "hilo.mjs")
    await writeFile(thread, "import { getCompileCacheDir } from 'node:module'\nimport { parentPort } from 'node:worker_threads'\nparentPort.postMessage(getCompileCacheDir() ?? 'ninguna')\n")
    const main = join(base, "principal.mjs")
    await writeFile(main, [
      `import { enableCompileCache } from ${JSON.stringify(join(PROJECT_ROOT, "src", "cli", "compileCache.ts"))}`,
      "import { Worker } from 'node:worker_threads'",
      "enableCompileCache()",
      `const worker = new Worker(${JSON.stringify(thread)})`,
      "worker.once('message', (dir) => { console.error(dir); worker.terminate() })",
    ].join("\n"))
    const on = await run([main], { XDG_CACHE_HOME: cacheHome, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined })
    expect(on.code, on.stderr).toBe(0)
    expect(on.stderr.trim()).toContain(join(cacheHome, "tacha", "compile-cache"))
    const off = await run([main], { XDG_CACHE_HOME: cacheHome, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: "1" })
    expect(off.stderr.trim()).toBe("ninguna")
  })

  it("a run fills it, a run with NODE_DISABLE_COMPILE_CACHE=1 writes none, and both publish the same", async () => {
    const cache = join(base, "cache")
    const bin = join(PROJECT_ROOT, "src", "bin.ts")
    const pipeline = join(PROJECT_ROOT, "pipelines", "caba-penal.json")
    const cached = await run([bin, "run", join(base, "entrada"), "--out", join(base, "con"), "--pipeline", pipeline], { NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: undefined })
    expect(cached.code, cached.stderr).toBe(0)
    expect((await filesUnder(cache)).length).toBeGreaterThan(50)
    // A second run reads what the first wrote.
    const again = await run([bin, "run", join(base, "entrada"), "--out", join(base, "otra"), "--pipeline", pipeline], { NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: undefined })
    expect(again.code, again.stderr).toBe(0)
    const unused = join(base, "sin-usar")
    const plain = await run([bin, "run", join(base, "entrada"), "--out", join(base, "sin"), "--pipeline", pipeline], { NODE_COMPILE_CACHE: unused, NODE_DISABLE_COMPILE_CACHE: "1" })
    expect(plain.code, plain.stderr).toBe(0)
    expect(existsSync(unused)).toBe(false)
    const published = join("public", "resoluciones")
    const texts = await filesUnder(join(base, "con", published))
    expect(texts).toHaveLength(1)
    for (const out of ["otra", "sin"]) expect(await filesUnder(join(base, out, published))).toEqual(texts)
    for (const out of ["otra", "sin"]) {
      expect(await readFile(join(base, out, published, texts[0]!), "utf8")).toBe(await readFile(join(base, "con", published, texts[0]!), "utf8"))
    }
  }, 120_000)
})
