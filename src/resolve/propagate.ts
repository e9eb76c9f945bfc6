import type { Label } from "../domain/Label.ts"
import type { Span } from "../domain/Span.ts"
import { fold, foldKeepingEnie, joinLineEndHyphens } from "../detect/fold.ts"
import { NICK_CUE } from "../detect/rules/person.ts"
import { findForms, formTokens, tokenize } from "../detect/formSearch.ts"
import { commonWordUse, placeNameUse } from "./closeForms.ts"
import { overlapIndex } from "./overlapIndex.ts"
import { givenNameInOthersName } from "./othersName.ts"
import { courtSeatAt, enieSpelling, inCitedWork, isCaps, isFirstName, isInitial, isStop, isSurname, isSurnameStop, writtenInLowerCase } from "../detect/names.ts"

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
  label: NameLabel
  readonly parts: NameParts
  readonly exactOnly: boolean
  /** Named as someone's relative ("hijo de Armando Coronel"): another person than the one it is named for. */
  kin?: boolean
  /** Founded by a party's cue (a role, counsel, kin, a police rank, an honorific, a caption). */
  party?: boolean
}

/** A kinship word right before a name: "hijo de", "su madre", "la hermana del imputado,". */
const KIN_BEFORE = /(?<![\p{L}])(?:hij[oa]s?|padres?|madre|progenitor(?:a|es)?|herman[oa]s?|espos[oa]|c[óo]nyuge|concubin[oa]|abuel[oa]s?|t[íi][oa]s?|prim[oa]s?|niet[oa]s?|sobrin[oa]s?|suegr[oa]s?|cuñad[oa]s?|yerno|nuera|padrastro|madrastra|hijastr[oa]s?)(?:\s+(?:de|del)(?:\s+(?:la|el|los|las))?)?(?:\s+(?:su|sus))?[\s,:]*(?:(?:Sr|Sra|señor|señora|don|doña)\.?\s+)?$/iu

const PARTICLE = /^(?:de|del|la|las|los|van|der|von|di|da|dos|y)$/i

/** An open quote right before a name: it opens a caption. */
const OPENS_CAPTION = /[“"«]\s*$/u
/** What follows the accused's surname in a criminal caption: initials, then "s/" (sobre) or "y otros". */
const ACCUSED_CAPTION_AFTER = /^\s*(?:,\s*(?:\p{Lu}\.\s*)+)?(?:y\s+otr[oa]s?\s+)?s\//u

/** Words of a folded name form that are not particles ("consorcio de" has one). */
const nameWords = (form: string): number => form.split(" ").filter((word) => word !== "" && !PARTICLE.test(word)).length
const HONORIFIC = /^(?:sr|sra|srta|dr|dra|dres|lic|don|dona|senor|senora)\.?$/i

/** Splits a name mention into given names and surnames (folded). */
export const parseName = (mention: string): NameParts => {
  const clean = joinLineEndHyphens(mention).replace(/[«»"“”‘’()]/g, " ").trim()
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
  readonly kind: "full" | "surname" | "given" | "initials" | "common-surname" | "nickname"
  /** The spelling a hit must have (a surname whose fold without its "ñ" is a word: "Peña", not "pena"). */
  readonly spelling?: string
}

/** A word worth finding alone: not a stop word, a particle, an abbreviation or the source's own mask ("XXX"). */
const usable = (t: string): boolean => t.length >= 3 && !isStop(t) && !PARTICLE.test(t) && !/\.$/.test(t) && !/^x+$/.test(t)

/** Folded name words of a ruling written with an "ñ" that tells them from a common word → that spelling (see enieSpelling). */
type Spellings = ReadonlyMap<string, string>

const spellingsOf = (text: string, names: readonly Span[]): Spellings => {
  const spellings = new Map<string, string>()
  for (const s of names) {
    for (const word of text.slice(s.start, s.end).match(/\p{L}*[ñÑ]\p{L}*/gu) ?? []) {
      const spelling = enieSpelling(word)
      if (spelling) spellings.set(fold(word), spelling)
    }
  }
  return spellings
}

const variantsOf = (e: Entity, spellings: Spellings = new Map()): Variant[] => {
  const { given, surnames } = e.parts
  const out: Variant[] = [{ text: keyOf(e.parts), kind: "full" }]
  // A nickname with its article ("el Tano", "la Flaca") is also written without it, or after another
  // article ("la casa de la Flaca"): its word is looked for, capitalised, on its own.
  const nickname = e.exactOnly ? /^(?:el|la|los|las)\s+(\S+(?:\s\S+)?)$/u.exec(keyOf(e.parts))?.[1] : undefined
  if (nickname && usable(nickname)) out.push({ text: nickname, kind: "nickname" })
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
    else if (spellings.has(s) && s.length >= 3) out.push({ text: s, kind: "surname", spelling: spellings.get(s)! })
    // A surname that is also a common word ("Aureliana VILLA" … "Villa se resistió"): see commonWordUse.
    else if (e.label === "PERSONA" && given.length && isSurnameStop(s)) out.push({ text: s, kind: "common-surname" })
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

/** Before a legal reference, initials are an abbreviation: "art. 89 del C.P.", "inc. b) de la C.N.". */
const LEGAL_REFERENCE_BEFORE = /(?:\bdel|\bde\s+la|\bart[íi]?c?(?:ulo)?s?\.?|\binc\.?|\bley|\d)\s*$/iu

/** An official's role word right before a name ("el Defensor Oficial Dr."). */
export const OFFICIAL_BEFORE = /(?:juez(?:a)?|fiscal(?:a)?|secretari[oa]|prosecretari[oa]|defensor(?:a)?\s+oficial|magistrad[oa]|camarista|asesor(?:a)?\s+tutelar|s\.\s?s\.|v\.\s?s\.)[\s,:]*(?:(?:el|la)\s+)?(?:(?:dr|dra|doctor|doctora)\.?\s*)?$/i
const PARTY_EVIDENCE = /^cue:(?:role|private-counsel|kin|police|honorific)|^inverted:caption/
/** "la Dra. ", "el Dr. ": how a ruling names an official again, shorter. */
const DOCTOR_BEFORE = /(?<![\p{L}])(?:dra|dr|dres|doctora|doctor)\.?[ \t]*$/iu

/**
 * A single word a mention carried that no name list knows and the ruling
 * writes in lower case elsewhere ("Dice", "General", "Acceso" swallowed by an
 * over-wide span) is not spread on its own: found again it would be the word.
 */
const swallowedWord = (text: string, variant: string, kinds: ReadonlySet<Variant["kind"]>, spelling?: string): boolean =>
  !kinds.has("full") && !kinds.has("initials") && !kinds.has("nickname") && !variant.includes(" ") &&
  !isFirstName(variant) && !isSurname(variant) && writtenInLowerCase(text, spelling ?? variant)

/** Before and after a given name that stands alone: no capitalised word, comma or initial next to it. */
const STANDS_ALONE_BEFORE = /(?:^|[\n.;:!?(«"“—–-][ \t]*|(?:^|[\s(])\p{Ll}[\p{L}\p{M}]*[ \t]+)$/u
const STANDS_ALONE_AFTER = /^(?:[ \t]+(?!\p{Ll}\.)\p{Ll}|[ \t]*[;:]|[ \t]*\.(?!\p{L}))/u

/** A form made of initials only ("j.c.p.", "j. c. p."), whoever's it is. */
const INITIALS_FORM = /^(?:\p{L}\.\s?)+$/u
/** A letter and its dot right before or after a cluster of initials: the cluster goes on. */
const INITIAL_JUST_BEFORE = /\p{L}\.$/u
const INITIAL_JUST_AFTER = /^\p{L}\./u

/** A company's type, written like initials. */
const COMPANY_TYPE = /^(?:S\.\s?A|S\.\s?R\.\s?L|S\.\s?A\.\s?S|S\.\s?A\.\s?U|S\.\s?C\.\s?A|S\.\s?H|S\.\s?E|S\.\s?G\.\s?R|U\.\s?T\.\s?E|S\.\s?A\.\s?I\.\s?C)\.$/u
/** A company's name right before (a capitalised word inside a sentence, not opening it): "Servicios Sur S.A.", not "Luego S.A.". */
const COMPANY_NAME_BEFORE = /(?:^|[^.!?:\s])[ \t]+\p{Lu}[\p{L}\p{M}.&'’-]*[ \t]+$/u

/** A capitalised word right before. */
const CAPITALISED_BEFORE = /\p{Lu}[\p{L}\p{M}.]*[ \t]+$/u

/** Initials compare without their spaces: "M. A. Q." is "M.A.Q.". */
const tightInitials = (form: string): string => (INITIALS_FORM.test(form) ? form.replace(/\s+/gu, "") : form)

/** An initial in a folded key ("m."). */
const INITIAL_WORD = /^\p{L}\.$/u

/** Whether a key's words hold `word`: the word itself, or for an initial a name word it abbreviates. */
const holdsWord = (theirs: ReadonlySet<string>, word: string): boolean =>
  theirs.has(word) || (INITIAL_WORD.test(word) && [...theirs].some((other) => other.length > 2 && !PARTICLE.test(other) && other.startsWith(word[0]!)))

/**
 * A shorter entity whose words all belong to exactly one longer entity's key
 * (or to exactly one of its own label) becomes that entity ("Pérez" → "juan
 * perez"), an initial standing for a name it abbreviates ("Lucas M. González"
 * → "lucas matias gonzalez"). Entities are visited longest first and a key
 * once replaced counts as the new one; candidates come from an index of the
 * keys' words (the rarest word of the shorter key that is not an initial), so
 * a ruling with thousands of people does not compare every pair.
 */
const aliasToContainers = (all: readonly Entity[], kinKeys: ReadonlySet<string>): void => {
  const words = new Map<Entity, { count: number; set: Set<string> }>()
  const byWord = new Map<string, Set<Entity>>()
  const index = (e: Entity) => {
    const list = e.key.split(" ")
    const set = new Set(list)
    words.set(e, { count: list.length, set })
    for (const word of set) {
      const holders = byWord.get(word)
      if (holders) holders.add(e)
      else byWord.set(word, new Set([e]))
    }
  }
  const unindex = (e: Entity) => {
    for (const word of words.get(e)!.set) byWord.get(word)!.delete(e)
  }
  for (const e of all) if (!e.exactOnly) index(e)
  for (const e of all) {
    // A relative is another person, whatever names the two share ("hijo de Armando Coronel").
    if (e.exactOnly || e.kin) continue
    const own = words.get(e)!
    let rarest: Set<Entity> | undefined
    for (const word of own.set) {
      if (INITIAL_WORD.test(word)) continue
      const holders = byWord.get(word)!
      if (!rarest || holders.size < rarest.size) rarest = holders
    }
    if (rarest === undefined) continue
    // Longer keys holding every word of this one; of its own label first ("la imputada FERNÁNDEZ" is
    // the imputada Gisela Noemí FERNÁNDEZ, not the Secretaria Andrea Noemí Fernández Ríos).
    const containers = new Set<string>()
    const ofLabel = new Set<string>()
    for (const o of rarest) {
      if (o === e) continue
      const theirs = words.get(o)!
      if (![...own.set].every((word) => holdsWord(theirs.set, word))) continue
      // Longer, or as long with an initial written out ("Lucas M. González" → "Lucas Matías González").
      if (theirs.count < own.count || (theirs.count === own.count && [...own.set].every((word) => theirs.set.has(word)))) continue
      containers.add(o.key)
      if (o.label === e.label) ofLabel.add(o.key)
    }
    // A relative's name holding the surname is not who the surname alone means ("DIEGO ARMANDO CORONEL, hijo de
    // Armando Coronel" … "Coronel declaró").
    const notKin = new Set([...ofLabel].filter((key) => !kinKeys.has(key)))
    const container = containers.size === 1 ? [...containers][0] : ofLabel.size === 1 ? [...ofLabel][0] : notKin.size === 1 ? [...notKin][0] : undefined
    if (container === undefined) continue
    unindex(e)
    e.key = container
    index(e)
  }
}

/** Between a name and the nickname written inside it: Juan «el Negro» Pérez. */
const OPENS_NICKNAME = /^[ \t]+[«"“'‘]$/u
const CLOSES_NICKNAME = /^[»"”'’][ \t]+$/u
/** Between a name and the nickname that follows it: "Brian Cabrera, alias «Pato»", "Pérez (a) “Tito”". */
const NICKNAME_AFTER_NAME = new RegExp(String.raw`^\s*,?\s*(?:${NICK_CUE})\s*[:,]?\s*[«"“'‘]?$`, "iu")

/**
 * The person each nickname belongs to: the name it is written inside, or the
 * name it follows after "alias". Returned as the nickname's mention → the
 * mention of the name (inside a name, the name without the nickname).
 */
const nicknameOwners = (text: string, names: readonly Span[]): { nickname: string; owner: string }[] => {
  const links: { nickname: string; owner: string }[] = []
  names.forEach((s, i) => {
    // Not by the span's evidence: the model may have tagged the nickname too, and its span won the merge.
    if (s.label !== "PERSONA") return
    const before = names[i - 1]
    const after = names[i + 1]
    if (before?.label !== "PERSONA") return
    const nickname = text.slice(s.start, s.end)
    const gap = text.slice(before.end, s.start)
    if (OPENS_NICKNAME.test(gap) && after?.label === "PERSONA" && CLOSES_NICKNAME.test(text.slice(s.end, after.start))) {
      links.push({ nickname, owner: `${text.slice(before.start, before.end)} ${text.slice(after.start, after.end)}` })
    } else if (NICKNAME_AFTER_NAME.test(gap)) links.push({ nickname, owner: text.slice(before.start, before.end) })
  })
  return links
}

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
    const parts = exactOnly ? { given: [], surnames: [tightInitials(fold(mention))] } : parseName(mention)
    const key = keyOf(parts)
    if (!key) continue
    const id = `${s.label}|${key}`
    if (!entities.has(id)) entities.set(id, { key, label: s.label, parts, exactOnly })
    if (s.label === "PERSONA" && (s.evidence === "cue:kin" || KIN_BEFORE.test(text.slice(Math.max(0, s.start - 40), s.start)))) entities.get(id)!.kin = true
    if (PARTY_EVIDENCE.test(s.evidence ?? "")) entities.get(id)!.party = true
  }
  // A name written around a nickname is that person's full name, as if written whole: its parts join it below.
  const nicknames = nicknameOwners(text, names)
  for (const { owner } of nicknames) {
    const parts = parseName(owner)
    const key = keyOf(parts)
    if (key && !entities.has(`PERSONA|${key}`)) entities.set(`PERSONA|${key}`, { key, label: "PERSONA", parts, exactOnly: false })
  }
  const all = [...entities.values()].sort((a, b) => b.key.split(" ").length - a.key.split(" ").length)
  // Relatives never alias (aliasToContainers), so their keys stay what they are now.
  const kinKeys = new Set(all.filter((e) => e.kin).map((e) => e.key))
  aliasToContainers(all, kinKeys)
  // An official's shorter form after "Dr."/"Dra." ("la Dra. María López" for the Defensora Oficial Ana María
  // López Paz) that aliasing made the official's is the official, unless a party's cue founded that person.
  const partyKeys = new Set(all.filter((e) => e.party).map((e) => e.key))
  const officialKeys = new Set(all.filter((e) => e.label === "FUNCIONARIO" && !partyKeys.has(e.key)).map((e) => e.key))
  const officialAgain = (entity: string, start: number): boolean => officialKeys.has(entity) && DOCTOR_BEFORE.test(text.slice(Math.max(0, start - 12), start))
  // Given names alone that aliasing made an official's ("PEREYRA de LUNA, Ana Clara" for the Vocal Ana Clara
  // Pereyra de Luna), found by no party's cue, are that official wherever they are written.
  const officialGiven = new Map<string, Set<string>>()
  for (const e of all) {
    if (e.label !== "FUNCIONARIO") continue
    const given = officialGiven.get(e.key) ?? new Set()
    for (const word of e.parts.given) given.add(word)
    officialGiven.set(e.key, given)
  }
  for (const e of all) {
    if (e.label !== "PERSONA" || e.party || e.kin || !officialKeys.has(e.key)) continue
    const given = officialGiven.get(e.key)
    if (given && [...e.parts.given, ...e.parts.surnames].every((word) => given.has(word))) e.label = "FUNCIONARIO"
  }
  // A nickname takes its person's pseudonym.
  for (const { nickname, owner } of nicknames) {
    const nick = entities.get(`PERSONA|${fold(nickname)}`) ?? entities.get(`PERSONA|${keyOf(parseName(nickname))}`)
    const person = entities.get(`PERSONA|${keyOf(parseName(owner))}`)
    if (nick && person && nick !== person) nick.key = person.key
  }

  // 2. Variant table: folded text → owners.
  const spellings = spellingsOf(text, names)
  const owners = new Map<string, { entities: Set<string>; labels: Set<NameLabel>; kinds: Set<Variant["kind"]>; spelling?: string }>()
  for (const e of all) {
    for (const v of variantsOf(e, spellings)) {
      const o = owners.get(v.text) ?? { entities: new Set(), labels: new Set(), kinds: new Set() }
      o.entities.add(e.key)
      o.labels.add(e.label)
      o.kinds.add(v.kind)
      if (v.spelling) o.spelling = v.spelling
      owners.set(v.text, o)
    }
  }

  // 3. Entity for every detected name span; weak person mentions of an official's exact name are the official.
  const out: Span[] = spans.map((s) => {
    if (s.label !== "PERSONA" && s.label !== "FUNCIONARIO") return s
    const f = tightInitials(fold(text.slice(s.start, s.end)).replace(/,/g, ""))
    const o = owners.get(f)
    // A form shared by a party and an official ("la imputada FERNÁNDEZ", "la Secretaria, Dra. … Fernández Ríos") is the party's when it is the one person of that label.
    const ofLabel = o ? [...o.entities].filter((key) => entities.has(`${s.label}|${key}`)) : []
    // Of a party and a relative who share the form, the party (see aliasToContainers); not for a given name alone.
    const notKin = o && !(o.kinds.size === 1 && o.kinds.has("given")) ? ofLabel.filter((key) => !kinKeys.has(key)) : []
    const entity = o && o.entities.size === 1 ? [...o.entities][0]! : ofLabel.length === 1 ? ofLabel[0]! : notKin.length === 1 ? notKin[0]! : keyOf(parseName(text.slice(s.start, s.end))) || f
    if (s.label === "PERSONA" && !PARTY_EVIDENCE.test(s.evidence ?? "") && ((o && o.labels.size === 1 && o.labels.has("FUNCIONARIO")) || officialAgain(entity, s.start))) {
      return { ...s, label: "FUNCIONARIO" as const, entity, evidence: `${s.evidence ?? ""}+official-name` }
    }
    return { ...s, entity }
  })

  // 4. Find further mentions, all variants in one pass of the one form search (as the gate searches).
  const detected = overlapIndex(out)
  const added: Span[] = []
  const cited: Span[] = []
  const sharedGiven = new Map<string, Span[]>()
  const variants = [...owners].filter(([variant, o]) =>
    // A given name two people share is searched too when both are parties, not officials: which of them it
    // is cannot be told, so it gets a pseudonym of its own ("Leandro trabajaba…" with two Leandros).
    !(o.kinds.has("given") && !o.kinds.has("surname") && !o.kinds.has("full") && o.entities.size > 1 && !(o.labels.size === 1 && o.labels.has("PERSONA"))) &&
    !(o.kinds.has("given") && o.kinds.size === 1 && o.labels.has("FUNCIONARIO")) &&
    !swallowedWord(text, variant, o.kinds, o.spelling)
  ).map(([variant]) => variant)
  const entitiesByKey = new Map<string, Entity[]>()
  for (const e of all) {
    const list = entitiesByKey.get(e.key)
    if (list) list.push(e)
    else entitiesByKey.set(e.key, [e])
  }
  // A variant's entities of one label, worked out once per variant and label (a given name may belong to hundreds).
  const keysOfLabel = new Map<string, Set<string>>()
  const ownKeys = (variant: string, o: { entities: Set<string> }, label: NameLabel): Set<string> => {
    const id = `${label}|${variant}`
    let keys = keysOfLabel.get(id)
    if (!keys) keysOfLabel.set(id, (keys = new Set([...o.entities].filter((key) => entitiesByKey.get(key)?.some((e) => e.label === label)))))
    return keys
  }
  for (const hit of findForms(tokenize(text), variants.map(formTokens))) {
    const { start, end } = hit
    const variant = variants[hit.form]!
    const o = owners.get(variant)!
    if (!/^\p{Lu}/u.test(text.slice(start, start + 1))) continue
    if (o.spelling && foldKeepingEnie(text.slice(start, end)) !== o.spelling) continue
    // Initials are capitals: "V. b." is a heading's numbering.
    if (o.kinds.size === 1 && o.kinds.has("initials") && (LEGAL_REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || /\p{Ll}/u.test(text.slice(start, end)))) continue
    // Initials are a whole cluster ("R.L." is not in "S.R.L."), and a company's type after its name is no one's ("Servicios Sur S.A.").
    if (INITIALS_FORM.test(variant) && (INITIAL_JUST_BEFORE.test(text.slice(Math.max(0, start - 2), start)) ||
      INITIAL_JUST_AFTER.test(text.slice(end, end + 2)) || (COMPANY_TYPE.test(text.slice(start, end)) && COMPANY_NAME_BEFORE.test(text.slice(Math.max(0, start - 40), start))))) continue
    if (o.kinds.size === 1 && o.kinds.has("common-surname") && commonWordUse(text, start, end)) continue
    if ((!variant.includes(" ") && placeNameUse(text, start, end)) || courtSeatAt(text, start)) continue
    // A nickname's word ending a longer proper name is that name's ("Río Negro").
    if (o.kinds.size === 1 && o.kinds.has("nickname") && CAPITALISED_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue
    const overlapping = detected(start, end)
    if (overlapping.length === 0 && givenNameInOthersName(text, start, end, (a, b) => detected(a, b).some((s) => s.label === "PERSONA"))) continue
    if (overlapping.some((s) => s.label !== "PERSONA" && s.label !== "FUNCIONARIO")) continue
    let label: NameLabel
    if (o.labels.size === 1) label = [...o.labels][0]!
    else label = OFFICIAL_BEFORE.test(text.slice(Math.max(0, start - 40), start)) ? "FUNCIONARIO" : "PERSONA"
    const keys = ownKeys(variant, o, label)
    // Of two people who share the form, the one not named as the other's relative (see aliasToContainers).
    const notKin = keys.size > 1 ? [...keys].filter((key) => !kinKeys.has(key)) : []
    const entity = keys.size === 1 ? [...keys][0]! : notKin.length === 1 && !o.kinds.has("given") ? notKin[0]! : variant
    if (label === "PERSONA" && officialAgain(entity, start)) label = "FUNCIONARIO"
    if (overlapping.some((s) => s.label !== label)) continue
    const span: Span = { start, end, label, score: 0.8, detector: "resolve/propagate", evidence: `propagate:${[...o.kinds][0]}`, entity }
    if (keys.size > 1 && o.kinds.size === 1 && o.kinds.has("given")) {
      // A given name two parties share (see `variants`), where it stands alone ("Leandro trabajaba…"), not
      // in someone else's name ("GABRIEL PABLO C/", "Pérez, Carlos A.", "c/ José a. Mira"); kept apart
      // until every occurrence is seen.
      if (!STANDS_ALONE_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || !STANDS_ALONE_AFTER.test(text.slice(end, end + 30))) continue
      const list = sharedGiven.get(variant)
      if (list) list.push(span)
      else sharedGiven.set(variant, [span])
      continue
    }
    if (!inCitedWork(text, start, end)) added.push(span)
    // A party's full name in a cited case is that party's own case (a prior conviction: "registra una
    // condena del Tribunal Oral N° 5, “PÉREZ, Juan Carlos s/ robo”"), however the caption orders it.
    else if (label === "PERSONA" && o.kinds.has("full") && nameWords(variant) >= 2) added.push(span)
    // A person's surname opening a criminal caption, alone or with initials ("“PÉREZ, J. C. s/ robo”",
    // "“Pérez s/ hurto”"), may be that person's own case: masked, under a pseudonym of its own (a
    // namesake's case is masked too; see below). A precedent cited by its name alone ("“Acosta”") is not.
    else if (label === "PERSONA" && o.kinds.has("surname") && OPENS_CAPTION.test(text.slice(Math.max(0, start - 2), start)) &&
      ACCUSED_CAPTION_AFTER.test(text.slice(end, end + 40))) added.push({ ...span, entity: `cita|${variant}` })
    else cited.push(span)
  }
  // A shared given name is masked only where the ruling cites no work or precedent with it: masked,
  // the same name in a citation ("Carlos A." of a cited author) would have to be masked too.
  for (const spans of sharedGiven.values()) if (!spans.some((span) => inCitedWork(text, span.start, span.end))) added.push(...spans)
  // Any other name inside a cited precedent or work (a given name: "CSJN,
  // “Quiroga, Edgardo Oscar”") stays visible unless that very form is masked
  // elsewhere in the ruling: a masked form left readable would defeat the
  // pseudonym (and the publication gate blocks it). Masked so, or masked as a
  // surname above, it may be someone else who shares a surname or a given
  // name with a person of the ruling, and gets a pseudonym of its own: the
  // ruling's would tie that person to a caption whose visible rest can be
  // looked up.
  const ownMentions = [...out, ...added.filter((a) => detected(a.start, a.end).length === 0)]
  const maskedForms = new Set(ownMentions.filter((s) => s.label === "PERSONA").map((s) => fold(text.slice(s.start, s.end))))
  for (const span of cited) {
    const form = fold(text.slice(span.start, span.end))
    if (maskedForms.has(form)) added.push({ ...span, entity: `cita|${form}` })
  }
  return [...out, ...added]
}
