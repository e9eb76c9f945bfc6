import { createHash } from "node:crypto"
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { publishIn } from "../store/services.ts"
import type { Detector } from "../../src/detect/Detector.ts"
import { ruleDetectors } from "../../src/detect/registry.ts"
import { loadPipelineConfig, PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { Analyser } from "../../src/pipeline/Analyser.ts"
import { configFingerprint } from "../../src/pipeline/configFingerprint.ts"
import { processDocument } from "../../src/pipeline/processDocument.ts"
import type { GatePass } from "../../src/publish/gatePass.ts"
import { storePath, withStore } from "../../src/store/openStore.ts"
import { config, makeRuling, RUN, tempOut, writeRuling } from "./fixtures.ts"

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex")

const publicFile = (out: string, id: string) => join(out, "public", "resoluciones", `${id}.txt`)
const auditFile = (out: string, id: string) => join(out, "private", "audit", `${id}.json`)

/** The pass a document worker hands over for the files now on disk. */
const passFor = async (out: string, id: string, over: Partial<GatePass> = {}): Promise<GatePass> => ({
  publicSha256: sha256(await readFile(publicFile(out, id))),
  auditSha256: sha256(await readFile(auditFile(out, id))),
  pipelineSha256: configFingerprint(config),
  categories: [],
  ...over,
})

const isPublic = (out: string, id: string) => stat(publicFile(out, id)).then(() => true, () => false)

/** A redacted name still legible in the public text: the gate blocks it (forma_redactada). */
const leaky = (id: string) =>
  makeRuling(id, "Amenazas a Rosa Benítez. Luego ROSA\n BENITEZ declaró.", [{ surface: "Rosa Benítez", label: "PERSONA" }], { date: "2026-02-01" })

describe("publishOpenData with the workers' gate passes", () => {
  let out: string
  beforeEach(async () => {
    out = await tempOut()
  })
  afterEach(() => rm(out, { recursive: true, force: true }))

  it("takes a pass only for the same public text, audit record and configuration; gates every other ruling", async () => {
    const ids = { exact: "r-exacta", tampered: "r-alterada", audit: "r-auditoria", config: "r-config", none: "r-sin-pase" }
    const clean = makeRuling(ids.tampered, "Amenazas a Rosa Benítez en su domicilio.", [{ surface: "Rosa Benítez", label: "PERSONA" }], { date: "2026-02-02" })
    for (const id of [ids.exact, ids.audit, ids.config, ids.none]) await writeRuling(out, leaky(id))
    await writeRuling(out, clean)
    // A pass deliberately recorded for a leaky text: publication does not
    // second-guess a pass for exactly these bytes, which shows it was used.
    const passes = new Map<string, GatePass>([
      [ids.exact, await passFor(out, ids.exact)],
      [ids.tampered, await passFor(out, ids.tampered)],
      [ids.audit, await passFor(out, ids.audit, { auditSha256: sha256(Buffer.from("otra auditoría")) })],
      [ids.config, await passFor(out, ids.config, { pipelineSha256: configFingerprint({ ...config, version: "2026.12.0" }) })],
    ])
    // The public text changes on disk after the worker's gate passed it.
    await writeFile(publicFile(out, ids.tampered), clean.publicText + " Declaró Rosa Benítez.")

    const summary = await publishIn({ outDir: out, config, run: RUN, detectors: ruleDetectors(config), gatePasses: passes })
    expect(summary.withheld.map(({ id }) => id).sort()).toEqual([ids.audit, ids.config, ids.none, ids.tampered].sort())
    for (const { reason } of summary.withheld) expect(reason).toMatch(/forma_redactada:PERSONA/)
    expect(await isPublic(out, ids.exact)).toBe(true)
    expect(await isPublic(out, ids.tampered)).toBe(false)
    expect(await readFile(join(out, "public", "resoluciones.csv"), "utf8")).not.toMatch(/r-alterada|r-auditoria|r-config|r-sin-pase/)
  })

  it("a later publication over the same files trusts the stored passes, unless the files or the tool version changed", async () => {
    const id = "r-guardada"
    await writeRuling(out, leaky(id))
    const later = (n: number) => ({ ...RUN, startedAt: new Date(`2026-06-0${n}T10:00:00Z`), finishedAt: new Date(`2026-06-0${n}T10:01:00Z`) })
    // A pass deliberately recorded for a leaky text, as above: whether it is used shows in the verdict.
    const first = await publishIn({ outDir: out, config, run: RUN, detectors: ruleDetectors(config), gatePasses: new Map([[id, await passFor(out, id)]]) })
    expect(first.withheld).toEqual([])
    // A re-run with every document reused hands over no worker pass: the stored one stands for the same bytes.
    const rerun = await publishIn({ outDir: out, config, run: later(1), detectors: ruleDetectors(config) })
    expect(rerun.withheld).toEqual([])
    // Another tool version's pass is not trusted.
    await withStore(storePath(out), ({ connection }) => connection.run("UPDATE gate_passes SET tool_version = '0.0.0-otra'"))
    const otherTool = await publishIn({ outDir: out, config, run: later(2), detectors: ruleDetectors(config) })
    expect(otherTool.withheld.map((w) => w.id)).toEqual([id])
    expect(await isPublic(out, id)).toBe(false)
  })

  it("a stored pass lapses when the public text changes on disk", async () => {
    const id = "r-modificada"
    const clean = makeRuling(id, "Amenazas a Rosa Benítez en su domicilio.", [{ surface: "Rosa Benítez", label: "PERSONA" }], { date: "2026-02-02" })
    await writeRuling(out, clean)
    expect((await publishIn({ outDir: out, config, run: RUN, detectors: ruleDetectors(config) })).withheld).toEqual([])
    const stored = await withStore(storePath(out), async ({ connection }) => (await connection.runAndReadAll("SELECT id FROM gate_passes")).getRowObjectsJS())
    expect(stored).toEqual([{ id }])
    await writeFile(publicFile(out, id), clean.publicText + " Declaró Rosa Benítez.")
    const again = await publishIn({ outDir: out, config, run: { ...RUN, finishedAt: new Date("2026-06-05T10:00:00Z") }, detectors: ruleDetectors(config) })
    expect(again.withheld.map((w) => w.id)).toEqual([id])
  })

  it("gates again when publication runs detectors the worker's pass does not cover", async () => {
    const phone = makeRuling("r-telefono", "Lesiones. Llamó al 11 5555-1234.", [], { date: "2026-02-03" })
    await writeRuling(out, phone)
    const fakePhone: Detector = {
      name: "rules/phone",
      labels: ["TELEFONO"],
      detect: (text) => [...text.matchAll(/\d{2} \d{4}-\d{4}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: "TELEFONO" as const, score: 0.9, detector: "rules/phone" })),
    }
    const passes = new Map([[phone.record.id, await passFor(out, phone.record.id)]])
    const summary = await publishIn({ outDir: out, config, run: RUN, detectors: [fakePhone], gatePasses: passes })
    expect(summary.withheld).toEqual([{ id: "r-telefono", reason: "identificador_residual:TELEFONO" }])
  })

  it("is handed over by a real document worker for exactly the files it wrote, and lapses when they change", async () => {
    const input = join(out, "entrada")
    await mkdir(input, { recursive: true })
    const source = join(input, "r1.txt")
    await writeFile(source, [
      "Buenos Aires, 12 de marzo de 2024.",
      "VISTOS: la causa seguida contra Ramiro Ezequiel QUIROGA, DNI 30.456.789, por amenazas (art. 149 bis CP).",
      "RESUELVO: SOBRESEER a Ramiro Ezequiel Quiroga. Fdo.: Dra. Mariana Costas, Jueza.",
    ].join("\n\n") + "\n")
    const rules = await Effect.runPromise(loadPipelineConfig(join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")))
    const processed = await Effect.runPromise(
      processDocument({ absolute: source, relative: "r1.txt", metadata: {} }, out, rules).pipe(Effect.provide(Analyser.layer(rules))),
    )
    const { id } = processed.record
    expect(processed.gatePass).toEqual({
      publicSha256: sha256(await readFile(publicFile(out, id))),
      auditSha256: sha256(await readFile(auditFile(out, id))),
      pipelineSha256: configFingerprint(rules),
      categories: [],
    })
    const publish = (run: typeof RUN) =>
      publishIn({ outDir: out, config: rules, run, detectors: ruleDetectors(rules), gatePasses: new Map([[id, processed.gatePass!]]) })
    expect((await publish(RUN)).withheld).toEqual([])

    // The surname the worker redacted is written back into the public text: the pass no longer holds.
    const redacted = processed.record.entities.find((entity) => entity.action === "redact" && entity.label === "PERSONA")!
    await writeFile(publicFile(out, id), (await readFile(publicFile(out, id), "utf8")) + `\n${redacted.text}\n`)
    const later = await publish({ ...RUN, startedAt: new Date("2026-06-01T10:00:00Z"), finishedAt: new Date("2026-06-01T10:01:00Z") })
    expect(later.withheld).toEqual([{ id, reason: expect.stringMatching(/forma_redactada:PERSONA|identificador_residual:PERSONA/) }])
    expect(await isPublic(out, id)).toBe(false)
  })
})
