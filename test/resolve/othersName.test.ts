import { describe, expect, it } from "vitest"
import type { ResolvedSpan } from "../../src/detect/Detector.ts"
import type { Label } from "../../src/domain/Label.ts"
import { ruleDetectors } from "../../src/detect/registry.ts"
import { publicationPolicy } from "../../src/publish/gate.ts"
import { redactAndGate } from "../../src/publish/redactAndGate.ts"
import { analyse } from "../../src/resolve/resolve.ts"
import { givenNameInOthersName } from "../../src/resolve/othersName.ts"
import { config } from "../publish/fixtures.ts"

const at = (text: string, surface: string, label: Label = "PERSONA", nth = 0): ResolvedSpan => {
  let start = -1
  for (let k = 0; k <= nth; k++) start = text.indexOf(surface, start + 1)
  return { start, end: start + surface.length, label, score: 0.9, detector: "test", action: "redact", entity: "juan ledesma" }
}

const publish = (text: string, spans: readonly ResolvedSpan[]) => {
  const policy = publicationPolicy(text, config)
  return redactAndGate(text, spans, policy, ruleDetectors(policy.config))
}

describe("a party's given name inside somebody else's name", () => {
  it("is told apart from the party's own mentions", () => {
    const text = "Juan declaró. Según ORTEGA, Juan Carlos, y el juez Juan Manuel Sosa. Juan Ledesma firmó."
    const hits = [...text.matchAll(/Juan/g)].map((m) => givenNameInOthersName(text, m.index, m.index + 4))
    expect(hits).toEqual([false, true, true, true])
    // Beside a hidden surname it is the party's.
    const ledesma = text.indexOf("Ledesma")
    expect(givenNameInOthersName(text, ledesma - 5, ledesma - 1, (s, e) => s < ledesma + 5 && e > ledesma)).toBe(false)
    // A surname is never such a given name, even beside another name.
    expect(givenNameInOthersName(text, text.indexOf("Sosa"), text.indexOf("Sosa") + 4)).toBe(false)
  })

  it("stays visible in an author's and a judge's name, while the party's given name and surname are hidden", () => {
    const text =
      "El imputado Juan Ledesma declaró. Luego Juan dijo que no recordaba nada. " +
      "Así lo enseña ORTEGA, Juan Carlos, Tratado de la prueba, p. 12. Resolvió el juez Juan Manuel Sosa. Ledesma apeló."
    const spans = [at(text, "Juan Ledesma"), at(text, "Juan", "PERSONA", 1), at(text, "Ledesma", "PERSONA", 1)]
    const { redaction, gate } = publish(text, spans)
    expect(gate.publish).toBe(true)
    expect(redaction.text).toContain("ORTEGA, Juan Carlos, Tratado")
    expect(redaction.text).toContain("el juez Juan Manuel Sosa")
    expect(redaction.text).not.toMatch(/Ledesma|Juan dijo|Juan \[/)
  })

  it("is not spread by propagation into an author's name", async () => {
    const text = "El imputado Juan Ledesma declaró. Luego Juan dijo que no recordaba nada. Así lo enseña ORTEGA, Juan Carlos, Tratado de la prueba, p. 12."
    const spans = await analyse(text, config)
    const hidden = spans.filter((s) => s.action === "redact" && s.label === "PERSONA").map((s) => text.slice(s.start, s.end))
    expect(hidden).toContain("Juan Ledesma")
    expect(spans.some((s) => s.action === "redact" && s.start === text.indexOf("Juan Carlos"))).toBe(false)
  })
})
