import type { Label } from "../domain/Label.ts"
import { overlaps, type Span } from "../domain/Span.ts"
import { escapeRegex, fold, foldKeepingOffsets } from "../detect/fold.ts"
import { inCitedWork, isCaps, isFirstName, isInitial, isStop } from "../detect/names.ts"

/**
 * Once a person (or official) is found, find every other mention in the
 * ruling: full name in any casing, with or without accents, inverted
 * ("PEREZ, Juan"), surname alone, first name alone where unambiguous. Matches
 * sit on Unicode word boundaries ("Paz" never inside "capaz") and must start
 * with a capital letter. Every PERSONA/FUNCIONARIO span gets `entity` = the
 * normalised full name, so one person gets one pseudonym.
 *
 * A variant shared by an official and a party is ambiguous: the official's own
 * detected mentions stay FUNCIONARIO; a bare propagated mention becomes
 * FUNCIONARIO only right after an official's role word, else PERSONA (a miss
 * costs more than an over-mask).
 */

type NameLabel = Extract<Label, "PERSONA" | "FUNCIONARIO">

export interface NameParts {
  readonly given: readonly string[]
  readonly surnames: readonly string[]
}

interface Entity {
  key: string
  readonly label: NameLabel
  readonly parts: NameParts
  readonly exactOnly: boolean
}

const PARTICLE = /^(?:de|del|la|las|los|van|der|von|di|da|dos|y)$/i
const HONORIFIC = /^(?:sr|sra|srta|dr|dra|dres|lic|don|dona|senor|senora)\.?$/i

/** Splits a name mention into given names and surnames (folded). */
export const parseName = (mention: string): NameParts => {
  const clean = mention.replace(/[«»"“”‘’()]/g, " ").trim()
  const split = (s: string): string[] => s.split(/\s+/).filter((t) => t && !HONORIFIC.test(fold(t)))
  const comma = clean.indexOf(",")
  if (comma > 0) {
    return { surnames: split(clean.slice(0, comma)).map(fold), given: split(clean.slice(comma + 1)).map(fold) }
  }
  const toks = split(clean)
  const words = toks.filter((t) => !PARTICLE.test(t))
  const caps = words.filter(isCaps)
  if (caps.length > 0 && caps.length < words.length) {
    const firstCaps = toks.findIndex((t) => isCaps(t))
    return { given: toks.slice(0, firstCaps).map(fold), surnames: toks.slice(firstCaps).map(fold) }
  }
  if (toks.length === 1) return { given: [], surnames: toks.map(fold) }
  let i = 0
  while (i < toks.length - 1 && (isFirstName(toks[i]!) || isInitial(toks[i]!))) i++
  if (i === 0) i = 1
  return { given: toks.slice(0, i).map(fold), surnames: toks.slice(i).map(fold) }
}

const keyOf = (p: NameParts): string => [...p.given, ...p.surnames].join(" ").replace(/\s+/g, " ").trim()

interface Variant {
  readonly text: string
  readonly kind: "full" | "surname" | "given" | "initials" | "common-surname"
}

const usable = (t: string): boolean => t.length >= 3 && !isStop(t) && !PARTICLE.test(t) && !/\.$/.test(t)

const variantsOf = (e: Entity): Variant[] => {
  const { given, surnames } = e.parts
  const out: Variant[] = [{ text: keyOf(e.parts), kind: "full" }]
  if (e.exactOnly) return out
  const realSur = surnames.filter((t) => !PARTICLE.test(t))
  if (surnames.length && given.length) {
    out.push({ text: `${surnames.join(" ")} ${given.join(" ")}`, kind: "full" })
    out.push({ text: `${given[0]} ${surnames.join(" ")}`, kind: "full" })
    if (realSur.length > 1) out.push({ text: `${given[0]} ${surnames[0]}`, kind: "full" })
  }
  if (surnames.length > 1) out.push({ text: surnames.join(" "), kind: "surname" })
  for (const s of realSur) {
    if (usable(s)) out.push({ text: s, kind: "surname" })
    // A surname that is also a common word ("Aureliana VILLA" … "Villa se resistió"): see commonWordUse.
    else if (e.label === "PERSONA" && given.length && s.length >= 4 && isStop(s)) out.push({ text: s, kind: "common-surname" })
  }
  for (const g of given) if (usable(g)) out.push({ text: g, kind: "given" })
  // Rulings often go on with the person's initials ("Emanuel URQUIZA" … "E.U."),
  // tight or spaced, first given name or all of them, and the first surname.
  if (given.length && realSur.length) {
    for (const names of new Set([given.slice(0, 1), given])) {
      const letters = [...names, realSur[0]!].map((word) => word[0]!)
      out.push({ text: `${letters.join(".")}.`, kind: "initials" }, { text: `${letters.join(". ")}.`, kind: "initials" })
    }
  }
  return out
}

/**
 * A surname that is also a common word is that word, not the person, after an
 * article ("la Villa", "de la Sala") or before a capitalised word or a number
 * ("Villa Lugano", "Villa 31", "Sala II").
 */
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:el|la|los|las|del|al|una?|esta|esa|dicha|nuestra|cuya)\s+$/iu
const NAME_OR_NUMBER_AFTER = /^\s*(?:\p{Lu}|\d)/u
const commonWordUse = (text: string, start: number, end: number): boolean =>
  ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || NAME_OR_NUMBER_AFTER.test(text.slice(end, end + 3))

/** Before a legal reference, initials are an abbreviation: "art. 89 del C.P.", "inc. b) de la C.N.". */
const LEGAL_REFERENCE_BEFORE = /(?:\bdel|\bde\s+la|\bart[íi]?c?(?:ulo)?s?\.?|\binc\.?|\bley|\d)\s*$/iu

/** Word tokens of a folded text: letters, digits and combining marks (dropped for comparison). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const NOT_WORD_CHAR = /[^\p{L}\p{N}\p{M}]/u

interface Token {
  readonly start: number
  readonly end: number
  readonly text: string
}

const tokensOf = (folded: string): Token[] =>
  Array.from(folded.matchAll(WORD), (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0].replace(/\p{M}+/gu, "") }))

/** A variant as word tokens plus what must stand between, before and after them. */
interface VariantPattern {
  readonly variant: string
  readonly words: readonly string[]
  /** Separator matchers between consecutive words: a space allows any whitespace and an inverted-order comma. */
  readonly gaps: readonly RegExp[]
  readonly prefix: string
  readonly suffix: string
}


const gapCache = new Map<string, RegExp>()
const gapMatcher = (separator: string): RegExp => {
  let matcher = gapCache.get(separator)
  if (!matcher) {
    // Unicode mode rejects escapes of non-syntax characters ("\-"): escape syntax characters only.
    matcher = new RegExp(`^${separator.split(" ").map(escapeRegex).join(String.raw`,?\s+`)}$`, "u")
    gapCache.set(separator, matcher)
  }
  return matcher
}

const variantPattern = (variant: string): VariantPattern | null => {
  const tokens = tokensOf(variant)
  if (tokens.length === 0) return null
  return {
    variant,
    words: tokens.map((token) => token.text),
    gaps: tokens.slice(1).map((token, i) => gapMatcher(variant.slice(tokens[i]!.end, token.start))),
    prefix: variant.slice(0, tokens[0]!.start),
    suffix: variant.slice(tokens[tokens.length - 1]!.end),
  }
}

/**
 * Every occurrence of the variants in one pass over the text's word tokens:
 * whole words only ("Paz" never inside "capaz"), so the cost grows with the
 * text, not with text × variants.
 */
const findVariants = (folded: string, patterns: readonly VariantPattern[]): { start: number; end: number; variant: string }[] => {
  const byFirstWord = new Map<string, VariantPattern[]>()
  for (const pattern of patterns) {
    const list = byFirstWord.get(pattern.words[0]!) ?? []
    list.push(pattern)
    byFirstWord.set(pattern.words[0]!, list)
  }
  const tokens = tokensOf(folded)
  const found: { start: number; end: number; variant: string }[] = []
  tokens.forEach((first, index) => {
    for (const pattern of byFirstWord.get(first.text) ?? []) {
      const last = tokens[index + pattern.words.length - 1]
      if (!last) continue
      const matches = pattern.words.every((word, k) =>
        tokens[index + k]!.text === word && (k === 0 || pattern.gaps[k - 1]!.test(folded.slice(tokens[index + k - 1]!.end, tokens[index + k]!.start)))
      )
      if (!matches) continue
      const start = first.start - pattern.prefix.length
      const end = last.end + pattern.suffix.length
      if (folded.slice(start, first.start) !== pattern.prefix || folded.slice(last.end, end) !== pattern.suffix) continue
      if (pattern.suffix && end < folded.length && !NOT_WORD_CHAR.test(folded[end]!)) continue
      found.push({ start, end, variant: pattern.variant })
    }
  })
  return found
}

/** An official's role word right before a name ("el Defensor Oficial Dr."). */
export const OFFICIAL_BEFORE = /(?:juez(?:a)?|fiscal(?:a)?|secretari[oa]|prosecretari[oa]|defensor(?:a)?\s+oficial|magistrad[oa]|camarista|asesor(?:a)?\s+tutelar|s\.\s?s\.|v\.\s?s\.)[\s,:]*(?:(?:el|la)\s+)?(?:(?:dr|dra|doctor|doctora)\.?\s*)?$/i
const PARTY_EVIDENCE = /^cue:(?:role|private-counsel|kin|police|honorific)|^inverted:caption/

export const propagate = (text: string, spans: readonly Span[]): Span[] => {
  const names = spans.filter((s): s is Span & { label: NameLabel } => s.label === "PERSONA" || s.label === "FUNCIONARIO")
  if (names.length === 0) return [...spans]

  // 1. Entities from detected mentions; shorter mentions that fit exactly one longer entity become its aliases.
  const entities = new Map<string, Entity>()
  // Weak person mentions ("la Dra. Suárez") that are an official's name do not found an entity of their own.
  const officialVariants = new Set<string>()
  for (const s of names) {
    if (s.label !== "FUNCIONARIO") continue
    const parts = parseName(text.slice(s.start, s.end))
    for (const v of variantsOf({ key: keyOf(parts), label: "FUNCIONARIO", parts, exactOnly: false })) officialVariants.add(v.text)
  }
  for (const s of names) {
    if (s.label === "PERSONA" && !PARTY_EVIDENCE.test(s.evidence ?? "") && officialVariants.has(fold(text.slice(s.start, s.end)).replace(/,/g, ""))) continue
    const mention = text.slice(s.start, s.end)
    const exactOnly = /^(?:nickname|initials)$/.test(s.evidence ?? "") || /^(?:\p{Lu}\.\s?)+$/u.test(mention.trim())
    const parts = exactOnly ? { given: [], surnames: [fold(mention)] } : parseName(mention)
    const key = keyOf(parts)
    if (!key) continue
    const id = `${s.label}|${key}`
    if (!entities.has(id)) entities.set(id, { key, label: s.label, parts, exactOnly })
  }
  const all = [...entities.values()].sort((a, b) => b.key.split(" ").length - a.key.split(" ").length)
  for (const e of all) {
    if (e.exactOnly) continue
    const toks = e.key.split(" ")
    const containers = all.filter(
      (o) => o !== e && !o.exactOnly && o.key.split(" ").length > toks.length && toks.every((t) => o.key.split(" ").includes(t)),
    )
    const keys = new Set(containers.map((c) => c.key))
    if (keys.size === 1) e.key = containers[0]!.key
  }

  // 2. Variant table: folded text → owners.
  const owners = new Map<string, { entities: Set<string>; labels: Set<NameLabel>; kinds: Set<Variant["kind"]> }>()
  for (const e of all) {
    for (const v of variantsOf(e)) {
      const o = owners.get(v.text) ?? { entities: new Set(), labels: new Set(), kinds: new Set() }
      o.entities.add(e.key)
      o.labels.add(e.label)
      o.kinds.add(v.kind)
      owners.set(v.text, o)
    }
  }

  // 3. Entity for every detected name span; weak person mentions of an official's exact name are the official.
  const out: Span[] = spans.map((s) => {
    if (s.label !== "PERSONA" && s.label !== "FUNCIONARIO") return s
    const f = fold(text.slice(s.start, s.end)).replace(/,/g, "")
    const o = owners.get(f)
    const entity = o && o.entities.size === 1 ? [...o.entities][0]! : keyOf(parseName(text.slice(s.start, s.end))) || f
    if (s.label === "PERSONA" && o && o.labels.size === 1 && o.labels.has("FUNCIONARIO") && !PARTY_EVIDENCE.test(s.evidence ?? "")) {
      return { ...s, label: "FUNCIONARIO" as const, entity, evidence: `${s.evidence ?? ""}+official-name` }
    }
    return { ...s, entity }
  })

  // 4. Find further mentions in the folded text, all variants in one pass.
  const folded = foldKeepingOffsets(text)
  const added: Span[] = []
  const cited: Span[] = []
  const searchable = [...owners].filter(([, o]) =>
    !(o.kinds.has("given") && !o.kinds.has("surname") && !o.kinds.has("full") && o.entities.size > 1) &&
    !(o.kinds.has("given") && o.kinds.size === 1 && o.labels.has("FUNCIONARIO"))
  )
  const patterns = searchable.flatMap(([variant]) => variantPattern(variant) ?? [])
  for (const { start, end, variant } of findVariants(folded, patterns)) {
    const o = owners.get(variant)!
    if (!/^\p{Lu}/u.test(text.slice(start, start + 1))) continue
    if (o.kinds.size === 1 && o.kinds.has("initials") && LEGAL_REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue
    if (o.kinds.size === 1 && o.kinds.has("common-surname") && commonWordUse(text, start, end)) continue
    if (out.some((s) => overlaps(s, { start, end }) && (s.label !== "PERSONA" && s.label !== "FUNCIONARIO"))) continue
    let label: NameLabel
    if (o.labels.size === 1) label = [...o.labels][0]!
    else label = OFFICIAL_BEFORE.test(text.slice(Math.max(0, start - 40), start)) ? "FUNCIONARIO" : "PERSONA"
    const candidates = all.filter((e) => e.label === label && o.entities.has(e.key))
    const keys = new Set(candidates.map((e) => e.key))
    const entity = keys.size === 1 ? [...keys][0]! : variant
    if (out.some((s) => overlaps(s, { start, end }) && s.label !== label)) continue
    const span: Span = { start, end, label, score: 0.8, detector: "resolve/propagate", evidence: `propagate:${[...o.kinds][0]}`, entity }
    if (inCitedWork(text, start, end)) cited.push(span)
    else added.push(span)
  }
  // A name inside a cited precedent or work ("CSJN, “Quiroga, Edgardo Oscar”")
  // stays visible unless that very form is masked elsewhere in the ruling: a
  // masked form left readable would defeat the pseudonym (and the publication
  // gate blocks it).
  const ownMentions = [...out, ...added.filter((a) => !out.some((s) => overlaps(s, a)))]
  const maskedForms = new Set(ownMentions.filter((s) => s.label === "PERSONA").map((s) => fold(text.slice(s.start, s.end))))
  for (const span of cited) if (maskedForms.has(fold(text.slice(span.start, span.end)))) added.push(span)
  return [...out, ...added]
}
