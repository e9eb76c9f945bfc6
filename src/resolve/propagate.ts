import type { Label } from "../domain/Label.ts"
import { overlaps, type Span } from "../domain/Span.ts"
import { escapeRegex, fold, foldKeepingOffsets } from "../detect/fold.ts"
import { isCaps, isFirstName, isInitial, isStop } from "../detect/names.ts"

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
  readonly kind: "full" | "surname" | "given"
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
  for (const s of realSur) if (usable(s)) out.push({ text: s, kind: "surname" })
  for (const g of given) if (usable(g)) out.push({ text: g, kind: "given" })
  return out
}

/** A regex over the folded text for a folded variant: spaces match whitespace (and an inverted-order comma). */
const variantRegex = (v: string): RegExp => {
  const body = v
    .split(" ")
    .map((tok) => [...tok].map((c) => escapeRegex(c) + "\\p{M}*").join(""))
    .join(String.raw`,?\s+`)
  return new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])${body}(?![\p{L}\p{M}\p{N}])`, "gu")
}

const OFFICIAL_BEFORE = /(?:juez(?:a)?|fiscal(?:a)?|secretari[oa]|prosecretari[oa]|defensor(?:a)?\s+oficial|magistrad[oa]|camarista|asesor(?:a)?\s+tutelar|s\.\s?s\.|v\.\s?s\.)[\s,:]*(?:(?:el|la)\s+)?(?:(?:dr|dra|doctor|doctora)\.?\s*)?$/i
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

  // 4. Find further mentions in the folded text.
  const folded = foldKeepingOffsets(text)
  const added: Span[] = []
  for (const [variant, o] of owners) {
    if (o.kinds.has("given") && !o.kinds.has("surname") && !o.kinds.has("full") && o.entities.size > 1) continue
    if (o.kinds.has("given") && o.kinds.size === 1 && o.labels.has("FUNCIONARIO")) continue
    const re = variantRegex(variant)
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const start = m.index
      const end = start + m[0].length
      if (!/^\p{Lu}/u.test(text.slice(start, start + 1))) continue
      if (out.some((s) => overlaps(s, { start, end }) && (s.label !== "PERSONA" && s.label !== "FUNCIONARIO"))) continue
      let label: NameLabel
      if (o.labels.size === 1) label = [...o.labels][0]!
      else label = OFFICIAL_BEFORE.test(text.slice(Math.max(0, start - 40), start)) ? "FUNCIONARIO" : "PERSONA"
      const candidates = all.filter((e) => e.label === label && o.entities.has(e.key))
      const keys = new Set(candidates.map((e) => e.key))
      const entity = keys.size === 1 ? [...keys][0]! : variant
      if (out.some((s) => overlaps(s, { start, end }) && s.label !== label)) continue
      added.push({ start, end, label, score: 0.8, detector: "resolve/propagate", evidence: `propagate:${[...o.kinds][0]}`, entity })
    }
  }
  return [...out, ...added]
}
