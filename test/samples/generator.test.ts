import { mkdtempSync, readFileSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { LABELS } from "../../src/domain/Label.ts"
import { batchSeed, generateRuling, isValidCbu, isValidCuit, KEEP_KINDS, loadGazetteers, RULING_TYPES, type Ruling } from "../../samples/generator/index.ts"
import { encodeCp1252, toDocx, toOdt, toPdf } from "../../samples/generator/render.ts"
import { SAMPLE_PLAN, writeSet } from "../../samples/generate.ts"

const batch = (seed: number, n: number): Ruling[] =>
  Array.from({ length: n }, (_, i) => generateRuling(batchSeed(seed, i), { type: RULING_TYPES[i % RULING_TYPES.length]! }))

const rulings = batch(11, 40)

describe("generator", () => {
  it("is deterministic: same seed, same ruling; different seeds differ", () => {
    expect(generateRuling(123)).toEqual(generateRuling(123))
    expect(generateRuling(123).text).not.toBe(generateRuling(124).text)
  })

  it("records exact, non-overlapping offsets", () => {
    for (const r of rulings) {
      for (const s of [...r.spans, ...r.keep]) {
        expect(r.text.slice(s.start, s.end)).toBe(s.text)
        expect(s.text.trim()).toBe(s.text)
      }
      const all = [...r.spans, ...r.keep].sort((a, b) => a.start - b.start)
      for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end)
    }
  })

  it("writes valid CUIT/CUIL and CBU/CVU check digits", () => {
    let cuits = 0
    let cbus = 0
    for (const r of rulings) {
      for (const s of r.spans) {
        if (s.label === "CUIT_CUIL") expect(isValidCuit(s.text), s.text).toBe(true), cuits++
        if (s.label === "CBU") expect(isValidCbu(s.text), s.text).toBe(true), cbus++
      }
    }
    expect(cuits).toBeGreaterThan(5)
    expect(cbus).toBeGreaterThan(3)
    expect(isValidCuit("20-12345678-0")).toBe(false)
    expect(isValidCbu("0110599520000001235579")).toBe(true) // a published example CBU
  })

  it("covers every label of the taxonomy and every keep kind across 40 rulings", () => {
    const labels = new Set(rulings.flatMap((r) => r.spans.map((s) => s.label as string)))
    const kinds = new Set(rulings.flatMap((r) => r.keep.map((k) => k.kind as string)))
    // IDENTIFICADOR (prontuario, placa, historia clínica...) is tested on hand-written rulings (test/detect/identifier.test.ts, test/fixtures/real-styles).
    for (const l of LABELS) if (l !== "FUNCIONARIO" && l !== "IDENTIFICADOR") expect(labels, l).toContain(l)
    expect(labels).not.toContain("FUNCIONARIO") // officials are keep items
    for (const k of KEEP_KINDS) expect(kinds, k).toContain(k)
    expect(new Set(rulings.map((r) => r.metadata.type)).size).toBe(RULING_TYPES.length)
  })

  it("leaves hard negatives unlabelled and keeps the ruling metadata consistent", () => {
    for (const r of rulings) {
      for (const s of r.spans) {
        expect(s.text).not.toMatch(/prisión|RESUELVO|CONDENAR|SECRETAR[IÍ]A/i)
        if (s.label === "EDAD") expect(r.text.slice(s.end, s.end + 12)).not.toMatch(/^ de prisión/)
      }
      expect(r.metadata.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      const fecha = r.keep.find((k) => k.kind === "FECHA_RESOLUCION")
      expect(fecha).toBeDefined()
      for (const cn of r.metadata.caseNumbers) expect(r.spans.some((s) => s.label === "EXPEDIENTE" && s.text === cn)).toBe(true)
      expect(r.text.toLowerCase()).toContain(r.metadata.court.toLowerCase())
    }
    const all = rulings.map((r) => r.text).join("\n")
    expect(all).toMatch(/SECRETARÍA N° \d+|Secretaría N° \d+/)
    expect(all).toMatch(/ de prisión/)
  })

  it("uses names in several forms: capitals, 'APELLIDO, Nombre', initials, aliases", () => {
    const persons = rulings.flatMap((r) => r.spans.filter((s) => s.label === "PERSONA").map((s) => s.text))
    expect(persons.some((p) => /^[A-ZÁÉÍÓÚÑÜ ]+, [A-ZÁÉÍÓÚÑ][a-záéíóúñü]+/.test(p))).toBe(true)
    expect(persons.some((p) => /^([A-Z]\.){2,}$/.test(p))).toBe(true)
    expect(persons.some((p) => /^[A-ZÁÉÍÓÚÑÜ]{3,}( [A-ZÁÉÍÓÚÑÜ]+)*$/.test(p))).toBe(true)
  })

  it("only uses characters that Windows-1252 (and PDF WinAnsi) can encode", () => {
    for (const r of rulings) expect(() => encodeCp1252(r.text)).not.toThrow()
  })

  it("falls back to the built-in lists and says so", () => {
    const gz = loadGazetteers({ builtin: true })
    expect(gz.source).toBe("builtin")
    const r = generateRuling(5, { gazetteers: gz })
    expect(r.spans.length).toBeGreaterThan(10)
    expect(generateRuling(5, { gazetteers: gz })).toEqual(r)
  })

  it("renders PDF, DOCX and ODT byte-deterministically", async () => {
    const r = rulings[3]!
    expect(Buffer.from(await toPdf(r, 3)).equals(Buffer.from(await toPdf(r, 3)))).toBe(true)
    expect(Buffer.from(await toDocx(r)).equals(Buffer.from(await toDocx(r)))).toBe(true)
    expect(Buffer.from(await toOdt(r)).equals(Buffer.from(await toOdt(r)))).toBe(true)
  })
})

describe("committed samples", () => {
  const samplesDir = join(import.meta.dirname, "..", "..", "samples")
  const gold = readFileSync(join(samplesDir, "gold.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { file: string; text: string; spans: Ruling["spans"]; keep: Ruling["keep"]; encoding?: string })

  it("has at least 36 rulings in every format, with consistent gold offsets", () => {
    expect(gold.length).toBeGreaterThanOrEqual(36)
    const exts = new Set(gold.map((g) => g.file.split(".").pop()))
    for (const e of ["txt", "pdf", "docx", "odt", "html"]) expect(exts).toContain(e)
    expect(gold.filter((g) => g.encoding === "windows-1252")).toHaveLength(2)
    const files = new Set(readdirSync(join(samplesDir, "rulings")).map((f) => `rulings/${f}`))
    for (const g of gold) {
      expect(files).toContain(g.file)
      expect(g.file).toMatch(/^rulings\/r\d{3}-[a-z-]+\.(txt|pdf|docx|odt|html)$/)
      for (const s of [...g.spans, ...g.keep]) expect(g.text.slice(s.start, s.end)).toBe(s.text)
    }
    const txt = gold.find((g) => g.file.endsWith(".txt") && !g.encoding)!
    expect(readFileSync(join(samplesDir, txt.file), "utf8")).toBe(txt.text)
    const cp = gold.find((g) => g.encoding === "windows-1252")!
    expect(new TextDecoder("windows-1252").decode(readFileSync(join(samplesDir, cp.file)))).toBe(cp.text)
    const manifest = readFileSync(join(samplesDir, "manifest.csv"), "utf8").trim().split("\n")
    expect(manifest[0]).toBe("archivo,juzgado,fecha,tipo,id")
    expect(manifest.length).toBeGreaterThan(4)
  })

  it.skipIf(loadGazetteers().source !== "shared")("are up to date: regenerating gives identical bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tacha-samples-"))
    await writeSet(dir, SAMPLE_PLAN, 1, { manifest: 8 })
    expect(readFileSync(join(dir, "gold.jsonl"), "utf8")).toBe(readFileSync(join(samplesDir, "gold.jsonl"), "utf8"))
    expect(readFileSync(join(dir, "manifest.csv"), "utf8")).toBe(readFileSync(join(samplesDir, "manifest.csv"), "utf8"))
    for (const g of gold) expect(readFileSync(join(dir, g.file)).equals(readFileSync(join(samplesDir, g.file))), g.file).toBe(true)
  })
})
