/**
 * Whether an XML part of an office package is whole and sane before any
 * text is taken from it. The readers' tokenizer is forgiving on purpose, so
 * without this check a part with an unclosed container (`</office:body>`
 * removed), cut short or mis-nested would be read as far as it goes and
 * published without its body. One linear scan, no tree; it also bounds what
 * the libraries that do build a tree (mammoth) are given: nesting depth,
 * the size of one tag (its attributes) and document type declarations,
 * which office formats never use and which carry entity expansion and
 * external entities.
 *
 * Returns a short Spanish cause (no document text), or undefined when the
 * part is well formed.
 */

/** Deeper nesting than any office document needs; 200 000 levels would build a tree of that depth downstream. */
export const MAX_XML_DEPTH = 1_000
/** One tag with its attributes; a 20 MB attribute is not an office document. */
export const MAX_XML_TAG_CHARS = 256 * 1024

const NAME = /^[A-Za-z_][\w.:-]*/

/** Index just past the `>` closing a tag opened at `from`, quotes respected; -1 when the part ends first. */
const tagEnd = (source: string, from: number, limit: number): number => {
  let quote = 0
  const last = Math.min(source.length, limit)
  for (let i = from; i < last; i++) {
    const code = source.charCodeAt(i)
    if (quote !== 0) {
      if (code === quote) quote = 0
    } else if (code === 0x22 || code === 0x27) {
      quote = code
    } else if (code === 0x3e) {
      return i + 1
    } else if (code === 0x3c) {
      return -2
    }
  }
  return last < source.length ? -3 : -1
}

const isBlank = (source: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i)
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0xfeff) return false
  }
  return true
}

export const xmlProblem = (source: string): string | undefined => {
  const open: string[] = []
  let rootClosed = false
  let rootSeen = false
  let position = 0
  while (position < source.length) {
    const lt = source.indexOf("<", position)
    const textEnd = lt === -1 ? source.length : lt
    if ((open.length === 0) && !isBlank(source, position, textEnd)) return "texto fuera del elemento raíz"
    if (lt === -1) break
    if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt + 4)
      if (end === -1) return "comentario sin cerrar"
      position = end + 3
    } else if (source.startsWith("<![CDATA[", lt)) {
      if (open.length === 0) return "CDATA fuera del elemento raíz"
      const end = source.indexOf("]]>", lt + 9)
      if (end === -1) return "CDATA sin cerrar"
      position = end + 3
    } else if (source.startsWith("<?", lt)) {
      const end = source.indexOf("?>", lt + 2)
      if (end === -1) return "instrucción de procesamiento sin cerrar"
      position = end + 2
    } else if (source.startsWith("<!", lt)) {
      return "declaración DOCTYPE o de entidades no admitida"
    } else {
      const end = tagEnd(source, lt + 1, lt + MAX_XML_TAG_CHARS)
      if (end === -3) return "etiqueta demasiado larga (atributos desmedidos)"
      if (end < 0) return "etiqueta sin terminar"
      position = end
      if (source.charCodeAt(lt + 1) === 0x2f) {
        const name = NAME.exec(source.slice(lt + 2, Math.min(end, lt + 2 + 256)))?.[0]
        if (name === undefined || !isBlank(source, lt + 2 + name.length, end - 1)) return "etiqueta de cierre mal formada"
        if (open.pop() !== name) return "etiquetas mal anidadas"
        if (open.length === 0) rootClosed = true
        continue
      }
      const name = NAME.exec(source.slice(lt + 1, Math.min(end, lt + 1 + 256)))?.[0]
      if (name === undefined) return "etiqueta mal formada"
      if (rootClosed || (open.length === 0 && rootSeen)) return "más de un elemento raíz"
      rootSeen = true
      if (source.charCodeAt(end - 2) === 0x2f) {
        if (open.length === 0) rootClosed = true
        continue
      }
      if (open.length >= MAX_XML_DEPTH) return `anidamiento de más de ${MAX_XML_DEPTH} niveles`
      open.push(name)
    }
  }
  if (open.length > 0) return "elemento sin cerrar (parte truncada)"
  if (!rootSeen) return "sin elemento raíz"
  return undefined
}
