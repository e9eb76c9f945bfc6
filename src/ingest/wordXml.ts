import { normaliseWhitespace } from "../normalise/whitespace.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"
import { decodeEntities } from "./entities.ts"
import { markupTokens } from "./markupTokens.ts"

/**
 * Text of WordprocessingML parts that mammoth does not return: headers,
 * footers, footnotes, endnotes and comments. Only visible text counts:
 * `w:t` runs, tabs and breaks; field codes (`w:instrText`) and deleted
 * revisions (`w:delText`) are not read.
 */

/** Footnote/endnote "types" that hold the separator line, not a note. */
const SEPARATOR_TYPES: ReadonlySet<string> = new Set(["separator", "continuationseparator", "continuationnotice"])

const tidy = (text: string): string => normaliseWhitespace(removeSoftHyphens(text))

/**
 * The text of `xml`: one string for the whole part, or, with `itemTag`
 * (e.g. "w:footnote"), one string per item, separators and empty items left out.
 */
export const wordXmlText = (xml: string, itemTag?: string): readonly string[] => {
  const items: string[] = []
  let buffer = ""
  let inText = 0
  let inItem = itemTag === undefined
  let skipItem = false
  for (const token of markupTokens(xml)) {
    if (token.type === "open") {
      if (token.name === itemTag && !token.selfClosing) {
        inItem = true
        skipItem = SEPARATOR_TYPES.has((token.attributes.get("w:type") ?? "").toLowerCase())
        buffer = ""
        continue
      }
      if (!inItem) continue
      switch (token.name) {
        case "w:t":
          if (!token.selfClosing) inText++
          break
        case "w:tab":
        case "w:ptab":
          buffer += "\t"
          break
        case "w:br":
        case "w:cr":
          buffer += "\n"
          break
        case "w:nobreakhyphen":
          buffer += "-"
          break
      }
    } else if (token.type === "close") {
      if (token.name === "w:t") inText = Math.max(0, inText - 1)
      else if (token.name === "w:p") buffer += "\n"
      else if (token.name === itemTag) {
        if (!skipItem) items.push(buffer)
        inItem = false
        buffer = ""
      }
    } else if (inItem && inText > 0) {
      buffer += token.type === "text" ? decodeEntities(token.text) : token.text
    }
  }
  if (itemTag === undefined) items.push(buffer)
  return items.map(tidy).filter((text) => text.length > 0)
}
