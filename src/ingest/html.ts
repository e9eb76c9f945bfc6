import { Effect } from "effect"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { normaliseWhitespace } from "../normalise/whitespace.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"
import { decodeText } from "./decodeText.ts"
import { decodeEntities } from "./entities.ts"
import { markupTokens } from "./markupTokens.ts"
import type { Reader } from "./Reader.ts"

/**
 * HTML as a browser would show it as text: block elements break paragraphs,
 * inline ones do not, whitespace collapses except inside <pre>, and script,
 * style and other non-rendered content is dropped. Tokens are consumed in a
 * loop with depth counters, never a tree, so nesting depth is harmless.
 */

/** Content never rendered as text. Also treated as raw text by the tokenizer. */
// Not "head": it is often left unclosed, and what it holds that is not shown (title, style, script) is listed anyway.
const HIDDEN: ReadonlySet<string> = new Set(["script", "style", "template", "noscript", "title", "svg", "math", "iframe", "object"])
const RAW_TEXT: ReadonlySet<string> = new Set(["script", "style", "template", "noscript", "textarea", "title"])
const VOID: ReadonlySet<string> = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])
const BLOCK: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend",
  "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
])
const CELL: ReadonlySet<string> = new Set(["td", "th"])

/** Marks a paragraph break in the output until whitespace is normalised. */
const BREAK = "\n\n"

export const htmlToText = (html: string): string => {
  let output = ""
  let hiddenDepth = 0
  let preDepth = 0
  for (const token of markupTokens(html, RAW_TEXT)) {
    if (token.type === "open") {
      const name = token.name
      if (HIDDEN.has(name)) {
        if (!token.selfClosing && !VOID.has(name)) hiddenDepth++
        continue
      }
      if (hiddenDepth > 0) continue
      if (name === "br") output += "\n"
      else if (BLOCK.has(name)) output += BREAK
      else if (CELL.has(name)) output += " "
      if (name === "pre" && !token.selfClosing) preDepth++
    } else if (token.type === "close") {
      if (HIDDEN.has(token.name)) {
        hiddenDepth = Math.max(0, hiddenDepth - 1)
        continue
      }
      if (hiddenDepth > 0) continue
      if (BLOCK.has(token.name)) output += BREAK
      if (token.name === "pre") preDepth = Math.max(0, preDepth - 1)
    } else if (hiddenDepth === 0) {
      const text = token.type === "text" ? decodeEntities(token.text) : token.text
      // Source line breaks are just spaces in HTML, except inside <pre>.
      output += preDepth > 0 ? text : text.replace(/[\r\n\t\f ]+/g, " ")
    }
  }
  return normaliseWhitespace(removeSoftHyphens(output))
}

export const readHtml = (bytes: Uint8Array) =>
  Effect.suspend(() => {
    const decoded = decodeText(bytes)
    if (decoded instanceof IngestFailure) return Effect.fail(decoded)
    return Effect.succeed({ format: "html" as const, parts: [{ kind: "body" as const, text: htmlToText(decoded.text) }], metadata: {} })
  })

export const htmlReader: Reader = {
  format: "html",
  extensions: [".html", ".htm"],
  read: readHtml,
}
