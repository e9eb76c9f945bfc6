import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { delimiter, dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"

/**
 * The `tacha` command from a clerk's own data folder: through a link on the
 * PATH (what `npm link` makes) and through `npx --prefix <project>`, with the
 * system's Node first on the PATH (not the project's node_modules/.bin), and
 * input paths relative to where the clerk stands.
 */

const run = (file: string, args: readonly string[], cwd: string, PATH: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, PATH } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }))
  })

/** The PATH a clerk's shell has: without any project's node_modules/.bin. */
const systemPath = (process.env.PATH ?? "").split(delimiter).filter((dir) => dir && !dir.includes("node_modules")).join(delimiter)
const onPath = (name: string, path: string) => path.split(delimiter).some((dir) => existsSync(join(dir, name)))

const RULING = "Buenos Aires, 3 de abril de 2024.\n\nVISTOS: la causa seguida contra Ramiro QUIROGA, DNI 30.456.789, por lesiones (art. 89 CP).\n\nRESUELVO: SOBRESEER a Ramiro Quiroga.\n\nFdo.: Dra. Mariana Costas, Jueza.\n"

describe("tacha from any folder", () => {
  let base: string
  let data: string
  let links: string
  let PATH: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-launcher-"))
    data = join(base, "juzgado")
    links = join(base, "bin")
    await mkdir(join(data, "resoluciones"), { recursive: true })
    await mkdir(links)
    await writeFile(join(data, "resoluciones", "r1.txt"), RULING)
    await symlink(join(PROJECT_ROOT, "bin", "tacha.js"), join(links, "tacha"))
    // The system's Node when there is one (it may be older than 22), else this one.
    PATH = [links, ...(onPath("node", systemPath) ? [] : [dirname(process.execPath)]), systemPath].join(delimiter)
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  it("through a link on the PATH, with relative input and output (and a pipeline of the project named as in the README)", async () => {
    const result = await run("tacha", ["run", "resoluciones", "--out", "publicacion", "--pipeline", "pipelines/caba-penal-reglas.json"], data, PATH)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).not.toContain("ERR_UNKNOWN_FILE_EXTENSION")
    expect(await readdir(join(data, "publicacion", "public", "resoluciones"))).toHaveLength(1)
    const missing = await run("tacha", ["run", "resolucione", "--out", "otra"], data, PATH)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(join(data, "resolucione"))
  })

  it.runIf(onPath("npx", systemPath))("through npx --prefix <project>", async () => {
    const result = await run("npx", ["--prefix", PROJECT_ROOT, "tacha", "query", "SELECT count(*) AS n FROM resoluciones", "--out", "publicacion", "--archivo", "n.json"], data, systemPath)
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(await readFile(join(data, "n.json"), "utf8"))).toEqual([{ n: 1 }])
  })
})
