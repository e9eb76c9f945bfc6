import type { Span } from "../domain/Span.ts"
import { fold } from "../detect/fold.ts"
import { isFirstName } from "../detect/names.ts"

/**
 * Given names that are also common words ("Norma", "Luz", "Gloria",
 * "Amparo", "Rosario") are left out of the first-name lexicon, so that "la
 * norma" or "a la luz de" never start a name. A detector then finds "Inés
 * Sotelo" in "los codemandados Norma Inés Sotelo" and leaves the first given
 * name readable. Right before a person's name, capitalised, such a word is
 * the name's first given name: the span is widened over it (and over any
 * given names before it, "María Norma Inés Sotelo").
 *
 * Not after "de", "del", "la" ("Juzgado de Paz Juan Pérez": the court), nor
 * across punctuation or a blank line.
 */
const WORD_GIVEN_NAMES: ReadonlySet<string> = new Set(
  `norma luz gloria amparo estrella alba aurora azucena celeste clara flor libertad milagros nieves perla reina rosario sol
  socorro belen candela caridad concepcion asuncion encarnacion trinidad angeles fe paz consuelo esperanza dolores mercedes
  pilar soledad victoria rocio violeta jazmin margarita hortensia iris gracia piedad remedios natividad felicidad ventura
  prudencia providencia constancia clemencia justa modesta serena paloma transito angel amado bienvenido salvador santos
  justo modesto primo severo pastor cruz reyes leon clemente constante inocencio fausto`.split(/\s+/),
)

/** A capitalised word ending right before `end`, separated from it by spaces or one line break. */
const WORD_BEFORE = /(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]+)[ \t]*\n?[ \t]*$/u
const STOP_BEFORE = /(?<![\p{L}\p{M}])(?:de|del|la|las|los|el|en|y)[ \t]+$/iu

const isGivenName = (word: string): boolean => WORD_GIVEN_NAMES.has(fold(word)) || isFirstName(word)

/** Person spans widened over the common-word given names right before them (see the module comment). */
export const withWordGivenNames = <S extends Span>(text: string, spans: readonly S[]): S[] =>
  spans.map((span, index) => {
    if (span.label !== "PERSONA") return span
    // Spans are sorted and disjoint: never widen into the one before.
    const floor = index > 0 ? spans[index - 1]!.end : 0
    let start = span.start
    let widened = false
    for (;;) {
      const before = text.slice(Math.max(0, start - 40), start)
      const m = WORD_BEFORE.exec(before)
      if (!m) break
      const word = m[1]!
      // Only a word-name opens the widening; after it, plain given names may precede it too.
      if (!(WORD_GIVEN_NAMES.has(fold(word)) || (widened && isGivenName(word)))) break
      const wordStart = start - before.length + m.index
      if (wordStart < floor || STOP_BEFORE.test(text.slice(Math.max(0, wordStart - 6), wordStart))) break
      start = wordStart
      widened = true
    }
    return widened ? { ...span, start } : span
  })
