import type { Label } from "../domain/Label.ts"
import type { ResolvedSpan } from "../detect/Detector.ts"
import { fold, foldKeepingEnie } from "../detect/fold.ts"
import { findForms, formTokens, tokenize, type FormHit } from "../detect/formSearch.ts"
import { CABA_BARRIOS, PROVINCES, SEAT_AND_COUNTRY } from "../detect/lexicon/places.ts"
import { courtSeatAt, enieSpelling, isStop } from "../detect/names.ts"
import { normaliseName } from "../redact/normaliseName.ts"
import { givenNameInOthersName } from "./othersName.ts"

/**
 * Every form a ruling redacts is redacted wherever it is written again: a
 * case number in the page footers ("Expediente SAC 1234567 - Pág. 1 / 11"),
 * a surname in a list, a plate in a table. The publication gate searches the
 * public text for the same forms with the same search (detect/formSearch.ts);
 * closing them here, on the analysed text, gives each further occurrence the
 * same replacement (same label and entity, so the same pseudonym) instead of
 * withholding the ruling.
 *
 * An occurrence is left alone, for the gate to judge, when:
 * - it lies inside a mention the ruling keeps (an official "Dr. Juan Pérez"
 *   when a party is also called "Pérez"), as the gate masks kept forms;
 * - a name is written in lower case there (the common word "flores"): the
 *   gate does not look for those either;
 * - a one-word name that is also a common word ("Villa", "Paz") stands where
 *   the word is used as such (after an article, before a capitalised word or
 *   a number): it cannot be told apart without a person, so the gate holds
 *   the ruling for review.
 */

/** Forms shorter than this (letters and digits) are not searched, as in the gate. */
export const MIN_FORM_CHARS = 3

/**
 * Labels whose surface form is a plain quantity ("3 años"): the same words
 * elsewhere are usually another quantity, so neither closure nor the gate
 * searches them.
 */
export const QUANTITY_LABELS: ReadonlySet<Label> = new Set(["EDAD"])

/** Labels of proper names: a mention starts with a capital letter. */
export const CAPITALISED_LABELS: ReadonlySet<Label> = new Set(["PERSONA", "FUNCIONARIO"])

/** A redacted form: the label it was redacted as, and for a name spelt with "ñ" that folds to a word, that spelling (see enieSpelling). */
export interface RedactedForm {
  readonly label: Label
  readonly spelling?: string
}

/** The redacted forms of a ruling, folded, each with the label it was redacted as (first wins). */
export const redactedForms = (
  entities: ReadonlyArray<{ readonly label: Label; readonly text: string; readonly action: "redact" | "keep" }>,
): Map<string, RedactedForm> => {
  const forms = new Map<string, RedactedForm>()
  for (const entity of entities) {
    if (entity.action !== "redact" || QUANTITY_LABELS.has(entity.label)) continue
    const form = fold(entity.text)
    if (form.replace(/[^\p{L}\p{N}]/gu, "").length < MIN_FORM_CHARS || forms.has(form)) continue
    // A province of birth ("Lanús (Buenos Aires)", "provincia de Córdoba"): elsewhere the same words are the
    // court's seat, its police, its courts ("Tribunal Superior de Justicia de Córdoba").
    if (entity.label === "LUGAR" && (SEAT_AND_COUNTRY.has(form) || PROVINCES.has(form))) continue
    const spelling = CAPITALISED_LABELS.has(entity.label) ? enieSpelling(entity.text) : undefined
    forms.set(form, spelling ? { label: entity.label, spelling } : { label: entity.label })
  }
  return forms
}

/** Token flags: 1 where a kept form occurs (a redacted form there is the policy, not a leak). */
export const keptMask = (
  tokens: ReturnType<typeof tokenize>,
  entities: ReadonlyArray<{ readonly text: string; readonly action: "redact" | "keep" }>,
): Uint8Array => {
  const kept = [...new Set(entities.filter((entity) => entity.action === "keep").map((entity) => fold(entity.text)))]
  const mask = new Uint8Array(tokens.length)
  for (const hit of findForms(tokens, kept.map(formTokens))) mask.fill(1, hit.first, hit.last)
  return mask
}

/**
 * A redacted form's hit that a reader would take for that form (see the
 * module comment). A party's given name alone, found inside somebody else's
 * written name, is that person's (resolve/othersName.ts); `hidden` tells
 * which neighbouring words are redacted (in the public text they are
 * replacements already).
 */
export const isReadableHit = (
  text: string,
  hit: FormHit,
  { label, spelling }: RedactedForm,
  mask: Uint8Array,
  hidden?: (start: number, end: number) => boolean,
): boolean =>
  !mask.subarray(hit.first, hit.last).some((flag) => flag === 1) &&
  (!CAPITALISED_LABELS.has(label) || /^\p{Lu}/u.test(text.slice(hit.start, hit.start + 1))) &&
  (spelling === undefined || foldKeepingEnie(text.slice(hit.start, hit.end)) === spelling) &&
  !(CAPITALISED_LABELS.has(label) && hit.last - hit.first === 1 && placeNameUse(text, hit.start, hit.end)) &&
  !((label === "PERSONA" || label === "LUGAR") && courtSeatAt(text, hit.start)) &&
  !(label === "LUGAR" && INSTITUTION_PLACE_BEFORE.test(text.slice(Math.max(0, hit.start - 90), hit.start))) &&
  !(label === "PERSONA" && hit.last - hit.first === 1 && givenNameInOthersName(text, hit.start, hit.end, hidden))

/** What names a place right before its name: "Provincia de", "ciudad de", an institution's "Banco de la Provincia de". */
const PLACE_HEAD_BEFORE = /(?<![\p{L}])(?:provincia|pcia|prov|ciudad|localidad|departamento|municipio|municipalidad|partido|barrio|capital)\.?[ \t\n]+(?:de[ \t\n]+)?$/iu
/** A capitalised name's "de" right before: "Universidad Nacional de", "Banco de la Provincia de". */
const NAME_OF_BEFORE = /\p{Lu}[\p{L}\p{M}.]*[ \t\n]+(?:de|del)[ \t\n]+(?:la[ \t\n]+)?$/u
/**
 * A place named as an institution's seat or district ("Departamento Judicial Lomas de Zamora", "Tribunal Oral
 * … N° 2 de San Martín", "Comisaría Lomas de Zamora 3ra."): the same words as a party's birthplace or
 * residence, but the court's or the police's, not the person's.
 */
const INSTITUTION_PLACE_BEFORE = /(?:departamento\s+judicial|comisar[íi]a|(?:complejo|instituto|unidad|centro)(?:\s+penitenciari[oa])?|(?:juzgado|tribunal|c[áa]mara|fiscal[íi]a|defensor[íi]a|polic[íi]a|municipalidad|municipio|universidad|hospital|banco|registro|unidad\s+funcional)(?:[ \t\n]+(?:[\p{L}\p{M}°º.]+|N[°º]\s*\d+)){0,10}?[ \t\n]+(?:de|del)(?:[ \t\n]+la)?)[ \t\n]+$/iu

/** A place and then a date: the ruling's date line, "Córdoba, 3 de marzo de 2022". */
const DATE_AFTER = /^,[ \t]*(?:\d{1,2}[ \t]+de[ \t]+\p{L}+|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/u

/**
 * A surname that is also a province's or a barrio's name ("Córdoba",
 * "Mendoza", "Flores") written as the place: after what names a place
 * ("Provincia de Córdoba", "Banco de la Provincia de Córdoba", "Universidad
 * Nacional de Córdoba") or before the ruling's date ("Córdoba, 3 de marzo de
 * 2022"). Neither propagation, form closure nor the gate take it for the
 * person; "el testimonio de Córdoba" is still the person's.
 */
export const placeNameUse = (text: string, start: number, end: number): boolean => {
  const word = fold(text.slice(start, end))
  if (!PROVINCES.has(word) && !CABA_BARRIOS.has(word)) return false
  const before = text.slice(Math.max(0, start - 40), start)
  return PLACE_HEAD_BEFORE.test(before) || NAME_OF_BEFORE.test(before) || DATE_AFTER.test(text.slice(end, end + 20))
}

const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:el|la|los|las|del|al|una?|esta|esa|dicha|nuestra|cuya)\s+$/iu
const NAME_OR_NUMBER_AFTER = /^\s*(?:\p{Lu}|\d)/u

/** A one-word name that is also a common word, used as the word here ("la Villa", "Villa Lugano"). */
export const commonWordUse = (text: string, start: number, end: number): boolean =>
  ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || NAME_OR_NUMBER_AFTER.test(text.slice(end, end + 3))

export const closeRedactedForms = (text: string, spans: readonly ResolvedSpan[]): ResolvedSpan[] => {
  const redacted = spans.filter((span) => span.action === "redact")
  if (redacted.length === 0) return [...spans]
  const forms = redactedForms(redacted.map((span) => ({ ...span, text: text.slice(span.start, span.end) })))
  if (forms.size === 0) return [...spans]
  // The entity of the first span of each form: further occurrences join it, so they get its pseudonym.
  const source = new Map<string, ResolvedSpan>()
  for (const span of redacted) {
    const form = fold(text.slice(span.start, span.end))
    if (forms.get(form)?.label === span.label && !source.has(form)) source.set(form, span)
  }
  const tokens = tokenize(text)
  const mask = keptMask(tokens, spans.map((span) => ({ text: text.slice(span.start, span.end), action: span.action })))
  const covered = coverage(text.length, redacted)
  const list = [...forms.keys()]
  const added: ResolvedSpan[] = []
  for (const hit of findForms(tokens, list.map(formTokens))) {
    const form = list[hit.form]!
    const redactedForm = forms.get(form)!
    const { label } = redactedForm
    if (!isReadableHit(text, hit, redactedForm, mask, covered.any) || covered.all(hit.start, hit.end)) continue
    if (CAPITALISED_LABELS.has(label) && hit.last - hit.first === 1 && isStop(form) && commonWordUse(text, hit.start, hit.end)) continue
    const from = source.get(form)!
    added.push({
      start: hit.start,
      end: hit.end,
      label,
      score: from.score,
      detector: "resolve/forms",
      evidence: "form-closure",
      entity: from.entity ?? normaliseName(text.slice(from.start, from.end)),
      action: "redact",
    })
  }
  return added.length === 0 ? [...spans] : [...spans, ...added]
}

/** Which characters redacted spans already cover, answered in constant time per query. */
const coverage = (length: number, spans: readonly ResolvedSpan[]) => {
  // prefix[i] = covered characters before i.
  const marks = new Uint8Array(length)
  for (const span of spans) marks.fill(1, span.start, span.end)
  const prefix = new Uint32Array(length + 1)
  for (let i = 0; i < length; i++) prefix[i + 1] = prefix[i]! + marks[i]!
  return {
    all: (start: number, end: number) => prefix[end]! - prefix[start]! === end - start,
    any: (start: number, end: number) => prefix[end]! - prefix[start]! > 0,
  }
}
