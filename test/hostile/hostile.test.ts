import { mkdir, mkdtemp, readFile, symlink, truncate, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { FAILURE_REASONS } from "../../src/domain/IngestFailure.ts"
import { isTemporary, readTree, runTacha, type CliResult } from "../faults/cli.ts"
import { bombDocx, flipBits, longLine, makeEncryptedPdf, nestedHtml, PERSONAL, rulingDocx, rulingPdf, rulingText } from "./corpus.ts"

/**
 * Hostile input through the real CLI: malformed, encrypted, oversized and
 * adversarial files mixed with good rulings, odd file names, links and
 * manifest rows that point outside. The batch must finish (test timeout),
 * account for every input exactly once with a specific cause, publish every
 * good ruling and leave nothing partial in public/.
 */

const MB = 1024 * 1024
const LIMITS = { maxFileBytes: 12 * MB, timeoutMs: 4_000, workerMemoryMb: 384 }

/** What each input may end as: "done" (published) or failure reasons. */
type Expected = readonly string[]
const DONE: Expected = ["done"]

interface Settled {
  readonly result: CliResult
  readonly out: string
  /** file → "done" or its failure reason, from the last run in the journal; every entry. */
  readonly entries: readonly (readonly [string, string])[]
}

const settle = async (input: string, out: string, pipeline: string): Promise<Settled> => {
  const result = await runTacha([input, "--out", out, "--pipeline", pipeline])
  const lines = (await readFile(join(out, "private", "journal.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line))
  const run = lines.slice(lines.findLastIndex((line) => line.state === "started"))
  const entries = run.filter((line) => line.state === "done" || line.state === "failed")
    .map((line) => [line.file as string, line.state === "done" ? "done" : (line.reason as string)] as const)
  return { result, out, entries }
}

const checkOutcome = async (settled: Settled, expected: ReadonlyMap<string, Expected>) => {
  const { result, out, entries } = settled
  expect(result.signal, result.stderr).toBeNull()
  expect(result.code, result.stderr).toBe(1)
  expect(result.stderr).not.toMatch(/at .*\.ts:\d+/u)
  // Every input exactly once, with the outcome it may have.
  expect(entries.map(([file]) => file).sort()).toEqual([...expected.keys()].sort())
  for (const [file, outcome] of entries) {
    expect(expected.get(file), `${JSON.stringify(file)} ended as ${outcome}`).toContain(outcome)
    expect(outcome in FAILURE_REASONS || outcome === "done").toBe(true)
  }
  // Failures name their cause in failures.jsonl and on the terminal.
  const failures = (await readFile(join(out, "private", "failures.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line))
  expect(failures.map((failure) => failure.file).sort()).toEqual(entries.filter(([, outcome]) => outcome !== "done").map(([file]) => file).sort())
  // Published: exactly the documents done, each with its audit; nothing partial.
  const tree = await readTree(out)
  expect([...tree.keys()].filter(isTemporary)).toEqual([])
  const audits = [...tree.entries()].filter(([path]) => path.startsWith("private/audit/")).map(([, bytes]) => JSON.parse(bytes.toString("utf8")))
  const done = entries.filter(([, outcome]) => outcome === "done").map(([file]) => file)
  const publishedIds = [...tree.keys()].filter((path) => path.startsWith("public/resoluciones/")).map((path) => path.slice("public/resoluciones/".length, -4))
  expect(audits.filter((audit) => publishedIds.includes(audit.id)).map((audit) => audit.source).sort()).toEqual([...done].sort())
  expect(publishedIds).toHaveLength(done.length)
  // Nothing personal outside private/, names of hostile files included.
  const visible = [...tree.entries()].filter(([path]) => path.startsWith("public/")).map(([, bytes]) => bytes.toString("latin1") + bytes.toString("utf8"))
  for (const secret of PERSONAL) {
    for (const text of [...visible, result.stdout, result.stderr]) expect(text).not.toContain(secret)
  }
  return done
}

describe("tacha run on a hostile corpus", () => {
  let base: string
  let pipeline: string
  let folder: Settled
  let manifest: Settled
  const expectedFolder = new Map<string, Expected>()
  const expectedManifest = new Map<string, Expected>()

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-hostile-"))
    const config = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal.json"), "utf8"))
    delete config.$schema
    pipeline = join(base, "pipeline.json")
    await writeFile(pipeline, JSON.stringify({ ...config, limits: LIMITS }))

    const lote = join(base, "lote")
    await mkdir(join(lote, "sub", "más hondo"), { recursive: true })
    await mkdir(join(base, "afuera"))
    const put = async (name: string, bytes: string | Uint8Array, expected: Expected) => {
      await writeFile(join(lote, name), bytes)
      expectedFolder.set(name, expected)
    }
    // Good rulings, some under odd names.
    const pdf = await rulingPdf(2)
    await put("buena 1.txt", rulingText(1), DONE)
    await put("acentuación ñandú.txt", rulingText(3).normalize("NFD"), DONE)
    await put(`comillas "dobles" y 'simples'.txt`, rulingText(4), DONE)
    await put("buena.pdf", pdf, DONE)
    await put("buena.docx", await rulingDocx(5), DONE)
    await put("sub/más hondo/buena.txt", rulingText(6), DONE)
    await put("latin1 inválido utf8.txt", Buffer.from(rulingText(7), "latin1"), DONE)
    try {
      await put("salto\nde línea.txt", rulingText(8), DONE)
    } catch {
      // A file system that refuses newlines in names: nothing to test.
    }
    // Broken or hostile documents.
    await put("truncado.pdf", pdf.slice(0, Math.floor(pdf.length / 2)), ["corrupt_pdf"])
    await put("bits-cambiados.pdf", flipBits(pdf, 24, 7), ["done", "corrupt_pdf", "no_text", "needs_ocr", "gate_blocked"])
    await put("cifrado.pdf", makeEncryptedPdf(), ["encrypted_pdf"])
    await put("no-es-zip.docx", "PK esto no es un zip", ["not_a_zip"])
    await put("bomba-declarada.docx", bombDocx(1000, 0xfffffff0), ["corrupt_document"])
    // Lies about its size: passes the declared-size check, inflates to 150 MB
    // (JSZip then refuses it; were it read, the worker's heap limit would stop it).
    await put("bomba.docx", bombDocx(150 * MB, 4096), ["out_of_memory", "corrupt_document", "timeout"])
    await put("binario.txt", new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), ["binary_content"])
    await put("vacio.txt", "", ["empty_file"])
    await put("vacio.pdf", "", ["empty_file"])
    await put("vacio.docx", "", ["empty_file"])
    await put("enorme.txt", "", ["too_large"])
    await truncate(join(lote, "enorme.txt"), LIMITS.maxFileBytes + 1)
    // Keeps the rule detectors busy for far longer than the time limit: the
    // worker is terminated (a promise timeout could not stop it).
    await put("linea-larga.txt", longLine(10_000_000), ["done", "timeout", "out_of_memory", "gate_blocked"])
    await put("anidado.html", nestedHtml(100_000), ["done", "timeout", "out_of_memory", "corrupt_document", "processing_error"])
    // Links out of the input folder: a file is refused, a folder not entered.
    await writeFile(join(base, "fuera.txt"), rulingText(9))
    await writeFile(join(base, "afuera", "secreta.txt"), rulingText(10))
    await symlink(join(base, "fuera.txt"), join(lote, "enlace-fuera.txt"))
    expectedFolder.set("enlace-fuera.txt", ["outside_input"])
    await symlink(join(base, "afuera"), join(lote, "carpeta-fuera"))
    expectedFolder.set("carpeta-fuera", ["outside_input"])

    // A manifest whose rows point outside its folder.
    const lote2 = join(base, "lote2")
    await mkdir(lote2)
    await writeFile(join(lote2, "buena.txt"), rulingText(11))
    await symlink(join(base, "fuera.txt"), join(lote2, "enlace.txt"))
    const rows = ["buena.txt", "../fuera.txt", "sub/../../fuera.txt", join(base, "fuera.txt"), "enlace.txt", "falta.txt", "../afuera/secreta.txt"]
    await writeFile(join(lote2, "manifiesto.json"), JSON.stringify(rows.map((archivo) => ({ archivo }))))
    for (const row of rows) expectedManifest.set(row, ["outside_input", "missing_file"])
    expectedManifest.set("buena.txt", DONE)

    ;[folder, manifest] = await Promise.all([
      settle(lote, join(base, "out"), pipeline),
      settle(join(lote2, "manifiesto.json"), join(base, "out2"), pipeline),
    ])
  }, 120_000) // publication also builds and checks each ruling's document

  it("accounts for every file of a folder once, publishes every good ruling, leaves nothing partial", async () => {
    const done = await checkOutcome(folder, expectedFolder)
    for (const [file, expected] of expectedFolder) if (expected === DONE) expect(done).toContain(file)
    expect(folder.entries.map(([file]) => file).join("\n")).not.toContain("secreta")
  })

  it("refuses manifest rows that leave the manifest's folder", async () => {
    const done = await checkOutcome(manifest, expectedManifest)
    expect(done).toEqual(["buena.txt"])
  })
})
