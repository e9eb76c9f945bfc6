import type { Span } from "../../domain/Span.ts"
import type { Detector } from "../Detector.ts"
import { COLUMN_GAP, isCaps, isStop, NAME_SEQ, nameAt, nameSegments, type Token } from "../names.ts"

/**
 * Officials acting in their role → FUNCIONARIO (kept visible by default):
 * judges, prosecutors, secretaries, official defenders, tutelary advisers.
 *
 * - role-before   "el Juez Dr. Juan PÉREZ", "Fiscal Martín LÓPEZ", "Defensora Oficial, Dra. X"
 * - role-after    "Dra. Ana Suárez – Jueza", "Dr. Juan Pérez, Secretario", signature lines
 * - in-charge     "Juzgado ... N° 10, a cargo de la Dra. X"
 * - ante-mi       "Ante mí: X" (the clerk who attests)
 * - panel         "la Sala, integrada por los Dres. A, B y C", "el voto del Dr. X"
 * - represented   "la Fiscalía N° 3, representada por la Dra. X" (public offices only)
 * - vote-heading  "EL DR. RUBEN OSMAR ARGAÑARAZ, DIJO:" opening a judge's vote
 * - vote-order    "el orden de emisión de los votos es el siguiente: Dres. A, B y C"
 * - role lines    "Juez: Nombre Apellido, titular del Juzgado ...", "EL SEÑOR VOCAL DOCTOR X",
 *                 a role clause with the court between ("el Juez de Primera Instancia en
 *                 lo Civil ... de esta ciudad, Dr. X"), signature blocks ("APELLIDO Nombres↵
 *                 VOCAL DE CAMARA")
 *
 * Private counsel ("defensor particular", "abogado", "letrado") is never an
 * official; a role cue separated from the name by a party cue is ignored.
 */
const ROLE = String.raw`(?:Juez(?:a)?(?:\/a)?|Jueces|Magistrad[oa]|Camarista|Conjuez|Vocal(?:es)?|Fiscal(?:a)?(?:\s+(?:Adjunt[oa]|Auxiliar|General(?:\s+Adjunt[oa])?|de\s+C[áa]maras?|Subrogante|Interin[oa]|Titular))?|Asesor(?:a)?\s+Letrad[oa]|Auxiliar\s+Fiscal|Secretari[oa](?:\/a)?(?:\s+(?:Letrad[oa]|Judicial|Coadyuvante|de\s+Primera\s+Instancia|Interin[oa]|ad\s+hoc))?|Prosecretari[oa](?:\/a)?(?:\s+(?:Coadyuvante|Administrativ[oa]|Letrad[oa]))?|Defensor(?:a)?\s+(?:Oficial|P[úu]blic[oa](?:\s+Oficial)?|General(?:\s+Adjunt[oa])?)|Defensa\s+Oficial|Defensor[íi]a\s+Oficial|Asesor(?:a)?\s+Tutelar|Asesor[íi]a\s+Tutelar|Oficial\s+Notificador(?:a)?)`

const ROLE_RE = new RegExp(String.raw`(?<![\p{L}])${ROLE}(?![\p{L}])`, "giu")
const HONORIFIC = /(?<![\p{L}])(?:Dras|Dres|Dra|Dr|doctora|doctor)\.?\s*/iu
/**
 * Between a role and its holder's name, a court described at length ("Juez de
 * Primera Instancia en lo Civil y Comercial de Cuadragésima Nominación de esta
 * ciudad, Dr. X"): capitalised words, numbers and the function words of court
 * names only — no verb, so no other clause.
 */
const COURT_WINDOW = 240
const COURT_WORD = /^(?:\p{Lu}[\p{L}.]*|\d+[°º]?|N[°º]|Nro\.?|de|del|en|lo|la|las|los|y|e|a|esta|este|dicha|dicho|ciudad|sede|turno|instancia|nominaci[óo]n|circunscripci[óo]n|judicial|distrito|sala|secretar[íi]a|interinamente|subrogante|titular|actuante|interviniente|cargo)$/u
const courtDescription = (gap: string): boolean => gap.split(/[\s,]+/u).every((word) => word === "" || COURT_WORD.test(word))
const PARTY = /(?:imputad|acusad|procesad|v[íi]ctima|denunciante|damnificad|querell|testigo|particular|abogad|letrad|confianza|perit|patrocin|apoderad|imputaci|encartad|defensor(?:a)?\s+(?!oficial|p[úu]blic))/iu
const SENTENCE_END = /[;\n]|\.\s+(?!\p{Ll})(?<!\b(?:N|Nº|N°|nro|Nro|art|inc)\.\s+)/u
const LIST_SEP = /^\s*(?:,|\b[yY]\b|\b[eE]\b)\s*(?:(?:el|la)\s+)?(?:\d{1,2}\s*[.)]-?\s*)?(?:(?:Dra|Dr)\.?\s*)?/u

const mk = (seg: readonly Token[], score: number, evidence: string): Span => ({
  start: seg[0]!.start,
  end: seg[seg.length - 1]!.end,
  label: "FUNCIONARIO",
  score,
  detector: "rules/official",
  evidence,
})

/** The line right above `lineStart`'s line is a name alone, with or without "Dr."/"Dra.". */
const signerLineAbove = (text: string, roleStart: number): boolean => {
  const lineStart = text.lastIndexOf("\n", roleStart - 1) + 1
  if (lineStart === 0) return false
  const aboveStart = text.lastIndexOf("\n", lineStart - 2) + 1
  const above = text.slice(aboveStart, lineStart - 1)
  const honorific = /^[ \t]*(?:(?:Dras|Dres|Dra|Dr|doctora|doctor)\.?[ \t]*)?/iu.exec(above)![0]
  const seg = nameAt(text, aboveStart + honorific.length)
  return seg !== undefined && seg.length >= 2 && text.slice(seg[seg.length - 1]!.end, lineStart - 1).trim() === ""
}

/** Names after the role: directly ("Fiscal Martín LÓPEZ") or after Dr./Dra. within the same clause. */
const roleBefore = (text: string, roleStart: number, roleEnd: number): Span[] => {
  const out: Span[] = []
  const window = text.slice(roleEnd, roleEnd + COURT_WINDOW)
  let at: number | undefined
  // A role ending a signature line after its signer's name ("Dr. Ricardo Pardiñas — Juez") does not name
  // whoever signs on the line below; a role alone on its line ("JUEZA") or before a colon may.
  const endsSignerLine = /\S/u.test(text.slice(text.lastIndexOf("\n", roleStart - 1) + 1, roleStart))
  // A role alone on its line under a name line is that signer's ("Dr. Gonzalo Aráoz↵Juez↵↵Dr. Federico
  // Campos↵Abogado defensor"): the next line's name is the next signer, whatever their role.
  if (!endsSignerLine && signerLineAbove(text, roleStart)) return out
  const direct = (endsSignerLine
    ? /^[ \t]*(?::\s*|,[ \t]*)?(?:(?:el|la)[ \t]+)?(?:(?:Dras|Dres|Dra|Dr|doctora|doctor)\.?[ \t]*)?/iu
    : /^[ \t]*[,:]?\s*(?:(?:el|la)\s+)?(?:(?:Dras|Dres|Dra|Dr|doctora|doctor)\.?\s*)?/iu).exec(window)!
  const seg0 = nameAt(text, roleEnd + direct[0].length)
  // "A preguntas del Fiscal, Rey reconoció…": after a comma and no honorific, a lone surname that a verb
  // follows opens the next clause; it is not the official's name in apposition.
  const clauseSubject = seg0 !== undefined && seg0.length === 1 && /,/.test(direct[0]) && !/\b(?:dras?|dres|dr|doctora?)\b/iu.test(direct[0]) &&
    /^[ \t]+\p{Ll}/u.test(text.slice(seg0[0]!.end, seg0[0]!.end + 3))
  if (seg0 && !clauseSubject) at = roleEnd + direct[0].length
  else {
    const h = HONORIFIC.exec(window)
    if (!h) return out
    const gap = window.slice(0, h.index)
    // On the next line is another signer ("… — Juez↵Dra. X — abogada").
    if (endsSignerLine && /^[ \t]*\r?\n[ \t]*$/u.test(gap)) return out
    const courtOnly = courtDescription(gap)
    if (PARTY.test(gap) || ROLE_RE.test(gap) || (!courtOnly && (SENTENCE_END.test(gap) || gap.length > 120))) {
      ROLE_RE.lastIndex = 0
      return out
    }
    ROLE_RE.lastIndex = 0
    at = roleEnd + h.index + h[0].length
  }
  for (let n = 0; n < 4 && at !== undefined; n++) {
    const seg = nameAt(text, at)
    if (!seg) break
    out.push(mk(seg, 0.9, "role-before"))
    const sep = LIST_SEP.exec(text.slice(seg[seg.length - 1]!.end, seg[seg.length - 1]!.end + 12))
    at = sep ? seg[seg.length - 1]!.end + sep[0].length : undefined
  }
  return out
}

/** Before the role: a dash or comma, or a line break — in signature blocks often a blank line ("NAME\n\nJUEZ"). */
const SEPARATOR_BEFORE_ROLE = /[ \t]*(?:[,–—\-]|\n(?:[ \t]*\n)?)[ \t\-–—]*\(?[ \t]*$/u
const RUN = new RegExp(NAME_SEQ, "gu")

/**
 * A signature line: a whole line of capitalised words (particles allowed)
 * right above a role line ("MOYANO PEÑA Esteban↵VOCAL DE CAMARA"). The line
 * is the name even when one of its words is also a common word ("PEÑA"), as
 * long as most of its words are not.
 */
const NAME_LINE = /^(?:(?:Dra|Dr|Dres)\.[ \t]*)?\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|del|la|las|los|y))+$/u
const signatureLine = (text: string, head: string, headEnd: number): Span | undefined => {
  const lineStart = Math.max(head.lastIndexOf("\n"), head.lastIndexOf("\f")) + 1
  const raw = head.slice(lineStart)
  const line = raw.trim()
  if (!NAME_LINE.test(line)) return undefined
  const honorific = /^(?:Dra|Dr|Dres)\.[ \t]*/u.exec(line)?.[0] ?? ""
  const words = line.slice(honorific.length).split(/[ \t]+/u).filter((word) => !/^(?:de|del|la|las|los|y)$/u.test(word))
  if (words.length < 2 || words.length > 7) return undefined
  if (words.filter((word) => !isStop(word)).length * 2 < words.length) return undefined
  const start = headEnd - head.length + lineStart + raw.indexOf(line) + honorific.length
  return { start, end: start + line.length - honorific.length, label: "FUNCIONARIO", score: 0.85, detector: "rules/official", evidence: "signature-line" }
}

/** What opens a list of signers: "Fdo.:", "Fdo. digitalmente:", "Firmado electrónicamente por:". */
const SIGNED = String.raw`(?:Fdo\.?|Firmado)(?:\s+(?:digitalmente|electr[óo]nicamente))?(?:\s+por)?`
/** A signer opening its line, after the signing words if any. */
const SIGNER_OPENS_LINE = new RegExp(String.raw`(?:^|[\n\f])[ \t\f]*(?:${SIGNED}:?\s*)?(?:(?:Dr|Dra)\.?\s*)?$`, "iu")
/** A signer in a list after the signing words ("Fdo.: Ana Paz - Juez; Luis Mora - Secretario"). */
const SIGNER_IN_LIST = new RegExp(String.raw`\b${SIGNED}:\s*(?:[^;\n]{1,80};\s*){0,4}(?:(?:Dr|Dra)\.?\s*)?$`, "iu")

/** "Dra. Ana Suárez – Jueza", signature lines "Ana Suárez\nJueza". */
const roleAfter = (text: string, roleStart: number): Span[] => {
  const from = Math.max(0, roleStart - 90)
  const before = text.slice(from, roleStart)
  const sep = SEPARATOR_BEFORE_ROLE.exec(before)
  if (!sep) return []
  const head = before.slice(0, sep.index)
  // The role opens its own line: the line above may be a signature line.
  if (sep[0].includes("\n") && /^[ \t]*$/u.test(text.slice(text.lastIndexOf("\n", roleStart - 1) + 1, roleStart))) {
    const signer = signatureLine(text, head, from + head.length)
    if (signer) return [signer]
  }
  let last: RegExpExecArray | undefined
  RUN.lastIndex = 0
  for (let m = RUN.exec(head); m; m = RUN.exec(head)) last = m
  if (!last || last.index + last[0].length !== head.length) return []
  const segs = nameSegments(text, from + last.index, from + head.length)
  let seg = segs[segs.length - 1]
  if (!seg) return []
  const lead = text.slice(Math.max(0, seg[0]!.start - 12), seg[0]!.start)
  const honorific = /(?:Dra|Dr|doctora|doctor)\.?\s*$/i.test(lead)
  const tail = text.slice(seg[seg.length - 1]!.end, from + head.length)
  // A signature line is a name to its end, even when its last word is also a common word
  // ("FELICINDA FLORENCIA MAS↵JUEZA", "Dra. Ana Mas – Jueza").
  const lastWord = /^[ \t]+(\S+)$/u.exec(tail)
  if (lastWord && segs.length === 1 && (seg.length >= 2 || honorific) && isCaps(lastWord[1]!) === isCaps(seg[seg.length - 1]!.text) && /^\p{Lu}/u.test(lastWord[1]!)) {
    const start = from + head.length - lastWord[1]!.length
    seg = [...seg, { text: lastWord[1]!, start, end: from + head.length }]
  }
  if (seg[seg.length - 1]!.end !== from + head.length) return []
  // A line of its own, or a "Fdo.:" list of signers ("Fdo.: Ana Paz - Juez; Luis Mora - Secretario").
  const lineStart =
    SIGNER_OPENS_LINE.test(text.slice(Math.max(0, seg[0]!.start - 40), seg[0]!.start)) ||
    SIGNER_IN_LIST.test(text.slice(Math.max(0, seg[0]!.start - 200), seg[0]!.start).split("\n").pop()!)
  // A party cue just before the name, on the same line ("la víctima ANA PÉREZ – ..."), not the previous paragraph
  // nor the previous member of a list ("el Dr. X, abogado de la querella, y la Dra. Y, Defensora Oficial").
  if (PARTY.test(text.slice(Math.max(0, seg[0]!.start - 30), seg[0]!.start).split("\n").pop()!.split(/;|\by\b/u).pop()!)) return []
  if (!honorific && !(lineStart && seg.length >= 2)) return []
  return [mk(seg, honorific ? 0.9 : 0.8, "role-after")]
}

/** Any character of the clause but ";", across a PDF's line breaks but not a blank line. */
const LINE_WRAPPED = String.raw`(?:[^;\n]|\n(?![ \t]*\n))`
const IN_CHARGE = new RegExp(String.raw`(?:Juzgado|Fiscal[íi]a|Secretar[íi]a|Defensor[íi]a|Asesor[íi]a|Sala|Tribunal|Unidad|Equipo|Vocal[íi]a)${LINE_WRAPPED}{0,100}?a\s+cargo\s+(?:de\s+la|del|de)\s+(?:(?:Dra|Dr|doctora|doctor)\.?\s*)?`, "giu")
/** An office's head introduced as its holder: "el titular de la Fiscalía …, doctor X", "la Fiscalía … N° 1, su titular, Dr. X". */
const HEAD_OF_OFFICE = new RegExp(String.raw`(?:Juzgado|Fiscal[íi]a|Defensor[íi]a|Asesor[íi]a|Secretar[íi]a|Unidad|Vocal[íi]a)${LINE_WRAPPED}{0,100}?,\s*su\s+titular\s*,?\s*(?:Dra|Dr|doctora|doctor)\.?\s*|\btitular\s+(?:de\s+la|del)\s+(?:Juzgado|Fiscal[íi]a|Defensor[íi]a|Asesor[íi]a|Secretar[íi]a|Unidad|Vocal[íi]a)${LINE_WRAPPED}{0,120}?,\s*(?:Dra|Dr|doctora|doctor)\.?\s*`, "giu")
/** A public body's representative at a hearing: "el representante de la Procuración Penitenciaria de la Nación, Lic. X". */
const REPRESENTATIVE_OF_OFFICE = new RegExp(
  String.raw`\brepresentante\s+(?:de\s+la|del)\s+(?:Procuraci[óo]n(?:\s+Penitenciaria)?|Ministerio\s+P[úu]blico|Fiscal[íi]a|Defensor[íi]a|Asesor[íi]a|Unidad\s+de\s+Letrados|Defensor(?:a)?\s+del\s+Pueblo|Consejo\s+de\s+los\s+Derechos)${LINE_WRAPPED}{0,80}?,\s*(?:Dra|Dr|Lic|doctora|doctor|licenciad[oa])\.?\s*`,
  "giu",
)
/** A public office acting through a person: "la Fiscalía N° 3, representada por la Dra. X" (never a party's counsel). */
const REPRESENTED = new RegExp(String.raw`(?:Fiscal[íi]a|Procuradur[íi]a|Unidad\s+de\s+Letrados(?:\s+M[óo]viles)?|Defensor[íi]a(?:\s+(?:Oficial|P[úu]blica))?|Asesor[íi]a|Ministerio\s+P[úu]blico(?:\s+(?:Fiscal|de\s+la\s+Defensa|Tutelar))?)${LINE_WRAPPED}{0,80}?representad[oa]\s+(?:en\s+(?:este\s+acto|la\s+audiencia)\s+)?por\s+(?:el|la)\s+(?:(?:Dra|Dr|doctora|doctor)\.?\s*)?(?:(?:Fiscal|Defensor(?:a)?|Asesor(?:a)?)\s+)?`, "giu")
const PANEL = /\b(?:integrad[oa]s?|compuest[oa]s?|conformad[oa]s?)\s+por\s+(?:(?:los|las|el|la)\s+)?(?:(?:se[ñn]or(?:e|a)s|Sres\.|Sras\.)\s*)?(?:(?:jueces|juezas|magistrad[oa]s|vocales|camaristas|ministr[oa]s)\s+)?(?:(?:Dras|Dres|Dra|Dr|doctores|doctoras)\.?\s*)?|\bvoto\s+(?:(?:del|de\s+la)\s+)?(?:(?:se[ñn]or(?:a)?\s+)?(?:juez|jueza|vocal|camarista)\s+)?(?:(?:Dra|Dr)\.?\s*)/giu
/** A court's members named by their office: "los ministros A, B y C", "las juezas de la Sala A y B". */
const COURT_MEMBERS = /(?<![\p{L}])(?:los|las)\s+(?:ministr[oa]s|jueces|juezas|vocales|camaristas|conjueces)(?:\s+de\s+(?:la\s+)?(?:Corte|C[áa]mara|Sala|Tribunal))?\s+(?:(?:Dres|Dras)\.?\s*)?(?=\p{Lu})/giu
/** A judge speaking of the panel's other judges in a vote: "adhiero al voto de mi colega Etcheverry", "mi distinguida colega, Dra. Paz". */
const COLLEAGUE = /(?<![\p{L}])(?:mis?|nuestr[oa]s?|el|la|los|las)\s+(?:(?:distinguid[oa]s?|estimad[oa]s?)\s+)?colegas?(?:\s+(?:preopinantes?|de\s+(?:Sala|Tribunal|C[áa]mara)))?\s*,?\s*(?:(?:Dres|Dras|Dra|Dr)\.?\s*)?/giu
const ANTE_MI = /\bante\s+m[íi]\s*[:,]?\s*(?:(?:Dra|Dr)\.?\s*)?/giu
/**
 * The order of the judges' votes: "el orden de emisión de los votos es el
 * siguiente: Dres. A, B y C", "emitirán sus votos en el siguiente orden:",
 * "fija el orden de la votación en la siguiente forma: 1.- Dra. A, 2.- Dr. B".
 * Only the judges of the panel vote.
 */
const VOTE_ORDER =
  /(?:\borden\s+(?:de\s+)?(?:emisi[óo]n\s+de\s+(?:los\s+)?votos|(?:la\s+)?votaci[óo]n|(?:los\s+)?votos)[^:;\n]{0,60}|\bvotos?\s+en\s+el\s+siguiente\s+orden\s*):\s*(?:\d{1,2}\s*[.)]-?\s*)?(?:(?:Dres|Dras|Dra|Dr|Sres|Sras|Sra|Sr)\.?\s*)?/giu

/**
 * A vote's heading: "EL DR. RUBEN OSMAR ARGAÑARAZ, DIJO:", "La Dra. Ana Mas dijo:" at
 * the start of a line or after the question it answers ("A LA PRIMERA CUESTIÓN
 * PLANTEADA, EL DR. X DIJO:") — in a ruling, only a judge's vote opens that way.
 */
const VOTE_HEADING = /(?:^|\n|\bCUESTI[ÓO]N(?:[ \t]+PLANTEADA)?[ \t]*,?)[ \t\f]*(?:EL|LA|El|La)[ \t]+(?:(?:SEÑOR(?:A)?|Señor(?:a)?|SRA?\.|Sra?\.)[ \t]+)?(?:(?:VOCAL|Vocal)[ \t]+)?(?:DRA|DR|Dra|Dr|DOCTORA|DOCTOR|doctora|doctor)\.?[ \t]+/gu
/** The names listed from `at` ("A, B y C"), five at most, each where the previous one's separator ends. */
const namesListedAt = (text: string, from: number): Token[][] => {
  const names: Token[][] = []
  let at: number | undefined = from
  for (let n = 0; n < 5 && at !== undefined; n++) {
    const seg = nameAt(text, at)
    if (!seg) break
    names.push(seg)
    const end = seg[seg.length - 1]!.end
    const sep = LIST_SEP.exec(text.slice(end, end + 12))
    at = sep ? end + sep[0].length : undefined
  }
  return names
}

/** A joint vote's heading: "LAS DRAS. MARÍA ROSA ETCHEGOYEN Y ANA LÍA ZUBIRÍA DIJERON:". */
const JOINT_VOTE_HEADING = /(?:^|\n|\bCUESTI[ÓO]N(?:[ \t]+PLANTEADA)?[ \t]*,?)[ \t\f]*(?:LOS|LAS|Los|Las)[ \t]+(?:(?:SEÑORES|SEÑORAS|Señores|Señoras|SRES\.|SRAS\.|Sres\.|Sras\.)[ \t]+)?(?:(?:VOCALES|Vocales)[ \t]+)?(?:DRAS|DRES|Dras|Dres|DOCTORES|DOCTORAS|doctores|doctoras)\.?[ \t]+/gu

const voteHeadings = (text: string): Span[] => {
  const out: Span[] = []
  VOTE_HEADING.lastIndex = 0
  for (let m = VOTE_HEADING.exec(text); m; m = VOTE_HEADING.exec(text)) {
    const seg = nameAt(text, m.index + m[0].length)
    if (seg && /^\s*,?\s*(?:DIJO|dijo)\s*:/u.test(text.slice(seg[seg.length - 1]!.end, seg[seg.length - 1]!.end + 12))) out.push(mk(seg, 0.9, "vote-heading"))
  }
  JOINT_VOTE_HEADING.lastIndex = 0
  for (let m = JOINT_VOTE_HEADING.exec(text); m; m = JOINT_VOTE_HEADING.exec(text)) {
    const names = namesListedAt(text, m.index + m[0].length)
    const last = names[names.length - 1]
    if (names.length >= 2 && /^\s*,?\s*(?:DIJERON|dijeron)\s*:/u.test(text.slice(last!.at(-1)!.end, last!.at(-1)!.end + 14))) out.push(...names.map((seg) => mk(seg, 0.9, "vote-heading")))
  }
  return out
}

/**
 * An official named by the office they hold, right after the name: "la Dra. Mariana X, titular del
 * Juzgado …", "el Dr. Y, a cargo de la Fiscalía N° 3".
 */
const DOCTOR = /(?<![\p{L}])(?:Dra|Dr|doctora|doctor)\.?[ \t]+/giu
const HOLDS_OFFICE_AFTER = /^\s*,\s*(?:(?:juez|jueza|fiscal|defensor(?:a)?\s+oficial)\s+)?(?:titular|a\s+cargo|subrogante)\s+(?:del|de\s+la)\s+(?:Juzgado|Fiscal[íi]a|Defensor[íi]a|Asesor[íi]a|Secretar[íi]a|Unidad|Vocal[íi]a|Tribunal|C[áa]mara|Sala)\b/u
const holdersOfOffice = (text: string): Span[] => {
  const out: Span[] = []
  DOCTOR.lastIndex = 0
  for (let m = DOCTOR.exec(text); m; m = DOCTOR.exec(text)) {
    const seg = nameAt(text, m.index + m[0].length)
    if (seg && HOLDS_OFFICE_AFTER.test(text.slice(seg[seg.length - 1]!.end, seg[seg.length - 1]!.end + 80))) out.push(mk(seg, 0.9, "in-charge"))
  }
  return out
}

/** A party between an office and "representada por" makes the representative the party's counsel. */
const PARTY_REPRESENTED = /(?:querell|\bactor|\bactora|demandad|imputad|acusad|v[íi]ctima|damnificad|particular|denunciante)/iu

const after = (re: RegExp, text: string, evidence: string): Span[] => {
  const out: Span[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (evidence === "represented" && PARTY_REPRESENTED.test(m[0])) continue
    for (const seg of namesListedAt(text, m.index + m[0].length)) out.push(mk(seg, 0.9, evidence))
  }
  return out
}

/** A signer's role under their name, with how they voted: "Juez de Cámara (en disidencia)", "Jueza (por su voto)". */
const ROLE_CHUNK = new RegExp(String.raw`^${ROLE}(?:\s+(?:de|del)\s+(?:C[áa]mara|Sala|Tribunal|Primera\s+Instancia|Ejecuci[óo]n))?(?:\s*\((?:en\s+disidencia(?:\s+parcial)?|por\s+su\s+voto|seg[úu]n\s+su\s+voto|con\s+ampliaci[óo]n\s+de\s+fundamentos)\))?$`, "iu")

/**
 * Signers side by side, as a PDF lays out a panel's signatures and its text
 * layer reads them: a line of names in columns above a line of their roles
 * in as many columns ("Ana Paz     Luis Mora↵Jueza de Cámara     Juez de Cámara").
 */
const lineEndFrom = (text: string, from: number): number => {
  const at = text.indexOf("\n", from)
  return at < 0 ? text.length : at
}

const signatureColumns = (text: string): Span[] => {
  const out: Span[] = []
  let lineStart = 0
  while (lineStart < text.length) {
    const lineEnd = lineEndFrom(text, lineStart)
    const nextEnd = lineEndFrom(text, lineEnd + 1)
    const line = text.slice(lineStart, lineEnd)
    const roles = text.slice(lineEnd + 1, nextEnd).trim().split(COLUMN_GAP)
    if (COLUMN_GAP.test(line.trim()) && roles.length >= 2 && roles.every((role) => ROLE_CHUNK.test(role.trim()))) {
      const names: Span[] = []
      for (const chunk of line.matchAll(/\S+(?: \S+|  \S+)*/gu)) {
        const name = chunk[0].replace(/^(?:Dra|Dr|Dres)\.[ \t]*/u, "")
        if (!NAME_LINE.test(name) && !/^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(name)) break
        const start = lineStart + chunk.index + chunk[0].length - name.length
        names.push({ start, end: start + name.length, label: "FUNCIONARIO", score: 0.85, detector: "rules/official", evidence: "signature-columns" })
      }
      if (names.length === roles.length) out.push(...names)
    }
    lineStart = lineEnd + 1
  }
  return out
}

/**
 * A panel signing by name only, a list closing the ruling: "Firmado: Teodosio Larumbe, Ernestina Carabajal
 * Vidal, Ulises Mendiburu (en disidencia)." Two names or more, each followed only by a comma, "y", a
 * bracket or the end of the line; a name with words after it ("Fdo.: Ignacio Funes, abogado del actor") is
 * no such list.
 */
const SIGNED_LINE = /(?:^|\n)[ \t]*(?:Fdo\.?|Firmado)(?:[ \t]+(?:digitalmente|electr[óo]nicamente))?(?:[ \t]+por)?:[ \t]*/gu
const NEXT_SIGNER = /^[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*(?:,|[ \t]y)[ \t]*/u
const LIST_END = /^[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*(?:\.|\r?\n|$)/u

const signedByName = (text: string): Span[] => {
  const out: Span[] = []
  for (const m of text.matchAll(SIGNED_LINE)) {
    const names: Token[][] = []
    let at = m.index + m[0].length
    for (let n = 0; n < 7; n++) {
      const seg = nameAt(text, at)
      if (!seg) {
        // After a comma, words that are no name: "…, peritos de parte".
        names.length = 0
        break
      }
      names.push(seg)
      const end = seg[seg.length - 1]!.end
      const next = NEXT_SIGNER.exec(text.slice(end, end + 60))
      if (next) {
        at = end + next[0].length
        continue
      }
      if (!LIST_END.test(text.slice(end, end + 60))) names.length = 0
      break
    }
    if (names.length >= 2) out.push(...names.map((seg) => mk(seg, 0.85, "signed-list")))
  }
  return out
}

export const official: Detector = {
  name: "rules/official",
  labels: ["FUNCIONARIO"],
  detect: (text) => {
    const out: Span[] = []
    ROLE_RE.lastIndex = 0
    const roles: [number, number][] = []
    for (let m = ROLE_RE.exec(text); m; m = ROLE_RE.exec(text)) roles.push([m.index, m.index + m[0].length])
    for (const [s, e] of roles) out.push(...roleBefore(text, s, e), ...roleAfter(text, s))
    out.push(...after(IN_CHARGE, text, "in-charge"), ...after(HEAD_OF_OFFICE, text, "in-charge"), ...after(REPRESENTATIVE_OF_OFFICE, text, "represented"), ...after(COURT_MEMBERS, text, "panel"), ...after(ANTE_MI, text, "ante-mi"), ...after(PANEL, text, "panel"), ...after(REPRESENTED, text, "represented"), ...after(VOTE_ORDER, text, "vote-order"), ...voteHeadings(text), ...holdersOfOffice(text), ...signatureColumns(text), ...after(COLLEAGUE, text, "colleague"), ...signedByName(text))
    return out
  },
}
