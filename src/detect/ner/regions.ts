import { isFirstName, isGivenStop, isStop, isSurname, writtenInLowerCase } from "../names.ts"
import type { Encoded } from "./encoder.ts"
import type { Word } from "./pretokenize.ts"
import type { SettledRanges } from "../Detector.ts"
import { dottedRunAround, isLegalAbbreviation } from "../lexicon/abbreviations.ts"
import { fullWindows, type ModelWindow } from "./windows.ts"

/**
 * Model regions: the model runs only where it can change a decision.
 *
 * What the resolver keeps of the model (resolve/modelWords.ts) is a person
 * made of capitalised name words or initials, or a place or address that
 * holds a capital or a digit. Spanish writes names and places with capitals
 * (or all in capitals), so the words that can open such a span are few:
 * - a word with a capital letter, unless it is a function word (article,
 *   preposition, conjunction, pronoun: the "Que" or "En" that opens a
 *   sentence), or a word the ruling itself shows to be common vocabulary:
 *   legal vocabulary that is never part of a name ("Código", "Juzgado",
 *   "Considerando": names.ts STOP) or a word it also writes in lower case
 *   ("Gastos", "Monto"), unless the word is a known given name or surname;
 * - a single capital letter (an initial: "B."), unless it is a word ("A", "Y");
 * - not an abbreviation of a court, a code, an agency or a document of three
 *   letters or more, whole ("BCRA", "AFIP") or dotted ("D.N.I.", "C.P.C."):
 *   the resolver never keeps the model's person there (modelSpans.ts
 *   "legal-abbreviation"), and the names around one are candidates of their
 *   own. Two-letter ones ("SA", "DE") stay candidates: they are also
 *   initials and the particles of a name in capitals;
 * - a street word followed by a number ("calle 44 n° 1234", "Ruta 9");
 * - and not a word wholly inside a range the rule detectors already decided
 *   (`settled`: their spans, which the resolver lets win over a model's span
 *   of another label and take in one of the same label), so that a party's
 *   name the rules found, an official in their role or a street address is
 *   read again only as the context of another candidate.
 * Each such word gets `margin` tokens of context on either side (the
 * fixed-stride windows give a token at least 31), and the windows are laid
 * greedily over these intervals: a window opens `margin` tokens before the
 * first uncovered candidate and takes in the following ones while they fit.
 * Lowercase legal prose, quoted statutes, tables of amounts and runs of
 * citations are not sent to the model at all; where candidates are dense the
 * windows follow each other about as the fixed stride does.
 */

/** Tokens of context each side of a candidate word. */
export const DEFAULT_MARGIN = 32

/**
 * The longest window laid around candidate words, in tokens: shorter than
 * the model's 254. For this model on one thread a token costs about 13 µs
 * in a 64-token window, 15 µs in 127 and 18 µs in 254 (attention grows with
 * the window), while around candidates a longer window mostly adds context
 * beyond the margin. Measured on the real-like bench corpus, the Córdoba
 * rulings and the samples, 160 gives the fewest ONNX seconds: -20% against
 * 254 (README, "Rendimiento").
 */
export const REGION_WINDOW = 160

/** Function words: never a name or a place on their own, in any case. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a al ante bajo con contra de del desde durante e el en entre es esta este esto estos estas esa ese eso esos esas hacia hasta
  la las le les lo los me mi mis no o u para pero por que se segun según si sí sin sobre su sus tal un una uno unos unas y ya ni
  como cual cuál cuando donde mientras pues porque ello ella ellos ellas aquel aquella aquellos aquellas dicho dicha dichos dichas
  mismo misma nos tras cuyo cuya cuyos cuyas todo toda todos todas otro otra otros otras asimismo además ahora así aun aún luego también tampoco sino`.split(/\s+/).filter(Boolean),
)

/** Words that name a street, a road or a part of an address, before its number. */
const STREET_WORD = /^(?:calle|avenida|av|avda|bv|bvard|bulevar|boulevard|pasaje|pje|ruta|camino|autopista|km|kil[óo]metro|piso|depto|dpto|departamento|lote|manzana|mz|mzna|casa|torre|block|monoblock|barrio|b°|domicilio|domiciliad[oa])$/iu
/** A number sign ("N°", "Nro"): it opens a law's, a court's or a house's number, never a name. */
const NUMBER_SIGN = /^(?:n[°º]|nro|nros)$/iu
/** Words after a street word in which its number may come. */
const NUMBER_REACH = 5

const UPPER = /\p{Lu}/u
const DIGIT = /\d/

/** Whether a capitalised word may be, or open, a name or a place in `text`. */
const capitalisedCandidate = (text: string, word: string): boolean => {
  const lower = word.toLowerCase()
  if (FUNCTION_WORDS.has(lower) || NUMBER_SIGN.test(word)) return false
  if (word.length === 1) return true
  if (isFirstName(word) || isSurname(word) || isGivenStop(word)) return true
  return !isStop(word) && !writtenInLowerCase(text, word)
}

const CAPITAL = /^\p{Lu}$/u
const CAPITALS = /^\p{Lu}{3,}$/u

/** A court's, code's, agency's or document's abbreviation of three letters or more (see the module comment). */
const longAbbreviation = (text: string, word: Word): boolean => {
  if (CAPITALS.test(word.text)) return isLegalAbbreviation(word.text)
  if (!CAPITAL.test(word.text)) return false
  const letters = dottedRunAround(text, word.start, word.end)
  return letters.length >= 3 && isLegalAbbreviation(letters)
}

/**
 * Per word of `words` (in text order), whether it lies wholly inside one of
 * `settled`: a sweep that keeps the furthest end among the ranges opened so far.
 */
const settledWords = (words: readonly Word[], settled: SettledRanges): Uint8Array => {
  const out = new Uint8Array(words.length)
  let next = 0
  let reach = -1
  for (let k = 0; k < words.length; k++) {
    const { start, end } = words[k]!
    while (next < settled.length && settled[next]!.start <= start) reach = Math.max(reach, settled[next++]!.end)
    if (end <= reach) out[k] = 1
  }
  return out
}

/** Per word of `words`, whether the model must see it (see the module comment). */
export const candidateWords = (text: string, words: readonly Word[], settled: SettledRanges = []): Uint8Array => {
  const out = new Uint8Array(words.length)
  const decided = settled.length > 0 ? settledWords(words, settled) : undefined
  for (let k = 0; k < words.length; k++) {
    if (decided?.[k]) continue
    const word = words[k]!.text
    if (UPPER.test(word) && capitalisedCandidate(text, word)) out[k] = longAbbreviation(text, words[k]!) ? 0 : 1
    else if (STREET_WORD.test(word)) {
      for (let j = k + 1; j < Math.min(words.length, k + 1 + NUMBER_REACH); j++) {
        if (DIGIT.test(words[j]!.text)) {
          out[k] = 1
          break
        }
      }
    }
  }
  return out
}

/**
 * Windows of at most `window` tokens that give every candidate word of
 * `encoded` at least `margin` tokens of context on each side (fewer only at
 * the document's edges). A document of one window is run whole.
 */
export const regionWindows = (text: string, encoded: Encoded, window: number, margin = DEFAULT_MARGIN, settled: SettledRanges = []): ModelWindow[] => {
  const n = encoded.ids.length
  if (n === 0) return []
  if (n <= window) return [{ index: 0, start: 0, length: n }]
  const candidates = candidateWords(text, encoded.words, settled)
  const windows: ModelWindow[] = []
  let start = -1
  let end = -1
  const push = (): void => {
    if (end > start) windows.push({ index: windows.length, start, length: end - start })
  }
  for (let k = 0; k < candidates.length; k++) {
    if (!candidates[k]) continue
    const first = encoded.wordTokens[2 * k]!
    const last = encoded.wordTokens[2 * k + 1]!
    if (last <= first) continue
    const from = Math.max(0, first - margin)
    const to = Math.min(n, last + margin)
    // Within the current window already, or it still fits in it.
    if (start >= 0 && to <= start + window) {
      end = Math.max(end, to)
      continue
    }
    push()
    // A word longer than a window with its margins (never in practice): windows across it, back to back.
    for (start = from; to - start > window; start += window - 2 * margin) {
      windows.push({ index: windows.length, start, length: window })
    }
    end = to
  }
  push()
  return windows
}

/** How a text is split for the model: `regions` (the default) or the whole text every `stride` tokens. */
export interface WindowPlan {
  readonly regions: boolean
  /** The model's window (model_max_length less [CLS] and [SEP]). */
  readonly window: number
  readonly stride: number
}

/** The windows the model runs on for `text` (encoded): around its candidate words (none in `settled`), or over all of it. */
export const modelWindows = (text: string, encoded: Encoded, plan: WindowPlan, settled: SettledRanges = []): ModelWindow[] =>
  plan.regions
    ? regionWindows(text, encoded, Math.min(plan.window, REGION_WINDOW), DEFAULT_MARGIN, settled)
    : fullWindows(encoded.ids.length, plan.window, plan.stride)
