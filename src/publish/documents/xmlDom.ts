import { DOMParser, XMLSerializer } from "@xmldom/xmldom"

/**
 * XML parts of office packages as DOM trees (xmldom): the writers remove,
 * unwrap and edit elements, which a tree does safely where string splicing
 * would not. Parsing fails on malformed XML (fail closed: a part that cannot
 * be read cannot be vouched for). Elements are matched by their qualified
 * name as written (`w:t`, `text:p`): Word and LibreOffice always write the
 * standard prefixes, and a document that does not is caught by the check of
 * the produced file.
 */
export type XmlDocument = Document
export type XmlNode = Node
export type XmlElement = Element
export type XmlText = CharacterData

export class XmlPartError extends Error {
  override readonly name = "XmlPartError"
}

export const parseXml = (xml: string): XmlDocument => {
  const fail = () => {
    throw new XmlPartError("XML mal formado")
  }
  const document = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(xml, "text/xml")
  if (!document?.documentElement) fail()
  return document
}

export const serializeXml = (document: XmlDocument): string => new XMLSerializer().serializeToString(document)

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3
export const CDATA_NODE = 4

export const isElement = (node: XmlNode | null | undefined): node is XmlElement => node?.nodeType === ELEMENT_NODE

export const childNodes = (node: XmlNode): XmlNode[] => {
  const out: XmlNode[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child)
  return out
}

/** Calls `visit` for `root` and every node under it, in document order, without allocating per node. */
const walk = (root: XmlNode, visit: (node: XmlNode) => void): void => {
  let node: XmlNode | null = root
  while (node) {
    visit(node)
    if (node.firstChild) {
      node = node.firstChild
      continue
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode
    if (!node || node === root) return
    node = node.nextSibling
  }
}

/** Every element under `root` (itself included) in document order, collected before any change. */
export const elements = (root: XmlNode, names?: ReadonlySet<string>): XmlElement[] => {
  const out: XmlElement[] = []
  walk(root, (node) => {
    if (isElement(node) && (names === undefined || names.has(node.nodeName))) out.push(node)
  })
  return out
}

export const remove = (node: XmlNode): void => {
  node.parentNode?.removeChild(node)
}

/** Replace an element by its children. */
export const unwrap = (element: XmlElement): void => {
  const parent = element.parentNode
  if (!parent) return
  for (const child of childNodes(element)) parent.insertBefore(child, element)
  parent.removeChild(element)
}

/** Remove every element named in `names` (with its content). */
export const removeAll = (root: XmlNode, names: ReadonlySet<string>): number => {
  const found = elements(root, names)
  for (const element of found) remove(element)
  return found.length
}

export const unwrapAll = (root: XmlNode, names: ReadonlySet<string>): void => {
  for (const element of elements(root, names)) unwrap(element)
}

/** Drop attributes whose qualified name `matches`. */
export const dropAttributes = (root: XmlNode, matches: (name: string) => boolean): void => {
  for (const element of elements(root)) {
    const names: string[] = []
    for (let i = 0; i < element.attributes.length; i++) {
      const name = element.attributes.item(i)?.name
      if (name !== undefined && matches(name)) names.push(name)
    }
    for (const name of names) element.removeAttribute(name)
  }
}

export const ancestor = (node: XmlNode, names: ReadonlySet<string>): XmlElement | undefined => {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (isElement(parent) && names.has(parent.nodeName)) return parent
  }
  return undefined
}

/** Text and CDATA nodes under `root`, in document order. */
export const textNodes = (root: XmlNode): XmlText[] => {
  const out: XmlText[] = []
  walk(root, (node) => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) out.push(node as XmlText)
  })
  return out
}
