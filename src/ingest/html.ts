import * as Effect from "effect/Effect"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { normaliseWhitespace } from "../normalise/whitespace.ts"
import { removeSoftHyphens } from "../normalise/softHyphens.ts"
import { decodeText } from "./decodeText.ts"
import { decodeEntities } from "./entities.ts"
import { markupTokens } from "./markupTokens.ts"

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

/** The charset an HTML file declares in its first bytes (meta charset or http-equiv), lower-cased. */
const declaredCharset = (bytes: Uint8Array): string | undefined => {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048))
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head)?.[1]?.toLowerCase()
}

/**
 * Why the markup is cut short, or undefined: the tokenizer forgives what a
 * browser forgives, but a comment, script or tag left open at the end of the
 * file swallows everything after it, and a page that opens <body> or <html>
 * and never closes it was truncated. Either way the text read would miss
 * its end, so the document fails instead.
 */
export const htmlTruncation = (html: string): string | undefined => {
  if (html.lastIndexOf("<!--") > html.lastIndexOf("-->")) return "comentario sin cerrar"
  for (const name of RAW_TEXT) {
    const opens = [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, "giu"))]
    const last = opens.at(-1)
    if (last && !new RegExp(`</${name}\\s*>`, "iu").test(html.slice(last.index + last[0].length))) return `<${name}> sin cerrar`
  }
  const lt = html.lastIndexOf("<")
  if (lt >= 0 && /^<\/?[A-Za-z]/u.test(html.slice(lt, lt + 2)) && html.indexOf(">", lt) === -1) return "etiqueta sin terminar"
  if (/<body\b/iu.test(html) && !/<\/body\s*>/iu.test(html)) return "falta </body>: documento truncado"
  if (/<html\b/iu.test(html) && !/<\/html\s*>/iu.test(html)) return "falta </html>: documento truncado"
  return undefined
}

export const readHtml = (bytes: Uint8Array) =>
  Effect.suspend(() => {
    const decoded = decodeText(bytes)
    if (decoded instanceof IngestFailure) return Effect.fail(decoded)
    // Declared UTF-8 that is not UTF-8 is damage, not a legacy code page.
    if (/^utf-?8$/u.test(declaredCharset(bytes) ?? "") && decoded.encoding === "windows-1252") {
      return Effect.fail(new IngestFailure({ reason: "invalid_encoding", detail: "declara UTF-8" }))
    }
    const truncated = htmlTruncation(decoded.text)
    if (truncated !== undefined) return Effect.fail(new IngestFailure({ reason: "corrupt_document", detail: `HTML incompleto: ${truncated}` }))
    return Effect.succeed({ format: "html" as const, parts: [{ kind: "body" as const, text: htmlToText(decoded.text) }], metadata: {} })
  })
