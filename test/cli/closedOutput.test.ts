import { spawn } from "node:child_process"
import { mkdtemp, readdir, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { bin, generate } from "../faults/cli.ts"

/**
 * `tacha run … | head`: the reader of tacha's output goes away before the
 * batch ends. Before src/cli/closedOutput.ts the first line printed after
 * that threw EPIPE and the batch died with a stack trace and nothing
 * published.
 */
describe("a closed standard output", () => {
  let base: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-salida-cerrada-"))
    await generate(base, 6, 31, "txt")
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  it("does not stop the batch: every ruling is published and the exit code is the batch's", async () => {
    const out = join(base, "out")
    const child = spawn(process.execPath, [bin, "run", join(base, "rulings"), "--out", out, "--pipeline", join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    })
    // The reader leaves before tacha prints anything.
    child.stdout.destroy()
    child.stderr.destroy()
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
    expect(code).toBe(0)
    expect((await readdir(join(base, "rulings"))).length).toBe(6)
    expect(await readdir(join(out, "public", "resoluciones"))).toHaveLength(6)
  }, 120_000)
})
