import { execFile } from "node:child_process"
import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { makeDocx } from "../fixtures/makeDocuments.ts"
import { makeEncryptedPdf, makePdf, makeScannedPdf } from "../ingest/fixtures.ts"

const run = promisify(execFile)
const bin = join(PROJECT_ROOT, "src", "bin.ts")

/** Personal data written into the inputs: none of it may reach public/ or the terminal. */
const PERSONAL = ["Ramiro Ezequiel Quiroga", "Quiroga", "30.456.789", "Av. Corrientes 1234", "Valentina Soledad Ibarra", "Ibarra", "11 5555-1234", "Horacio Lemos"]
const OFFICIAL = "Mariana Costas"

const ruling = (n: number) => [
  `Buenos Aires, 12 de marzo de 2024.`,
  `VISTOS: la causa seguida contra Ramiro Ezequiel QUIROGA, DNI 30.456.789, con domicilio en Av. Corrientes 1234, piso 3° "B", de esta ciudad, por el delito previsto en el art. 149 bis del Código Penal (resolución ${n}).`,
  `La denunciante, Sra. Valentina Soledad Ibarra, teléfono 11 5555-1234, relató que Quiroga la amenazó.`,
  `RESUELVO: I. SUSPENDER el proceso a prueba respecto de Ramiro Ezequiel Quiroga por el plazo de un año.`,
  `Fdo.: Dra. Mariana Costas, Jueza.`,
]

const runTacha = async (input: string, out: string) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, "run", input, "--out", out], { cwd: PROJECT_ROOT })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const readTree = async (dir: string): Promise<Map<string, string>> => {
  const files = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), "utf8"))
  }
  return files
}

describe("tacha run (end to end)", () => {
  let input: string
  let base: string
  let first: Awaited<ReturnType<typeof runTacha>>

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-cli-"))
    input = join(base, "entrada")
    await mkdir(join(input, "sub"), { recursive: true })
    await writeFile(join(input, "r1.txt"), ruling(1).join("\n\n") + "\n")
    await writeFile(join(input, "sub", "r2.docx"), await makeDocx(ruling(2), { header: "QUIROGA, Ramiro Ezequiel s/ amenazas", footer: "Testigo: Horacio Lemos" }))
    await writeFile(join(input, "r3.pdf"), await makePdf([ruling(3).flatMap((paragraph) => [...(paragraph.match(/.{1,80}(\s|$)/gu) ?? []), null])]))
    await writeFile(join(input, "roto.pdf"), "%PDF-1.7\nesto no es un PDF")
    await writeFile(join(input, "vacio.txt"), "")
    await writeFile(join(input, "notas.xyz"), "hola")
    first = await runTacha(input, join(base, "out1"))
  })

  it("exits non-zero when a document failed, and names every failure with its cause", async () => {
    expect(first.code).toBe(1)
    const failures = (await readFile(join(base, "out1", "private", "failures.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line))
    expect(failures.map((failure) => [failure.file, failure.reason])).toEqual([
      ["notas.xyz", "unsupported_format"],
      ["roto.pdf", "corrupt_pdf"],
      ["vacio.txt", "empty_file"],
    ])
    expect(first.stdout).toContain("3 procesados, 3 con error")
    expect(first.stdout).toContain("roto.pdf")
  })

  it("writes the public texts, the index and the private audits of the good documents", async () => {
    const tree = await readTree(join(base, "out1"))
    const texts = [...tree.keys()].filter((path) => path.startsWith("public/resoluciones/"))
    expect(texts).toHaveLength(3)
    const csv = tree.get("public/resoluciones.csv")!.trim().split("\r\n")
    expect(csv[0]).toMatch(/^id,juzgado,fecha,/)
    expect(csv).toHaveLength(4)
    const audits = [...tree.keys()].filter((path) => path.startsWith("private/audit/"))
    expect(audits).toHaveLength(3)
    const sources = audits.map((path) => JSON.parse(tree.get(path)!).source).sort()
    expect(sources).toEqual(["r1.txt", "r3.pdf", "sub/r2.docx"])
    const txtAudit = audits.map((path) => JSON.parse(tree.get(path)!)).find((audit) => audit.source === "r1.txt")
    expect(txtAudit.text).toBe(ruling(1).join("\n\n") + "\n")
  })

  it("leaks no personal data into public outputs or the terminal, and keeps the judge visible", async () => {
    const tree = await readTree(join(base, "out1"))
    const visible = [...tree.entries()].filter(([path]) => !path.startsWith("private/")).map(([, content]) => content)
    visible.push(first.stdout, first.stderr)
    for (const secret of PERSONAL) {
      for (const content of visible) expect(content).not.toContain(secret)
    }
    const publicTexts = [...tree.entries()].filter(([path]) => path.startsWith("public/resoluciones/")).map(([, content]) => content)
    for (const text of publicTexts) {
      expect(text).toContain(OFFICIAL)
      expect(text).toContain("art. 149 bis del Código Penal")
      expect(text).toContain("12 de marzo de 2024")
    }
  })

  it("answers researchers' SQL and full-text queries over the public datasets only", async () => {
    const sql = await run(process.execPath, [bin, "query", "SELECT count(*) AS n, sum(cantidad_dni) AS dni FROM resoluciones", "--out", join(base, "out1"), "--formato", "json"], { cwd: PROJECT_ROOT })
    expect(JSON.parse(sql.stdout)).toEqual([{ n: 3, dni: 3 }])
    const hits = await run(process.execPath, [bin, "search", "suspender proceso prueba", "--out", join(base, "out1"), "--formato", "csv"], { cwd: PROJECT_ROOT })
    const lines = hits.stdout.trim().split("\r\n")
    expect(lines[0]).toBe("id,puntaje,fragmento")
    expect(lines).toHaveLength(4)
    for (const secret of PERSONAL) expect(hits.stdout).not.toContain(secret)
    const refused = await run(process.execPath, [bin, "query", "COPY resoluciones TO '/tmp/x.csv'", "--out", join(base, "out1")], { cwd: PROJECT_ROOT }).catch((error) => error)
    expect(refused.code).toBe(2)
    expect(refused.stderr + refused.stdout).toContain("La consulta no se pudo ejecutar")
  })

  it("produces byte-identical public outputs on a second run", async () => {
    await runTacha(input, join(base, "out2"))
    const a = await readTree(join(base, "out1", "public"))
    const b = await readTree(join(base, "out2", "public"))
    expect([...b.entries()]).toEqual([...a.entries()])
  })
})

describe("tacha run on bad input (manifest)", () => {
  it("names a specific cause for every bad input, goes on with the batch and publishes only the good documents", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-bad-"))
    const input = join(base, "lote")
    await mkdir(input)
    await writeFile(join(base, "fuera.txt"), ruling(9).join("\n"))
    await writeFile(join(input, "buena.txt"), ruling(4).join("\n\n"))
    await writeFile(join(input, "latin1.txt"), Buffer.from(ruling(5).join("\n\n").replace("Quiroga", "Nuñez"), "latin1"))
    await writeFile(join(input, "cifrado.pdf"), makeEncryptedPdf())
    await writeFile(join(input, "escaneado.pdf"), await makeScannedPdf())
    await writeFile(join(input, "vacio.txt"), "")
    await writeFile(join(input, "no-es-zip.docx"), "esto es texto, no un zip")
    await writeFile(join(input, "planilla.xyz"), "a,b")
    await writeFile(join(input, "enorme.txt"), Buffer.alloc(50 * 1024 * 1024 + 1, 0x61))
    const rows = ["buena.txt", "latin1.txt", "cifrado.pdf", "escaneado.pdf", "vacio.txt", "no-es-zip.docx", "planilla.xyz", "enorme.txt", "falta.txt", "../fuera.txt"]
    await writeFile(join(input, "manifiesto.csv"), ["archivo,juzgado,fecha,tipo", ...rows.map((row) => `${row},Juzgado PCyF N° 10,2024-03-12,sentencia`)].join("\n") + "\n")

    const result = await runTacha(join(input, "manifiesto.csv"), join(base, "out"))
    expect(result.code).toBe(1)
    const failures = (await readFile(join(base, "out", "private", "failures.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line))
    expect(Object.fromEntries(failures.map((failure) => [failure.file, failure.reason]))).toEqual({
      "../fuera.txt": "outside_input",
      "cifrado.pdf": "encrypted_pdf",
      "enorme.txt": "too_large",
      "escaneado.pdf": "no_text", // OCR'd: a blank grey scan holds no text
      "falta.txt": "missing_file",
      "no-es-zip.docx": "not_a_zip",
      "planilla.xyz": "unsupported_format",
      "vacio.txt": "empty_file",
    })
    for (const failure of failures) expect(result.stdout).toContain(`${failure.file}: ${failure.cause}`)
    expect(result.stdout).toContain("no contiene texto")
    const published = await readdir(join(base, "out", "public", "resoluciones"))
    expect(published).toHaveLength(2)
    const audits = await Promise.all((await readdir(join(base, "out", "private", "audit"))).map(async (name) => JSON.parse(await readFile(join(base, "out", "private", "audit", name), "utf8"))))
    const latin1 = audits.find((audit) => audit.source === "latin1.txt")
    expect(latin1.text).toContain("Nuñez")
    expect(latin1.metadata).toMatchObject({ court: "Juzgado PCyF N° 10", date: "2024-03-12", type: "sentencia" })
    const csv = await readFile(join(base, "out", "public", "resoluciones.csv"), "utf8")
    expect(csv).not.toContain("Nuñez")
    expect(csv.trim().split("\r\n")).toHaveLength(3)
  })
})

describe("tacha run with a court's own catalogue settings", () => {
  it("publishes data.json under the pipeline's base URL and publisher", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-catalogue-"))
    await mkdir(join(base, "entrada"))
    await writeFile(join(base, "entrada", "r1.txt"), ruling(7).join("\n\n") + "\n")
    const pipeline = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"), "utf8"))
    pipeline.publication.catalogue = {
      baseUrl: "https://datos.jusbaires.gob.ar/resoluciones/",
      publisher: { name: "Consejo de la Magistratura de la Ciudad", mbox: "datos@jusbaires.gob.ar" },
    }
    await writeFile(join(base, "pipeline.json"), JSON.stringify(pipeline))
    const { stdout } = await run(process.execPath, [bin, "run", join(base, "entrada"), "--out", join(base, "out"), "--pipeline", join(base, "pipeline.json")], { cwd: PROJECT_ROOT })
    expect(stdout).toContain("1 procesados, 0 con error")
    const catalogue = JSON.parse(await readFile(join(base, "out", "public", "data.json"), "utf8"))
    expect(catalogue.publisher).toEqual({ name: "Consejo de la Magistratura de la Ciudad", mbox: "datos@jusbaires.gob.ar" })
    const urls = catalogue.dataset.flatMap((dataset: { distribution: { downloadURL: string }[] }) => dataset.distribution.map((d) => d.downloadURL))
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(url.startsWith("https://datos.jusbaires.gob.ar/resoluciones/")).toBe(true)
  })

  it("refuses a base URL that does not end in /, naming the file and the field", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-catalogue-"))
    const pipeline = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"), "utf8"))
    pipeline.publication.catalogue = { baseUrl: "https://datos.jusbaires.gob.ar/resoluciones" }
    await writeFile(join(base, "pipeline.json"), JSON.stringify(pipeline))
    const failed = await run(process.execPath, [bin, "run", base, "--out", join(base, "out"), "--pipeline", join(base, "pipeline.json")], { cwd: PROJECT_ROOT }).catch((error) => error)
    expect(failed.code).toBe(2)
    expect(failed.stdout + failed.stderr).toContain("publication.catalogue.baseUrl")
  })
})
