import type { Label } from "../domain/Label.ts"
import { overlaps, type Span } from "../domain/Span.ts"
import { escapeRegex, fold } from "../detect/fold.ts"
import { formIndex, formTokens, tokenize } from "../detect/formSearch.ts"
import { courtSeatAt, inCitation, inCitedWork, inNamedInstitution, isFirstName, isGivenStop, isInitial, isStop, isSurname, isSurnameStop, writtenInLowerCase } from "../detect/names.ts"
import { dottedRunAround, isLegalAbbreviation } from "../detect/lexicon/abbreviations.ts"
import { CABA_BARRIOS, PROVINCES, SEAT_AND_COUNTRY } from "../detect/lexicon/places.ts"
import { VEHICLE_MAKES } from "../detect/lexicon/vehicles.ts"
import { IntervalBuckets } from "./IntervalBuckets.ts"
import { overlapIndex } from "./overlapIndex.ts"
import { OFFICIAL_BEFORE } from "./propagate.ts"

/**
 * Model spans (detector "ner/…") go through the same visibility policy as the
 * rules before they are merged, and what the model redacts stays consistent
 * across the ruling afterwards. A statistical tagger knows words, not the
 * policy: it tags "Asesoría Tutelar N° 2" as an address, "Buenos Aires" in
 * "Ciudad Autónoma de Buenos Aires" as a place, "Obra" at the start of a
 * sentence as a person. Each check below is one named, general rule.
 *
 * Before merging (`vetModelSpans`), a model span is dropped when it
 * - overlaps a rule span of another label (rules are precise; the rule's
 *   label and extent win; same-label overlaps are merged as usual);
 * - sits in the name of an institution or a law ("Asesoría Tutelar N° 1",
 *   "Fiscalía PCyF N° 22", "Comisaría 4ª", "Constitución Nacional",
 *   "Código Contravencional de la Ciudad"), in the parenthesis that gives an
 *   institution's name in its own language ("Consejo de Estado (Danıştay
 *   İdari Dava Daireleri Genel Kurulu)"), or in a name the ruling abbreviates
 *   by its initials ("Partiye Rizgariye Kurdistan", en lo sucesivo "PRK"):
 *   people are not given acronyms, organisations are;
 * - is a legal abbreviation written like initials ("T.S.J.", "CA", "J.A.");
 * - is a place or address that is only a paragraph's number or letter ("I.");
 * - is a coarse place (the court's seat, the city, the country, a country);
 * - is inside a citation (an author, a cited case, a publisher or its city, an
 *   author's surname opening a parenthesis: "(Avellaneda, Tomás en …)");
 * - is an address with neither a number nor a street word;
 * - is a one-word person that the ruling also writes in lower case (a
 *   common word: "Obra", "Agregó"), or a longer one made only of such words
 *   and initials (or legal abbreviations: "Tasa Pasiva del BCRA"), none of them
 *   a known name (a heading "B. Juicio").
 *
 * After merging (`consistentModelForms`), every form the model alone
 * redacts as a place or address is looked for elsewhere in the ruling (the
 * way the publication gate does: folded, whole words). An occurrence that
 * stands alone and capitalised is redacted too; if one cannot be (it is part
 * of a longer name, "Constitución" in "Constitución Nacional", or lower case),
 * the span is widened to its type word when there is one ("provincia de
 * Buenos Aires", "barrio de Constitución"), so that the redacted form is not
 * readable elsewhere; otherwise the model's spans of that form are dropped:
 * leaving a place visible that rules alone would leave visible too beats
 * withholding the whole ruling.
 */

export const isModelSpan = (s: Pick<Span, "detector">): boolean => s.detector.startsWith("ner/")

/** Heads of institution names: a place/address tag inside one is the institution, not a person's whereabouts. */
const INSTITUTION =
  /^(?:sa|s\.a|srl|s\.r\.l|sas|s\.a\.s|sca|s\.c\.a|sau|s\.a\.u|bank|sociedad|compania|cia|empresa|cooperativa|mutual|seguros|aseguradora|transportes|automotores|construcciones|constructora|distribuidora|inmobiliaria|laboratorios|industrias|hermanos|hnos|asociacion|fundacion|club|motors|group|grupo|holding|corporation|corp|inc|ltd|ltda|asesoria|fiscalia|defensoria|juzgado|juzgados|tribunal|tribunales|camara|sala|secretaria|prosecretaria|comisaria|unidad|division|departamento|direccion|cuerpo|oficina|ministerio|registro|policia|prefectura|gendarmeria|consejo|corte|procuracion|servicio|programa|dependencia|delegacion|subsecretaria|poder|legislatura|gobierno|banco|universidad|facultad|superintendencia|agencia|instituto|centro|equipo|area|mesa|observatorio|colegio de abogados|court|courts|magistrates|hospital|sanatorio|clinica|municipalidad|comuna|intendencia)$/
/** Heads of law names. */
const LAW = /^(?:constitucion|codigo|ley|convencion|pacto|declaracion|estatuto|reglamento|regimen|decreto|resolucion|acordada|protocolo|tratado|reglas|principios|directrices)$/

/** Too coarse to locate anyone: the court's seat and the country, regions, other countries. */
const COARSE = new Set([
  ...SEAT_AND_COUNTRY,
  "nacion", "la nacion", "pais", "provincia", "provincia de buenos aires", "america", "america latina", "latinoamerica",
  "europa", "mercosur", "espana", "paraguay", "bolivia", "peru", "chile", "uruguay", "brasil", "venezuela", "colombia",
  "ecuador", "mexico", "cuba", "republica dominicana", "haiti", "china", "italia", "francia", "alemania", "estados unidos",
  "senegal", "rusia", "ucrania", "turquia", "portugal", "reino unido",
])

/** A capitalised word, an abbreviation, a number sign, a number or ordinal, or a connector inside a proper name. */
const NAME_PART = /^(?:\p{Lu}[\p{L}\p{M}.'’-]*|[\p{L}]{1,3}\.|N\s?[°º]|Nro\.?|\d+[°ºªa-zA-Z\-/]*|de|del|la|las|los|en|lo|y|e|para|sobre)$/u
const CONNECTOR = /^(?:de|del|la|las|los|en|lo|y|e|para|sobre)$/

interface Word {
  readonly start: number
  readonly end: number
  readonly text: string
}

const WORD_RE = /[^\s,;:()“”"«»[\]]+/gu

/** A word that ends its sentence: five letters or more before a point ("Fernández.", "Juzgado."), not an abbreviation ("Gral.", "Dr."). */
const SENTENCE_END = /[\p{L}\p{M}]{5,}\.$/u

const wordsIn = (text: string, from: number, to: number): Word[] =>
  Array.from(text.slice(from, to).matchAll(WORD_RE), (m) => ({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] }))

/** The comma inside the name of the city's criminal courts and offices: "Juzgado … en lo Penal, Contravencional y de Faltas N° 9". */
const FUERO_COMMA = /^Penal,[ \t]*Contravencional/iu

/**
 * The proper name the span belongs to: the span widened over adjacent
 * capitalised words, numbers and connectors on the same line, without
 * crossing punctuation that ends a name (comma, semicolon, parenthesis) or
 * a sentence's end ("…al Hospital Fernández. Declaró Marta Güemes": a word
 * of five letters or more before a point; "Gral. Paz", "Dr. Pérez" and
 * initials are abbreviations inside a name).
 */
export const enclosingName = (text: string, start: number, end: number): { start: number; end: number } => {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1
  const nl = text.indexOf("\n", end)
  const lineEnd = nl < 0 ? text.length : nl
  const left = wordsIn(text, Math.max(lineStart, start - 100), start)
  let s = start
  for (let i = left.length - 1; i >= 0; i--) {
    const w = left[i]!
    if ((/[,;:()“”"«»]/.test(text.slice(w.end, s)) && !FUERO_COMMA.test(text.slice(w.start, s + 16))) || !NAME_PART.test(w.text) || SENTENCE_END.test(w.text)) break
    s = w.start
  }
  const right = wordsIn(text, end, Math.min(lineEnd, end + 60))
  let e = end
  // The span itself may end its sentence.
  if (!SENTENCE_END.test(text.slice(Math.max(0, end - 6), end))) {
    for (const w of right) {
      if ((/[,;:()“”"«»]/.test(text.slice(e, w.start)) && !FUERO_COMMA.test(text.slice(Math.max(0, e - 6), w.end))) || !NAME_PART.test(w.text.replace(/[.]$/, ""))) break
      e = w.end
      if (SENTENCE_END.test(w.text)) break
    }
  }
  // A name does not start or end on a connector.
  const trimmed = wordsIn(text, s, e)
  while (trimmed.length && CONNECTOR.test(trimmed[0]!.text) && trimmed[0]!.start < start) trimmed.shift()
  while (trimmed.length && CONNECTOR.test(trimmed[trimmed.length - 1]!.text) && trimmed[trimmed.length - 1]!.end > end) trimmed.pop()
  return { start: Math.min(start, trimmed[0]?.start ?? start), end: Math.max(end, trimmed[trimmed.length - 1]?.end ?? end) }
}

const heads = (text: string): string[] => wordsIn(text, 0, text.length).map((w) => fold(w.text).replace(/[.]$/, ""))

/** The span is, or is part of, an institution's or a law's name. */
export const inInstitutionOrLawName = (text: string, span: Pick<Span, "start" | "end">): boolean => {
  const name = enclosingName(text, span.start, span.end)
  const own = heads(text.slice(span.start, span.end))
  const all = heads(text.slice(name.start, name.end))
  const widened = name.start < span.start || name.end > span.end
  if (all.some((w) => INSTITUTION.test(w)) && (widened || own.length > 1)) return true
  // "Constitución Nacional", "Código Contravencional…": a law's head word followed by the rest of its name.
  return all.some((w, i) => LAW.test(w) && i < all.length - 1) && (widened || own.length > 1)
}

/** Whether the words before `end` (a capitalised name with its connectors) name an institution. */
const institutionNameEndsAt = (text: string, end: number): boolean => {
  const lineStart = text.lastIndexOf("\n", end - 1) + 1
  const words = wordsIn(text, Math.max(lineStart, end - 120), end)
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!
    if (/[,;:.]$/.test(w.text) && i < words.length - 1) break
    if (!NAME_PART.test(w.text.replace(/[,;:]$/, ""))) break
    if (INSTITUTION.test(fold(w.text).replace(/[,;:.]$/, ""))) return true
  }
  return false
}

/**
 * Inside a parenthesis right after an institution's name (after any earlier
 * parenthesis, such as its short name): the institution's name in its own
 * language or its acronym, "Dirección de Educación de Estambul (Milli Eğitim
 * Müdürlüğü)".
 */
export const inInstitutionAlias = (text: string, span: Pick<Span, "start" | "end">): boolean => {
  const lineStart = text.lastIndexOf("\n", span.start - 1) + 1
  const before = text.slice(lineStart, span.start)
  const open = before.lastIndexOf("(")
  if (open < 0 || before.indexOf(")", open) >= 0) return false
  let head = before.slice(0, open).trimEnd()
  // Skip earlier parentheses: "Dirección General (" la Dirección General ") (T. C. …)".
  while (head.endsWith(")")) {
    const o = head.lastIndexOf("(")
    if (o < 0) return false
    head = head.slice(0, o).trimEnd()
  }
  return institutionNameEndsAt(text, lineStart + head.length)
}

/** Introduces an abbreviation: "(en lo sucesivo, "PRK")", "(en adelante PRK)". */
const ABBREVIATION_AFTER = /^[\s"”»']*[:,]?\s*\(?\s*(?:en\s+lo\s+sucesivo|en\s+adelante|abreviad[oa]|por\s+sus\s+siglas)\s*,?\s*[«"“']?\s*(\p{Lu}{2,8})\b/u

/** The span's name is abbreviated by its initials right after it: an organisation's name. */
export const namesAbbreviatedOrganisation = (text: string, span: Pick<Span, "start" | "end">): boolean => {
  const name = enclosingName(text, span.start, span.end)
  const m = ABBREVIATION_AFTER.exec(text.slice(name.end, name.end + 60))
  if (!m) return false
  const initials = wordsIn(text, name.start, name.end)
    .filter((w) => !CONNECTOR.test(w.text))
    .map((w) => w.text[0]!.toUpperCase())
    .join("")
  return initials.length >= 2 && initials === m[1]
}

/** Separator between a locality and its province: "Ramos Otero, Buenos Aires", "General Pinto (Buenos Aires)". */
const PROVINCE_GAP = /^[ \t]*(?:,|\(|-|–)[ \t]*$/u

/**
 * "Buenos Aires" names the province (not the court's seat) after "provincia
 * de" or right after a place it qualifies; it is then redacted with that
 * place (see `consistentModelForms`).
 */
const qualifiesPlace = (text: string, span: Pick<Span, "start" | "end">, context: VetContext): boolean =>
  /provincia\s+de\s+$/iu.test(text.slice(Math.max(0, span.start - 20), span.start)) || context.placeEndsIn(provinceGapStarts(text, span.start))

/**
 * Where a place may end for `PROVINCE_GAP` to hold between it and `start`:
 * the range [from, to] of offsets p such that text[p, start) is the gap, or
 * undefined when there is none (spaces, one separator, spaces).
 */
const provinceGapStarts = (text: string, start: number): { from: number; to: number } | undefined => {
  let at = start
  while (at > 0 && (text[at - 1] === " " || text[at - 1] === "\t")) at--
  if (at === 0 || !",(-–".includes(text[at - 1]!)) return undefined
  const to = at - 1
  let from = to
  while (from > 0 && (text[from - 1] === " " || text[from - 1] === "\t")) from--
  return { from, to }
}

/** What a veto looks up among the other spans, indexed once per ruling. */
interface VetContext {
  /** Rule spans overlapping a range. */
  readonly rulesAt: (start: number, end: number) => readonly Span[]
  /** Whether a place span ends inside the range (see `provinceGapStarts`). */
  readonly placeEndsIn: (range: { from: number; to: number } | undefined) => boolean
}

const vetContext = (rules: readonly Span[], spans: readonly Pick<Span, "start" | "end" | "label">[]): VetContext => {
  const ends = Float64Array.from(spans.filter((p) => p.label === "LUGAR").map((p) => p.end)).sort()
  return {
    rulesAt: overlapIndex(rules),
    placeEndsIn: (range) => {
      if (!range) return false
      let low = 0
      let high = ends.length
      while (low < high) {
        const mid = (low + high) >> 1
        if (ends[mid]! < range.from) low = mid + 1
        else high = mid
      }
      return low < ends.length && ends[low]! <= range.to
    },
  }
}

const STREET = /\b(?:calle|av|avda|avenida|pasaje|pje|manzana|mza|mz|casa|piso|dpto|depto|departamento|torre|block|monoblock|lote|ruta|km|barrio|edificio|unidad funcional|uf)\b/

/** Words that join numbers ("arts. 18 y 19", "al 2700"): no street's name ("1° A" keeps its flat's letter). */
const CONNECTORS = /(?<![\p{L}])(?:y|e|o|al)(?![\p{L}])/gu

/** A court's degree or chamber after its ordinal: "JUEZ/A DE 1RA. INSTANCIA", "Juzgado de 2ª Nominación". */
const COURT_DEGREE = /^(?:de[ \t]+)?\d{1,2}[ \t]*(?:[°ºª]|ra|da|do|er|ta|to|va|vo|na|no|ma|mo)?\.?[ \t]*(?:inst(?:ancia)?|nom(?:inaci[oó]n)?|circ(?:unscripci[oó]n)?)\b/iu

/** A page ("Pág. 4 / 9", "fs. 23") or a numbered act, law or document ("A.I. Nº 412", "Sentencias Nº 17/95", "leyes nacionales nº 26.485"; the later numbers of a list, "Pág. 3 / 9") before a number. */
const REFERENCE_BEFORE = /(?:\b(?:p[áa]gs?|p[áa]ginas?|fs|fojas?)\.?|(?:\bA\.[ \t]?I\.|\b(?:autos?|interlocutorios?|sentencias?|sent|resoluci[oó]n(?:es)?|res|escrituras?|expedientes?|expte|(?:leyes|ley|decretos?|convenios?)(?:\s+(?:nacional|provincial)(?:es)?)?|acordadas?|oficios?|legajos?|carta[ \t]+documento)\.?)[ \t]*(?:N[°º.ª]?|n[°º]\.?|nros?\.?|números?)?)(?:[ \t]*\d[\d.]*[ \t]*(?:,|\by\b|\/|\bde\b)[ \t]*(?:N[°º.ª]?|n[°º]\.?|nros?\.?)?)*[ \t]*$/iu
/**
 * Numbers a ruling refers by, which the model took for an address or a
 * place: a court's degree ("DE 1RA. INSTANCIA"), a page, a numbered act or
 * document. No address is written so.
 */
const referenceNumber = (text: string, span: Pick<Span, "start" | "end">): boolean => {
  const digit = text.slice(span.start, span.end).search(/\d/u)
  if (digit < 0) return false
  // What precedes the span's first number, inside it or not: "(A.I. Nº 412", "Escritura N° 213", "Pág. 4 / 9".
  const number = span.start + digit
  return COURT_DEGREE.test(text.slice(span.start, span.end + 30).replace(/\s+/gu, " ")) || REFERENCE_BEFORE.test(text.slice(Math.max(0, number - 80), number))
}

/** Abbreviations of citations longer than two letters ("Bol. Jud.", "Abs.", "ob. cit.", "conf."); two letters or fewer before a point are always one. */
const CITATION_ABBREVIATIONS: ReadonlySet<string> = new Set(["bol", "abs", "cit", "vol", "rev", "jur", "doc", "pag", "sec", "cap", "ant", "sig", "ibd", "ibid", "cfr", "cfme", "conf"])

/** The span is part of a tight dotted run of capitals that spells a legal abbreviation ("D.N" in "D.N.I."). */
const inDottedAbbreviation = (text: string, span: Pick<Span, "start" | "end">): boolean => {
  const letters = dottedRunAround(text, span.start, span.end)
  if (letters === "") return false
  // "T.A.X." of "F.E.C.O.T.A.X.": a part of a run longer than a person's initials (four letters at most).
  const own = text.slice(span.start, span.end).replace(/[^\p{Lu}]/gu, "")
  return isLegalAbbreviation(letters) || (letters.length >= 5 && own.length < letters.length)
}

/** "1°", "2º", "3ª": the ordinal signs (two of them letters to Unicode) of a number. */
const ORDINAL_SIGNS = /[°ºª]/gu

/**
 * Whether a house number may start at `start`: right after a street's name
 * (a word in capitals or capitalised, not abbreviated: "Lavalleja", "SARMIENTO";
 * a number sign between them may stand), or with a street word shortly
 * before it on the same line ("calle 44 n° 1234").
 */
const afterStreet = (text: string, start: number): boolean => {
  const before = text.slice(Math.max(0, start - 40), start)
  const line = before.slice(before.lastIndexOf("\n") + 1)
  return STREET_NAME_BEFORE.test(line) || STREET.test(fold(line.slice(-30)))
}

const STREET_NAME_BEFORE = /(?:\p{Lu}[\p{L}\p{M}'’]*[\p{Ll}\p{M}'’]|\p{Lu}{2,})[ \t]+(?:(?:N[°º.]?|n[°º]|nro\.?|número)[ \t]*)?$/u

/** Right before a make or a model: the thing made, "marca"/"modelo", or the make before its model ("VW Amarok"). */
const MAKE_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:marca|modelo|celular|tel[ée]fono|smartphone|notebook|tablet|televisor|motocicleta|moto|autom[óo]vil|auto|camioneta|rodado|veh[íi]culo|${VEHICLE_MAKES})[ \t]*:?[ \t]+$`,
  "iu",
)

/** A make alone: "su Toyota Etios". */
const VEHICLE_MAKE = new RegExp(String.raw`^(?:${VEHICLE_MAKES})$`, "u")

/** Why a model span must not be used, or undefined when it may. Pure; exported for tests. */
export const modelSpanVeto = (text: string, span: Span, rules: readonly Span[], spans: readonly Span[] = rules): string | undefined =>
  veto(text, span, vetContext(rules, spans))

const veto = (text: string, span: Span, context: VetContext): string | undefined => {
  const surface = text.slice(span.start, span.end)
  const f = fold(surface).replace(/[,.;:]+$/, "")
  const rules = context.rulesAt(span.start, span.end)
  if (rules.some((r) => r.label !== span.label)) return "rule-label-wins"
  if (span.label === "DIRECCION" || span.label === "LUGAR" || span.label === "PERSONA") {
    if (inInstitutionOrLawName(text, span)) return "institution-or-law"
    if (inInstitutionAlias(text, span)) return "institution-alias"
    if (namesAbbreviatedOrganisation(text, span)) return "abbreviated-organisation"
  }
  // "un teléfono celular Samsung Galaxy A34", "marca Fiat": a make or a model, right after the thing or its "marca".
  if ((span.label === "PERSONA" || span.label === "LUGAR") && (MAKE_BEFORE.test(text.slice(Math.max(0, span.start - 24), span.start)) || VEHICLE_MAKE.test(surface.trim()))) return "make"
  // Hospital General de Agudos "Dr. Teodoro Álvarez": the institution's eponym, no party.
  if (span.label === "PERSONA" && inNamedInstitution(text, span.start)) return "institution-eponym"
  // "XXX", "X.X.", "NN": where the source already hid a name, there is nothing left to hide.
  if (/^(?:[Xx]{2,}|(?:X\.\s?){2,}|N\.?\s?N\.?)(?:[\s,]+(?:[Xx]{2,}|(?:X\.\s?){2,}))*$/u.test(surface.trim())) return "placeholder"
  // "I. Los codemandados…", "b) El actor…": a paragraph's number or letter, not a place.
  if ((span.label === "LUGAR" || span.label === "DIRECCION") && /^(?:[IVXLC]+|\p{L})\.?$/u.test(surface.trim())) return "numbering"
  // "- Nº Res. 53": a number sign alone.
  if (/^(?:N[°º]|n[°º]|Nros?\.?|nros?\.?)$/u.test(surface.trim())) return "number-sign"
  // "el Juez de Paz de Marcos Paz", "la Cámara de Coronel Suárez": the court's seat, a town named like a person.
  if ((span.label === "PERSONA" || span.label === "LUGAR") && courtSeatAt(text, span.start)) return "court-seat"
  // "Juez de Paz", "Juzgado de Paz": a court, not a person or a place.
  if (f === "paz" && /\b(?:jue(?:z|za|ces)|juzgados?|justicia)\s+de\s+$/iu.test(text.slice(Math.max(0, span.start - 20), span.start))) return "court-of-peace"
  // "Ed. La Ley", "Bol. Jud.", "AA.VV.", "Sur Seguros SA": an abbreviation, not a place.
  if (span.label === "LUGAR" && (isLegalAbbreviation(surface) || (text[span.end] === "." && (/^\p{Lu}\p{L}?$/u.test(surface.trim()) || CITATION_ABBREVIATIONS.has(f))))) return "abbreviation"
  // "D.N" of "D.N.I.": the start of a dotted abbreviation.
  if ((span.label === "LUGAR" || span.label === "PERSONA") && inDottedAbbreviation(text, span)) return "abbreviation"
  // "provincia de Buenos Aires" (a birthplace) is a province like any other; the bare name is the court's seat.
  if (span.label === "LUGAR" && COARSE.has(f) && !(f === "buenos aires" && qualifiesPlace(text, span, context))) return "coarse-place"
  if (span.label === "PERSONA" && OFFICIAL_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start))) return "official"
  if ((span.label === "PERSONA" || span.label === "LUGAR") && (inCitation(text, span.start, span.end) || inCitedWork(text, span.start, span.end))) return "citation"
  // "(Avellaneda, Tomás en “Curso de derecho procesal”)": an author opening a parenthesis, inverted, is a surname.
  if (span.label === "LUGAR" && AUTHOR_OPENS.test(text.slice(Math.max(0, span.start - 12), span.start)) && givenNameAfterComma(text, span.end)) return "citation"
  // "Editorial, Buenos Aires, 2002": a publisher's city.
  if (span.label === "LUGAR" && /^\s*,\s*(?:19|20)\d\d\b/.test(text.slice(span.end, span.end + 12))) return "citation"
  // "…comentado, Abeledo Perrot, 2015": a publisher, its year after it, closing a cited work.
  if (span.label === "PERSONA" && /^\s*,\s*(?:19|20)\d\d\b/.test(text.slice(span.end, span.end + 12)) && /(?:comentad[oa]|anotad[oa]|t\.\s*[IVX\d]+|[“"«][^”"»\n]{3,}[”"»])\s*,\s*$/iu.test(text.slice(Math.max(0, span.start - 80), span.start))) return "citation"
  if (span.label === "DIRECCION" && !/\d/.test(surface) && !STREET.test(f)) return "address-without-number"
  // "Pág. 3 / 17", "arts. 18 y 19 CN; 1° y 5° CPP", "Sala B, 04.06.2019": a number alone is
  // part of an address only after its street ("Lavalleja 1234", "calle 44 n° 1234", "manzana 3").
  if ((span.label === "DIRECCION" || span.label === "LUGAR") && !/\p{L}/u.test(surface.replace(CONNECTORS, "").replace(ORDINAL_SIGNS, "")) && !afterStreet(text, span.start)) return "number-without-street"
  if ((span.label === "DIRECCION" || span.label === "LUGAR") && referenceNumber(text, span)) return "reference-number"
  if (span.label === "PERSONA" && /\s/.test(surface.trim())) {
    const words = wordsIn(text, span.start, span.end).map((w) => w.text.replace(/[,;:]$/, "")).filter((w) => !isInitial(w) && !CONNECTOR.test(w))
    // A legal abbreviation among them counts as such a word: "Tasa Pasiva del BCRA".
    const common = (w: string): boolean => !isFirstName(w) && !isSurname(w) && (isStop(w) || writtenInLowerCase(text, w) || isLegalAbbreviation(w))
    if (words.length > 0 && words.every(common)) return "common-words"
  }
  if (span.label === "PERSONA" || span.label === "LUGAR") {
    const lone = surface.trim().replace(/[,;:.]$/, "")
    const loneEnd = span.start + (surface.length - surface.trimStart().length) + lone.length
    if (!/\s/.test(lone)) {
      // "(Mis Notificaciones)", "publicado en La Ley", "el Tribunal de Alzada": a word of the language's own vocabulary.
      // A barrio or province that is also a word ("Once", "Constitución", "Misiones") stays a place.
      const knownPlace = span.label === "LUGAR" && (CABA_BARRIOS.has(fold(lone)) || PROVINCES.has(fold(lone)))
      if (isStop(lone) && !isGivenStop(lone) && !isSurnameStop(lone) && !knownPlace) return "stop-word"
      // "Recalando en…", "Atendiendo a…": a gerund (Fernando, Armando and Rolando are names the lists know).
      if (/^\p{Lu}\p{Ll}{2,}(?:ando|iendo|yendo)$/u.test(lone) && !isFirstName(lone) && !isSurname(lone)) return "gerund"
      // "Arguye que…", "Postula que…": a verb opening the sentence before its clause, not a subject's name.
      if (atSentenceStart(text, span.start) && /^[ \t]*\n?[ \t]*que\b/u.test(text.slice(span.end, span.end + 8)) && !(isFirstName(lone) || isSurname(lone))) return "verb-before-que"
      // "dijo: «Escuché un ruido»", "Héctor: Buen día", "Llamamos y vino el cabo": a quoted speaker's first word.
      if (atSpeechStart(text, span.start) && speechOpener(lone) && !knownPlace) return "speech-opener"
      // "Nº Res. 87", "Expte. 12": a short word abbreviating a document before its number.
      if (span.label === "LUGAR" && lone.length <= 4 && /^\.[ \t]*(?:N[°º.]?\s*)?\d/u.test(text.slice(loneEnd, loneEnd + 12))) return "abbreviation-before-number"
    }
  }
  // "Jorge W. Peralta": one letter is an initial of a longer name, never a person by itself (initials after a cue are the rules').
  if (span.label === "PERSONA" && /^\p{Lu}\.?$/u.test(surface.trim()) && rules.length === 0) return "lone-initial"
  // "T.S.J.", "CA", "J.A.": a court, a code, a law report (a party cue before initials is the rules' call).
  if (span.label === "PERSONA" && isLegalAbbreviation(surface)) return "legal-abbreviation"
  // A cluster of initials ("R.A.M.") is how rulings shorten a person's name, not a word.
  if (span.label === "PERSONA" && !/\s/.test(surface.trim()) && !/^(?:\p{Lu}{1,3}\.){2,}$/u.test(surface.trim())) {
    if (writtenInLowerCase(text, surface.trim())) return "common-word"
    // A lone capitalised word opening a sentence ("Obra en autos", "Agregó que") is a person only
    // if it is a known name or the ruling names someone with it in full elsewhere.
    const lone = surface.trim()
    if (atSentenceStart(text, span.start) && (isStop(lone) || !(isFirstName(lone) || isSurname(lone) || inLongerName(text, lone)))) return "sentence-start-word"
    // Anywhere else, a lone word no rule found, no name list knows and the ruling never
    // writes as part of a full name is more often an organisation than a person
    // ("Byggettan", a union); propagation would spread the mistake to every mention.
    if (rules.length === 0 && !(isFirstName(lone) || isSurname(lone) || inLongerName(text, lone))) return "lone-unknown-word"
  }
  return undefined
}

/** Whether a sentence (or a line) opens at `start`. */
const atSentenceStart = (text: string, start: number): boolean => /(?:^|[.!?:]\s+|\n\s*)$/u.test(text.slice(Math.max(0, start - 3), start))

/** Whether a sentence, a quotation or a chat line's message opens at `start` ("dijo: «Escuché…", "Héctor: Hola"). */
const atSpeechStart = (text: string, start: number): boolean => /(?:^|[.!?:;¡¿]\s*["“«'‘]?\s*|\n\s*["“«'‘]?\s*|["“«]\s*)$/u.test(text.slice(Math.max(0, start - 4), start))

/** Greetings and answers that open what someone says or writes. */
const GREETINGS: ReadonlySet<string> = new Set(["hola", "buen", "buenas", "buenos", "chau", "che", "bueno", "dale", "gracias", "perdon", "disculpa", "disculpe", "listo", "ok", "okey", "si", "no", "ya", "mira", "escucha", "nada", "todo", "vos", "yo"])

/**
 * A word that opens speech and names nothing: a greeting, or a verb in the
 * first person, "Escuché", "Llamé" (past, with its accent) or "Llamamos",
 * "Vimos", "Sabemos" (plural; a place's "Ramos" is too short to be one).
 */
const speechOpener = (word: string): boolean => {
  const f = fold(word)
  return GREETINGS.has(f) || (!isFirstName(word) && !isSurname(word) && (/^\p{L}{3,}é$/u.test(word) || /^\p{L}{3,}(?:amos|emos|imos)$/u.test(f)))
}

/** A parenthesis that opens a citation, with or without "cfr.", "conf.", "v.". */
const AUTHOR_OPENS = /\(\s*(?:(?:cfr|conf|cf|v|ver|vid|cit)\.?:?,?\s*)?$/iu
/** ", Raúl" right after a span: the given names of an inverted name. */
const givenNameAfterComma = (text: string, end: number): boolean => {
  const m = /^,[ \t]*\n?[ \t]*(\p{Lu}\p{Ll}+)/u.exec(text.slice(end, end + 30))
  return m !== null && isFirstName(m[1]!)
}

/** The word also appears in the ruling inside a capitalised sequence of two or more words (a full name). */
const inLongerName = (text: string, word: string): boolean => {
  const w = escapeRegex(word)
  // The other word must itself be name-like: "Según Byggettan" is not a full name.
  const re = new RegExp(`(?:(?<before>\\p{Lu}[\\p{L}\\p{M}]+)\\s+(?:(?:de|del|de la)\\s+)?${w}|${w},?\\s+(?<after>\\p{Lu}[\\p{L}\\p{M}]+))(?![\\p{L}])`, "gu")
  for (const m of text.matchAll(re)) {
    const other = m.groups?.["before"] ?? m.groups?.["after"]
    if (other && !isStop(other)) return true
  }
  return false
}

/** Drops the model spans the visibility policy would not accept from a rule (see the module comment). */
export const vetModelSpans = (text: string, spans: readonly Span[]): Span[] => {
  const context = vetContext(spans.filter((s) => !isModelSpan(s)), spans)
  return spans.filter((s) => !isModelSpan(s) || veto(text, s, context) === undefined)
}

const CONSISTENT: readonly Label[] = ["LUGAR", "DIRECCION"]
/** Type words that may precede a place and be redacted with it. */
const TYPE_BEFORE = /(?<![\p{L}])(?:provincia|barrio|localidad|partido|ciudad|departamento|municipio)\s+(?:de\s+)?$/iu

/** Occurrences of a form in the ruling with the one form search the gate uses (detect/formSearch.ts), each form searched once. */
const occurrencesIn = (text: string) => {
  const find = formIndex(tokenize(text))
  const known = new Map<string, Array<{ start: number; end: number }>>()
  return (form: string): Array<{ start: number; end: number }> => {
    let found = known.get(form)
    if (found) return found
    const words = formTokens(form)
    found = words.join("").replace(/[^\p{L}\p{N}]/gu, "").length < 3 ? [] : find(words).map((hit) => ({ start: hit.start, end: hit.end }))
    known.set(form, found)
    return found
  }
}

/**
 * Keeps what the model alone redacts as a place or address consistent
 * across the ruling (see the module comment). `spans` are merged,
 * non-overlapping; `ruleSpans` the rule detections (a span a rule also found
 * is the rules' business). `keep` tells which labels stay visible.
 * The spans kept so far and those added are held in interval buckets, so
 * each overlap question looks at the spans near it, not at all of them.
 */
export const consistentModelForms = (
  text: string,
  spans: readonly Span[],
  ruleSpans: readonly Span[],
  keep: (label: Label) => boolean,
): Span[] => {
  const rulesAt = overlapIndex(ruleSpans)
  const modelOnly = (s: Span): boolean =>
    isModelSpan(s) && CONSISTENT.includes(s.label) && !rulesAt(s.start, s.end).some((r) => r.label === s.label)
  const byForm = new Map<string, Span[]>()
  for (const s of spans) {
    if (!modelOnly(s)) continue
    const form = fold(text.slice(s.start, s.end))
    const list = byForm.get(form)
    if (list) list.push(s)
    else byForm.set(form, [s])
  }
  if (byForm.size === 0) return [...spans]
  const occurrences = occurrencesIn(text)
  // The spans kept so far, in their order (a removed one leaves a hole), and where each one is.
  const slots: Array<Span | undefined> = [...spans]
  const slotOf = new Map<Span, number>()
  spans.forEach((s, i) => {
    if (!slotOf.has(s)) slotOf.set(s, i)
  })
  const present = (s: Span): boolean => slots[slotOf.get(s) ?? -1] === s
  const kept = new IntervalBuckets(spans)
  const remove = (s: Span): void => {
    if (!present(s)) return
    slots[slotOf.get(s)!] = undefined
    kept.delete(s)
  }
  const replace = (s: Span, by: Span): void => {
    const at = slotOf.get(s)!
    slots[at] = by
    slotOf.set(by, at)
    kept.delete(s)
    kept.add(by)
  }
  const added: Span[] = []
  const addedBuckets = new IntervalBuckets<Span>()
  const covered = (r: { start: number; end: number }): boolean => kept.overlapsAny(r.start, r.end) || addedBuckets.overlapsAny(r.start, r.end)
  /** The first kept place (in order) that `start` qualifies across a province gap. */
  const placeBefore = (start: number): Span | undefined => {
    const gap = provinceGapStarts(text, start)
    if (!gap) return undefined
    let first: Span | undefined
    for (const p of kept.overlapping(Math.max(0, gap.from - 1), gap.to)) {
      if (p.label !== "LUGAR" || p.end < gap.from || p.end > gap.to) continue
      if (!first || slotOf.get(p)! < slotOf.get(first)!) first = p
    }
    return first
  }
  for (const [form, own] of byForm) {
    const loose = occurrences(form).filter((o) => !covered(o))
    const standalone = (o: { start: number; end: number }): boolean => {
      if (!/^\p{Lu}/u.test(text.slice(o.start, o.start + 1))) return false
      const name = enclosingName(text, o.start, o.end)
      return name.start === o.start && name.end === o.end && !inCitation(text, o.start, o.end)
    }
    if (loose.every(standalone)) {
      for (const o of loose) {
        const span: Span = { start: o.start, end: o.end, label: own[0]!.label, score: own[0]!.score, detector: "resolve/model-consistency", evidence: `consistent:${own[0]!.detector}` }
        added.push(span)
        addedBuckets.add(span)
      }
      continue
    }
  // Widen each span to its type word ("provincia de Buenos Aires") or join it to the place it
    // qualifies ("Ramos Otero, Buenos Aires") when that form is not readable elsewhere.
    const widened = own.map((s): (Span & { joined?: Span }) | undefined => {
      const m = TYPE_BEFORE.exec(text.slice(Math.max(0, s.start - 30), s.start))
      if (m) return { ...s, start: s.start - m[0].length }
      const before = placeBefore(s.start)
      if (!before) return undefined
      const close = text.slice(before.end, s.start).includes("(") && /^[ \t]*\)/.test(text.slice(s.end)) ? text.slice(s.end).indexOf(")") + 1 : 0
      return { ...s, start: before.start, end: s.end + close, joined: before }
    })
    const starts = new Set(widened.flatMap((w) => (w ? [w.start] : [])))
    // Whether every occurrence of a widened form is covered or is one of the widened spans (the same for each span of that form).
    const readable = new Map<string, boolean>()
    const widenedOk = widened.every((w, i) => {
      if (w === undefined || kept.overlapping(w.start, w.end).some((s) => s !== own[i] && s !== w.joined)) return false
      const surface = text.slice(w.start, w.end)
      let ok = readable.get(surface)
      if (ok === undefined) readable.set(surface, (ok = occurrences(surface).every((o) => starts.has(o.start) || covered(o))))
      return ok
    })
    if (widenedOk) {
      for (const w of widened) if (w?.joined) remove(w.joined)
      own.forEach((s, i) => {
        if (!present(s)) return
        const { joined: _, ...w } = widened[i]!
        replace(s, w)
      })
      continue
    }
    for (const s of own) remove(s)
  }
  // A kept span (an official) never loses to a consistency span.
  return [...slots.filter((s): s is Span => s !== undefined), ...added.filter((a) => !kept.overlapsAny(a.start, a.end))]
}
