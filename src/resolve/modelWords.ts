import type { Span } from "../domain/Span.ts"
import { fold } from "../detect/fold.ts"
import { COLUMN_GAP, isCaps, isFirstName, isGivenStop, isInitial, isParticle, isPreteriteVerb, isStop, isSurname, writtenInLowerCase } from "../detect/names.ts"

/**
 * A statistical tagger sees sub-word pieces, not words: its person spans
 * start inside a word, carry the punctuation around them ("I. CONCEDER" →
 * ". CONCEDER"), swallow the verb after a name ("Ferreyra golpeó") or run on
 * in capitals-heavy text ("PEREZ, JUAN CARLOS SOBRE 89 - LESIONES",
 * "DECRETAR LA PROHIBICIÓN DE CONTACTO de …"). Before anything else sees
 * them, person spans are cut to whole words and then to the runs of words a
 * name is made of: capitalised words that are not legal vocabulary, initials,
 * and particles between them. A span with no such run is dropped; one with
 * two runs ("Juan Pérez y María Gómez") becomes two.
 *
 * Place and address spans are only snapped to whole words without edge
 * punctuation, and dropped when they hold neither a capital nor a digit.
 */

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
/**
 * A word, with the point of an initial or a cluster of them ("B.", "R.A.M.",
 * "RA.M." as a scan reads it) but without the punctuation that follows it.
 */
const WORD = /[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}'’-]*(?:(?<=(?:^|[^\p{L}])\p{Lu}{1,3})\.)?/gu

/** Widened to whole words (a span never starts or ends inside one), then trimmed of spaces and punctuation. */
export const snapToWords = (text: string, start: number, end: number): { start: number; end: number } => {
  let s = start
  let e = end
  while (s > 0 && WORD_CHAR.test(text[s - 1]!) && WORD_CHAR.test(text[s]!)) s--
  while (e < text.length && WORD_CHAR.test(text[e]!) && e > 0 && WORD_CHAR.test(text[e - 1]!)) e++
  while (s < e && !WORD_CHAR.test(text[s]!)) s++
  // A trailing point stays only after an initial ("Juan B.").
  while (e > s && !WORD_CHAR.test(text[e - 1]!) && !(text[e - 1] === "." && /(?:^|[^\p{L}])\p{Lu}\.$/u.test(text.slice(Math.max(s, e - 3), e)))) e--
  return { start: s, end: e }
}

/**
 * A word in capitals that is an infinitive and no name ("CONCEDER",
 * "DECRETAR", "HOMOLOGAR"): the verb of an operative order.
 */
const isOperativeVerb = (word: string): boolean => isCaps(word) && /(?:AR|ER|IR)$/u.test(word) && !isFirstName(word) && !isSurname(word)

/** Suffixes of abstract nouns ("PROHIBICIÓN", "SOBRESEIMIENTO", "COMPETENCIA"), never of a name no list knows. */
const NOUN_SUFFIX = /(?:cion|sion|miento|mientos|idad|encia|ancia)$/

/** Whether a word can be part of a person's name in this text. */
const nameWord = (text: string, word: string): boolean => {
  const bare = word.replace(/[,;:]$/, "")
  if (isInitial(bare)) return true
  if (!/^\p{Lu}/u.test(bare) || /\d/.test(bare)) return false
  if (isPreteriteVerb(bare) || isOperativeVerb(bare)) return false
  if (isFirstName(bare) || isSurname(bare)) return true
  const folded = fold(bare)
  return (!isStop(bare) || isGivenStop(bare)) && !NOUN_SUFFIX.test(folded) && !writtenInLowerCase(text, bare)
}

/** The runs of name words inside [start, end), each as a character range. */
const opensLine = (text: string, at: number): boolean => text.slice(text.lastIndexOf("\n", at - 1) + 1, at).trim() === ""

export const nameRuns = (text: string, start: number, end: number): Array<{ start: number; end: number }> => {
  const words = Array.from(text.slice(start, end).matchAll(WORD), (m) => ({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] }))
  const runs: Array<{ start: number; end: number }> = []
  let run: typeof words = []
  let inverted = false
  const flush = () => {
    while (run.length > 0 && isParticle(run[run.length - 1]!.text)) run.pop()
    if (run.length > 0) runs.push({ start: run[0]!.start, end: run[run.length - 1]!.end })
    run = []
    inverted = false
  }
  // One comma may invert a name: up to three surnames, then the given names ("PÉREZ, Juan Carlos",
  // "Janco, Ximena Eda", "Casal, Matías Eugenio"); any other comma ends it.
  // Given names only before the comma ("Dylan, Aylén y Bastián") make a list, not an inverted name.
  const invertsAt = (): boolean => !inverted && run.length <= 3 && !run.every((w) => isFirstName(w.text) && !isSurname(w.text))
  for (const [i, word] of words.entries()) {
    const gap = text.slice(i > 0 ? words[i - 1]!.end : start, word.start)
    // Only spaces, one line break or the comma of an inverted name ("PÉREZ, Juan") may stand between two name words.
    if (run.length > 0 && !/^(?:,?[ \t]*\n?[ \t]*|[ \t]*)$/u.test(gap)) flush()
    // A column of names, one per line (a signature block): a run that opens its line and has two words, and two more on the next.
    if (run.length >= 2 && gap.includes("\n") && opensLine(text, run[0]!.start) && /^\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+(?:(?:de|del|la|las|los)[ \t]+)*\p{Lu}/u.test(text.slice(word.start, word.start + 60))) flush()
    if (run.length > 0 && isParticle(word.text) && /^\p{Ll}/u.test(word.text)) run.push(word)
    else if (nameWord(text, word.text)) {
      // Particles join words of one casing ("María de los Ángeles", "DE LA FUENTE"), not a heading's
      // capitals to a name ("CONTACTO de Juan Pérez").
      const lastWord = [...run].reverse().find((w) => !isParticle(w.text))
      if (lastWord && lastWord !== run[run.length - 1] && isCaps(lastWord.text) !== isCaps(word.text)) flush()
      if (run.length > 0 && gap.includes(",")) {
        if (invertsAt()) inverted = true
        else flush()
      }
      run.push(word)
    } else flush()
  }
  flush()
  return runs.map((r) => snapToWords(text, r.start, r.end)).filter((r) => r.end > r.start)
}

/** A model span cut to whole words and to its name runs (see the module comment). */
/** A span's last word is one capital letter after a space, opening a cluster of initials. */
const ABBREVIATION_OPENED = /[ \t]\p{Lu}(?=\.\p{Lu}\.)/u

export const cutToWords = (text: string, span: Span): Span[] => {
  // What lies in separate columns is separate: "Ana Paz     Luis Mora" is two names.
  const surface0 = text.slice(span.start, span.end)
  const gap = COLUMN_GAP.exec(surface0)
  if (gap) {
    const cut = span.start + gap.index
    return [...cutToWords(text, { ...span, end: cut }), ...cutToWords(text, { ...span, start: cut + gap[0].length })]
  }
  let snapped = snapToWords(text, span.start, span.end)
  // A span does not end on the first letter of an abbreviation ("Córdoba S" of "Córdoba S.A."): the letter is the abbreviation's.
  const opened = ABBREVIATION_OPENED.exec(text.slice(Math.max(snapped.start, snapped.end - 3), snapped.end + 3))
  if (opened && /^\.\p{Lu}\./u.test(text.slice(snapped.end, snapped.end + 3))) snapped = { start: snapped.start, end: snapped.end - 2 }
  if (snapped.end <= snapped.start) return []
  const surface = text.slice(snapped.start, snapped.end)
  if (span.label === "PERSONA") {
    return nameRuns(text, snapped.start, snapped.end).map((run) => ({ ...span, start: run.start, end: run.end }))
  }
  if (!/[\p{Lu}\p{N}]/u.test(surface)) return []
  return [{ ...span, ...snapped }]
}
