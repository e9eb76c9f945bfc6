import { describe, expect, it } from "vitest"
import type { ResolvedSpan } from "../../src/detect/Detector.ts"
import type { Label } from "../../src/domain/Label.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { ruleDetectors } from "../../src/detect/registry.ts"
import { publicationPolicy } from "../../src/publish/gate.ts"
import { redactAndGate } from "../../src/publish/redactAndGate.ts"
import { analyse } from "../../src/resolve/resolve.ts"
import { config } from "./fixtures.ts"

/** A resolved span on the n-th occurrence (0-based) of `surface` in `text`. */
const at = (text: string, surface: string, label: Label, options: { nth?: number; entity?: string; action?: "redact" | "keep" } = {}): ResolvedSpan => {
  let start = -1
  for (let k = 0; k <= (options.nth ?? 0); k++) start = text.indexOf(surface, start + 1)
  if (start < 0) throw new Error(`no ${surface}`)
  return {
    start,
    end: start + surface.length,
    label,
    score: 0.9,
    detector: "test",
    action: options.action ?? "redact",
    ...(options.entity ? { entity: options.entity } : {}),
  }
}

const run = (text: string, spans: readonly ResolvedSpan[], pipeline = config) => {
  const policy = publicationPolicy(text, pipeline)
  return redactAndGate(text, spans, policy, ruleDetectors(policy.config))
}

describe("redactAndGate: one search closes every redacted form, the gate holds only what it cannot", () => {
  it("redacts a case number again in the page footers, with the same tag, and publishes", () => {
    const text = [
      "EXPEDIENTE: 4455667 - GÓMEZ C/ ACME S.A. - ORDINARIO",
      "Vistos los autos caratulados como se indica.",
      "Expediente 4455667 - Pág. 1 / 3",
      "Y CONSIDERANDO: que la demanda procede.",
      "Expediente 4455667 - Pág. 2 / 3",
    ].join("\n")
    const result = run(text, [at(text, "4455667", "EXPEDIENTE"), at(text, "GÓMEZ", "PERSONA")])
    expect(result.gate.publish).toBe(true)
    expect(result.redaction.text).not.toContain("4455667")
    expect(result.redaction.text.match(/\[EXPEDIENTE\]/g)).toHaveLength(3)
    expect(result.redaction.entities.filter((entity) => entity.detector === "resolve/forms")).toHaveLength(2)
  })

  it("gives a further mention of a person the person's pseudonym (same entity)", () => {
    const text = "Declaró Marcos Quiroga. Más tarde QUIROGA reconoció la firma; Quiroga se retiró."
    const result = run(text, [
      at(text, "Marcos Quiroga", "PERSONA", { entity: "marcos quiroga" }),
      at(text, "QUIROGA", "PERSONA", { entity: "marcos quiroga" }),
    ])
    expect(result.gate.publish).toBe(true)
    expect(result.redaction.text).toBe("Declaró [PERSONA 1]. Más tarde [PERSONA 1] reconoció la firma; [PERSONA 1] se retiró.")
  })

  it("leaves a redacted form inside a kept official's name readable, as the gate does", () => {
    const text = "La parte actora, Sra. Ana Lanús, demandó. Ante mí: Dra. Elena Lanús Ferro, secretaria."
    const result = run(text, [
      at(text, "Ana Lanús", "PERSONA", { entity: "ana lanus" }),
      at(text, "Elena Lanús Ferro", "FUNCIONARIO", { action: "keep" }),
    ])
    expect(result.gate.publish).toBe(true)
    expect(result.redaction.text).toContain("Dra. Elena Lanús Ferro")
  })

  it("holds a one-word name written where it is also a common word, with the finding placed in the analysed text", () => {
    const text = "Declaró Ana Sala. Luego Sala firmó el acta. El recurso quedó radicado ante la Sala II."
    const result = run(text, [
      at(text, "Ana Sala", "PERSONA", { entity: "ana sala" }),
      at(text, "Sala", "PERSONA", { nth: 1, entity: "ana sala" }),
    ])
    expect(result.gate.publish).toBe(false)
    const chamber = text.indexOf("Sala II")
    expect(result.hold).toEqual([{ start: chamber, end: chamber + 4, label: "PERSONA", cause: "forma_redactada" }])
  })

  it("redacts an identifier the rules find only once the text around it is redacted, and gates again", () => {
    // A DNI number the analysis did not see: the gate's own rule detectors find it in the public text.
    const text = "Comparece Juan Ibarra, DNI 30.111.222, y declara."
    const result = run(text, [at(text, "Juan Ibarra", "PERSONA")])
    expect(result.healed).toBeGreaterThan(0)
    expect(result.gate.publish).toBe(true)
    expect(result.redaction.text).not.toContain("30.111.222")
    expect(result.redaction.entities.find((entity) => entity.detector === "publish/gate")).toMatchObject({ label: "DNI", text: "30.111.222" })
  })

  it("holds a ruling of a blocked category with a finding that names the category", () => {
    const blocking = PipelineConfigSchema.parse({
      ...config,
      publication: { categories: [{ name: "delitos_sexuales", keywords: ["abuso sexual"], policy: "block" }] },
    })
    const text = "Se investiga un abuso sexual denunciado por Ana Gómez."
    const result = run(text, [at(text, "Ana Gómez", "PERSONA")], blocking)
    expect(result.gate.publish).toBe(false)
    expect(result.hold).toEqual([{ start: 0, end: 0, label: null, cause: "categoria_bloqueada", category: "delitos_sexuales" }])
  })

  it("publishes a ruling whose footers repeat the case number, end to end from the rules", async () => {
    const text = [
      "Juzgado de Primera Instancia en lo Penal N° 4. Causa N° 99887/2024, caratulada \"IBARRA, Juan s/ lesiones\".",
      "Juan Ibarra, DNI 30.111.222, fue imputado.",
      "Causa 99887/2024 - Pág. 1 / 2",
      "Se resuelve sobreseer a Juan Ibarra.",
      "Causa 99887/2024 - Pág. 2 / 2",
    ].join("\n")
    const spans = await analyse(text, config)
    const result = run(text, spans)
    expect(result.gate.publish).toBe(true)
    for (const personal of ["99887", "30.111.222", "Ibarra", "IBARRA"]) expect(result.redaction.text).not.toContain(personal)
  })
})
