import { deflateSync } from "node:zlib"
import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib"
import type { AuditRecord } from "../../domain/AuditRecord.ts"
import type { ExtractedDocument } from "../../domain/Document.ts"
import { readPdf } from "../../ingest/pdf.ts"
import { DocumentError, extractOrFail } from "./DocumentError.ts"
import { packageDate } from "./officePackage.ts"
import { placeParts, redactionsOf, type PlacedPart, type Redaction } from "./redactStreams.ts"

/**
 * PDF → a new, clean PDF laid out from the anonymised text: the body's
 * paragraphs (headings in bold), the court's running header and footer
 * lines on every page and the page number. Nothing of the original file is
 * copied (its text would stay under any box drawn over it): only the text
 * the record says may be published. Metadata: the tool's name and the
 * ruling's date, nothing else.
 *
 * The standard Helvetica font encodes WinAnsi, which covers Spanish (á é í
 * ó ú ü ñ ¿ ¡ « » “ ” – — …). Another character is written as its base
 * letter when it has one (ǎ → a) and as "?" otherwise; the produced file is
 * read again and gated like the text, so no replacement can reveal anything.
 */

const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { left: 72, right: 72, top: 86, bottom: 72 }
const BODY_SIZE = 11
const LEADING = 15
const PARAGRAPH_GAP = 7
const FURNITURE_SIZE = 9

/** The text of a part with the record's redactions inside it applied. */
const publicPartText = (part: PlacedPart, redactions: readonly Redaction[]): string => {
  const end = part.start + part.text.length
  let out = ""
  let cursor = part.start
  for (const redaction of redactions) {
    if (redaction.start < part.start || redaction.end > end || redaction.start < cursor) continue
    out += part.text.slice(cursor - part.start, redaction.start - part.start) + redaction.replacement
    cursor = redaction.end
  }
  return out + part.text.slice(cursor - part.start)
}

const isHeading = (paragraph: string): boolean => /\p{Lu}.*\p{Lu}/u.test(paragraph) && !/\p{Ll}/u.test(paragraph) && paragraph.length <= 120

const TYPOGRAPHIC: Readonly<Record<string, string>> = { "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2032": "'", "\u2033": '"', "\u00A0": " ", "\t": " " }

/** A text the font can encode, character by character (see the module comment). */
const encodable = (font: PDFFont) => {
  const cache = new Map<string, string>()
  const fits = (char: string): boolean => {
    try {
      font.encodeText(char)
      return true
    } catch {
      return false
    }
  }
  return (text: string): string => {
    let out = ""
    for (const char of text) {
      let mapped = cache.get(char)
      if (mapped === undefined) {
        const candidate = TYPOGRAPHIC[char] ?? char
        const base = candidate.normalize("NFKD").replace(/\p{M}/gu, "")
        mapped = fits(candidate) ? candidate : base.length > 0 && [...base].every(fits) ? base : "?"
        cache.set(char, mapped)
      }
      out += mapped
    }
    return out
  }
}

/**
 * A font's width of a text in its own units (a thousandth of the size),
 * remembered: a ruling repeats its words, and pdf-lib measures a text glyph
 * by glyph.
 */
export const unitWidths = (font: PDFFont): ((text: string) => number) => {
  const known = new Map<string, number>()
  return (text) => {
    let units = known.get(text)
    if (units === undefined) {
      units = font.widthOfTextAtSize(text, 1000)
      known.set(text, units)
    }
    return units
  }
}

/** `text` in lines of at most `width` points at `size`, filled word by word. Exported for tests. */
export const wrap = (text: string, units: (text: string) => number, size: number, width: number): string[] => {
  const limit = (width * 1000) / size
  const lines: string[] = []
  let line = ""
  let lineUnits = 0
  for (const word of text.split(/ +/u).filter((piece) => piece.length > 0)) {
    // A text's width is its glyphs' plus the kerning of adjacent pairs, so joining a word to the line
    // adds the word, the space and the kerning around the space: what "x y" measures beyond "x" and "y",
    // x the line's last character and y the word's first.
    const last = line.slice(-1)
    const first = word.slice(0, 1)
    const candidateUnits = line.length > 0
      ? lineUnits + units(`${last} ${first}`) - units(last) - units(first) + units(word)
      : units(word)
    if (candidateUnits <= limit) {
      line = line.length > 0 ? `${line} ${word}` : word
      lineUnits = candidateUnits
      continue
    }
    if (line.length > 0) lines.push(line)
    // A word wider than the line is cut where it overflows.
    let rest = word
    while (units(rest) > limit) {
      let cut = rest.length - 1
      while (cut > 1 && units(rest.slice(0, cut)) > limit) cut--
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    line = rest
    lineUnits = units(rest)
  }
  if (line.length > 0) lines.push(line)
  return lines
}

interface PlacedLine {
  readonly text: string
  readonly bold: boolean
  readonly y: number
}

interface Block {
  readonly lines: readonly string[]
  readonly bold: boolean
}

/** A number as a content stream writes it: at most two decimals, no trailing zeros. */
const operand = (value: number): string => String(Math.round(value * 100) / 100)

/**
 * A text's WinAnsi codes as a content stream's hex string, character by
 * character (remembered: a ruling uses few distinct characters). Helvetica
 * and its bold encode alike; the text was made encodable first (`encodable`).
 */
const hexCodes = (font: PDFFont): ((text: string) => string) => {
  const codes = new Map<string, string>()
  return (text) => {
    let hex = ""
    for (const char of text) {
      let code = codes.get(char)
      if (code === undefined) {
        code = font.encodeText(char).toString().slice(1, -1)
        codes.set(char, code)
      }
      hex += code
    }
    return `<${hex}>`
  }
}

interface DrawnLine {
  readonly text: string
  readonly font: "regular" | "bold"
  readonly size: number
  readonly y: number
}

/**
 * A page's text as one content stream, written here rather than by
 * pdf-lib's drawText (ten operator objects per line, each encoded on its
 * own: most of a long ruling's layout was spent there) and compressed by
 * Node's zlib: one text object, each line placed by its text matrix, in
 * reading order (text extractors follow the content stream).
 */
const pageContent = (lines: readonly DrawnLine[], keys: { regular: string; bold: string }, hex: (text: string) => string): Uint8Array => {
  const operators = ["BT", "0 g"]
  let font = ""
  for (const line of lines) {
    const selected = `${keys[line.font]} ${line.size} Tf`
    if (selected !== font) operators.push((font = selected))
    operators.push(`1 0 0 1 ${operand(MARGIN.left)} ${operand(line.y)} Tm`, `${hex(line.text)} Tj`)
  }
  operators.push("ET")
  return deflateSync(Buffer.from(operators.join("\n"), "latin1"))
}

export const layoutPdf = async (texts: { body: string; header: readonly string[]; footer: readonly string[] }, date: Date): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create({ updateMetadata: false })
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const safe = encodable(regular)
  const regularUnits = unitWidths(regular)
  const boldUnits = unitWidths(bold)
  const width = PAGE.width - MARGIN.left - MARGIN.right
  const layout = (paragraphs: readonly string[]): Block[] =>
    paragraphs.map((paragraph) => {
      const text = safe(paragraph.replace(/\s+/gu, " ").trim())
      const heading = isHeading(text)
      return { lines: wrap(text, heading ? boldUnits : regularUnits, BODY_SIZE, width), bold: heading }
    }).filter((block) => block.lines.length > 0)
  const bodyParagraphs = texts.body.split(/\n{2,}/u)
  const header = texts.header.map(safe)
  const footer = texts.footer.map(safe)

  const top = PAGE.height - MARGIN.top
  const paginate = (blocks: readonly Block[]): PlacedLine[][] => {
    const pages: PlacedLine[][] = [[]]
    let y = top
    for (const block of blocks) {
      for (const line of block.lines) {
        if (y < MARGIN.bottom) {
          pages.push([])
          y = top
        }
        pages[pages.length - 1]!.push({ text: line, bold: block.bold, y })
        y -= LEADING
      }
      y -= PARAGRAPH_GAP
    }
    return pages
  }
  // Running header and footer lines need two pages to read as such; on a single page they follow the body, as in the text.
  let pages = paginate(layout(bodyParagraphs))
  const running = pages.length >= 2
  if (!running) pages = paginate(layout([...bodyParagraphs, ...header, ...footer]))

  const hex = hexCodes(regular)
  const furniture = (lines: readonly string[], y: number): DrawnLine[] =>
    lines.map((line, k) => ({ text: line, font: "regular", size: FURNITURE_SIZE, y: y - k * (FURNITURE_SIZE + 3) }))
  pages.forEach((lines, index) => {
    const page = pdf.addPage([PAGE.width, PAGE.height])
    const keys = { regular: page.node.newFontDictionary(regular.name, regular.ref).toString(), bold: page.node.newFontDictionary(bold.name, bold.ref).toString() }
    const bottom = [...(running ? footer : []), `Página ${index + 1} de ${pages.length}`]
    const drawn: DrawnLine[] = [
      ...(running ? furniture(header, PAGE.height - 40) : []),
      ...lines.map((line): DrawnLine => ({ text: line.text, font: line.bold ? "bold" : "regular", size: BODY_SIZE, y: line.y })),
      ...furniture(bottom, 28 + (bottom.length - 1) * (FURNITURE_SIZE + 3)),
    ]
    page.node.addContentStream(pdf.context.register(pdf.context.stream(pageContent(drawn, keys, hex), { Filter: "FlateDecode" })))
  })
  pdf.setProducer("tacha")
  pdf.setCreator("tacha")
  pdf.setLanguage("es-AR")
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  return pdf.save({ useObjectStreams: false })
}

/**
 * The anonymised PDF of a ruling read from a PDF. `read`: the PDF as the
 * document worker already read it (the same reader, the same bytes), so that
 * its pages are not parsed a second time; absent, the bytes are read again.
 */
export const anonymisePdf = async (bytes: Uint8Array, record: AuditRecord, read?: ExtractedDocument): Promise<Uint8Array> => {
  const parts = placeParts(read ?? await extractOrFail(readPdf(bytes)), record.text)
  if (!parts) throw new DocumentError({ code: "texto_distinto" })
  const redactions = redactionsOf(record).sort((a, b) => a.start - b.start)
  const texts = (kind: PlacedPart["kind"]) => parts.filter((part) => part.kind === kind).map((part) => publicPartText(part, redactions))
  return layoutPdf({
    body: [...texts("body"), ...texts("note")].join("\n\n"),
    header: texts("header").flatMap((text) => text.split("\n")),
    footer: texts("footer").flatMap((text) => text.split("\n")),
  }, packageDate(record.metadata.date))
}
