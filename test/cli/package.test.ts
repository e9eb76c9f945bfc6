import { spawn } from "node:child_process"
import { existsSync, statSync } from "node:fs"
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { delimiter, dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"

/**
 * tacha installed as a package, as the README's "Instalar como paquete" says:
 * its commands run exactly as written (`npm pack` in the project, the rest in
 * a clerk's folder), with only the system's Node and npm on the PATH; then an
 * offline global install, run from another folder with relative paths.
 *
 * Packing compiles the project and installing extracts onnxruntime (about two
 * minutes in all), so this runs as its own step of .ci/run
 * (TACHA_PACKAGE_TEST=1), not in `npm test`.
 */

const STACK = /^\s+at .*:\d+:\d+\)?$/mu

/** The PATH a clerk's shell has: without any project's node_modules/.bin. */
const systemPath = (process.env.PATH ?? "").split(delimiter).filter((dir) => dir && !dir.includes("node_modules")).join(delimiter)
const onPath = (name: string, path: string) => path.split(delimiter).some((dir) => existsSync(join(dir, name)))
const PATH = onPath("node", systemPath) ? systemPath : [dirname(process.execPath), systemPath].join(delimiter)

/** A clerk's environment: none of the npm_* settings `npm test` passes down, and no ONNXRUNTIME_NODE_INSTALL. */
const clerkEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/iu.test(key) && key !== "ONNXRUNTIME_NODE_INSTALL" && key !== "PATH") env[key] = value
  }
  return { ...env, PATH }
}

const shell = (command: string, cwd: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn("bash", ["-c", command], { cwd, env: clerkEnv(), stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** The README's "Instalar como paquete" block, comments dropped. */
const packageCommands = async (): Promise<string[]> => {
  const readme = await readFile(join(PROJECT_ROOT, "README.md"), "utf8")
  const section = readme.split("### Instalar como paquete")[1]!
  const block = /```sh\n([\s\S]*?)```/u.exec(section)![1]!
  return block.split("\n").map((line) => line.replace(/\s+#\s.*$/u, "").trim()).filter((line) => line.length > 0)
}

const RULING = (n: number) => [
  `Buenos Aires, ${n} de abril de 2024.`,
  "VISTOS: la causa seguida contra Ramiro Ezequiel QUIROGA, DNI 30.456.789, por lesiones leves (art. 89 del Código Penal).",
  "RESUELVO: SOBRESEER a Ramiro Ezequiel Quiroga.",
  "Fdo.: Dra. Mariana Costas, Jueza.",
].join("\n\n")

describe.runIf(process.env["TACHA_PACKAGE_TEST"] === "1" && onPath("npm", systemPath))("tacha installed as a package", () => {
  let base: string
  let clerk: string
  let commands: string[]
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-package-"))
    clerk = join(base, "juzgado")
    await mkdir(clerk)
    commands = await packageCommands()
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  it("the README's commands, as written: pack in the project, install and run in the clerk's folder", async () => {
    const [pack, install, ...runs] = commands
    expect(pack).toMatch(/^npm pack /u)
    expect(install).toMatch(/^npm install /u)
    const tarball = /(\S+\.tgz)/u.exec(install!)![1]!
    await rm(tarball, { force: true })

    const packed = await shell(pack!, PROJECT_ROOT)
    expect(packed.code, packed.stderr).toBe(0)
    // The compiled code, the model the pipelines use and the pipelines, in a tarball of sane size; no TypeScript.
    const listing = await shell(`tar tzf ${tarball}`, base)
    const files = listing.stdout.split("\n")
    for (const file of ["dist/bin.js", "dist/pipeline/documentWorker.js", "dist/detect/ner/worker.js", "dist/api/dashboard/index.html",
      "models/tacha-ner-es/onnx/model_quantized.onnx", "models/tacha-ner-es/tokenizer.json", "pipelines/caba-penal.json", "bin/tacha.js"]) {
      expect(files, file).toContain(`package/${file}`)
    }
    expect(files.filter((file) => file.startsWith("package/src/") || file.endsWith(".ts"))).toEqual([])
    expect(statSync(tarball).size).toBeLessThan(25_000_000)

    const installed = await shell(install!, clerk)
    expect(installed.code, installed.stderr).toBe(0)
    // onnxruntime-node's install script did not run: it would have downloaded its GPU libraries.
    const ort = join(clerk, "node_modules", "onnxruntime-node", "bin", "napi-v6", process.platform, process.arch)
    expect(existsSync(ort)).toBe(true)
    expect((await readdir(ort)).filter((name) => name.includes("providers"))).toEqual([])

    for (const command of runs) {
      const result = await shell(command, clerk)
      expect(result.code, `${command}\n${result.stderr}`).toBe(0)
      expect(result.stderr, command).not.toMatch(STACK)
    }
    expect(commands.some((command) => command.endsWith("--version"))).toBe(true)
    expect((await readdir(join(clerk, "publicacion", "public", "resoluciones"))).length).toBeGreaterThan(30)
  }, 600_000)

  it("installed globally offline (the npm cache is warm now, no network), runs from another folder with relative paths", async () => {
    const install = commands[1]!
    const tarball = /(\S+\.tgz)/u.exec(install)![1]!
    const prefix = join(base, "global")
    // With no network at all where the system allows it (a network namespace of its own).
    const isolated = (await shell("unshare -rn true", base)).code === 0 ? "unshare -rn " : ""
    const installed = await shell(`${isolated}npm install -g --prefix ${prefix} --offline --ignore-scripts --no-audit --no-fund ${tarball}`, base)
    expect(installed.code, installed.stderr).toBe(0)
    const tacha = join(prefix, "bin", "tacha")
    const data = join(base, "otro-juzgado")
    await mkdir(join(data, "resoluciones"), { recursive: true })
    for (const n of [1, 2]) await writeFile(join(data, "resoluciones", `r${n}.txt`), RULING(n))

    const version = await shell(`${tacha} --version`, data)
    expect(version.code, version.stderr).toBe(0)
    expect(version.stdout.trim()).toBe(`tacha ${JSON.parse(await readFile(join(PROJECT_ROOT, "package.json"), "utf8")).version}`)

    const run = await shell(`${tacha} run resoluciones --out publicacion --pipeline caba-penal-reglas.json`, data)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain("2 procesados")
    expect(await readdir(join(data, "publicacion", "public", "resoluciones"))).toHaveLength(2)
    expect(await readFile(join(data, "publicacion", "public", "resoluciones", (await readdir(join(data, "publicacion", "public", "resoluciones")))[0]!), "utf8")).not.toContain("Quiroga")

    // A misspelt folder: exit 2, named as resolved from where the clerk stands, no stack trace, nothing created.
    const missing = await shell(`${tacha} run resolucione --out otra`, data)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(join(data, "resolucione"))
    expect(missing.stderr).not.toMatch(STACK)
    expect(existsSync(join(data, "otra"))).toBe(false)
  }, 600_000)
})
