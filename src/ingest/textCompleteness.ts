/**
 * Whether a reader returned suspiciously little of the text a document
 * part holds: fewer than a third of the visible characters of its
 * character data, once that is more than a short page header. Office
 * parts hold some text that is rightly not read (deleted revisions, field
 * codes, a fallback copy of a text box), never most of it; a body lost to
 * damage the parser tolerated shows up here and the document is held for
 * review instead of being published without it.
 */

/** Below this many source characters there is nothing to compare. */
const MIN_SOURCE_CHARACTERS = 200

export const extractedTooLittle = (extracted: number, source: number): boolean =>
  source >= MIN_SOURCE_CHARACTERS && extracted * 3 < source
