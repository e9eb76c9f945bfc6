import { describe, expect, it } from "vitest"
import type { Detector } from "../../src/detect/Detector.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { gatePublication, hardenSpans, matchCategories, publicationPolicy, residualScan } from "../../src/publish/gate.ts"
import { config, makeRuling } from "./fixtures.ts"

const dniDetector: Detector = {
  name: "rules/dni",
  labels: ["DNI"],
  detect: (text) =>
    [...text.matchAll(/\d{1,2}\.\d{3}\.\d{3}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: "DNI" as const, score: 0.9, detector: "rules/dni" })),
}

/** Finds every capitalised word after "Dr." as FUNCIONARIO, and "[PERSONA 1]"-like tags as PERSONA. */
const noisyDetector: Detector = {
  name: "rules/person",
  labels: ["PERSONA", "FUNCIONARIO"],
  detect: (text) => [
    ...[...text.matchAll(/Dra?\. (\p{Lu}\p{L}+ \p{Lu}\p{L}+)/gu)].map((m) => ({ start: m.index + 4, end: m.index + m[0].length, label: "FUNCIONARIO" as const, score: 0.9, detector: "rules/person" })),
    ...[...text.matchAll(/PERSONA \d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: "PERSONA" as const, score: 0.9, detector: "rules/person" })),
  ],
}

describe("residualScan", () => {
  const ruling = makeRuling(
    "r1",
    "El imputado Julio Paz, DNI 30.123.456, amenazó a la vecina. Dictó la Dra. Laura Roca.",
    [
      { surface: "Julio Paz", label: "PERSONA" },
      { surface: "Paz", label: "PERSONA" },
      { surface: "30.123.456", label: "DNI" },
      { surface: "Laura Roca", label: "FUNCIONARIO", action: "keep" },
    ],
  )

  it("finds nothing in a clean public text (tags and kept labels ignored)", () => {
    expect(ruling.publicText).toContain("[PERSONA 1]")
    expect(residualScan(ruling.publicText, ruling.record, config, [dniDetector, noisyDetector])).toEqual([])
  })

  it("reports identifiers the rule detectors still find, by label and detector, never the text", () => {
    const scanned = ruling.publicText + " Otro DNI: 28.999.111."
    const findings = residualScan(scanned, ruling.record, config, [dniDetector])
    const at = scanned.indexOf("28.999.111")
    expect(findings).toEqual([{ cause: "identificador_residual", label: "DNI", detector: "rules/dni", count: 1, at: [{ start: at, end: at + 10 }] }])
    expect(JSON.stringify(findings)).not.toContain("28.999.111")
  })

  it.each([
    ["case and accents", "Lo vio JULIO PÁZ en la esquina."],
    ["whitespace", "Lo vio Julio\n   Paz en la esquina."],
    ["a short surname on its own", "Después, Paz se retiró."],
    ["a number written the same way", "Documento 30.123.456 exhibido."],
  ])("finds a redacted surface form again (%s)", (_, leak) => {
    const findings = residualScan(`${ruling.publicText}\n${leak}`, ruling.record, config)
    expect(findings.length).toBe(1)
    expect(findings[0]!.cause).toBe("forma_redactada")
  })

  it("respects word boundaries (\"Paz\" inside \"capaz\" or \"Pazos\" is not a leak)", () => {
    expect(residualScan(`${ruling.publicText} Es capaz de declarar. Lo atendió el Dr. Pazos.`, ruling.record, config)).toEqual([])
  })

  it("does not take an age's words elsewhere for a leak (\"3 años\" of a child, \"3 años de prisión\")", () => {
    const ages = makeRuling("r6", "Su hijo de 3 años presenció el hecho.", [{ surface: "3 años", label: "EDAD" }])
    expect(residualScan(`${ages.publicText} CONDENAR a la pena de 3 años de prisión.`, ages.record, config)).toEqual([])
  })

  it("tells a surname spelt with \"ñ\" from the word it folds to: \"Peña\" is a leak, \"LA PENA\" is not", () => {
    const enie = makeRuling("r7", "Declaró Rocío Peña. Luego Peña se retiró.", [{ surface: "Rocío Peña", label: "PERSONA" }, { surface: "Peña", label: "PERSONA" }])
    expect(residualScan(`${enie.publicText}\nIII. LA PENA. Pena: tres años.`, enie.record, config)).toEqual([])
    const leaks = residualScan(`${enie.publicText}\nPEÑA mintió.`, enie.record, config)
    expect(leaks.map((finding) => finding.cause)).toEqual(["forma_redactada"])
  })

  it("does not take a province for the party who bears its name (\"Provincia de Mendoza\", \"Mendoza, 3 de marzo\")", () => {
    const place = makeRuling("r8", "Declaró Rocío Mendoza. Luego Mendoza se retiró.", [{ surface: "Rocío Mendoza", label: "PERSONA" }, { surface: "Mendoza", label: "PERSONA" }])
    expect(residualScan(`Mendoza, 3 de marzo de 2022.\n${place.publicText} El Banco de la Provincia de Mendoza informó.`, place.record, config)).toEqual([])
    expect(residualScan(`${place.publicText} El testimonio de Mendoza fue claro.`, place.record, config).map((finding) => finding.cause)).toEqual(["forma_redactada"])
  })

  it("finds case numbers with hyphens and slashes again (regular-expression metacharacters)", () => {
    const withCuij = makeRuling("r4", "Causa CUIJ J-01-08059003-6/2020-0 en trámite.", [{ surface: "J-01-08059003-6/2020-0", label: "EXPEDIENTE" }])
    expect(residualScan(withCuij.publicText, withCuij.record, config)).toEqual([])
    const scanned = `${withCuij.publicText} Registrada bajo el N° j-01-08059003-6/2020-0.`
    const at = scanned.indexOf("j-01")
    expect(residualScan(scanned, withCuij.record, config))
      .toEqual([{ cause: "forma_redactada", label: "EXPEDIENTE", count: 1, at: [{ start: at, end: at + 22 }] }])
  })

  it("does not count a redacted form inside a mention the ruling kept (an official's name)", () => {
    const shared = makeRuling(
      "r5",
      "Declaró Bautista, vecino. Ante mí: Dr. BAUTISTA VILELA, secretario.",
      [{ surface: "BAUTISTA VILELA", label: "FUNCIONARIO", action: "keep" }, { surface: "Bautista", label: "PERSONA" }],
    )
    expect(shared.publicText).toBe("Declaró [PERSONA 2], vecino. Ante mí: Dr. BAUTISTA VILELA, secretario.")
    expect(residualScan(shared.publicText, shared.record, config, [noisyDetector])).toEqual([])
    expect(residualScan(`${shared.publicText} Luego Bautista se retiró.`, shared.record, config)).toHaveLength(1)
  })

  it("does not take a name written in lower case for the person (\"rosa\" the colour, \"Rosa\" the witness)", () => {
    const rosa = makeRuling("r7", "Declaró Rosa Benítez.", [{ surface: "Rosa Benítez", label: "PERSONA" }, { surface: "Rosa", label: "PERSONA" }])
    expect(residualScan(`${rosa.publicText} Vestía una campera rosa.`, rosa.record, config)).toEqual([])
    expect(residualScan(`${rosa.publicText} Luego Rosa se retiró.`, rosa.record, config)).toHaveLength(1)
    expect(residualScan(`${rosa.publicText} Ver también rosa benítez.`, rosa.record, config)).toEqual([])
  })

  it("judges detections as the resolver does: below the resolver's threshold is no finding (a public body's site)", () => {
    const weak: Detector = {
      name: "rules/url",
      labels: ["URL"],
      detect: (text) => [...text.matchAll(/www\.\S+\.ar/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: "URL" as const, score: m[0].includes("gob") ? 0.2 : 0.85, detector: "rules/url" })),
    }
    expect(residualScan(`${ruling.publicText} Ver www.csjn.gob.ar`, ruling.record, config, [weak])).toEqual([])
    expect(residualScan(`${ruling.publicText} Ver www.perfil-de-julio.com.ar`, ruling.record, config, [weak])).toHaveLength(1)
  })

  it("checks names as redacted forms, not by detecting names again in a context redaction changed", () => {
    const cited = makeRuling("r8", "Declaró Ana López. (Cfr. LÓPEZ MESA, Marcelo, Tratado).", [{ surface: "Ana López", label: "PERSONA" }, { surface: "LÓPEZ", label: "PERSONA" }])
    expect(cited.publicText).toContain("[PERSONA 2] MESA, Marcelo")
    const names: Detector = {
      name: "rules/person",
      labels: ["PERSONA"],
      detect: (text) => [...text.matchAll(/\p{Lu}{3,}, \p{Lu}\p{Ll}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: "PERSONA" as const, score: 0.9, detector: "rules/person" })),
    }
    expect(residualScan(cited.publicText, cited.record, config, [names])).toEqual([])
    // A redacted name written again is still found.
    expect(residualScan(`${cited.publicText} Luego López se retiró.`, cited.record, config, [names])).toHaveLength(1)
  })

  it("fails closed on a detector that throws or answers asynchronously", () => {
    const throwing: Detector = { name: "rules/broken", labels: ["DNI"], detect: () => { throw new Error("x") } }
    const asynchronous: Detector = { name: "ner/model", labels: ["PERSONA"], detect: async () => [] }
    const causes = residualScan(ruling.publicText, ruling.record, config, [throwing, asynchronous]).map((f) => f.cause)
    expect(causes.sort()).toEqual(["detector_asincrono", "identificador_residual"])
  })
})

describe("publication categories", () => {
  it("recognises categories by keywords, accent- and spacing-insensitively", () => {
    expect(matchCategories("Víctima: una NIÑA de 9 años.", config).map((c) => c.name)).toEqual(["menores"])
    expect(matchCategories("Delito previsto en el art.119 del Código Penal.", config).map((c) => c.name)).toEqual(["delitos_sexuales"])
    expect(matchCategories("Art. 1190 del Código Civil; el niñero declaró.", config)).toEqual([])
  })

  it("blocks a blocked category and hardens the policy of a stricter one", () => {
    const custom = PipelineConfigSchema.parse({
      name: "t",
      version: "1",
      actions: { LUGAR: "keep", FUNCIONARIO: "keep" },
      publication: { categories: [{ name: "menores", keywords: ["menor de edad"], policy: "stricter", redact: ["LUGAR"] }] },
    })
    const policy = publicationPolicy("La víctima, menor de edad, vive en Flores.", custom)
    expect(policy).toMatchObject({ publishable: true, categories: ["menores"], redact: ["LUGAR"] })
    expect(policy.config.actions.LUGAR).toBe("redact")
    const spans = [
      { label: "LUGAR" as const, action: "keep" as const, start: 0, end: 1 },
      { label: "FUNCIONARIO" as const, action: "keep" as const, start: 2, end: 3 },
    ]
    expect(hardenSpans(spans, policy).map((span) => span.action)).toEqual(["redact", "keep"])
    expect(publicationPolicy("Sin particularidades.", custom).config).toBe(custom)
    const sexual = publicationPolicy("Abuso sexual con acceso carnal.", config)
    expect(sexual).toMatchObject({ publishable: true, categories: ["delitos_sexuales"] })
    expect(sexual.redact).toEqual(expect.arrayContaining(["PERSONA", "LUGAR", "EDAD", "FECHA_PERSONAL"]))
    const blocking = PipelineConfigSchema.parse({
      name: "b",
      version: "1",
      publication: { categories: [{ name: "delitos_sexuales", keywords: ["abuso sexual"], policy: "block" }] },
    })
    expect(publicationPolicy("Abuso sexual con acceso carnal.", blocking).publishable).toBe(false)
  })

  it("gatePublication combines categories and the residual scan", () => {
    const ok = makeRuling("r2", "Amenazas a Ana Gómez.", [{ surface: "Ana Gómez", label: "PERSONA" }])
    expect(gatePublication(ok.publicText, ok.record, config, [dniDetector])).toEqual({ publish: true, findings: [], categories: [] })
    const blocking = PipelineConfigSchema.parse({
      ...config,
      publication: { categories: [{ name: "delitos_sexuales", keywords: ["abuso sexual"], policy: "block" }] },
    })
    const blocked = makeRuling("r3", "Abuso sexual denunciado por Ana Gómez.", [{ surface: "Ana Gómez", label: "PERSONA" }])
    const decision = gatePublication(blocked.publicText, blocked.record, blocking)
    expect(decision.publish).toBe(false)
    expect(decision.findings).toEqual([{ cause: "categoria_bloqueada", label: null, category: "delitos_sexuales", count: 1, at: [] }])
  })

  it("the default configuration carries the minimal categories", () => {
    const parsed = PipelineConfigSchema.parse({ name: "x", version: "1" })
    expect(parsed.publication.categories.map((c) => [c.name, c.policy])).toEqual([["delitos_sexuales", "stricter"], ["menores", "stricter"]])
  })
})
