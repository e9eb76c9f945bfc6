/**
 * Rejoins the visual lines of a paginated layout into paragraphs.
 *
 * A PDF gives lines, not paragraphs. Detectors need sentences whole ("Juan
 * Carlos\nPérez" must read as one name), while paragraph breaks help the
 * reader and the sentence-level model. Without geometry the cues are textual:
 * a blank line; a line that ends a sentence and stops clearly short of the
 * usual line width; a much shorter line (a caption, a title) followed by a
 * capital; a heading in capitals; a numbered or bulleted item. A line in
 * capitals that runs to the margin is part of a sentence ("...de este
 * JUZGADO DE PRIMERA INSTANCIA") and does not break it.
 */

const LIST_ITEM = /^(?:\d{1,3}[.)°º-]|[a-zA-Z]\)|[IVXLCDM]{1,6}[.)-]|[-•·*–—])\s/
const SENTENCE_END = /[.:;!?»"”)]$/
/** A line ending in a comma or a function word is mid-sentence whatever its length. */
const CONTINUES = /(?:,|\b(?:de|del|la|las|el|los|lo|y|e|o|u|en|a|al|por|para|con|que|se|su|sus|un|una|sobre|entre|contra|desde|hasta|sin)\b)$/iu
/** A line ending in an honorific's abbreviation ("LA SRA. VOCAL DRA.", "el Dr.") goes on with the name. */
const HONORIFIC_END = /(?<![\p{L}])(?:dr|dra|dres|dras|sr|sra|sres|sras|srta|lic|ing|cr|cra|abog|prof|esc)\.$/iu
const STARTS_LIKE_PARAGRAPH = /^[\p{Lu}\p{N}"“«¿¡(]/u

const isHeading = (line: string): boolean =>
  /\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line) && line.length <= 120

/** Approximate printed width: capitals are about a third wider than lower case in proportional fonts. */
const lineWidth = (line: string): number => {
  let width = 0
  for (const char of line) width += /\p{Lu}/u.test(char) ? 1.35 : 1
  return width
}

/**
 * Width body lines reach: the most common width (in steps of WIDTH_STEP)
 * among the wider half of the lines, ties to the wider. Not a high
 * percentile: a ruling that quotes another in a smaller font has a minority
 * of much wider lines, and a width learnt from them would make every ordinary
 * line look short and end a paragraph inside a name.
 */
const WIDTH_STEP = 4
const typicalLineWidth = (lines: readonly string[]): number => {
  const widths = lines.map(lineWidth).sort((a, b) => a - b)
  const wider = widths.slice(Math.floor(widths.length / 2))
  const counts = new Map<number, number>()
  for (const w of wider) counts.set(Math.floor(w / WIDTH_STEP), (counts.get(Math.floor(w / WIDTH_STEP)) ?? 0) + 1)
  let best = -1
  let bestCount = 0
  for (const [bucket, count] of counts) if (count > bestCount || (count === bestCount && bucket > best)) (best = bucket), (bestCount = count)
  return Math.max(0, ...wider.filter((w) => Math.floor(w / WIDTH_STEP) === best))
}

export const joinLinesIntoParagraphs = (lines: readonly string[]): string => {
  const trimmed = lines.map((line) => line.trim())
  const typical = typicalLineWidth(trimmed.filter((line) => line.length > 0))
  const paragraphs: string[] = []
  let current = ""
  const flush = () => {
    if (current.length > 0) paragraphs.push(current)
    current = ""
  }
  let previous = ""
  for (const line of trimmed) {
    if (line.length === 0) {
      flush()
      previous = ""
      continue
    }
    if (current.length > 0 && !CONTINUES.test(previous) && !HONORIFIC_END.test(previous)) {
      const width = lineWidth(previous)
      const short = width < typical * 0.85
      const endsSentence = SENTENCE_END.test(previous)
      const endsParagraph =
        (endsSentence && short) ||
        (width < typical * 0.7 && STARTS_LIKE_PARAGRAPH.test(line)) ||
        (isHeading(previous) && (short || endsSentence)) ||
        (isHeading(line) && (short || endsSentence)) ||
        LIST_ITEM.test(line)
      if (endsParagraph) flush()
    }
    current = current.length > 0 ? `${current} ${line}` : line
    previous = line
  }
  flush()
  return paragraphs.join("\n\n")
}
