import type { DocumentPart, ExtractedDocument, PartKind } from "../domain/Document.ts"

/**
 * The analysed text of a document: what detectors see and offsets refer to.
 *
 * A single body part is returned untouched (always the case for .txt, whose
 * offsets must match the source file). Otherwise body parts come first, then
 * headers, footers and notes, separated by blank lines, so that names printed
 * only in a running header or a footnote are analysed too.
 */

const PART_ORDER: Record<PartKind, number> = { body: 0, header: 1, footer: 2, note: 3 }

export const PART_SEPARATOR = "\n\n"

export const composeText = (doc: ExtractedDocument): string => {
  const [only, ...rest] = doc.parts
  if (only !== undefined && rest.length === 0 && only.kind === "body") return only.text
  const ordered: DocumentPart[] = doc.parts
    .map((part, index) => ({ part, index }))
    .sort((a, b) => PART_ORDER[a.part.kind] - PART_ORDER[b.part.kind] || a.index - b.index)
    .map(({ part }) => part)
  return ordered
    .map((part) => part.text)
    .filter((text) => text.trim().length > 0)
    .join(PART_SEPARATOR)
}
