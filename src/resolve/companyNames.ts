import type { Span } from "../domain/Span.ts"
import { fold } from "../detect/fold.ts"
import { isFirstName } from "../detect/names.ts"

/**
 * Companies are not people. A company is named by its type right after its
 * name ("Tornado S.A.", "Fernández Automotores S.A.", "Lavadero Sur SRL",
 * "Hilandería y Tejeduría Norte S.A.I.C.A.", "López Hnos."), and rulings
 * name it again without the type ("la demandada Tornado"). A model or a
 * capitals rule that takes such a name for a person hides a party that is
 * public and, worse, spreads "A." of "S.A." to every initial.
 *
 * Dropped, before anything spreads: a PERSONA span that overlaps a company's
 * name with its type, or that is exactly a name the ruling writes with a
 * company type elsewhere, unless a person span that is kept contains that
 * name (a family firm "Pérez Hnos." does not free "Juan Pérez" nor a lone
 * "Pérez" said of him). A company named after a person ("Juan Pérez S.A.")
 * is visible with its type, but the person's name alone stays a person's.
 */

/** Company types, dotted or not; nothing but spaces between the letters of a dotted one. */
const TYPE = String.raw`(?:S\.\s?A\.(?:\s?[ICFUSAE]\.){0,4}|S\.\s?A(?![\p{L}.])|S\.\s?R\.\s?L\.?|S\.\s?C\.\s?A\.|S\.\s?H\.|S\.\s?G\.\s?R\.|N\.\s?A\.|S\.\s?A\.\s?U\.|SRL|SA|SAS|SAU|SACI|SAIC|SAICA|SACIF|SCA|SGR|Ltda\.?|LTDA\.?|Inc\.|INC\.|Corp\.|LLC|y\s+C[íi]a\.?|Y\s+C[ÍI]A\.?|Hnos\.?|HNOS\.?)`
// Not followed by a capitalised word: "Juan S. A. Pérez" is a person's initials.
const COMPANY_TYPE = new RegExp(String.raw`(?<![\p{L}\p{N}.])${TYPE}(?![\p{L}\p{N}])(?![ \t]*\n?[ \t]*\p{Lu}\p{Ll})`, "gu")

/** A word of a company's name: capitalised, an initial, a number or "&"; connectors join words, "y" does not (it joins parties too). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|\d[\d.]*|&)$/u
const CONNECTOR = /^(?:de|del|la|las|los|para|en|e)$/u
const MAX_NAME_WORDS = 8

interface Occurrence {
  readonly start: number
  readonly end: number
  /** The folded name without its type, "" when none precedes it. */
  readonly name: string
}

/** Each company type in the text with the name written right before it. */
export const companyOccurrences = (text: string): Occurrence[] => {
  const found: Occurrence[] = []
  COMPANY_TYPE.lastIndex = 0
  for (let m = COMPANY_TYPE.exec(text); m; m = COMPANY_TYPE.exec(text)) {
    // Walk back over the name's words ("Fernández Automotores", "Banco de la Costa").
    const before = text.slice(Math.max(0, m.index - 160), m.index)
    const words = [...before.matchAll(/[^\s,;:()“”"«»]+|[,;:()“”"«»]/gu)]
    let start = m.index
    let count = 0
    for (let i = words.length - 1; i >= 0 && count < MAX_NAME_WORDS; i--) {
      const word = words[i]![0]
      // A comma may stand between the name and its type ("Tornado, S.A.") and nowhere else.
      if (word === "," && count === 0 && i === words.length - 1) continue
      const isName = NAME_WORD.test(word)
      if (!isName && !(CONNECTOR.test(word) && count > 0)) break
      start = m.index - before.length + words[i]!.index!
      count++
    }
    // The name may not open with a connector ("de la Costa").
    while (start < m.index && CONNECTOR.test(/^\S+/.exec(text.slice(start))![0])) start = start + /^\S+\s*/.exec(text.slice(start))![0].length
    const name = fold(text.slice(start, m.index).replace(/[\s,]+$/u, "")).replace(/\s+/g, " ").trim()
    found.push({ start, end: m.index + m[0].length, name })
  }
  return found
}

/** Drops the PERSONA spans that name a company (see the module comment). */
export const withoutCompanyNames = <S extends Span>(text: string, spans: readonly S[]): S[] => {
  const companies = companyOccurrences(text)
  if (companies.length === 0) return [...spans]
  const intervals = disjoint(companies)
  const inCompany = (s: Span): boolean => {
    // The last interval starting before the span's end is the only one that may overlap it.
    let lo = 0
    let hi = intervals.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (intervals[mid]!.start < s.end) (found = mid), (lo = mid + 1)
      else hi = mid - 1
    }
    return found >= 0 && intervals[found]!.end > s.start
  }
  const names = new Set(
    companies.map((c) => c.name).filter((name) => name.length >= 3 && !isFirstName(name.split(" ")[0]!)),
  )
  const form = (s: Span): string => fold(text.slice(s.start, s.end)).replace(/\s+/g, " ").replace(/[.,]+$/u, "").trim()
  const people = spans.filter((s) => s.label === "PERSONA" && !inCompany(s) && !names.has(form(s))).map((s) => ` ${form(s)} `)
  const held = new Map<string, boolean>()
  const heldByPerson = (name: string): boolean => {
    if (!held.has(name)) held.set(name, people.some((p) => p.includes(` ${name} `)))
    return held.get(name)!
  }
  return spans.filter((s) => {
    if (s.label !== "PERSONA") return true
    if (inCompany(s)) return false
    const f = form(s)
    return !(names.has(f) && !heldByPerson(f))
  })
}

/** Occurrences merged into sorted, disjoint intervals. */
const disjoint = (occurrences: readonly Occurrence[]): Array<{ start: number; end: number }> => {
  const sorted = [...occurrences].sort((a, b) => a.start - b.start)
  const out: Array<{ start: number; end: number }> = []
  for (const o of sorted) {
    const last = out[out.length - 1]
    if (last && o.start <= last.end) last.end = Math.max(last.end, o.end)
    else out.push({ start: o.start, end: o.end })
  }
  return out
}
