import { describe, expect, it } from "vitest"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import type { ResolvedSpan } from "../../src/detect/Detector.ts"
import { redactText } from "../../src/redact/redactText.ts"
import { initialsOf } from "../../src/redact/operators.ts"

const config = PipelineConfigSchema.parse({
  name: "test",
  version: "1",
  operators: { PERSONA: { type: "pseudonym", style: "numbered" }, CBU: { type: "mask", keepLast: 3 } },
})

/** Spans over `text` found by their surface, so the test reads like the ruling. */
const at = (text: string, surface: string, label: ResolvedSpan["label"], extra: Partial<ResolvedSpan> = {}, from = 0): ResolvedSpan => {
  const start = text.indexOf(surface, from)
  if (start < 0) throw new Error(`missing ${surface}`)
  return { start, end: start + surface.length, label, score: 1, detector: "test", action: "redact", ...extra }
}

describe("redactText: one address, one pseudonym", () => {
  it("numbers an address once however the ruling leads into it, and two addresses apart", () => {
    const text = "Vive en calle Zuviría 5.412. La policía llegó a Zuviría 5412 y luego a Av. Zuviría N° 5412. Su madre vive en Zuviría 5413."
    const spans = [
      at(text, "calle Zuviría 5.412", "DIRECCION"),
      at(text, "Zuviría 5412", "DIRECCION"),
      at(text, "Av. Zuviría N° 5412", "DIRECCION"),
      at(text, "Zuviría 5413", "DIRECCION"),
    ]
    const addressConfig = PipelineConfigSchema.parse({ name: "test", version: "1", operators: { DIRECCION: { type: "pseudonym", style: "numbered" } } })
    expect(redactText(text, spans, addressConfig).text).toBe(
      "Vive en [DIRECCION 1]. La policía llegó a [DIRECCION 1] y luego a [DIRECCION 1]. Su madre vive en [DIRECCION 2].",
    )
  })
})

describe("redactText", () => {
  const text = "El imputado Juan PÉREZ (DNI 30.123.456) amenazó a Ana Gómez.\n\nPérez negó los hechos ante el Juez Dr. Luis Roca."
  const spans: ResolvedSpan[] = [
    at(text, "Juan PÉREZ", "PERSONA", { entity: "juan perez" }),
    at(text, "30.123.456", "DNI"),
    at(text, "Ana Gómez", "PERSONA"),
    at(text, "Pérez", "PERSONA", { entity: "juan perez" }),
    at(text, "Luis Roca", "FUNCIONARIO", { action: "keep" }),
  ]
  const result = redactText(text, spans, config)

  it("gives one person one pseudonym in every mention", () => {
    expect(result.text).toBe(
      "El imputado [PERSONA 1] (DNI [DNI]) amenazó a [PERSONA 2].\n\n[PERSONA 1] negó los hechos ante el Juez Dr. Luis Roca.",
    )
  })

  it("records every decision with its replacement, kept spans included", () => {
    expect(result.entities.map((entity) => [entity.text, entity.action, entity.replacement])).toEqual([
      ["Juan PÉREZ", "redact", "[PERSONA 1]"],
      ["30.123.456", "redact", "[DNI]"],
      ["Ana Gómez", "redact", "[PERSONA 2]"],
      ["Pérez", "redact", "[PERSONA 1]"],
      ["Luis Roca", "keep", null],
    ])
  })

  it("fuses overlapping redactions so no character of either survives", () => {
    const overlapping = [at(text, "Juan PÉREZ", "PERSONA"), at(text, "PÉREZ (DNI", "DNI")]
    const fused = redactText(text, overlapping, config)
    expect(fused.text).not.toContain("PÉREZ")
    expect(fused.text).not.toContain("Juan")
    expect(fused.text.startsWith("El imputado [PERSONA 1] 30.123.456)")).toBe(true)
  })

  it("masks keeping the last digits when configured", () => {
    const cbu = "CBU 0110599520000001234567"
    const masked = redactText(cbu, [at(cbu, "0110599520000001234567", "CBU")], config)
    expect(masked.text).toBe("CBU *******************567")
  })

  it("uses initials of the longest mention when the pseudonym style asks for them", () => {
    const initials = PipelineConfigSchema.parse({ name: "t", version: "1", operators: { PERSONA: { type: "pseudonym", style: "initials" } } })
    const out = redactText(text, spans, initials)
    expect(out.text).toContain("El imputado J.P. (DNI")
    expect(out.text).toContain("\n\nJ.P. negó")
    expect(initialsOf("PEREZ, Juan Carlos")).toBe("J.C.P.")
    expect(initialsOf("María de los Ángeles Díaz")).toBe("M.Á.D.")
  })

  it("hashes with a key so the same entity gets the same code across rulings", () => {
    process.env.TACHA_TEST_KEY = "secreto"
    const hashed = PipelineConfigSchema.parse({ name: "t", version: "1", operators: { DNI: { type: "hash", keyEnv: "TACHA_TEST_KEY" } } })
    const a = redactText("DNI 30.123.456", [at("DNI 30.123.456", "30.123.456", "DNI")], hashed).text
    const b = redactText("su DNI 30.123.456.", [at("su DNI 30.123.456.", "30.123.456", "DNI")], hashed).text
    expect(a).toMatch(/^DNI \[DNI [0-9a-f]{10}\]$/)
    expect(b).toContain(a.slice(4))
    expect(a).not.toContain("30")
  })
})
