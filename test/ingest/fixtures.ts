import { crc32, deflateSync } from "node:zlib"
import * as Effect from "effect/Effect"
import JSZip from "jszip"
import { PDFDocument, StandardFonts } from "pdf-lib"
import type { IngestFailure } from "../../src/domain/IngestFailure.ts"

/** Fixtures built in memory: real files of each format, made by the libraries that write them. */

export const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)

/** The failure of an effect that must fail (the test fails if it succeeds). */
export const failureOf = <A>(effect: Effect.Effect<A, IngestFailure>): Promise<IngestFailure> => Effect.runPromise(Effect.flip(effect))

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** A PDF with one page per entry, each page a list of lines drawn top-down (null = blank line). */
export const makePdf = async (pages: readonly (readonly (string | null)[])[], options: { readonly header?: (page: number) => string; readonly footer?: (page: number) => string } = {}): Promise<Uint8Array> => {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  pages.forEach((lines, index) => {
    const page = doc.addPage([595, 842])
    if (options.header) page.drawText(options.header(index + 1), { x: 50, y: 800, size: 9, font })
    let y = 760
    for (const line of lines) {
      if (line !== null) page.drawText(line, { x: 50, y, size: 11, font })
      y -= 15
    }
    if (options.footer) page.drawText(options.footer(index + 1), { x: 50, y: 30, size: 9, font })
  })
  return doc.save()
}

const pngChunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/** A tiny grey PNG: what a scanner would put on a page, minus the resolution. */
export const makePng = (size = 8): Uint8Array => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const rows = Buffer.alloc(size * (size + 1), 0x80)
  for (let row = 0; row < size; row++) rows[row * (size + 1)] = 0 // filter: none
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ])
}

/** A PDF whose pages only hold an image, like a scan without OCR. */
export const makeScannedPdf = async (pageCount = 2): Promise<Uint8Array> => {
  const doc = await PDFDocument.create()
  const image = await doc.embedPng(makePng())
  for (let i = 0; i < pageCount; i++) doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 })
  return doc.save()
}

/**
 * A PDF encrypted with the standard security handler and a user password:
 * the /Encrypt dictionary's /U entry does not match the empty password, so a
 * reader must ask for one.
 */
export const makeEncryptedPdf = (): Uint8Array => {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${"4f".repeat(32)}> /U <${"55".repeat(32)}> /P -3904 >>`,
  ]
  let body = "%PDF-1.4\n"
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(body.length)
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`
  const id = "0123456789abcdef".repeat(2)
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`
  return utf8(body)
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'

/** An ODT package from the inner XML of office:text and of the master page. */
export const makeOdt = async (bodyXml: string, masterPageXml = ""): Promise<Uint8Array> => {
  const zip = new JSZip()
  zip.file("mimetype", "application/vnd.oasis.opendocument.text", { compression: "STORE" })
  zip.file(
    "content.xml",
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS}><office:automatic-styles><style:style style:name="P1"/></office:automatic-styles><office:body><office:text>${bodyXml}</office:text></office:body></office:document-content>`,
  )
  zip.file(
    "styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ODF_NS}><office:master-styles><style:master-page style:name="Standard">${masterPageXml}</style:master-page></office:master-styles></office:document-styles>`,
  )
  zip.file("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
  return zip.generateAsync({ type: "uint8array" })
}

export const makeZip = async (files: Readonly<Record<string, string>>, compression: "STORE" | "DEFLATE" = "DEFLATE"): Promise<Uint8Array> => {
  const zip = new JSZip()
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { createFolders: false })
  return zip.generateAsync({ type: "uint8array", compression })
}
