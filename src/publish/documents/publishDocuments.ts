import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { rm } from "node:fs/promises"
import { extname, join } from "node:path"
import { AuditRecordSchema, type AuditRecord } from "../../domain/AuditRecord.ts"
import { DOCUMENT_EXTENSIONS_PUBLISHED, type DocumentExtension } from "../../domain/Document.ts"
import type { PipelineConfig } from "../../domain/PipelineConfig.ts"
import type { Detector } from "../../detect/Detector.ts"
import { configFingerprint } from "../../pipeline/configFingerprint.ts"
import { TOOL_VERSION } from "../../pipeline/toolVersion.ts"
import type { GateDecision } from "../gate.ts"
import { writeFileAtomic } from "../writeFileAtomic.ts"
import { checkDocument, DOCUMENT_EXTENSIONS, documentFailure, produceDocument, type VouchedDocument } from "./anonymisedDocument.ts"
import { DocumentError } from "./DocumentError.ts"
import { unreadableRecord } from "../PublicationError.ts"

/**
 * The documents of a publication: `public/documentos/<id>.<ext>` for every
 * ruling read from a DOCX, ODT, PDF or DOC, built from its audit record and
 * the private copy of its original (`private/originales/<id><ext>`, kept by
 * the batch: the input folder may have moved or changed by the time a
 * ruling is published, the copy is the exact bytes that were analysed, as
 * its sha256 in the record proves).
 *
 * Fail closed: a document that cannot be produced, or whose check finds
 * anything, is not written and its ruling is held (the text too), with the
 * cause as withheld reason (`documento:...`). A document already produced
 * from the same record, pipeline and tool, and unchanged since (its sha256
 * in `private/documentos/<id>.json`), is not produced again: so a document
 * that the batch's document worker produced and checked (written with its
 * pass by `writeVouchedDocument`) is kept as it is.
 */

export const DOCUMENTS_DIR = "documentos"
export const ORIGINALS_DIR = "originales"

/** Where the batch keeps a copy of an input whose format has a document. */
export const originalPath = (outDir: string, id: string, relative: string): string | undefined => {
  const extension = extname(relative).toLowerCase()
  return [".docx", ".odt", ".pdf", ".doc"].includes(extension) ? join(outDir, "private", ORIGINALS_DIR, `${id}${extension}`) : undefined
}

interface DocumentPass {
  readonly auditSha256: string
  readonly pipelineSha256: string
  readonly toolVersion: string
  readonly documentSha256: string
  readonly extension: DocumentExtension
}

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex")


/** A document and then its pass (so a pass never vouches for a file that is not there). */
const writeDocument = async (outDir: string, id: string, document: VouchedDocument, auditSha256: string, pipelineSha256: string): Promise<void> => {
  await writeFileAtomic(join(outDir, "public", DOCUMENTS_DIR, `${id}.${document.extension}`), document.bytes)
  const pass: DocumentPass = { auditSha256, pipelineSha256, toolVersion: TOOL_VERSION, documentSha256: sha256(document.bytes), extension: document.extension }
  await writeFileAtomic(join(outDir, "private", DOCUMENTS_DIR, `${id}.json`), JSON.stringify(pass) + "\n")
}

/**
 * The batch writes the document its worker produced and checked
 * (`vouchedDocument`), bound to the audit record it has just written
 * (`auditSha256`): publication keeps it while record, pipeline and tool stay
 * the same, and produces it again otherwise.
 */
export const writeVouchedDocument = async (outDir: string, id: string, document: VouchedDocument, auditSha256: string, pipelineSha256: string): Promise<void> => {
  for (const stale of DOCUMENT_EXTENSIONS_PUBLISHED) {
    const path = join(outDir, "public", DOCUMENTS_DIR, `${id}.${stale}`)
    // Rarely there: looked up first, as a failed removal costs an error built and thrown.
    if (stale !== document.extension && existsSync(path)) await rm(path, { force: true })
  }
  await writeDocument(outDir, id, document, auditSha256, pipelineSha256)
}

const readOr = <A>(read: () => A): A | undefined => {
  try {
    return read()
  } catch {
    return undefined
  }
}

export interface DocumentsOptions {
  readonly keepImages: boolean
}

/**
 * Produce, check and write the document of every ruling of the output
 * folder that needs one. Returns the decisions of the rulings to hold.
 */
export const publishDocuments = async (
  outDir: string,
  config: PipelineConfig,
  detectors: readonly Detector[],
  options: DocumentsOptions,
): Promise<Map<string, GateDecision>> => {
  const auditDir = join(outDir, "private", "audit")
  const documentsDir = join(outDir, "public", DOCUMENTS_DIR)
  const passesDir = join(outDir, "private", DOCUMENTS_DIR)
  const held = new Map<string, GateDecision>()
  const pipelineSha256 = configFingerprint(config)
  const names = (readOr(() => readdirSync(auditDir)) ?? []).filter((name) => name.endsWith(".json")).sort()
  for (const name of names) {
    const json = readFileSync(join(auditDir, name), "utf8")
    const auditSha256 = sha256(json)
    const id = name.slice(0, -".json".length)
    const pass = readOr(() => JSON.parse(readFileSync(join(passesDir, name), "utf8")) as DocumentPass)
    if (
      pass && pass.auditSha256 === auditSha256 && pass.pipelineSha256 === pipelineSha256 && pass.toolVersion === TOOL_VERSION &&
      readOr(() => sha256(readFileSync(join(documentsDir, `${id}.${pass.extension}`)))) === pass.documentSha256
    ) continue
    let record: AuditRecord
    try {
      record = AuditRecordSchema.parse(JSON.parse(json))
    } catch (error) {
      // Named for the clerk (publishOpenData passes it on as it is).
      throw unreadableRecord(outDir, join(auditDir, name))(error)
    }
    const extension = DOCUMENT_EXTENSIONS[record.format]
    for (const stale of DOCUMENT_EXTENSIONS_PUBLISHED) {
      if (stale !== extension) await rm(join(documentsDir, `${record.id}.${stale}`), { force: true })
    }
    await rm(join(passesDir, name), { force: true })
    if (extension === null) continue
    const target = join(documentsDir, `${record.id}.${extension}`)
    const decision = await (async (): Promise<GateDecision | Uint8Array> => {
      const path = originalPath(outDir, record.id, record.source)
      const original = path === undefined ? undefined : readOr(() => new Uint8Array(readFileSync(path)))
      if (original === undefined || sha256(original) !== record.sha256) return documentFailure(new DocumentError({ code: "sin_original" }))
      try {
        const document = await produceDocument(original, record, options)
        const check = await checkDocument(document, extension, record, config, detectors)
        return check.publish ? document : check
      } catch (error) {
        // A bug or a file the writer cannot handle: no document, the ruling is held (its cause never quotes the file).
        return documentFailure(error instanceof DocumentError ? error : new DocumentError({ code: "documento_ilegible" }))
      }
    })()
    if (!(decision instanceof Uint8Array)) {
      held.set(record.id, decision)
      await rm(target, { force: true })
      continue
    }
    await writeDocument(outDir, record.id, { extension, bytes: decision }, auditSha256, pipelineSha256)
  }
  return held
}

/** Remove the documents of rulings that are not published. */
export const withdrawDocuments = async (outDir: string, ids: Iterable<string>): Promise<void> => {
  for (const id of ids) {
    for (const extension of DOCUMENT_EXTENSIONS_PUBLISHED) await rm(join(outDir, "public", DOCUMENTS_DIR, `${id}.${extension}`), { force: true })
  }
}
