import { execFile } from "node:child_process"
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import * as Effect from "effect/Effect"
import JSZip from "jszip"
import { beforeAll, describe, expect, it } from "vitest"
import { publishIn } from "../../store/services.ts"
import { AuditRecordSchema, type AuditRecord } from "../../../src/domain/AuditRecord.ts"
import { loadPipelineConfig, PROJECT_ROOT } from "../../../src/domain/loadPipelineConfig.ts"
import { fold } from "../../../src/detect/fold.ts"
import { ruleDetectors } from "../../../src/detect/registry.ts"
import { readPdf } from "../../../src/ingest/pdf.ts"
import { composeText } from "../../../src/normalise/composeText.ts"
import { createHash } from "node:crypto"
import { configFingerprint } from "../../../src/pipeline/configFingerprint.ts"
import { createDocumentPool } from "../../../src/pipeline/DocumentPool.ts"
import { produceDocument } from "../../../src/publish/documents/anonymisedDocument.ts"
import { makeDoc } from "../../ingest/docFixture.ts"
import { validateDcatAr } from "../validators.ts"
import { makeCourtDocx, makeCourtOdt, makeRulingPdf } from "./officeFixtures.ts"

const exec = promisify(execFile)
const PIPELINE = join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")

const EXTENSIONS = { docx: "docx", doc: "docx", odt: "odt", pdf: "pdf", txt: null, html: null, png: null, jpeg: null, tiff: null } as const

const tacha = (input: string, out: string) =>
  exec(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), "run", input, "--out", out, "--pipeline", PIPELINE], { cwd: PROJECT_ROOT })

const tree = async (dir: string): Promise<Map<string, Buffer>> => {
  const files = new Map<string, Buffer>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name)))
  }
  return files
}

const records = async (out: string): Promise<AuditRecord[]> =>
  Promise.all((await readdir(join(out, "private", "audit"))).map(async (name) => AuditRecordSchema.parse(JSON.parse(await readFile(join(out, "private", "audit", name), "utf8")))))

/** What a reader of the document can read: every member's text, markup out (runs joined), or the PDF's text. */
const documentText = async (path: string): Promise<string> => {
  const bytes = new Uint8Array(await readFile(path))
  if (path.endsWith(".pdf")) return composeText(await Effect.runPromise(readPdf(bytes)))
  const zip = await JSZip.loadAsync(bytes)
  const texts = await Promise.all(Object.values(zip.files).filter((file) => !file.dir).map((file) => file.async("string")))
  return texts.map((text) => text.replace(/<[^>]*>/gu, "")).join("\n")
}

describe("publication of the anonymised documents (tacha run)", () => {
  let base: string
  let out: string

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-documentos-"))
    const input = join(base, "entrada")
    await mkdir(input, { recursive: true })
    await writeFile(join(input, "sentencia.docx"), await makeCourtDocx())
    await writeFile(join(input, "auto.odt"), await makeCourtOdt())
    await writeFile(join(input, "resolucion.pdf"), await makeRulingPdf())
    await writeFile(join(input, "antigua.doc"), makeDoc(["JUZGADO PENAL N° 3", "VISTOS: la causa seguida a Juan Carlos Pérez, DNI 30.123.456, por amenazas.", "Fdo. Dra. Laura Roca, jueza."]))
    await writeFile(join(input, "texto.txt"), "VISTOS: la causa seguida a Juan Carlos Pérez, DNI 30.123.456, por amenazas.\n")
    out = join(base, "out")
    await tacha(input, out)
  })

  it("writes a document for every ruling read from a DOCX, ODT, PDF or DOC, listed in the index, the catalogue and SHA256SUMS", async () => {
    const documents = (await readdir(join(out, "public", "documentos"))).sort()
    const expected = (await records(out)).flatMap((record) => {
      const extension = EXTENSIONS[record.format]
      return extension === null ? [] : [`${record.id}.${extension}`]
    })
    expect(expected.length).toBe(4)
    expect(documents).toEqual(expected.sort())
    const index = await readFile(join(out, "public", "resoluciones.csv"), "utf8")
    expect(index.split("\r\n")[0]).toContain("archivo_documento")
    for (const name of documents) expect(index).toContain(`documentos/${name}`)
    const catalogue = JSON.parse(await readFile(join(out, "public", "data.json"), "utf8"))
    const distributions = catalogue.dataset.find((dataset: { identifier: string }) => dataset.identifier === "resoluciones").distribution
    expect(distributions.map((distribution: { identifier: string }) => distribution.identifier)).toEqual(expect.arrayContaining(["documentos-docx", "documentos-odt", "documentos-pdf"]))
    expect(validateDcatAr(catalogue)).toEqual([])
    const sums = await readFile(join(out, "public", "SHA256SUMS"), "utf8")
    for (const name of documents) expect(sums).toContain(`  documentos/${name}\n`)
    // The originals they are built from stay private.
    expect((await readdir(join(out, "private", "originales"))).length).toBe(4)
    expect([...(await tree(join(out, "public"))).keys()].some((path) => path.includes("originales"))).toBe(false)
  })

  it("leaves readable in no document any form the analysis redacted", async () => {
    let checked = 0
    for (const record of await records(out)) {
      const extension = EXTENSIONS[record.format]
      if (extension === null) continue
      const text = fold(await documentText(join(out, "public", "documentos", `${record.id}.${extension}`)))
      const kept = record.entities.filter((entity) => entity.action === "keep").map((entity) => fold(entity.text))
      for (const entity of record.entities) {
        if (entity.action !== "redact" || fold(entity.text).replace(/[^\p{L}\p{N}]/gu, "").length < 4 || kept.some((form) => form.includes(fold(entity.text)))) continue
        expect(text).not.toMatch(new RegExp(`(?<![\\p{L}\\p{N}])${fold(entity.text).replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?![\\p{L}\\p{N}])`, "u"))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(10)
  })

  it("gives byte-identical public files when run again", async () => {
    const before = await tree(join(out, "public"))
    await tacha(join(base, "entrada"), out)
    const after = await tree(join(out, "public"))
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true)
  })

  it("takes each document from the document worker that analysed its ruling, bound to the audit record it was written with", async () => {
    const config = await Effect.runPromise(loadPipelineConfig(PIPELINE))
    let bound = 0
    for (const record of await records(out)) {
      const extension = EXTENSIONS[record.format]
      if (extension === null) continue
      const pass = JSON.parse(await readFile(join(out, "private", "documentos", `${record.id}.json`), "utf8"))
      const audit = await readFile(join(out, "private", "audit", `${record.id}.json`))
      const document = await readFile(join(out, "public", "documentos", `${record.id}.${extension}`))
      expect(pass).toMatchObject({ extension, pipelineSha256: configFingerprint(config) })
      expect(pass.auditSha256).toBe(createHash("sha256").update(audit).digest("hex"))
      expect(pass.documentSha256).toBe(createHash("sha256").update(document).digest("hex"))
      // The very bytes publication would produce from the private original (a PDF is not parsed twice, and gives the same file).
      const original = new Uint8Array(await readFile(join(out, "private", "originales", `${record.id}${record.source.slice(record.source.lastIndexOf("."))}`)))
      expect(Buffer.from(await produceDocument(original, record, { keepImages: false })).equals(document), record.source).toBe(true)
      bound++
    }
    expect(bound).toBe(4)
  })

  it("has a document worker answer with the ruling's document for a PDF, and with none for a text", async () => {
    const config = await Effect.runPromise(loadPipelineConfig(PIPELINE))
    const pool = createDocumentPool({ size: 1, config })
    const ask = (relative: string, bytes: Uint8Array) =>
      pool.run({ id: "res-0000000000aa", relative, sha256: createHash("sha256").update(bytes).digest("hex"), metadata: {}, pipeline: configFingerprint(config), source: { kind: "bytes", bytes } })
    try {
      const pdf = (await ask("resolucion.pdf", await makeRulingPdf())).outcome
      expect(pdf.ok && pdf.document?.extension).toBe("pdf")
      const produced = pdf.ok && pdf.document ? pdf.document.bytes : new Uint8Array()
      const read = composeText(await Effect.runPromise(readPdf(produced)))
      expect(read).toContain("Juzgado PCyF N° 10")
      expect(read).not.toContain("Pérez")
      expect(read).not.toContain("30.123.456")
      const text = (await ask("texto.txt", new TextEncoder().encode("VISTOS: la causa seguida a Juan Carlos Pérez, DNI 30.123.456.\n"))).outcome
      expect(text.ok).toBe(true)
      expect(text.ok && text.document).toBeUndefined()
    } finally {
      await pool.close()
    }
  }, 60_000)

  it("holds a ruling whose document cannot be built (its original is gone), text and document both, with the cause", async () => {
    const copy = join(base, "retenida")
    await cp(out, copy, { recursive: true })
    const id = (await records(copy)).find((record) => record.format === "docx")!.id
    await rm(join(copy, "private", "originales", `${id}.docx`))
    await rm(join(copy, "private", "documentos", `${id}.json`))
    const config = await Effect.runPromise(loadPipelineConfig(PIPELINE))
    const summary = await publishIn({
      outDir: copy,
      config,
      detectors: ruleDetectors(config),
      run: { startedAt: new Date("2026-05-01T10:00:00Z"), finishedAt: new Date("2026-05-01T10:01:00Z"), failures: [], total: 5 },
    })
    expect(summary.withheld).toContainEqual({ id, reason: "documento:sin_original" })
    const published = await tree(join(copy, "public"))
    expect(published.has(`resoluciones/${id}.txt`)).toBe(false)
    expect(published.has(`documentos/${id}.docx`)).toBe(false)
    expect(published.get("resoluciones.csv")!.toString()).not.toContain(id)
  })
})
