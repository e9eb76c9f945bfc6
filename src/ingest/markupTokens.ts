/**
 * A small, forgiving tokenizer for XML and HTML.
 *
 * Office XML, ODF XML and HTML only need to be read as a stream of tags and
 * text to extract what a reader sees, so no tree is built: the scanner is a
 * loop over the source, which keeps memory flat and makes nesting depth
 * irrelevant (100 000 nested <div>s cannot overflow the stack). Malformed
 * markup degrades to text instead of failing.
 */

export type MarkupToken =
  | { readonly type: "open"; readonly name: string; readonly attributes: ReadonlyMap<string, string>; readonly selfClosing: boolean }
  | { readonly type: "close"; readonly name: string }
  /** Raw text, entities still encoded (see decodeEntities). */
  | { readonly type: "text"; readonly text: string }
  /** CDATA content, already literal. */
  | { readonly type: "cdata"; readonly text: string }

const NAME_START = /[A-Za-z_:]/
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g

const parseAttributes = (source: string): ReadonlyMap<string, string> => {
  const attributes = new Map<string, string>()
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]
    if (name !== undefined) attributes.set(name.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "")
  }
  return attributes
}

/** Index just past the `>` closing a tag opened at `from`, skipping quoted attribute values; -1 if none. */
const tagEnd = (source: string, from: number): number => {
  let quote = ""
  for (let i = from; i < source.length; i++) {
    const char = source[i]
    if (quote !== "") {
      if (char === quote) quote = ""
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === ">") {
      return i + 1
    }
  }
  return -1
}

/**
 * Tokens of `source`. Names keep their prefix and are lower-cased (HTML is
 * case-insensitive; the Office and ODF names used here are compared lower-case).
 * `rawTextElements` (e.g. script, style) have their content returned as a
 * single text token without looking for tags inside.
 */
export function* markupTokens(source: string, rawTextElements: ReadonlySet<string> = new Set()): Generator<MarkupToken> {
  let position = 0
  const length = source.length
  while (position < length) {
    const lt = source.indexOf("<", position)
    if (lt === -1) {
      yield { type: "text", text: source.slice(position) }
      return
    }
    if (lt > position) yield { type: "text", text: source.slice(position, lt) }
    const next = source[lt + 1] ?? ""
    if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt + 4)
      position = end === -1 ? length : end + 3
    } else if (source.startsWith("<![CDATA[", lt)) {
      const end = source.indexOf("]]>", lt + 9)
      yield { type: "cdata", text: source.slice(lt + 9, end === -1 ? length : end) }
      position = end === -1 ? length : end + 3
    } else if (next === "!" || next === "?") {
      const end = source.indexOf(">", lt + 2)
      position = end === -1 ? length : end + 1
    } else if (next === "/" || NAME_START.test(next)) {
      const end = tagEnd(source, lt + 1)
      if (end === -1) {
        yield { type: "text", text: source.slice(lt) }
        return
      }
      const inner = source.slice(lt + 1, end - 1)
      position = end
      if (inner.startsWith("/")) {
        yield { type: "close", name: inner.slice(1).trim().toLowerCase() }
        continue
      }
      const nameMatch = /^[^\s/>]+/.exec(inner)
      const name = (nameMatch?.[0] ?? "").toLowerCase()
      const selfClosing = inner.endsWith("/")
      yield { type: "open", name, attributes: parseAttributes(inner.slice(name.length, selfClosing ? -1 : undefined)), selfClosing }
      if (!selfClosing && rawTextElements.has(name)) {
        // Content of script/style is not markup: skip to the matching end tag.
        const closer = new RegExp(`</${name.replace(/[^\w:-]/g, "")}\\s*>`, "ig")
        closer.lastIndex = position
        const close = closer.exec(source)
        const contentEnd = close === null ? length : close.index
        yield { type: "text", text: source.slice(position, contentEnd) }
        yield { type: "close", name }
        position = close === null ? length : close.index + close[0].length
      }
    } else {
      yield { type: "text", text: "<" }
      position = lt + 1
    }
  }
}
