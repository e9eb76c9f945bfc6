import { execFile, spawn } from "node:child_process"
import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { promisify } from "node:util"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"

/** Helpers shared by the fault and hostile-input tests: the real CLI as a child process. */

export const bin = join(PROJECT_ROOT, "src", "bin.ts")

export interface CliResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * `tacha run`, optionally killed with SIGKILL when `killWhen` resolves (it is
 * given the output so far).
 */
export const runTacha = (
  args: readonly string[],
  options: { readonly killWhen?: (output: () => string) => Promise<void>; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "run", ...args], { cwd: PROJECT_ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    let exited = false
    void options.killWhen?.(() => stdout).then(() => {
      if (!exited) child.kill("SIGKILL")
    })
    child.on("error", reject)
    child.on("close", (code, signal) => {
      exited = true
      resolve({ code, signal, stdout, stderr })
    })
  })

/** `samples/generate.ts`: rulings under `<out>/rulings`, gold annotations in `<out>/gold.jsonl`. */
export const generate = async (out: string, count: number, seed: number, formats: string): Promise<void> => {
  await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, "samples", "generate.ts"), "--count", String(count), "--out", out, "--seed", String(seed), "--formats", formats], { cwd: PROJECT_ROOT })
}

/** Every file under `dir` (relative path → bytes), hidden ones included. */
export const readTree = async (dir: string): Promise<Map<string, Buffer>> => {
  const files = new Map<string, Buffer>()
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name)))
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** Leftovers of a write that did not finish: temporary siblings of atomic writes. */
export const isTemporary = (path: string): boolean => /(^|\/)\.[^/]*\.tmp$/u.test(path) || path.endsWith(".tmp")

/** A small seeded PRNG (mulberry32), so a failing schedule can be replayed. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves once `condition` holds (polled every 25 ms), or after `limitMs`. */
export const until = async (condition: () => boolean | Promise<boolean>, limitMs = 30_000): Promise<void> => {
  const end = Date.now() + limitMs
  while (Date.now() < end && !(await condition())) await sleep(25)
}
