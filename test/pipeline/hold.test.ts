import { execFile } from "node:child_process"
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { beforeAll, describe, expect, it } from "vitest"
import { AuditRecordSchema } from "../../src/domain/AuditRecord.ts"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { HELD_RULING, PLAIN_RULING } from "../review/rulings.ts"

const run = promisify(execFile)

/**
 * A ruling the gate must hold: the accused's surname is also a common word,
 * capitalised where it is that word ("el Mercado Central"), which no rule
 * can tell apart from the person. Its footers repeat the case number, which
 * the pipeline redacts there too; the same ruling without that place
 * publishes.
 */
const held = HELD_RULING
const published = PLAIN_RULING

describe("a ruling the gate holds keeps its record and findings for review", () => {
  let out: string
  let code: number
  let stderr: string

  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-hold-"))
    await mkdir(join(base, "in"))
    await writeFile(join(base, "in", "retenida.txt"), held)
    await writeFile(join(base, "in", "publicada.txt"), published)
    out = join(base, "out")
    const args = [join(PROJECT_ROOT, "src", "bin.ts"), "run", join(base, "in"), "--out", out, "--pipeline", join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")]
    try {
      ;({ stderr } = await run(process.execPath, args, { cwd: PROJECT_ROOT }))
      code = 0
    } catch (error) {
      ;({ code, stderr } = error as { code: number; stderr: string })
    }
  })

  it("publishes the ruling whose only repeated forms are the case number in its footers", async () => {
    const texts = await readdir(join(out, "public", "resoluciones"))
    expect(texts).toHaveLength(1)
    const text = await readFile(join(out, "public", "resoluciones", texts[0]!), "utf8")
    for (const personal of ["77123", "22.333.444", "Mercado", "MERCADO", "Juan Carlos"]) expect(text).not.toContain(personal)
    expect(text).toContain("Sala II de la Cámara")
  })

  it("holds the other one: no public text, a private record with every finding placed in its text", async () => {
    expect(code).toBe(1)
    const pending = await readdir(join(out, "private", "revision"))
    expect(pending).toHaveLength(1)
    expect(await readdir(join(out, "private", "audit"))).not.toContain(pending[0])
    const record = AuditRecordSchema.parse(JSON.parse(await readFile(join(out, "private", "revision", pending[0]!), "utf8")))
    expect(record.source).toBe("retenida.txt")
    expect(record.hold?.reason).toBe("gate_blocked")
    expect(record.hold!.findings.length).toBeGreaterThan(0)
    for (const finding of record.hold!.findings) {
      expect(finding.cause).toBe("forma_redactada")
      expect(record.text.slice(finding.start, finding.end)).toBe("Mercado")
      expect(record.text.slice(finding.start, finding.end + 8)).toBe("Mercado Central")
    }
    const failures = await readFile(join(out, "private", "failures.jsonl"), "utf8")
    expect(failures).toContain("gate_blocked")
    // The terminal names causes, never the form found.
    expect(stderr).not.toMatch(/Mercado|MERCADO|22\.333/)
  })
})
