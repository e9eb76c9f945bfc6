import { spawn } from "node:child_process"
import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { makePublicFixture } from "./publicFixture.ts"

const main = join(import.meta.dirname, "serveMain.ts")

/** Start `tacha serve`, read the URL it prints, call `use`, then stop it with SIGINT. */
const withServe = async (args: string[], use: (url: string | undefined, output: () => string) => Promise<void>) => {
  const child = spawn(process.execPath, [main, "serve", ...args], { stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  const url = await Promise.race([
    new Promise<string>((resolve) => {
      const check = setInterval(() => {
        const match = /Tablero:\s+(http:\/\/\S+?)\/\s/u.exec(output)
        if (match) {
          clearInterval(check)
          resolve(match[1]!)
        }
      }, 50)
      void exited.then(() => clearInterval(check))
    }),
    exited.then(() => undefined),
  ])
  try {
    await use(url, () => output)
  } finally {
    if (child.exitCode === null) child.kill("SIGINT")
    await exited
  }
  return exited
}

describe("tacha serve", () => {
  it("serves the public folder of an output folder on the given host and port", async () => {
    const { outDir } = await makePublicFixture()
    await withServe([outDir, "--puerto", "0", "--host", "127.0.0.1"], async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u)
      const response = await fetch(`${url}/api/v1/resoluciones?limite=1`)
      expect(response.status).toBe(200)
      expect((await response.json()).total).toBe(3)
    })
  })

  it("fails with a clear message when the folder has no public/", async () => {
    const empty = await mkdtemp(join(tmpdir(), "tacha-serve-"))
    const code = await withServe([empty, "--puerto", "0"], async (url, output) => {
      expect(url).toBeUndefined()
      expect(output()).toContain("carpeta de salida de 'tacha run'")
    })
    expect(code).not.toBe(0)
  })
})
