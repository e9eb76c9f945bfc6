/** Renderers: canonical ruling text → PDF, DOCX, ODT, HTML, Windows-1252 text. All byte-deterministic. */
import { AlignmentType, Document, Footer, FootnoteReferenceRun, Header, Packer, PageNumber, Paragraph, TextRun } from "docx"
import JSZip from "jszip"
import { PDFDocument, StandardFonts, rgb } from "pdf-lib"
import type { Ruling } from "./index.ts"
import { Rng } from "./prng.ts"

/** A fixed timestamp for every container so that output bytes depend only on the seed. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0))

// ---------------------------------------------------------------- Windows-1252

const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
}

export const isCp1252 = (ch: string): boolean => {
  const c = ch.codePointAt(0) as number
  return c < 0x80 || (c >= 0xa0 && c <= 0xff) || c in CP1252_HIGH
}

/** Encode as Windows-1252 (throws on a character it cannot represent, so gold offsets stay valid). */
export const encodeCp1252 = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c
    else if (c in CP1252_HIGH) out[i] = CP1252_HIGH[c] as number
    else throw new Error(`not encodable in Windows-1252: U+${c.toString(16)}`)
  }
  return out
}

// ---------------------------------------------------------------- PDF

const splitFootnote = (r: Ruling): { body: string; note?: string } =>
  r.layout.footnoteStart === undefined
    ? { body: r.text }
    : { body: r.text.slice(0, r.layout.footnoteStart).trimEnd(), note: r.text.slice(r.layout.footnoteStart).trim().replace(/^1 /, "") }

/**
 * A4 pages, Times 11pt, wrapped lines, a header on every page with the case
 * caption and "Página i de N"; long words are sometimes hyphenated across a
 * line end (as word processors do), so the extracted text differs from the
 * canonical one.
 */
export const toPdf = async (r: Ruling, seed: number): Promise<Uint8Array> => {
  const rng = new Rng(seed ^ 0x51f)
  const pdf = await PDFDocument.create()
  pdf.setCreationDate(FIXED_DATE)
  pdf.setModificationDate(FIXED_DATE)
  pdf.setProducer("tacha samples")
  pdf.setCreator("tacha samples")
  pdf.setTitle("Resolución judicial")
  const font = await pdf.embedFont(StandardFonts.TimesRoman)
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold)
  const small = await pdf.embedFont(StandardFonts.Helvetica)
  const size = 12
  const [W, H] = [595.28, 841.89]
  const margin = 72
  const width = W - 2 * margin
  const lineH = 18
  const top = H - margin - 24
  const linesPerPage = Math.floor((top - margin) / lineH)

  type Line = { text: string; bold: boolean }
  const lines: Line[] = []
  for (const para of r.text.split("\n")) {
    if (para.trim() === "") {
      lines.push({ text: "", bold: false })
      continue
    }
    const isHeading = /^[A-ZÁÉÍÓÚÑ .:,°N]+:?$/.test(para.trim()) && para.length < 60
    const f = isHeading ? bold : font
    let current = ""
    const words = para.split(" ")
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string
      const candidate = current ? `${current} ${word}` : word
      if (f.widthOfTextAtSize(candidate, size) <= width) {
        current = candidate
        continue
      }
      // Hyphenate a long alphabetic word across the line end, sometimes.
      if (current && word.length >= 9 && /^[\p{L}]+$/u.test(word) && rng.chance(0.5)) {
        let cut = 0
        for (let k = word.length - 4; k >= 4; k--) {
          const prefix = `${current} ${word.slice(0, k)}-`
          if (f.widthOfTextAtSize(prefix, size) <= width && /[aeiouáéíóú]/i.test(word[k - 1] as string)) {
            cut = k
            break
          }
        }
        if (cut > 0) {
          lines.push({ text: `${current} ${word.slice(0, cut)}-`, bold: isHeading })
          current = word.slice(cut)
          continue
        }
      }
      if (current) lines.push({ text: current, bold: isHeading })
      current = word
      while (f.widthOfTextAtSize(current, size) > width) {
        // an unbreakable token (URL): cut it hard
        let k = current.length - 1
        while (k > 1 && f.widthOfTextAtSize(current.slice(0, k), size) > width) k--
        lines.push({ text: current.slice(0, k), bold: isHeading })
        current = current.slice(k)
      }
    }
    if (current) lines.push({ text: current, bold: isHeading })
  }
  const pages: Line[][] = []
  for (let i = 0; i < lines.length; i += linesPerPage) pages.push(lines.slice(i, i + linesPerPage))
  const caption = r.layout.caption
  pages.forEach((pageLines, p) => {
    const page = pdf.addPage([W, H])
    let hs = 8
    while (hs > 5 && small.widthOfTextAtSize(caption, hs) > width) hs -= 0.5
    page.drawText(caption, { x: margin, y: H - margin + 10, size: hs, font: small, color: rgb(0.3, 0.3, 0.3) })
    const pn = `Página ${p + 1} de ${pages.length}`
    page.drawText(pn, { x: W - margin - small.widthOfTextAtSize(pn, 8), y: H - margin - 2, size: 8, font: small, color: rgb(0.3, 0.3, 0.3) })
    let y = top
    for (const line of pageLines) {
      if (line.text) page.drawText(line.text, { x: margin, y, size, font: line.bold ? bold : font })
      y -= lineH
    }
  })
  return pdf.save({ useObjectStreams: false })
}

// ---------------------------------------------------------------- zip helpers

/** Re-pack a zip with fixed timestamps and a stable order (first entry stored, e.g. ODF mimetype). */
const stableZip = async (files: [string, string | Uint8Array][], storeFirst = false): Promise<Uint8Array> => {
  const zip = new JSZip()
  files.forEach(([path, content], i) => {
    zip.file(path, content, { date: FIXED_DATE, createFolders: false, compression: storeFirst && i === 0 ? "STORE" : "DEFLATE" })
  })
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" })
}

// ---------------------------------------------------------------- DOCX

/** DOCX with the caption in the header, a footer with page numbers, and the footnote (if any) as a real footnote. */
export const toDocx = async (r: Ruling): Promise<Uint8Array> => {
  const { body, note } = splitFootnote(r)
  const lines = body.split("\n")
  // Attach the footnote reference to the last non-empty paragraph before the signatures.
  let refLine = -1
  if (note) for (let i = lines.length - 1; i >= 0; i--) if ((lines[i] as string).length > 80) { refLine = i; break }
  const paragraphs = lines.map((line, i) =>
    new Paragraph({
      children: i === refLine ? [new TextRun(line), new FootnoteReferenceRun(1)] : [new TextRun(line)],
      ...(line.length > 80 ? { alignment: AlignmentType.JUSTIFIED } : {}),
    }),
  )
  const doc = new Document({
    creator: "tacha samples",
    title: "Resolución judicial",
    ...(note ? { footnotes: { 1: { children: [new Paragraph(note)] } } } : {}),
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: r.layout.caption, size: 16 })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: "Poder Judicial de la Ciudad Autónoma de Buenos Aires – Página ", size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 }), new TextRun({ text: " de ", size: 16 }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 })],
              }),
            ],
          }),
        },
        children: paragraphs,
      },
    ],
  })
  const raw = await Packer.toBuffer(doc)
  const zip = await JSZip.loadAsync(raw)
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b)))
  const files: [string, string | Uint8Array][] = []
  for (const n of names) {
    if (n === "docProps/core.xml") {
      const xml = (await zip.file(n)!.async("string")).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, "$12024-01-01T00:00:00Z$3")
      files.push([n, xml])
    } else files.push([n, await zip.file(n)!.async("uint8array")])
  }
  return stableZip(files)
}

// ---------------------------------------------------------------- ODT

const xmlEscape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/** ODT (OpenDocument text): one paragraph per line, the caption in the page header. */
export const toOdt = async (r: Ruling): Promise<Uint8Array> => {
  const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"`
  const paras = r.text.split("\n").map((l) => (l ? `<text:p text:style-name="Standard">${xmlEscape(l)}</text:p>` : `<text:p text:style-name="Standard"/>`)).join("\n")
  const content = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${ns} office:version="1.2"><office:body><office:text>\n${paras}\n</office:text></office:body></office:document-content>\n`
  const styles = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles ${ns} office:version="1.2"><office:styles><style:style style:name="Standard" style:family="paragraph"/></office:styles><office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p>${xmlEscape(r.layout.caption)}</text:p></style:header></style:master-page></office:master-styles></office:document-styles>\n`
  const meta = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"><office:meta><meta:generator>tacha samples</meta:generator></office:meta></office:document-meta>\n`
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>\n`
  return stableZip(
    [
      ["mimetype", "application/vnd.oasis.opendocument.text"],
      ["content.xml", content],
      ["styles.xml", styles],
      ["meta.xml", meta],
      ["META-INF/manifest.xml", manifest],
    ],
    true,
  )
}

// ---------------------------------------------------------------- HTML

/** HTML page: the caption in a <header>, head lines and paragraphs as <p>, entities for a few characters. */
export const toHtml = (r: Ruling): string => {
  const esc = (s: string): string => xmlEscape(s).replace(/°/g, "&deg;").replace(/“/g, "&ldquo;").replace(/”/g, "&rdquo;")
  const blocks = r.text.split(/\n\n+/).map((block) => `<p>${block.split("\n").map(esc).join("<br>\n")}</p>`)
  return `<!DOCTYPE html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n<title>Resolución judicial</title>\n<style>body{font-family:serif;max-width:40em;margin:auto}</style>\n</head>\n<body>\n<div class="causa">${esc(r.layout.caption)}</div>\n<main>\n${blocks.join("\n")}\n</main>\n</body>\n</html>\n`
}
