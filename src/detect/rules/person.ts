import type { Span } from "../../domain/Span.ts"
import type { Detector } from "../Detector.ts"
import { fold } from "../fold.ts"
import { isLegalAbbreviation, LEGAL_ABBREVIATIONS } from "../lexicon/abbreviations.ts"
import { CABA_BARRIOS, PROVINCES } from "../lexicon/places.ts"
import {
  CAPS_TOKEN,
  NAME_SEQ,
  NOT_PERSON_BEFORE,
  PARTICLE,
  TITLE_TOKEN,
  inCitation,
  citedAuthor,
  courtSeatAt,
  inCitedWork,
  inNamedPlace,
  isCaps,
  isFirstName,
  isGivenStop,
  isInitial,
  isParticle,
  isStop,
  isSurname,
  nameAt,
  nameSegments,
  writtenInLowerCase,
  type Token,
} from "../names.ts"

/**
 * Person names → PERSONA. The span is the name only, never the cue word.
 *
 * Rules, each recorded as evidence:
 * - cue:<role>   after a role or honorific (imputado, víctima, Sr., testigo,
 *                "hijo de", "la menor", police ranks, private counsel...)
 *                or a form field ("Nombre:", "Apellidos:")
 * - caps         a run of ≥2 capitalised words with a lexicon first name or surname
 * - inverted     "PEREZ, Juan Carlos" (captions: "GOMEZ, ANA MARIA s/ amenazas")
 * - mixed        "Juan Carlos PÉREZ" (Title-case given names + CAPS surname)
 * - lexicon      a known first name followed by capitalised words
 * - initials     "F.E.A.", "J. C. Pérez"
 * - nickname     alias «El Tano», apodado "Pocho"
 *
 * Private defence counsel ("defensor particular", "abogado", "letrado") is not
 * a public official: PERSONA (redacted unless the pipeline keeps it).
 * Police officers named as witnesses or actors are PERSONA too.
 */

interface Cue {
  readonly name: string
  readonly re: RegExp
  readonly score: number
}

const g = (name: string, src: string, score: number): Cue => ({ name, re: new RegExp(src, "giu"), score })

const CUES: readonly Cue[] = [
  g(
    "role",
    // Not in an office's name: "Fiscal del Joven", "Juzgado de Menores", "Defensoría de Niños".
    String.raw`(?<![\p{L}])(?<!(?:[Ff]iscal(?:[íi]a)?|[Dd]efensor(?:[íi]a|a)?(?:\s+[Oo]ficial)?|[Jj]uzgado|[Jj]uez(?:a)?|[Aa]sesor(?:[íi]a|a)?|[Tt]ribunal|[Cc][áa]mara|[Ss]ecretar[íi]a|[Ss]ala)\s+(?:del|de\s+(?:la|los|las)|de)\s+)(?:imputad[oa]s?|acusad[oa]s?|procesad[oa]s?|condenad[oa]s?|encartad[oa]s?|encausad[oa]s?|incus[oa]s?|prevenid[oa]s?|penad[oa]s?|justiciables?|internos?|agresor(?:a|es|as)?|denunciad[oa]s?|sujetos?|masculinos?|femeninas?|conductor(?:a|es|as)?|chofer(?:es)?|acompa[ñn]antes?|locatari[oa]s?|remiser[oa]s?|taxistas?|alumn[oa]s?|docentes?|porter[oa]s?|comerciantes?|enjuiciad[oa]s?|investigad[oa]s?|sospechos[oa]s?|detenid[oa]s?|aprehendid[oa]s?|infractor(?:a|es|as)?|contraventor(?:a|es|as)?|v[íi]ctimas?|damnificad[oa]s?|denunciantes?|querellantes?|testigos?|declarante|requerid[oa]|peticionante|solicitante|causante|occis[oa]|fallecid[oa]|menor(?:es)?|ni[ñn][oa]s?|joven|adolescente|beb[ée]|nen[ea]|ciudadan[oa]|nombrad[oa]|llamad[oa]|identificad[oa]\s+como|individualizad[oa]\s+como|de\s+nombre|bajo\s+el\s+nombre\s+de|de\s+apellido|(?:a|bajo)\s+nombre\s+de|(?:de\s+)?titularidad\s+de|declaraci[óo]n\s+testimonial(?:\s+de)?|(?:denuncia|querella|presentaci[óo]n|declaraci[óo]n)\s+(?:formulada|efectuada|realizada|interpuesta|prestada)\s+por)(?![\p{L}])`,
    0.85,
  ),
  g(
    "kin",
    // "mis hijos, Bautista y Ámbar", "su mujer, Camila", "los chicos, Abigail y Lautaro": with a possessive or an article.
    String.raw`(?<![\p{L}])(?:hij[oa]s?\s+de|(?:mis|sus|su|mi|tus|tu|nuestr[oa]s?|los|las)\s+(?:hij[oa]s?|chic[oa]s|nen[ea]s|mujer|marido)|padre|madre|padrastro|madrastra|hijastr[oa]s?|progenitor(?:a|es)?|herman[oa]s?|t[íi][oa]|abuel[oa]|prim[oa]|sobrin[oa]|cu[ñn]ad[oa]|suegr[oa]|nuera|yerno|espos[oa]|c[óo]nyuge|concubin[oa]|(?:ex\s*)?pareja|(?:ex\s*)?novi[oa]|amig[oa]|vecin[oa]|compa[ñn]er[oa]|conviviente|empleador(?:a)?|emplead[oa]|encargad[oa]|due[ñn][oa]|propietari[oa]|inquilin[oa])(?![\p{L}])`,
    0.8,
  ),
  g(
    "honorific",
    String.raw`(?<![\p{L}])(?:Sr|Sra|Srta|Sres|Sras|Dn|Dña|Lic|Ing|Prof)\.|(?<![\p{L}])(?:señor(?:a|ita)?|don|doña|licenciad[oa])(?![\p{L}])`,
    0.85,
  ),
  g(
    "police",
    // "Defensora Oficial", "Asesor Tutelar Oficial": a public office, not the police rank.
    String.raw`(?<![\p{L}])(?:agente|(?<!(?:defensor(?:a|es)?|defensor[íi]a|asesor(?:a|es)?|asesor[íi]a|tutor(?:a)?|curador(?:a)?|traductor(?:a)?|int[ée]rprete|perit[oa]s?|m[ée]dic[oa]s?|tutelar)\s+)oficial(?:\s+(?:mayor|principal|ayudante|inspector))?|sargento(?:\s+primero)?|cabo(?:\s+primero)?|suboficial|subinspector(?:a)?|inspector(?:a)?|comisario|subcomisario|principal|preventor(?:a)?|gendarme|prefecto)(?![\p{L}])`,
    0.75,
  ),
  g(
    "private-counsel",
    String.raw`(?<![\p{L}])(?:abogad[oa]|letrad[oa]|defensor(?:a)?\s+particular|defensa\s+particular|defensor(?:a)?\s+de\s+confianza|perit[oa](?:\s+de\s+parte)?|patrocinante|apoderad[oa])(?![\p{L}])`,
    0.8,
  ),
  // Experts: "el informe del Lic. en Psicología X", "la médica forense Dra. X",
  // "la perito psicóloga X". Experts of the court's own bodies (Cuerpo de
  // Investigaciones Judiciales, Cuerpo Médico Forense) report, they do not
  // decide: their names are personal data (PERSONA), not FUNCIONARIO.
  g(
    "expert",
    String.raw`(?<![\p{L}])(?:(?:Lic|Licenciad[oa]|Dr|Dra|Prof|Ing)\.?\s+en\s+\p{Lu}[\p{L}\p{M}]+(?:\s+(?:Social|Forense|Legal|Cl[íi]nica))?|m[ée]dic[oa]s?\s+(?:forenses?|legistas?|psiquiatras?|de\s+guardia)|psic[óo]log[oa]s?(?:\s+forenses?)?|psiquiatras?|trabajador(?:a)?\s+social|asistente\s+social|perit[oa]s?\s+(?:m[ée]dic[oa]|psic[óo]log[oa]|calígraf[oa]|contador(?:a)?|inform[áa]tic[oa]|oficial)|profesional\s+interviniente)(?![\p{L}])`,
    0.8,
  ),
  // Form fields: "Nombre: Pedro.", "Apellidos: De Miguel Rivera.", "Apellido y nombre: GÓMEZ, Ana".
  g(
    "field",
    String.raw`(?<![\p{L}])(?:nombres?(?:\s+y\s+apellidos?)?|apellidos?(?:\s+y\s+nombres?)?|nombre\s+completo)[ \t]*:`,
    0.9,
  ),
  // Whom a message or a speaker greets: "Hola Héctor!!", "Buen día, Sofi", "Chau Mati".
  g(
    "vocative",
    String.raw`(?<![\p{L}])(?:hola|holis|chau|buen\s+d[íi]a|buenas(?:\s+(?:tardes|noches))?|buenos\s+d[íi]as|gracias|perd[óo]n)[ \t]*,?[ \t]*(?=\p{Lu})(?!Dios\b)`,
    0.7,
  ),
  // Bare "Dr./Dra." could be an official, counsel or an expert: weak PERSONA;
  // the official rules and propagation relabel officials.
  g("doctor", String.raw`(?<![\p{L}])(?:Dr|Dra|Dres|Dras)\.|(?<![\p{L}])(?:doctor|doctora)(?![\p{L}])`, 0.6),
]

const FILLER = /[\s,:;(\-–—«"“'‘]*(?:(?:mayor|menor)\s+)?(?:(?:(?:el|la)\s+)?(?:Sr|Sra|Srta|Dr|Dra|Lic|Dn|Dña|señor|señora|señorita|don|doña)\.?\s+|(?<=,\s*)(?:el|la)\s+(?=\p{Lu}\p{Ll}+,))?(?:(?:de\s+nombre|llamad[oa]|identificad[oa]\s+como)\s+)?[«"“'‘]?/uy
/** Between names of a list: ", ", " y ", " e ", and "hijo de A y de B". */
const LIST_SEP = /\s*(?:,|\by\b(?:\s+de\b)?|\be\b)\s*(?:(?:Sr|Sra|Dr|Dra)\.?\s*)?/uy

const segSpan = (seg: readonly Token[]): { start: number; end: number } => ({ start: seg[0]!.start, end: seg[seg.length - 1]!.end })

const mk = (seg: readonly Token[], score: number, evidence: string): Span => ({
  ...segSpan(seg),
  label: "PERSONA",
  score,
  detector: "rules/person",
  evidence,
})

/** A one-word name after a cue must not be a plain common word in Title case. */
const plausible = (seg: readonly Token[]): boolean =>
  seg.length > 1 || isInitial(seg[0]!.text) || isCaps(seg[0]!.text) || isFirstName(seg[0]!.text) || isSurname(seg[0]!.text) || seg[0]!.text.length >= 4

/**
 * "testigo Tabarez, Ana, argentina": a one- or two-word surname right after a
 * cue, a comma, then given names only (lexicon first names) — one person in
 * inverted order, not a list of two.
 */
const INV_COMMA = /,[ \t]*/y
const invertedAfter = (text: string, seg: readonly Token[]): Token[] | undefined => {
  if (seg.length > 2 || seg.some((t) => (isFirstName(t.text) && !isSurname(t.text)) || isInitial(t.text))) return undefined
  INV_COMMA.lastIndex = seg[seg.length - 1]!.end
  const c = INV_COMMA.exec(text)
  if (!c) return undefined
  const given = nameAt(text, INV_COMMA.lastIndex)
  if (!given || given.length > 3 || !isFirstName(given[0]!.text)) return undefined
  return given
}

const byCue = (text: string): Span[] => {
  const out: Span[] = []
  for (const cue of CUES) {
    cue.re.lastIndex = 0
    for (let m = cue.re.exec(text); m; m = cue.re.exec(text)) {
      let pos = m.index + m[0].length
      for (let n = 0; n < 6; n++) {
        FILLER.lastIndex = pos
        const f = FILLER.exec(text)
        // "la testigo: «Escuché un ruido…»": after a colon, a quotation is what the person said.
        if (f && /:\s*["“«'‘]/u.test(f[0])) break
        const at = f ? pos + f[0].length : pos
        const seg = nameAt(text, at)
        if (!seg || !plausible(seg)) break
        // "Hospital Dr. Humberto Notti", "Hospital Nacional Prof. Alejandro Posadas": the title names a place, not a person.
        if ((cue.name === "doctor" || cue.name === "honorific") && inNamedPlace(text, m.index)) break
        // "El Dr. Eugenio Raúl Zaffaroni enseña que...": a cited author.
        if (cue.name === "doctor" && inCitation(text, seg[0]!.start, seg[seg.length - 1]!.end)) break
        // Later items of a list need a name's shape: "Oficial X, LP 7096" is a badge, not a second person.
        if (n > 0 && seg.length === 1 && !isFirstName(seg[0]!.text) && !isSurname(seg[0]!.text) && !isInitial(seg[0]!.text)) break
        const inv = invertedAfter(text, seg)
        if (inv) {
          out.push({ ...mk(seg, cue.score, `cue:${cue.name}`), end: inv[inv.length - 1]!.end })
          pos = inv[inv.length - 1]!.end
        } else {
          out.push(mk(seg, cue.score, `cue:${cue.name}`))
          pos = seg[seg.length - 1]!.end
        }
        LIST_SEP.lastIndex = pos
        const sep = LIST_SEP.exec(text)
        if (!sep) break
        pos += sep[0].length
      }
    }
  }
  return out
}

const lexHits = (seg: readonly Token[]): { first: number; sur: number } => ({
  first: seg.filter((t) => isFirstName(t.text)).length,
  sur: seg.filter((t) => isSurname(t.text)).length,
})

const notInstitution = (text: string, start: number): boolean =>
  !NOT_PERSON_BEFORE.test(text.slice(Math.max(0, start - 25), start)) && !inNamedPlace(text, start)

const RUN = new RegExp(NAME_SEQ, "gu")
/** More of a run on the same line, past the run's length limit: its next words and particles. */
const RUN_GOES_ON = new RegExp(String.raw`[ \t]+(?:${PARTICLE}[ \t]+)?(?=\p{Lu})`, "uy")
const RUN_AT = new RegExp(NAME_SEQ, "uy")

/** Where a capitalised run that ends at `end` really ends: a long line in capitals is one run, not cut mid-name. */
const runEnd = (text: string, end: number): number => {
  for (;;) {
    RUN_GOES_ON.lastIndex = end
    const gap = RUN_GOES_ON.exec(text)
    if (!gap) return end
    RUN_AT.lastIndex = end + gap[0].length
    const more = RUN_AT.exec(text)
    if (!more) return end
    end = more.index + more[0].length
  }
}

/**
 * A column of names, one per line ("EUSEBIO DE LA ROSA↵MIRTA ARRIETA", a
 * signature block): a run that opens its line and has two words or more on
 * each line is one name per line. A name broken by a PDF's line end
 * ("…declaró Juan Carlos↵PÉREZ") opens mid-line, or leaves one word.
 */
const namesPerLine = (text: string, seg: readonly Token[]): Token[][] => {
  const lineStart = text.lastIndexOf("\n", seg[0]!.start - 1) + 1
  if (text.slice(lineStart, seg[0]!.start).trim() !== "") return [[...seg]]
  const lines: Token[][] = [[]]
  seg.forEach((t, i) => {
    if (i > 0 && text.slice(seg[i - 1]!.end, t.start).includes("\n")) lines.push([])
    lines[lines.length - 1]!.push(t)
  })
  return lines.length > 1 && lines.every((line) => line.filter((t) => !isParticle(t.text)).length >= 2) ? lines : [[...seg]]
}

/**
 * "Juan Carlos PÉREZ": given names in Title case, then surnames in capitals.
 * Not an abbreviation ("Tasa Pasiva del BCRA"), a law's name ("Tratado
 * OMPI") or an organisation's acronyms ("Sadem Fonar ACR"): a word of the
 * language before the capitals, or no known name and a three-letter acronym
 * among them.
 */
const mixedName = (given: readonly Token[], surnames: readonly Token[], hits: { first: number; sur: number }): boolean =>
  surnames.every((t) => isCaps(t.text) && t.text.length >= 3 && !isLegalAbbreviation(t.text)) &&
  !given.some((t) => isStop(t.text)) &&
  (hits.first + hits.sur > 0 || surnames.every((t) => t.text.length >= 4))

/** Capitalised runs: caps, mixed and lexicon rules. */
const byShape = (text: string): Span[] => {
  const out: Span[] = []
  RUN.lastIndex = 0
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const end = runEnd(text, m.index + m[0].length)
    RUN.lastIndex = end
    for (const seg of nameSegments(text, m.index, end).flatMap((s) => namesPerLine(text, s))) {
      const words = seg.filter((t) => !isInitial(t.text) && !isParticle(t.text))
      if (words.length < 2 && !(words.length === 1 && seg.length >= 2)) continue
      const { start, end } = segSpan(seg)
      if (!notInstitution(text, start) || inCitation(text, start, end)) continue
      const caps = words.filter((t) => isCaps(t.text))
      const hits = lexHits(words)
      if (caps.length === words.length && words.length >= 2) {
        if (hits.first + hits.sur > 0) out.push(mk(seg, hits.first > 0 ? 0.85 : 0.7, "caps"))
        continue
      }
      // Mixed: Title-case given name(s) then CAPS surname(s).
      const firstCaps = words.findIndex((t) => isCaps(t.text))
      if (firstCaps > 0 && mixedName(words.slice(0, firstCaps), words.slice(firstCaps), hits)) {
        out.push(mk(seg, 0.8, "mixed"))
        continue
      }
      // Lexicon: a known first name followed by at least one more capitalised word.
      const i = words.findIndex((t) => isFirstName(t.text))
      if (i >= 0 && i < words.length - 1) {
        const from = seg.indexOf(words[i]!)
        const sub = seg.slice(from)
        // "Reglas Nelson Mandela", "Hospital Carlos Durand": what opens the run may name the rest.
        if (from > 0 && !notInstitution(text, sub[0]!.start)) continue
        const rest = words.slice(i + 1)
        const score = rest.some((t) => isSurname(t.text)) ? 0.8 : rest.some((t) => isFirstName(t.text)) ? 0.65 : 0.7
        out.push(mk(sub, score, "lexicon"))
        continue
      }
      // Unknown given name + known surname: "Nahuel Ibáñez" (weaker).
      if (words.length >= 2 && words.length <= 4 && words.every((t) => !isCaps(t.text)) && isSurname(words[words.length - 1]!.text)) {
        out.push(mk(seg, 0.6, "surname-lexicon"))
        continue
      }
      // Initials + surname: "J. C. Pérez"; not a lettered heading ("C. Procedimiento en apelación").
      const last = seg[seg.length - 1]!.text
      if (seg.length >= 2 && isInitial(seg[0]!.text) && !isInitial(last) && last.length >= 3 && (isSurname(last) || !writtenInLowerCase(text, last))) {
        out.push(mk(seg, 0.7, "initials+surname"))
      }
    }
  }
  // "Plaza Coronel Manuel Dorrego": the run opens with the place, the name inside it is the place's.
  return out.filter((span) => !inNamedPlace(text, span.start))
}

const INVERTED = new RegExp(
  String.raw`(?<![\p{L}])(?<sur>${CAPS_TOKEN}(?:\s+(?:${PARTICLE}\s+)?${CAPS_TOKEN}){0,3}),\s*(?<given>(?:${TITLE_TOKEN}|${CAPS_TOKEN})(?:\s+(?:${PARTICLE}\s+)?(?:${TITLE_TOKEN}|${CAPS_TOKEN}|\p{Lu}\.)){0,3})(?<tail>\s+s\/|\s+y\s+otr[oa]s|\s*\(|\s+(?:por|sobre)\s)?`,
  "gu",
)

/**
 * "ANÍBAL QUINTANA, YÉSICA ANDREA LEDESMA": two names in their natural order,
 * listed, not one inverted ("QUINTANA, Aníbal"): the words before the comma
 * open with a given name that is no surname, those after it end with a
 * surname that is no given name.
 */
const twoNamesListed = (surToks: readonly string[], given: readonly Token[]): boolean => {
  const last = given[given.length - 1]!.text
  return surToks.length >= 2 && isFirstName(surToks[0]!) && !isSurname(surToks[0]!) && given.length >= 2 && isSurname(last) && !isFirstName(last)
}

const byInverted = (text: string): Span[] => {
  const out: Span[] = []
  INVERTED.lastIndex = 0
  for (let m = INVERTED.exec(text); m; m = INVERTED.exec(text)) {
    const sur = m.groups!["sur"]!
    const given = m.groups!["given"]!
    const surToks = sur.split(/\s+/).filter((t) => !/^(?:DE|DEL|LA|LOS|LAS)$/.test(t))
    if (surToks.some(isStop)) continue
    const start = m.index
    const gStart = start + m[0].indexOf(given, sur.length)
    let gSeg = nameSegments(text, gStart, gStart + given.length)[0]
    const firstGiven = given.split(/\s+/)[0]!
    if ((!gSeg || gSeg[0]!.start !== gStart) && isGivenStop(firstGiven) && !/[.,;:]$/.test(firstGiven) && surToks.some(isSurname)) {
      gSeg = [{ text: firstGiven, start: gStart, end: gStart + firstGiven.length }]
    }
    if (!gSeg || gSeg[0]!.start !== gStart) continue
    if (inCitation(text, start, gSeg[gSeg.length - 1]!.end) || !notInstitution(text, start)) continue
    if (twoNamesListed(surToks, gSeg)) continue
    const caption = m.groups!["tail"] !== undefined
    const givenLex = gSeg.some((t) => isFirstName(t.text))
    // A nationality after a surname is lower case ("PÉREZ, argentino"); Title case there is a given name.
    const surLex = surToks.some(isSurname)
    if (!caption && !givenLex && !(surLex && gSeg.length <= 3)) continue
    const score = caption || givenLex ? 0.9 : 0.7
    out.push({ start, end: gSeg[gSeg.length - 1]!.end, label: "PERSONA", score, detector: "rules/person", evidence: caption ? "inverted:caption" : "inverted" })
  }
  return out
}

/**
 * Standalone initials "F.E.A." / "M. L. G." (3+ letters), not common
 * abbreviations. Two-letter initials: tight ("E.M.", "J.R.") unless
 * stop-listed (S.S., V.E., C.P., D.E., S.A. ...) or followed by a number
 * ("D.E. 6"); spaced ("B. A.") only after a party cue or once the ruling uses
 * initials for people (a 3+-letter set).
 */
const INITIALS = /(?<![\p{L}\d.])((?:\p{Lu}\.\s?){2,5})(?![\p{L}])/gu
const PARTY_BEFORE_INITIALS =
  /(?:imputad[oa]s?|acusad[oa]s?|v[íi]ctimas?|damnificad[oa]s?|denunciantes?|testigos?|ni[ñn][oa]s?|menor(?:es)?|j[óo]ven(?:es)?|adolescentes?|hij[oa]s?|progenitor(?:a|es)?|madre|padre|Sr\.?|Sra\.?|señor(?:a)?|denuncia\s+(?:formulada\s+|realizada\s+|efectuada\s+)?por|declaraci[óo]n\s+(?:testimonial\s+)?de|a\s+nombre\s+de|titularidad\s+de)\s*,?\s*$/iu

/** Between two items of a list: "B.C. y A.C.", "J.P.G., L.M. y T.R.". */
const LIST_GAP = /^\.?[ \t]*(?:,[ \t]*(?:(?:y|e)[ \t]+)?|(?:y|e)[ \t]+)$/u

const byInitials = (text: string): Span[] => {
  const out: Span[] = []
  const short: Span[] = []
  let usesInitials = false
  // End of the last initials taken for a person: what follows in a list ("los niños B.C. y A.C.") is a person too.
  let cuedEnd = -1
  INITIALS.lastIndex = 0
  for (let m = INITIALS.exec(text); m; m = INITIALS.exec(text)) {
    const letters = m[1]!.replace(/[^\p{Lu}]/gu, "")
    // A list's next item: two letters may spell an abbreviation too ("A.C."); "D.N.I." after a name is its document.
    const listed = cuedEnd >= 0 && LIST_GAP.test(text.slice(cuedEnd, m.index)) && !(letters.length >= 3 && LEGAL_ABBREVIATIONS.has(letters))
    const cued = listed || PARTY_BEFORE_INITIALS.test(text.slice(Math.max(0, m.index - 40), m.index))
    // An abbreviation ("A.C.", "S.A.") is still a person's initials right after a party cue.
    if (LEGAL_ABBREVIATIONS.has(letters) && !cued) continue
    const end = m.index + m[1]!.trimEnd().length
    const span: Span = { start: m.index, end, label: "PERSONA", score: 0.6, detector: "rules/person", evidence: "initials" }
    // Part of a name or a citation: "Maier, Julio B. J., Derecho Procesal Penal", "Zaffaroni, E. R.".
    const prevWord = /(\p{Lu}[\p{L}\p{M}]+)[ \t]$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1]
    if (prevWord && isFirstName(prevWord) && !isStop(prevWord)) continue
    if (inCitedWork(text, m.index, end)) continue
    // A publisher after its edition's mark: "ed. E.D.U.C. 1961", "Editorial E.U.D.E.B.A.".
    if (!cued && /(?<![\p{L}])(?:ed|edit|editorial|edici[óo]n)\.?[ \t]*$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
    if (letters.length >= 3 || cued) usesInitials = true
    if (letters.length >= 3) {
      out.push(span)
      if (cued) cuedEnd = end
      continue
    }
    // Two letters: never a unit or section ("D.E. 6", "U.F. 3") nor a cited norm.
    if (/^\s*(?:N\s?[°º]|nro|\d)/iu.test(text.slice(end, end + 8)) || /(?:\bley|\bart[íi]?c?\.?|\binc\.?|\d)\s*$/iu.test(text.slice(Math.max(0, m.index - 8), m.index))) continue
    if (cued) {
      out.push(span)
      cuedEnd = end
    } else if (/^(?:\p{Lu}\.){2}$/u.test(m[1]!.trimEnd())) {
      out.push(span) // tight "E.M.": a person's initials, legal abbreviations are stop-listed
      cuedEnd = end
    }
    else short.push(span) // spaced "B. A.": only once the ruling uses initials for people
  }
  return usesInitials ? [...out, ...short] : out
}

/**
 * What introduces a nickname, or the name someone goes by: alias, apodado, "(a)", "le dicen", "a quien
 * apodaban", "a quien su familia llama" (not the impersonal "se la llama", said of things), "conocido en el
 * barrio como", "se identificó como" (a caller's or a swindler's name is a name all the same).
 */
export const NICK_CUE = String.raw`alias|ALIAS|Alias|apod(?:ad[oa]s?|o|aban|an|aba)|APODAD[OA]S?|(?:a\s+quien(?:es)?|(?<!\bse\s)(?:le|les|lo|los|la|las|me|nos))\s+(?:(?:su|sus)\s+\p{L}+\s+)?(?:dec[íi]an|dicen|llama(?:n|ba|ban)?)|conocid[oa]s?(?:\s+(?:en|por|entre)\s+[^,.;:«"“\n]{1,30}?)?\s+como|se\s+(?:identific[óo]|present[óo]|hac[íi]a\s+llamar|hizo\s+llamar)(?:\s+como)?|(?:a\s+quien(?:es)?|(?<!\bse\s)(?:lo|la|los|las|le|les))\s+identific(?:[óo]|aron|a|an|aba)\s+como|\(a\)`
/** What a popular name may be given to, other than a person, shortly before "conocida como" (an alias is always a person's). */
const NAMES_A_THING_BEFORE = /(?<![\p{L}])(?:ley(?:es)?|decreto|c[óo]digo|resoluci[óo]n|acordada|convenci[óo]n|tratado|pacto|programa|plan|operativo|fallo|doctrina|teor[íi]a|principio|empresa|sociedad|firma|comercio|local|establecimiento|marca|producto)(?![\p{L}])[^.;\n]{0,50}$/iu
/** A nickname in quotes; a plain-text ruling may break its line inside ("la↵Flaca"). */
const QUOTED_NICK = String.raw`[«"“'‘](?<quoted>(?:[^»"”'’\n]|\n(?![ \t]*\n)){1,30})[»"”'’]`
const NICK = new RegExp(
  String.raw`(?<![\p{L}])(?:${NICK_CUE})\s*[:,]?\s*(?:${QUOTED_NICK}|(?<bare>(?:(?:El|La|Los|el|la)\s+)?\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?))`,
  "gu",
)
/** A further nickname after the first: alias «Rengo» o «Franquito», apodado "Chino" o "el Chinito". */
const FURTHER_NICK = new RegExp(String.raw`^\s*,?\s*(?:o|y|u|o\s+bien)\s+(?:tambi[ée]n\s+)?${QUOTED_NICK}`, "u")

/** A nickname in quotes inside a name: Brian Ezequiel "Pato" Cabrera, Juan «el Negro» Pérez. */
const NICK_INSIDE = /(?<=(?:^|[^\p{L}])(?<given>\p{Lu}[\p{L}]+)\s+)(?:[«"“'‘])(?<quoted>[^»"”'’\n]{1,25})[»"”'’](?=\s+(?<after>\p{Lu}[\p{L}]+))/gu

/** The given names that end right before `end` (and the space before the quote): "Brian Ezequiel" in Brian Ezequiel "Pato" Cabrera. */
const givenRunBefore = (text: string, end: number): { start: number; end: number } | undefined => {
  const head = /(?:\p{Lu}[\p{L}]+\s+)*\p{Lu}[\p{L}]+\s+$/u.exec(text.slice(Math.max(0, end - 80), end))
  if (!head) return undefined
  const words = [...head[0].matchAll(/\p{Lu}[\p{L}]+/gu)]
  // From the last word back, while each is a given name.
  let first = words.length
  while (first > 0 && isFirstName(words[first - 1]![0])) first--
  if (first === words.length) return undefined
  const base = end - head[0].length
  return { start: base + words[first]!.index, end: base + words[words.length - 1]!.index + words[words.length - 1]![0].length }
}

/** The surname words that open at `from` (after the closing quote): "Cabrera", "Pérez Gómez", "del Valle". */
const surnameRunAfter = (text: string, from: number): { start: number; end: number } | undefined => {
  const run = /^\s+((?:(?:de(?:l| la| los)?\s+)?\p{Lu}[\p{L}'’-]+)(?:\s+(?:(?:de(?:l| la| los)?|y)\s+)?\p{Lu}[\p{L}'’-]+)*)/u.exec(text.slice(from, from + 80))
  if (!run) return undefined
  // Stop at the first word that is not part of a name ("Pérez Declaró", a heading after it).
  const words = [...run[1]!.matchAll(/(?:(?:de(?:l| la| los)?|y)\s+)?\p{Lu}[\p{L}'’-]+/gu)]
  let last = 0
  while (last < words.length && !isStop(words[last]![0].replace(/^(?:(?:de(?:l| la| los)?|y)\s+)/u, ""))) last++
  if (last === 0) return undefined
  const start = from + run[0].length - run[1]!.length
  const tail = words[last - 1]!
  return { start, end: start + tail.index + tail[0].length }
}

/**
 * Quoted speech: a testimony, a message. In it, people are named the way the
 * speaker knows them: a nickname or a given name with its article ("el
 * Colorado me pegó", "el Rulo vio todo", "la Yésica"), never with a cue. A
 * quotation is speech when someone speaks in it in the first person or to a
 * "vos"; a quoted law or doctrine capitalises its nouns ("el Preámbulo", "la
 * Ordenanza") and has no "me" or "yo".
 */
const QUOTATION = /[“«][^”»]{1,2000}[”»]|"[^"\n]{1,2000}"/gu
const ARTICLE_NAME = /(?<![\p{L}])(?:el|la|al|del)[ \t]+(\p{Lu}\p{Ll}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}])/gu
/** Capitalised words speech gives an article that are no one's name: feasts, faiths, teams, brands. */
const NOT_A_NICKNAME: ReadonlySet<string> = new Set(
  `virgen papa navidad pascua mundial copa seleccion iglesia biblia mercedes fiat ford peugeot renault chevrolet toyota volkswagen gol corsa clio
  sube tarjeta cana yuta gendarmeria prefectura federal bonaerense metropolitana`.split(/\s+/).filter(Boolean).map(fold),
)

/** Someone speaking in the first person or to a "vos": a testimony or a message, not a quoted law or doctrine. */
const FIRST_PERSON = /(?<![\p{L}])(?:me|mi|mis|yo|vos|te|tu|conmigo)(?![\p{L}])/iu
/** Suffixes of abstract and collective nouns ("Construcción", "Ingeniería", "Municipalidad"), never of a nickname. */
const COMMON_NOUN_SUFFIX = /(?:ci[óo]n|si[óo]n|miento|idad|er[íi]a|ncia|ura|ismo|ista|aje|ente|ante)$/u

/** Quotations, and the messages of a transcribed chat ("[14/01/25 23:41] Cristian: … y al Colo ese"), which are speech too. */
const speechStretches = (text: string): { index: number; 0: string }[] => [
  ...text.matchAll(QUOTATION),
  ...[...text.matchAll(CHAT_SENDER)].map((m) => {
    const index = m.index + m[0].length
    const lineEnd = text.indexOf("\n", index)
    return { index, 0: text.slice(index, lineEnd < 0 ? text.length : lineEnd) }
  }),
]

const byQuotedNickname = (text: string): Span[] => {
  const out: Span[] = []
  for (const q of speechStretches(text)) {
    const speech = FIRST_PERSON.test(q[0])
    for (const m of q[0].matchAll(ARTICLE_NAME)) {
      const word = m[1]!
      const start = q.index + m.index + m[0].length - word.length
      const end = start + word.length
      const f = fold(word)
      // A given name is a person's in any quotation; another word only in speech, and never an abbreviation ("la Excma.").
      if (!isFirstName(word) && (!speech || COMMON_NOUN_SUFFIX.test(f) || text[end] === ".")) continue
      if (isStop(word) || NOT_A_NICKNAME.has(f) || CABA_BARRIOS.has(f) || CABA_BARRIOS.has(fold(m[0])) || PROVINCES.has(f) || PROVINCES.has(fold(m[0])) || writtenInLowerCase(text, word) || isLegalAbbreviation(word.toUpperCase())) continue
      // The head of a longer name ("la Casa Rosada", "el Banco de la Nación"), or its tail ("Tierra del Fuego"), not a name of its own.
      if (/^[ \t]+(?:(?:de|del)[ \t]+)?\p{Lu}/u.test(text.slice(end, end + 8))) continue
      if (/\p{Lu}[\p{L}\p{M}]*[ \t\n]+$/u.test(text.slice(Math.max(0, q.index + m.index - 30), q.index + m.index))) continue
      if (!notInstitution(text, start) || inCitation(text, start, end)) continue
      out.push({ start, end, label: "PERSONA", score: 0.6, detector: "rules/person", evidence: "nickname-in-speech" })
    }
  }
  return out
}

/**
 * A quoted word said to be a nickname ("“Dai” y “Gordi” son apodos que él
 * usaba", "«Tito» es el apodo de…", "«el Gaby» —así llamaban a la víctima—") or doing what a person does to someone
 * ("que «Lauti» lo amenazó", "“Mati” le pegó"): a person's name however
 * it is written.
 */
const QUOTED_WORD = String.raw`[«"“'‘](\p{Lu}[\p{L}\p{M}]{1,20})[»"”'’]`
const NAMED_AS_NICKNAMES = new RegExp(
  String.raw`(?:${QUOTED_WORD}[ \t]*(?:,|\by\b|\be\b|\bo\b)[ \t]*)*${QUOTED_WORD}[ \t]+(?:es|son|era|eran|fue|fueron)[ \t]+(?:(?:el|los|un|unos|sus?)[ \t]+)?(?:apodos?|sobrenombres?|alias)(?![\p{L}])`,
  "gu",
)
/** What people do to each other in a criminal ruling's account of the facts (past tenses). */
const DONE_TO_SOMEONE = String.raw`(?:amenaz|peg|golpe|insult|agredi|agred|empuj|lastim|apuñal|acuchill|pate|cort|toc|manose|abus|persigui|persegu|hostig|acos|llam|escribi|escrib|mand|dij|dec|rob|sac|quit|vendi|vend|dio|pas|avis|busc|esper|oblig|mat|ech)\p{Ll}*`
const ACTS_ON_SOMEONE = new RegExp(String.raw`${QUOTED_WORD}[ \t]+(?:lo|la|los|las|le|les|me|nos)[ \t]+${DONE_TO_SOMEONE}(?:[óo]|aba|ía|aron|ieron)(?![\p{L}])`, "gu")

/** A quoted name with its article, then what people call someone by: "«el Gaby» —así llamaban a la víctima—". */
const CALLED_SO_AFTER = /[«"“'‘](?:(?:el|la)[ \t]+)?(\p{Lu}[\p{L}\p{M}]{1,20})[»"”'’][ \t]*[—–-]?[ \t]*(?:que[ \t]+es[ \t]+)?as[íi][ \t]+(?:(?:lo|la|le|los|las|les)[ \t]+)?(?:llama|dec[íi]a|dice|apoda|conoc[íi]a|nombra)\p{L}*/gu

/** Words that close a message and call no one: "…, chau", "…, gracias", "…, Amén". */
const GREETING_WORDS: ReadonlySet<string> = new Set(["chau", "gracias", "amen", "saludos", "besos", "abrazo", "dale", "bueno", "listo", "nada", "igual", "obvio", "posta", "boludo", "boluda", "amor", "gorda", "gordo", "negra", "negro", "flaca", "flaco", "hermano", "hermana", "hijo", "hija", "mami", "papi", "mama", "papa"])

/** Someone's place, the way people speak of it: "vamos para lo de la Gorda", "estaba en lo del Tano", "lo de Rubén". */
const SOMEONES_PLACE = /(?<![\p{L}])lo[ \t]+de(?:l|[ \t]+la)?[ \t]+(\p{Lu}[\p{L}\p{M}]{2,20})(?![\p{L}\p{M}])/gu

/** A capitalised word that is a word of the language, written so elsewhere in the ruling, or a province or barrio: no one's name on its own. */
const wordOrPlace = (text: string, word: string): boolean => {
  const f = fold(word)
  return isStop(word) || writtenInLowerCase(text, word) || PROVINCES.has(f) || CABA_BARRIOS.has(f)
}

/** Whom a quoted message ends by calling: "«esto no termina acá, Daia»", "“te voy a matar, Rulo!”". */
// After a word in lower case ("acá, Daia"), not an inverted name ("c/ Belmonte, Alberto”") or a number ("1580, Serie “A”"), and a closing quote.
const VOCATIVE_AT_QUOTE_END = /,(?<=(?:^|[^\p{L}])\p{Ll}[\p{Ll}\p{M}]*,)[ \t]*(\p{Lu}\p{Ll}{2,15})[ \t]*[!?.…]*[»"”](?![\p{L}\p{N}])/gu

const byQuotedWordAsPerson = (text: string): Span[] => {
  const out: Span[] = []
  for (const m of text.matchAll(VOCATIVE_AT_QUOTE_END)) {
    const word = m[1]!
    const start = m.index + m[0].indexOf(word)
    if (wordOrPlace(text, word) || GREETING_WORDS.has(fold(word)) || inCitation(text, start, start + word.length)) continue
    out.push({ start, end: start + word.length, label: "PERSONA", score: 0.7, detector: "rules/person", evidence: "vocative" })
  }
  for (const m of text.matchAll(SOMEONES_PLACE)) {
    const word = m[1]!
    if (wordOrPlace(text, word) || isLegalAbbreviation(word.toUpperCase())) continue
    const start = m.index + m[0].length - word.length
    out.push({ start, end: start + word.length, label: "PERSONA", score: 0.7, detector: "rules/person", evidence: "nickname" })
  }
  for (const m of text.matchAll(CALLED_SO_AFTER)) {
    const start = m.index + m[0].indexOf(m[1]!)
    out.push({ start, end: start + m[1]!.length, label: "PERSONA", score: 0.85, detector: "rules/person", evidence: "nickname" })
  }
  for (const m of text.matchAll(NAMED_AS_NICKNAMES)) {
    for (const q of m[0].matchAll(new RegExp(QUOTED_WORD, "gu"))) {
      const start = m.index + q.index + 1
      out.push({ start, end: start + q[1]!.length, label: "PERSONA", score: 0.85, detector: "rules/person", evidence: "nickname" })
    }
  }
  for (const m of text.matchAll(ACTS_ON_SOMEONE)) {
    const word = m[1]!
    if (isStop(word) || writtenInLowerCase(text, word)) continue
    const start = m.index + 1
    out.push({ start, end: start + word.length, label: "PERSONA", score: 0.7, detector: "rules/person", evidence: "nickname" })
  }
  return out
}

/**
 * A given name in brackets right after a person's initials or name ("a R.B.C. (Rossana), de 19 años", "su
 * hermano J.M.Q. (Jhonny)"): how a ruling that shortens a victim's name says who is who. Not a short name
 * in capitals ("(CAD)"), a place, a word the ruling writes in lower case, or after a non-name.
 */
const NAME_IN_BRACKETS = /(?:(?<![\p{L}])(?:\p{Lu}\.[ \t]?){2,5}|\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+)[ \t]*\((\p{Lu}\p{Ll}{2,15})\)/gu
const byNameInBrackets = (text: string): Span[] => {
  const out: Span[] = []
  for (const m of text.matchAll(NAME_IN_BRACKETS)) {
    const word = m[1]!
    if (wordOrPlace(text, word)) continue
    // After a name, only a given name: "Juan Pérez (Tito)" is a nickname's business, "Hospital Posadas (Haedo)" a place's.
    if (!/^\p{Lu}\./u.test(m[0]) && !isFirstName(word)) continue
    const start = m.index + m[0].length - word.length - 1
    out.push({ start, end: start + word.length, label: "PERSONA", score: 0.8, detector: "rules/person", evidence: "name-in-brackets" })
  }
  return out
}

const byNickname = (text: string): Span[] => {
  const out: Span[] = []
  NICK_INSIDE.lastIndex = 0
  for (let m = NICK_INSIDE.exec(text); m; m = NICK_INSIDE.exec(text)) {
    const { given, quoted, after } = m.groups!
    if (!isFirstName(given!) || isStop(after!) || quoted!.trim().split(/\s+/u).length > 3) continue
    const start = m.index + 1
    out.push({ start, end: start + quoted!.length, label: "PERSONA", score: 0.85, detector: "rules/person", evidence: "nickname" })
    // The name around it too: "Juan" in Juan «el Negro» Pérez is found by no other rule (no capital
    // follows it), and the model may miss it.
    const before = givenRunBefore(text, m.index)
    if (before) out.push({ ...before, label: "PERSONA", score: 0.85, detector: "rules/person", evidence: "name-around-nickname" })
    const rest = surnameRunAfter(text, start + quoted!.length + 1)
    if (rest) out.push({ ...rest, label: "PERSONA", score: 0.85, detector: "rules/person", evidence: "name-around-nickname" })
  }
  NICK.lastIndex = 0
  for (let m = NICK.exec(text); m; m = NICK.exec(text)) {
    const v = m.groups!["quoted"] ?? m.groups!["bare"]
    if (!v) continue
    // "(a) NO CULPABLE; (b) CULPABLE…": a list's first letter, not "alias".
    if (m[0].startsWith("(a)") && /\(b\)/u.test(text.slice(m.index, m.index + 200))) continue
    const start = m.index + m[0].lastIndexOf(v)
    if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(v)) continue // a CBU alias
    if (!m.groups!["quoted"] && isStop(v.split(/\s+/).pop()!)) continue
    // After a verb ("se identificó como", "le dicen"), quotes also hold a description: a name has a capital.
    if (/^(?:se|les?)\s/iu.test(m[0]) && !/\p{Lu}/u.test(v)) continue
    // "la Ley 25.675, conocida como «Ley General del Ambiente»": a law's or a programme's popular name.
    const head = v.replace(/^(?:el|la|los|las)\s+/iu, "").split(/\s+/u)[0]!
    if ((head.length >= 3 && !head.endsWith(".") && isStop(head)) ||
      (/^conocid/iu.test(m[0]) && NAMES_A_THING_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index)))) continue
    out.push({ start, end: start + v.length, label: "PERSONA", score: 0.85, detector: "rules/person", evidence: "nickname" })
    if (!m.groups!["quoted"]) continue
    for (let at = m.index + m[0].length, more = FURTHER_NICK.exec(text.slice(at, at + 60)); more; more = FURTHER_NICK.exec(text.slice(at, at + 60))) {
      const further = more.groups!["quoted"]!
      const from = at + more[0].length - 1 - further.length
      out.push({ start: from, end: from + further.length, label: "PERSONA", score: 0.85, detector: "rules/person", evidence: "nickname" })
      at += more[0].length
    }
  }
  return out
}

/**
 * A caption naming the accused by initials, surname first: "P., R. A. s/ abuso sexual", "G., O. R. y otros
 * s/ …" (sexual offences and minors are captioned so). The surname's initial was left readable before.
 */
const INITIALS_CAPTION = /(?<![\p{L}.])\p{Lu}\.[ \t]*,[ \t]*\p{Lu}\.(?:[ \t]*\p{Lu}\.){0,2}(?=[ \t]*(?:y[ \t]+otr[oa]s?[ \t]+)?s\/)/gu

const byInitialsCaption = (text: string): Span[] =>
  [...text.matchAll(INITIALS_CAPTION)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: "PERSONA" as const, score: 0.85, detector: "rules/person", evidence: "initials" }))

/**
 * A given name written alone, Title-case, between lower-case words: "Contó que Lautaro le pidió plata",
 * "la llevó a Mía al jardín". A child or a victim is often named so, with no cue and never in full (a given
 * name that is also a surname, "Bruno", is a name either way). Not a word the ruling also writes in lower
 * case, a legal word, a month or a day ("Abril", "Julio"),
 * a barrio or a province, an abbreviation ("Iva"), nor next to another capitalised word (a longer name,
 * an institution's or a street's: "Hospital Juan A. Fernández"), after "de" ending a longer name ("Convenio de
 * Berna") or before a comma and a capital (an inverted name, a list of places).
 */
/** Between lower-case words or punctuation ("en amarillo, Nacho iba…"), or before an age in parentheses: "sus hijos Milena (6) y Dylan (2)". */
const LONE_GIVEN = /(?<=(?:^|[\s(«"“,;:)])(?:\p{Ll}[\p{L}\p{M}]*[,;:]?[ \t]+|[,;:][ \t]*))(\p{Lu}\p{Ll}[\p{Ll}\p{M}]+)(?=[ \t]*(?:[,;:.)»"”]|[ \t]\p{Ll}|\([ \t]*\d{1,2}(?:[ \t]+años?)?[ \t]*\)))/gu

const byLoneGivenName = (text: string): Span[] => {
  const out: Span[] = []
  for (const m of text.matchAll(LONE_GIVEN)) {
    const word = m[1]!
    if (!isFirstName(word) || isStop(word) || isGivenStop(word)) continue
    const f = fold(word)
    if (CABA_BARRIOS.has(f) || PROVINCES.has(f) || writtenInLowerCase(text, word) || isLegalAbbreviation(word.toUpperCase())) continue
    const start = m.index
    const end = start + word.length
    // The end of a longer name ("Código de Rito", "Convenio de Berna", "el instituto del Rosario"), or an
    // inverted name or a list ("en autos Bruna, Ana", "Viajó a Dolores, Ana Ruiz lo esperaba").
    if (/(?:\p{Lu}[\p{L}\p{M}.]*[ \t]+(?:de|de la|de los)|\bdel)[ \t]+$/u.test(text.slice(Math.max(0, start - 40), start)) ||
      /^[ \t]*,[ \t]*\p{Lu}/u.test(text.slice(end, end + 4))) continue
    if (!notInstitution(text, start) || inCitation(text, start, end) || inCitedWork(text, start, end)) continue
    out.push({ start, end, label: "PERSONA", score: 0.6, detector: "rules/person", evidence: "given-name-alone" })
  }
  return out
}

/**
 * The sender of a chat message transcribed as a phone exports it: "[04/03/24 10:12] Héctor: …",
 * "04/03/2024 10:12 - Rochi: …", "4/3/24, 22:05 - Ana Paz: …". The sender is named as the phone's owner saved
 * the contact: a given name, a nickname or a full name, in one to three capitalised words; a kinship word
 * ("Mamá", "Tía Rosa") or a phone number is no name of its own.
 */
const CHAT_SENDER = /^[ \t]*\[?\d{1,2}\/\d{1,2}\/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?[ \t]?m\.?)?\]?[ \t]*(?:[-–][ \t]*)?(\p{Lu}[\p{L}\p{M}'’]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’]+){0,2})[ \t]*:/gmu
const KIN_CONTACT = /^(?:mam[áa]|pap[áa]|mami|papi|ma|pa|abuel[oa]|t[íi][oa]|herman[oa]|hij[oa]|amor|gordo|gorda|negro|negra|yo|usuario|desconocido)$/u

const byChatSender = (text: string): Span[] =>
  [...text.matchAll(CHAT_SENDER)].flatMap((m) => {
    const name = m[1]!
    const first = fold(name.split(/[ \t]+/)[0]!)
    if (KIN_CONTACT.test(first) || isStop(name.split(/[ \t]+/)[0]!)) return []
    const start = m.index + m[0].lastIndexOf(name)
    return [{ start, end: start + name.length, label: "PERSONA" as const, score: 0.8, detector: "rules/person", evidence: "chat-sender" }]
  })

export const person: Detector = {
  name: "rules/person",
  labels: ["PERSONA"],
  // An author heading a bibliographic parenthesis ("(PEREYRA ALBA, Tomás, Recursos en el proceso penal, Ed. …, 2011, pág. 77)") is cited, in any form.
  detect: (text) =>
    [...byCue(text), ...byInverted(text), ...byShape(text), ...byInitials(text), ...byNickname(text), ...byInitialsCaption(text), ...byLoneGivenName(text), ...byChatSender(text), ...byQuotedNickname(text), ...byQuotedWordAsPerson(text), ...byNameInBrackets(text)]
      .filter((span) => !citedAuthor(text, span.start, span.end) && !courtSeatAt(text, span.start)),
}

