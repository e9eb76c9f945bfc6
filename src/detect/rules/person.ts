import type { Span } from "../../domain/Span.ts"
import type { Detector } from "../Detector.ts"
import {
  CAPS_TOKEN,
  NAME_SEQ,
  NOT_PERSON_BEFORE,
  PARTICLE,
  TITLE_TOKEN,
  inCitation,
  isCaps,
  isFirstName,
  isInitial,
  isStop,
  isSurname,
  nameAt,
  nameSegments,
  type Token,
} from "../names.ts"

/**
 * Person names → PERSONA. The span is the name only, never the cue word.
 *
 * Rules, each recorded as evidence:
 * - cue:<role>   after a role or honorific (imputado, víctima, Sr., testigo,
 *                "hijo de", "la menor", police ranks, private counsel...)
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
    String.raw`(?<![\p{L}])(?:imputad[oa]s?|acusad[oa]s?|procesad[oa]s?|condenad[oa]s?|encartad[oa]s?|enjuiciad[oa]s?|investigad[oa]s?|sospechos[oa]s?|detenid[oa]s?|aprehendid[oa]s?|infractor(?:a|es|as)?|contraventor(?:a|es|as)?|v[íi]ctimas?|damnificad[oa]s?|denunciantes?|querellantes?|testigos?|declarante|requerid[oa]|peticionante|solicitante|causante|occis[oa]|fallecid[oa]|menor(?:es)?|ni[ñn][oa]s?|joven|adolescente|beb[ée]|nen[ea]|ciudadan[oa]|nombrad[oa]|llamad[oa]|identificad[oa]\s+como|individualizad[oa]\s+como|de\s+nombre|bajo\s+el\s+nombre\s+de|de\s+apellido)(?![\p{L}])`,
    0.85,
  ),
  g(
    "kin",
    String.raw`(?<![\p{L}])(?:hij[oa]s?\s+de|padre|madre|progenitor(?:a|es)?|herman[oa]s?|t[íi][oa]|abuel[oa]|prim[oa]|sobrin[oa]|cu[ñn]ad[oa]|suegr[oa]|nuera|yerno|espos[oa]|c[óo]nyuge|concubin[oa]|(?:ex\s*)?pareja|(?:ex\s*)?novi[oa]|amig[oa]|vecin[oa]|compa[ñn]er[oa]|conviviente|empleador(?:a)?|emplead[oa]|encargad[oa]|due[ñn][oa]|propietari[oa]|inquilin[oa])(?![\p{L}])`,
    0.8,
  ),
  g(
    "honorific",
    String.raw`(?<![\p{L}])(?:Sr|Sra|Srta|Sres|Sras|Dn|Dña|Lic|Ing|Prof)\.|(?<![\p{L}])(?:señor(?:a|ita)?|don|doña|licenciad[oa])(?![\p{L}])`,
    0.85,
  ),
  g(
    "police",
    String.raw`(?<![\p{L}])(?:agente|oficial(?:\s+(?:mayor|principal|ayudante|inspector))?|sargento(?:\s+primero)?|cabo(?:\s+primero)?|suboficial|subinspector(?:a)?|inspector(?:a)?|comisario|subcomisario|principal|preventor(?:a)?|gendarme|prefecto)(?![\p{L}])`,
    0.75,
  ),
  g(
    "private-counsel",
    String.raw`(?<![\p{L}])(?:abogad[oa]|letrad[oa]|defensor(?:a)?\s+particular|defensa\s+particular|defensor(?:a)?\s+de\s+confianza|perit[oa](?:\s+de\s+parte)?|patrocinante|apoderad[oa])(?![\p{L}])`,
    0.8,
  ),
  // Bare "Dr./Dra." could be an official, counsel or an expert: weak PERSONA;
  // the official rules and propagation relabel officials.
  g("doctor", String.raw`(?<![\p{L}])(?:Dr|Dra|Dres|Dras)\.|(?<![\p{L}])(?:doctor|doctora)(?![\p{L}])`, 0.6),
]

const FILLER = /[\s,:;(\-–—«"“'‘]*(?:(?:(?:el|la)\s+)?(?:Sr|Sra|Srta|Dr|Dra|Lic|Dn|Dña|señor|señora|señorita|don|doña)\.?\s+)?(?:(?:de\s+nombre|llamad[oa]|identificad[oa]\s+como)\s+)?[«"“'‘]?/uy
const LIST_SEP = /\s*(?:,|\by\b|\be\b)\s*(?:(?:Sr|Sra|Dr|Dra)\.?\s*)?/uy

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

const byCue = (text: string): Span[] => {
  const out: Span[] = []
  for (const cue of CUES) {
    cue.re.lastIndex = 0
    for (let m = cue.re.exec(text); m; m = cue.re.exec(text)) {
      let pos = m.index + m[0].length
      for (let n = 0; n < 6; n++) {
        FILLER.lastIndex = pos
        const f = FILLER.exec(text)
        const at = f ? pos + f[0].length : pos
        const seg = nameAt(text, at)
        if (!seg || !plausible(seg)) break
        out.push(mk(seg, cue.score, `cue:${cue.name}`))
        pos = seg[seg.length - 1]!.end
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

const notInstitution = (text: string, start: number): boolean => !NOT_PERSON_BEFORE.test(text.slice(Math.max(0, start - 25), start))

const RUN = new RegExp(NAME_SEQ, "gu")

/** Capitalised runs: caps, mixed and lexicon rules. */
const byShape = (text: string): Span[] => {
  const out: Span[] = []
  RUN.lastIndex = 0
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    for (const seg of nameSegments(text, m.index, m.index + m[0].length)) {
      const words = seg.filter((t) => !isInitial(t.text) && !/^(?:de|del|la|las|los|van|der|von|di|da|dos)$/i.test(t.text))
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
      if (firstCaps > 0 && words.slice(firstCaps).every((t) => isCaps(t.text))) {
        out.push(mk(seg, 0.8, "mixed"))
        continue
      }
      // Lexicon: a known first name followed by at least one more capitalised word.
      const i = words.findIndex((t) => isFirstName(t.text))
      if (i >= 0 && i < words.length - 1) {
        const from = seg.indexOf(words[i]!)
        const sub = seg.slice(from)
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
      // Initials + surname: "J. C. Pérez".
      if (seg.length >= 2 && isInitial(seg[0]!.text) && !isInitial(seg[seg.length - 1]!.text) && seg[seg.length - 1]!.text.length >= 3) {
        out.push(mk(seg, 0.7, "initials+surname"))
      }
    }
  }
  return out
}

const INVERTED = new RegExp(
  String.raw`(?<![\p{L}])(?<sur>${CAPS_TOKEN}(?:\s+(?:${PARTICLE}\s+)?${CAPS_TOKEN}){0,3}),\s*(?<given>(?:${TITLE_TOKEN}|${CAPS_TOKEN})(?:\s+(?:${PARTICLE}\s+)?(?:${TITLE_TOKEN}|${CAPS_TOKEN}|\p{Lu}\.)){0,3})(?<tail>\s+s\/|\s+y\s+otr[oa]s|\s*\(|\s+(?:por|sobre)\s)?`,
  "gu",
)

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
    const gSeg = nameSegments(text, gStart, gStart + given.length)[0]
    if (!gSeg || gSeg[0]!.start !== gStart) continue
    if (inCitation(text, start, gSeg[gSeg.length - 1]!.end) || !notInstitution(text, start)) continue
    const caption = m.groups!["tail"] !== undefined
    const givenLex = gSeg.some((t) => isFirstName(t.text))
    const surLex = surToks.some(isSurname)
    if (!caption && !givenLex && !(surLex && gSeg.length <= 3)) continue
    const score = caption || givenLex ? 0.9 : 0.7
    out.push({ start, end: gSeg[gSeg.length - 1]!.end, label: "PERSONA", score, detector: "rules/person", evidence: caption ? "inverted:caption" : "inverted" })
  }
  return out
}

/** Standalone initials "F.E.A." / "M. L. G." (3+ letters), not common abbreviations. */
const INITIALS = /(?<![\p{L}\d.])((?:\p{Lu}\.\s?){3,5})(?![\p{L}])/gu
const NOT_INITIALS = new Set(
  "DNI CABA CSJN CPP CPPN CPPCABA CCABA CCAF EEUU PFA SRL SAIC SACI UFI UFIJ IPP MPF CUIJ ONU OEA CIDH CEDAW CTA AFIP ANSES RENAPER INADI SENAF CDN DCP PBA OVD JPCYF".split(" "),
)

const byInitials = (text: string): Span[] => {
  const out: Span[] = []
  INITIALS.lastIndex = 0
  for (let m = INITIALS.exec(text); m; m = INITIALS.exec(text)) {
    const letters = m[1]!.replace(/[^\p{Lu}]/gu, "")
    if (NOT_INITIALS.has(letters)) continue
    const end = m.index + m[1]!.trimEnd().length
    out.push({ start: m.index, end, label: "PERSONA", score: 0.6, detector: "rules/person", evidence: "initials" })
  }
  return out
}

const NICK =
  /(?<![\p{L}])(?:alias|apodad[oa]|apodo|conocid[oa]\s+como|(?:\(a\)))\s*[:,]?\s*(?:(?<q>[«"“'‘])(?<quoted>[^»"”'’\n]{1,30})[»"”'’]|(?<bare>(?:(?:El|La|Los|el|la)\s+)?\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?))/gu

const byNickname = (text: string): Span[] => {
  const out: Span[] = []
  NICK.lastIndex = 0
  for (let m = NICK.exec(text); m; m = NICK.exec(text)) {
    const v = m.groups!["quoted"] ?? m.groups!["bare"]
    if (!v) continue
    const start = m.index + m[0].lastIndexOf(v)
    if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(v)) continue // a CBU alias
    if (!m.groups!["quoted"] && isStop(v.split(/\s+/).pop()!)) continue
    out.push({ start, end: start + v.length, label: "PERSONA", score: 0.85, detector: "rules/person", evidence: "nickname" })
  }
  return out
}

export const person: Detector = {
  name: "rules/person",
  labels: ["PERSONA"],
  detect: (text) => [...byCue(text), ...byInverted(text), ...byShape(text), ...byInitials(text), ...byNickname(text)],
}

