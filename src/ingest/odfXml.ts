import { normaliseWhitespace } from "../normalise/whitespace.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"
import { decodeEntities } from "./entities.ts"
import { markupTokens } from "./markupTokens.ts"

/**
 * Text of OpenDocument XML. In ODF every character between tags inside a
 * paragraph is text; spaces are explicit (`text:s`, with a count), as are
 * tabs and line breaks. Footnotes sit inline inside the paragraph that cites
 * them (`text:note` → `text:note-body`) and are returned apart as notes;
 * comments (`office:annotation`) too. Deleted tracked changes are skipped.
 */

export interface OdfText {
  readonly main: readonly string[]
  readonly notes: readonly string[]
  /**
   * Visible characters (not whitespace) of all character data inside the
   * containers, read or not: what a reader that lost part of the body would
   * show as far more than it returned.
   */
  readonly sourceCharacters: number
}

/** Characters other than whitespace. */
export const visibleCharacters = (text: string): number => {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 0x20 && code !== 0xa0) count++
  }
  return count
}

const PARAGRAPHS: ReadonlySet<string> = new Set(["text:p", "text:h"])
/** Elements whose content is never displayed text. */
const SKIPPED: ReadonlySet<string> = new Set([
  "text:note-citation",
  "text:tracked-changes",
  "office:annotation-end",
  "text:sequence-decls",
  "office:forms",
  "dc:creator",
  "dc:date",
  "meta:creator",
])
const NOTES: ReadonlySet<string> = new Set(["text:note", "office:annotation"])

const tidy = (text: string): string => normaliseWhitespace(removeSoftHyphens(text))

/**
 * Collects the text inside every `within` element (e.g. office:body, or a
 * master page's style:header), one string per occurrence, notes apart.
 */
export const odfXmlText = (xml: string, within: ReadonlySet<string>): OdfText => {
  const main: string[] = []
  const notes: string[] = []
  // One buffer per open note: a note inside a paragraph must not interrupt it.
  const buffers: string[] = []
  let containerDepth = 0
  let skipDepth = 0
  let inParagraph = 0
  let sourceCharacters = 0
  const append = (text: string) => {
    const last = buffers.length - 1
    if (last >= 0) buffers[last] += text
  }
  for (const token of markupTokens(xml)) {
    if (token.type === "open") {
      if (token.selfClosing) {
        if (containerDepth === 0 || skipDepth > 0) continue
        if (token.name === "text:s") append(" ".repeat(Math.min(1000, Math.max(1, Number(token.attributes.get("text:c") ?? "1") || 1))))
        else if (token.name === "text:tab") append("\t")
        else if (token.name === "text:line-break") append("\n")
        else if (PARAGRAPHS.has(token.name)) append("\n")
        continue
      }
      if (within.has(token.name)) {
        if (containerDepth === 0) buffers.push("")
        containerDepth++
        continue
      }
      if (containerDepth === 0) continue
      if (skipDepth > 0 || SKIPPED.has(token.name)) {
        skipDepth++
        continue
      }
      if (NOTES.has(token.name)) buffers.push("")
      else if (PARAGRAPHS.has(token.name)) inParagraph++
      else if (token.name === "text:tab") append("\t")
    } else if (token.type === "close") {
      if (within.has(token.name) && containerDepth > 0) {
        containerDepth--
        if (containerDepth === 0) main.push(buffers.pop() ?? "")
        continue
      }
      if (containerDepth === 0) continue
      if (skipDepth > 0) {
        skipDepth--
        continue
      }
      if (NOTES.has(token.name) && buffers.length > 1) notes.push(buffers.pop() ?? "")
      else if (PARAGRAPHS.has(token.name)) {
        inParagraph = Math.max(0, inParagraph - 1)
        append("\n\n")
      }
    } else if (containerDepth > 0) {
      sourceCharacters += visibleCharacters(token.text)
      if (skipDepth === 0 && inParagraph > 0) append(token.type === "text" ? decodeEntities(token.text) : token.text)
    }
  }
  return {
    main: main.map(tidy).filter((text) => text.length > 0),
    notes: notes.map(tidy).filter((text) => text.length > 0),
    sourceCharacters,
  }
}
