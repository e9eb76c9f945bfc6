import { execFile } from "node:child_process"
import { mkdir, mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"

const run = promisify(execFile)

/**
 * The run summary counts every analysed character, held or published, and
 * prints both. A ruling the gate holds (a surname that is also a common
 * word, capitalised where it is that word) and one it publishes.
 */
const held = [
  "Córdoba, 3 de mayo de 2024.",
  "Causa N° 77123/2024 - MERCADO, Juan Carlos p.s.a. lesiones leves.",
  "Declaró el imputado Juan Carlos Mercado, DNI 22.333.444. Luego Mercado reconoció los hechos ocurridos frente al Mercado Central.",
  "Elévese el recurso ante la Sala II de la Cámara.",
].join("\n")
const published = held.replace("frente al Mercado Central", "frente a la terminal")

const tachaRun = async (files: Record<string, string>): Promise<{ code: number; stdout: string }> => {
  const base = await mkdtemp(join(tmpdir(), "tacha-summary-"))
  await mkdir(join(base, "in"))
  for (const [name, text] of Object.entries(files)) await writeFile(join(base, "in", name), text)
  const args = [join(PROJECT_ROOT, "src", "bin.ts"), "run", join(base, "in"), "--out", join(base, "out"), "--pipeline", join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")]
  try {
    const { stdout } = await run(process.execPath, args, { cwd: PROJECT_ROOT })
    return { code: 0, stdout }
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string }
    return { code, stdout }
  }
}

const number = new Intl.NumberFormat("es-AR")
const pace = (stdout: string): number => Number(/\(([\d.]+) caracteres\/s\)/u.exec(stdout)![1]!.replace(/\./gu, ""))

describe("the run summary's characters", () => {
  it("counts a batch held whole: its pace is not zero, and every character is held", async () => {
    const { code, stdout } = await tachaRun({ "retenida.txt": held })
    expect(code).toBe(1)
    expect(stdout).toContain("Retenidas para revisión por la verificación final: 1")
    expect(pace(stdout)).toBeGreaterThan(0)
    expect(stdout).toContain(`Caracteres:  ${number.format(held.length)} analizados: 0 publicados, ${number.format(held.length)} retenidos o en revisión`)
  })

  it("prints published and held characters apart, adding up to all analysed", async () => {
    const { stdout } = await tachaRun({ "retenida.txt": held, "publicada.txt": published })
    const all = held.length + published.length
    expect(stdout).toContain(`Caracteres:  ${number.format(all)} analizados: ${number.format(published.length)} publicados, ${number.format(held.length)} retenidos o en revisión`)
  })
})
