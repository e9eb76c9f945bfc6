import JSZip from "jszip"
import { decodeEntities } from "../../ingest/entities.ts"
import { fieldKind } from "./docxDocument.ts"

/**
 * Every piece of text an office package holds, in any member: element text
 * (runs of one paragraph joined, so a name split over runs reads whole) and
 * the attributes that hold prose (alternative text, titles, authors). The
 * check of a produced document searches this, not only what a reader shows.
 */

/** Paragraphs: inside one, markup separates nothing (runs join); outside, every element is a piece of its own. */
const PARAGRAPH = /^(?:w:p|text:p|text:h)$/i
/** Empty elements that stand for whitespace. */
const SPACES = /^(?:w:(?:tab|br|cr|ptab)|text:(?:s|tab|line-break))$/i
const PROSE_ATTRIBUTE = /\s(?:descr|title|alt|o:title|w:author|w:initials|svg:title|xlink:title|office:name)\s*=\s*"([^"]*)"/giu
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/gu

/** Instructions of the fields a document keeps (PAGE, NUMPAGES...) are keywords, not text: any other instruction is read. */
const SAFE_INSTRUCTION = /<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/gu

export const xmlText = (source: string): string => {
  const xml = source.replace(SAFE_INSTRUCTION, (element, instruction: string) => (fieldKind(instruction) === "safe" ? "" : element))
  const pieces: string[] = []
  let cursor = 0
  let depth = 0
  for (const match of xml.matchAll(TAG)) {
    pieces.push(xml.slice(cursor, match.index))
    cursor = match.index + match[0].length
    const [, closing, name = "", attributes = "", selfClosing] = match
    for (const attribute of attributes.matchAll(PROSE_ATTRIBUTE)) pieces.push(`\n\n${attribute[1]}\n\n`)
    const paragraph = PARAGRAPH.test(name)
    if (paragraph && !closing && !selfClosing) depth++
    if (paragraph && closing) depth = Math.max(0, depth - 1)
    // A blank line ends each paragraph or piece, as in the public text: a name never runs into the next one.
    if (SPACES.test(name)) pieces.push(" ")
    else if ((closing || selfClosing) && (paragraph || depth === 0)) pieces.push("\n\n")
  }
  pieces.push(xml.slice(cursor))
  return decodeEntities(pieces.join("").replace(/<!\[CDATA\[|\]\]>|<\?[^>]*\?>|<!--[\s\S]*?-->/gu, " "))
}

/** The text of every XML member (and relationships) of a zip package, one member after another. */
export const packageText = async (bytes: Uint8Array): Promise<string> => {
  const zip = await JSZip.loadAsync(bytes)
  const texts: string[] = []
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name]!
    if (file.dir || !/\.(?:xml|rels)$/iu.test(name)) continue
    texts.push(xmlText(await file.async("string")))
  }
  return texts.join("\n\n")
}
