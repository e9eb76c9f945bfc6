import { TextStream } from "./textLayer.ts"
import { ancestor, elements, textNodes, type XmlElement, type XmlNode } from "./xmlDom.ts"

/**
 * One stream per paragraph of a part, each holding the text nodes (of the
 * `textElements`, or any text when none are named) whose nearest paragraph
 * is that one: a text box or a note inside a paragraph is its own.
 */
export const paragraphStreams = (root: XmlNode, paragraphs: ReadonlySet<string>, textElements?: ReadonlySet<string>): TextStream[] => {
  const streams = new Map<XmlElement, TextStream>()
  const holders = textElements ? elements(root, textElements) : [root]
  for (const holder of holders) {
    for (const text of textNodes(holder)) {
      const paragraph = ancestor(text, paragraphs)
      if (!paragraph) continue
      let stream = streams.get(paragraph)
      if (!stream) streams.set(paragraph, stream = new TextStream())
      stream.addNode(text)
    }
  }
  return [...streams.values()]
}
