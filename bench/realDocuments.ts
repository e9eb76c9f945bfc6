/**
 * `npx node bench/realDocuments.ts [pipeline]`: the anonymised documents on
 * real rulings. The Córdoba corpus (../shared/data, real and not anonymised)
 * is plain text, so each ruling is first written as a DOCX the way clerks'
 * files look: every paragraph cut into runs at arbitrary points with changes
 * of formatting (names split over runs), the first line as page header,
 * an author and editor in the properties, a comment and a tracked deletion.
 * Then `tacha run`, and counts only (never content): published rulings with
 * and without their document, rulings held and why, and in the documents
 * metadata, comments or revisions left, DNI numbers and redacted names
 * readable. Also the time publication spends on documents.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import JSZip from "jszip"
import { AuditRecordSchema } from "../src/domain/AuditRecord.ts"
import { loadPipelineConfig, PROJECT_ROOT } from "../src/domain/loadPipelineConfig.ts"
import { fold } from "../src/detect/fold.ts"
import { ruleDetectors } from "../src/detect/registry.ts"
import { publishDocuments } from "../src/publish/documents/publishDocuments.ts"

const corpus = join(PROJECT_ROOT, "..", "shared", "data", "corpora", "cordoba-civil-2022", "textos")
if (!existsSync(corpus)) {
  console.log("Falta ../shared/data: nada que medir.")
  process.exit(0)
}
const pipeline = process.argv[2] ?? join(PROJECT_ROOT, "pipelines", "caba-penal.json")
const work = mkdtempSync(join(tmpdir(), "tacha-docs-reales-"))
const input = join(work, "entrada")
mkdirSync(input)

let seed = 20261129
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const escape = (text: string) => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;")
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const FAKE_AUTHOR = "Valeria Testa Ficticia"

/** A paragraph cut into runs at arbitrary character positions, alternating plain and bold. */
const paragraph = (text: string): string => {
  const runs: string[] = []
  let at = 0
  let bold = false
  while (at < text.length) {
    const next = Math.min(text.length, at + 3 + Math.floor(random() * 25))
    runs.push(`<w:r w:rsidR="00AB12CD">${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escape(text.slice(at, next))}</w:t></w:r>`)
    bold = !bold
    at = next
  }
  return `<w:p>${runs.join("")}</w:p>`
}

const docxOf = async (text: string): Promise<Uint8Array> => {
  const lines = text.split(/\n/u).map((line) => line.trim()).filter((line) => line.length > 0)
  const body = lines.map((line, index) =>
    index === 1
      ? `<w:p><w:commentRangeStart w:id="0"/>${paragraph(line).slice(5, -6)}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:del w:id="9" w:author="${FAKE_AUTHOR}"><w:r><w:delText>texto suprimido</w:delText></w:r></w:del></w:p>`
      : paragraph(line)
  ).join("")
  const zip = new JSZip()
  zip.file("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
  zip.file("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${FAKE_AUTHOR}</dc:creator><cp:lastModifiedBy>${FAKE_AUTHOR}</cp:lastModifiedBy></cp:coreProperties>`)
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr></w:body></w:document>`)
  zip.file("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
  zip.file("word/header1.xml", `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}>${paragraph(lines[0] ?? "")}</w:hdr>`)
  zip.file("word/comments.xml", `<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}><w:comment w:id="0" w:author="${FAKE_AUTHOR}">${paragraph((lines[1] ?? "").slice(0, 60))}</w:comment></w:comments>`)
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })
}

const names = readdirSync(corpus).filter((name) => name.endsWith(".txt")).sort()
for (const name of names) writeFileSync(join(input, name.replace(/\.txt$/u, ".docx")), await docxOf(readFileSync(join(corpus, name), "utf8")))
const out = join(work, "out")
const started = Date.now()
try {
  execFileSync(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), "run", input, "--out", out, "--pipeline", pipeline], { cwd: PROJECT_ROOT, stdio: "ignore" })
} catch {
  // Exit code 1 when some document failed: counted below.
}
const runSeconds = (Date.now() - started) / 1000

const DNI = /\bD\.?\s?N\.?\s?I\.?\s*(?:N[°º.]?\s*)?:?\s*\d{1,2}\.?\d{3}\.?\d{3}\b/giu
const counts = { entradas: names.length, analizadas: 0, publicadas: 0, con_documento: 0, retenidas_por_documento: 0, con_metadatos: 0, con_comentarios: 0, con_revisiones: 0, dni_legibles_txt: 0, dni_legibles_documento: 0, nombres_legibles_documento: 0 }
const causes = new Map<string, number>()
const auditDir = join(out, "private", "audit")
for (const file of existsSync(auditDir) ? readdirSync(auditDir) : []) {
  const record = AuditRecordSchema.parse(JSON.parse(readFileSync(join(auditDir, file), "utf8")))
  counts.analizadas++
  const document = join(out, "public", "documentos", `${record.id}.docx`)
  const text = join(out, "public", "resoluciones", `${record.id}.txt`)
  if (!existsSync(text)) continue
  counts.publicadas++
  if (!existsSync(document)) continue
  counts.con_documento++
  const zip = await JSZip.loadAsync(readFileSync(document))
  const members = new Map(await Promise.all(Object.keys(zip.files).map(async (member) => [member, await zip.files[member]!.async("string")] as const)))
  const all = [...members.values()].join("\n")
  if (/creator|lastModifiedBy/u.test(members.get("docProps/core.xml") ?? "") || all.includes(FAKE_AUTHOR)) counts.con_metadatos++
  if (members.has("word/comments.xml") || /commentReference/u.test(all)) counts.con_comentarios++
  if (/<w:(?:del|ins|delText) /u.test(all) || all.includes("texto suprimido")) counts.con_revisiones++
  const readable = fold([...members.values()].map((xml) => xml.replace(/<[^>]*>/gu, "")).join("\n"))
  counts.dni_legibles_documento += readable.match(DNI)?.length ?? 0
  counts.dni_legibles_txt += readFileSync(text, "utf8").match(DNI)?.length ?? 0
  const kept = record.entities.filter((entity) => entity.action === "keep").map((entity) => fold(entity.text))
  const forms = new Set(record.entities.filter((entity) => entity.action === "redact" && entity.label === "PERSONA").map((entity) => fold(entity.text)))
  for (const form of forms) {
    if (form.replace(/[^\p{L}\p{N}]/gu, "").length < 4 || kept.some((keptForm) => keptForm.includes(form))) continue
    if (new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(readable)) counts.nombres_legibles_documento++
  }
}
const failures = existsSync(join(out, "private", "failures.jsonl")) ? readFileSync(join(out, "private", "failures.jsonl"), "utf8").trim().split("\n").filter(Boolean) : []
for (const line of failures) {
  const reason = (JSON.parse(line) as { reason: string }).reason
  causes.set(reason, (causes.get(reason) ?? 0) + 1)
}

// Publication's document step alone, from scratch: the time it adds to a batch.
const config = await Effect.runPromise(loadPipelineConfig(pipeline))
rmSync(join(out, "private", "documentos"), { recursive: true, force: true })
rmSync(join(out, "public", "documentos"), { recursive: true, force: true })
const documentsStarted = Date.now()
const held = await publishDocuments(out, config, ruleDetectors(config), { keepImages: false })
const documentSeconds = (Date.now() - documentsStarted) / 1000
counts.retenidas_por_documento = held.size
for (const decision of held.values()) for (const finding of decision.findings) causes.set(finding.category ?? finding.cause, (causes.get(finding.category ?? finding.cause) ?? 0) + 1)

console.table(counts)
console.log("Fallas y retenciones por causa:", Object.fromEntries(causes))
console.log(`tacha run: ${runSeconds.toFixed(1)} s; documentos (publicación, desde cero): ${documentSeconds.toFixed(1)} s, ${(documentSeconds * 1000 / Math.max(1, counts.publicadas)).toFixed(0)} ms por resolución`)
if (process.env.KEEP) console.log(`Salida conservada en ${out}`)
else rmSync(work, { recursive: true, force: true })
