import { spawn } from "node:child_process"
import { mkdtemp, readFile, rm, symlink } from "node:fs/promises"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"

/**
 * Every command in the README's shell blocks, run exactly as written (in a
 * scratch copy of the project made of links, so `out/` lands there), or
 * named below with where it runs instead.
 */
const ELSEWHERE: Record<string, string> = {
  "npm test": ".ci/run",
  // Needs ../shared/data and takes many minutes: run by hand when the model changes.
  "npx node src/eval/corpora/run.ts": "a mano (requiere ../shared/data)",
  // Needs ../shared/data; test/eval covers eval-real on the real rulings when they are present.
  "npx tacha eval-real ../shared/data/corpora/cordoba-civil-2022/textos --analizar": "test/eval (requiere ../shared/data)",
  // A decisions file and a browser: the review tests drive both.
  'npx tacha revision aplicar decisiones.jsonl --out out --revisor "Mesa de entradas"': "test/review/reviewCli.test.ts",
  "npx tacha revisar out": "test/review/reviewApp.test.ts",
  // "Instalar como paquete": packing and installing take minutes, a step of their own in .ci/run.
  "npm pack --pack-destination /tmp": "test/cli/package.test.ts (.ci/run)",
  "npm install --ignore-scripts /tmp/tacha-0.1.0.tgz": "test/cli/package.test.ts (.ci/run)",
  "npx tacha --version": "test/cli/package.test.ts (.ci/run)",
  "npx tacha run node_modules/tacha/samples/rulings --out publicacion": "test/cli/package.test.ts (.ci/run)",
  // A verdicts file: the quality-control tests write and apply one.
  "npx tacha revision control aplicar control.jsonl --out out": "test/review/qualityControl.test.ts",
  // A running Redis: the queue tests start redis-server on a free port and run both, with a worker killed mid-batch.
  "npx tacha trabajador --cola redis://127.0.0.1:6379 --concurrencia 2": "test/queue/queue.test.ts (requiere redis-server)",
  "npx tacha run samples/rulings --out out-cola --cola redis://127.0.0.1:6379": "test/queue/queue.test.ts (requiere redis-server)",
}
/** `npm install` is .ci/run's `npm ci`; what follows it runs here. */
const INSTALL = "npm install && "

const readmeCommands = async (): Promise<string[]> => {
  const readme = await readFile(join(PROJECT_ROOT, "README.md"), "utf8")
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/gu)].map((match) => match[1]!)
  return blocks.flatMap((block) => block.split("\n"))
    .map((line) => line.replace(/\s+#\s.*$/u, "").trim())
    .filter((line) => line.length > 0)
}

const shell = (command: string, cwd: string, onOutput?: (output: string, stop: () => void) => void) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn("bash", ["-c", command], { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true })
    let output = ""
    const stop = () => process.kill(-child.pid!, "SIGINT")
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk
        onOutput?.(output, stop)
      })
    }
    child.on("close", (code, signal) => resolve({ code: code ?? (signal === "SIGINT" ? 130 : null), output }))
  })

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer().once("error", () => resolve(false)).listen(port, "127.0.0.1", () => probe.close(() => resolve(true)))
  })

describe("the README's commands", () => {
  let work: string
  let commands: string[]
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "tacha-readme-"))
    for (const name of ["package.json", ".npmrc", "node_modules", "src", "bin", "pipelines", "models", "samples"]) {
      await symlink(join(PROJECT_ROOT, name), join(work, name))
    }
    commands = await readmeCommands()
  })
  afterAll(() => rm(work, { recursive: true, force: true }))

  it("lists only commands this test or .ci/run runs", () => {
    expect(commands.length).toBeGreaterThan(5)
    for (const command of commands) {
      const known = command.startsWith(INSTALL) || command.startsWith("npx tacha ") || command in ELSEWHERE
      expect(known, command).toBe(true)
    }
  })

  it("runs each as written, in order, and each succeeds", async () => {
    for (const written of commands) {
      if (written in ELSEWHERE) continue
      const command = written.startsWith(INSTALL) ? written.slice(INSTALL.length) : written
      if (/^npx tacha serve /u.test(command)) {
        // Runs until Ctrl-C: it must come up (or say in Spanish that its port is taken), then stop.
        const free = await portFree(8080)
        const result = await shell(command, work, (output, stop) => {
          if (output.includes("Ctrl+C para detener")) stop()
        })
        if (free) {
          expect(result.output, command).toContain("http://127.0.0.1:8080/")
          expect(result.code, result.output).toBe(130)
        } else {
          expect(result.output, command).toContain("ya está en uso")
          expect(result.code, result.output).toBe(2)
        }
        continue
      }
      const result = await shell(command, work)
      expect(result.code, `${command}\n${result.output}`).toBe(0)
      expect(result.output, command).not.toMatch(/^\s+at .*:\d+:\d+\)?$/mu)
    }
    // What the commands left behind is what the README says.
    expect(await readFile(join(work, "materias.csv"), "utf8")).toMatch(/^materia,n\r\n/u)
  }, 480_000) // about 50 s of CPU: npm start runs the model on the 40 samples, then ten commands start Node
})
