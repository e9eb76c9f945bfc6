import { execFile } from "node:child_process"
import { mkdtemp, readFile, readdir } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { checkDocument, dniNumbers, signatureNames, summarise } from "../../src/eval/realText.ts"
import { reportFromInput } from "../../src/eval/realTextRun.ts"
import { redactText } from "../../src/redact/redactText.ts"
import { analyse } from "../../src/resolve/resolve.ts"

const run = promisify(execFile)
const bin = join(PROJECT_ROOT, "src", "bin.ts")
const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "real-styles")
const RULINGS = join(FIXTURES, "rulings")

interface Expectation {
  readonly style: string
  /** Must stay readable in the public text. */
  readonly keep: readonly string[]
  /** Must not be readable in the public text. */
  readonly redact: readonly string[]
}
const expectations = JSON.parse(await readFile(join(FIXTURES, "expectations.json"), "utf8")) as Record<string, Expectation>

describe("rule-checkable figures without gold", () => {
  const text =
    "El imputado, DNI 30.123.456, y su madre, D.N.I. N° 12.345.678.\n" +
    "Se regulan honorarios por $ 30.123.456.\n" +
    "Texto Firmado digitalmente por:\n\nQUINTEROS Julio Anselmo\nVOCAL DE CAMARA\nFecha: 2023.05.04\n\n" +
    "Dra. Ana Suárez\nJUEZA\n" +
    "Expediente SAC 123 - Pág. 2 / 2\n"

  it("finds the signers (name line above a role line) and nothing else of the block", () => {
    expect(signatureNames(text).map((n) => text.slice(n.start, n.end))).toEqual(["QUINTEROS Julio Anselmo", "Ana Suárez"])
    // No block cue: a name above a role line elsewhere is not counted as a signer.
    expect(signatureNames("La causa.\nAna Suárez\nJUEZA\n")).toEqual([])
    // Role lines without a name line above, or a prose line above, are not signers.
    expect(signatureNames("Fdo.:\nVOCAL DE CAMARA\nEl tribunal resolvió lo que sigue.\nJUEZ\n")).toEqual([])
  })

  it("finds numbers after DNI and not amounts", () => {
    expect(dniNumbers(text).map((n) => text.slice(n.start, n.end))).toEqual(["30.123.456", "12.345.678"])
  })

  it("counts signers kept, DNI redacted and DNI left in the public text", () => {
    const at = (form: string) => ({ start: text.indexOf(form), end: text.indexOf(form) + form.length })
    const checks = checkDocument({
      source: "a.txt",
      text,
      entities: [
        { ...at("30.123.456"), label: "DNI", action: "redact" },
        { ...at("QUINTEROS Julio Anselmo"), label: "FUNCIONARIO", action: "keep" },
        { ...at("Ana Suárez"), label: "PERSONA", action: "redact" },
      ],
      publicText: "DNI 12.345.678 sigue legible",
    })
    expect(checks).toMatchObject({ signers: 2, signersKept: 1, dni: 2, dniRedacted: 1, dniInPublic: 1, officialsKept: 1, personalData: true })
    const report = summarise([{ source: "a.txt", published: true }, { source: "b.txt", published: false, reason: "gate_blocked", findings: ["forma_redactada:PERSONA"] }], [checks])
    expect(report).toMatchObject({ documents: 2, published: 1, held: { gate_blocked: 1 }, heldByFinding: { "forma_redactada:PERSONA": 1 }, signerMisses: ["a.txt"], dniMisses: ["a.txt"] })
  })
})

describe("hand-written rulings in other styles (test/fixtures/real-styles)", () => {
  const config = PipelineConfigSchema.parse({ name: "reglas", version: "1" })
  for (const [file, expected] of Object.entries(expectations)) {
    it(`${file}: ${expected.style}`, async () => {
      const text = await readFile(join(RULINGS, file), "utf8")
      const published = redactText(text, await analyse(text, config), config).text
      expect(expected.keep.filter((form) => !published.includes(form)), "quedaron ocultos").toEqual([])
      expect(expected.redact.filter((form) => published.includes(form)), "quedaron legibles").toEqual([])
    })
  }

  it("every signer of the fixtures is kept and every DNI redacted, measured in process", async () => {
    const report = await reportFromInput(RULINGS, config)
    expect(report.documents).toBe(3)
    expect(report.signers).toBe(4)
    expect(report.signersKept).toBe(report.signers)
    expect(report.dni).toBe(2)
    expect(report.dniRedacted).toBe(report.dni)
    expect(report.officialsKept).toBeGreaterThan(15)
  })
})

describe("tacha eval-real", () => {
  it("reports a run's figures with file names and counts only", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "tacha-real-")), "out")
    await run(process.execPath, [bin, "run", RULINGS, "--out", out, "--pipeline", join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")], { cwd: PROJECT_ROOT })
      .catch((error: { code: number }) => expect(error.code).toBe(1)) // held rulings make the run exit 1
    const { stdout, stderr } = await run(process.execPath, [bin, "eval-real", out], { cwd: PROJECT_ROOT })
    expect(stdout).toMatch(/^Resoluciones: 3; publicadas \d/m)
    expect(stdout).toMatch(/^Firmantes \(bloque de firma\): \d+ de \d+ visibles/m)
    expect(stdout).toMatch(/^DNI \(números tras "DNI"\): \d+ de \d+ ocultados/m)
    const published = (await readdir(join(out, "public", "resoluciones"))).length
    expect(stdout).toContain(`publicadas ${published} `)
    // Nothing of the rulings reaches the terminal.
    const personal = Object.values(expectations).flatMap((e) => [...e.keep, ...e.redact])
    expect(personal.filter((form) => `${stdout}${stderr}`.includes(form))).toEqual([])
  }, 60_000)

  it("names the folder and the cause when it is not an output folder", async () => {
    const failed = await run(process.execPath, [bin, "eval-real", RULINGS], { cwd: PROJECT_ROOT }).catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({ code: 2 })
    expect((failed as { stderr: string }).stderr).toContain("no es una carpeta de salida de tacha run")
    expect((failed as { stderr: string }).stderr).not.toMatch(/\bat .*\.ts:\d+/)
  }, 30_000)
})
