import type { Span } from "../../domain/Span.ts"
import type { Detector } from "../Detector.ts"
import { isCaps, NAME_SEQ, nameAt, nameSegments, type Token } from "../names.ts"

/**
 * Officials acting in their role → FUNCIONARIO (kept visible by default):
 * judges, prosecutors, secretaries, official defenders, tutelary advisers.
 *
 * - role-before   "el Juez Dr. Juan PÉREZ", "Fiscal Martín LÓPEZ", "Defensora Oficial, Dra. X"
 * - role-after    "Dra. Ana Suárez – Jueza", "Dr. Juan Pérez, Secretario", signature lines
 * - in-charge     "Juzgado ... N° 10, a cargo de la Dra. X"
 * - ante-mi       "Ante mí: X" (the clerk who attests)
 * - panel         "la Sala, integrada por los Dres. A, B y C", "el voto del Dr. X"
 *
 * Private counsel ("defensor particular", "abogado", "letrado") is never an
 * official; a role cue separated from the name by a party cue is ignored.
 */
const ROLE = String.raw`(?:Juez(?:a)?|Jueces|Magistrad[oa]|Camarista|Conjuez|Fiscal(?:a)?(?:\s+(?:Adjunt[oa]|Auxiliar|General(?:\s+Adjunt[oa])?|de\s+C[áa]mara|Subrogante|Interin[oa]|Titular))?|Auxiliar\s+Fiscal|Secretari[oa](?:\s+(?:Letrad[oa]|Judicial|Coadyuvante|de\s+Primera\s+Instancia|Interin[oa]|ad\s+hoc))?|Prosecretari[oa](?:\s+(?:Coadyuvante|Administrativ[oa]|Letrad[oa]))?|Defensor(?:a)?\s+(?:Oficial|P[úu]blic[oa](?:\s+Oficial)?|General(?:\s+Adjunt[oa])?)|Defensa\s+Oficial|Defensor[íi]a\s+Oficial|Asesor(?:a)?\s+Tutelar|Asesor[íi]a\s+Tutelar|Oficial\s+Notificador(?:a)?)`

const ROLE_RE = new RegExp(String.raw`(?<![\p{L}])${ROLE}(?![\p{L}])`, "giu")
const HONORIFIC = /(?<![\p{L}])(?:Dras|Dres|Dra|Dr|doctora|doctor)\.?\s*/iu
const PARTY = /(?:imputad|acusad|procesad|v[íi]ctima|denunciante|damnificad|querell|testigo|particular|abogad|letrad|confianza|perit|patrocin|apoderad|imputaci|encartad|defensor(?:a)?\s+(?!oficial|p[úu]blic))/iu
const SENTENCE_END = /[;\n]|\.\s+(?!\p{Ll})(?<!\b(?:N|Nº|N°|nro|Nro|art|inc)\.\s+)/u
const LIST_SEP = /^\s*(?:,|\by\b|\be\b)\s*(?:(?:Dra|Dr)\.?\s*)?/u

const mk = (seg: readonly Token[], score: number, evidence: string): Span => ({
  start: seg[0]!.start,
  end: seg[seg.length - 1]!.end,
  label: "FUNCIONARIO",
  score,
  detector: "rules/official",
  evidence,
})

/** Names after the role: directly ("Fiscal Martín LÓPEZ") or after Dr./Dra. within the same clause. */
const roleBefore = (text: string, roleEnd: number): Span[] => {
  const out: Span[] = []
  const window = text.slice(roleEnd, roleEnd + 120)
  let at: number | undefined
  const direct = /^\s*,?\s*(?:(?:el|la)\s+)?(?:(?:Dras|Dres|Dra|Dr|doctora|doctor)\.?\s*)?/iu.exec(window)!
  const seg0 = nameAt(text, roleEnd + direct[0].length)
  if (seg0) at = roleEnd + direct[0].length
  else {
    const h = HONORIFIC.exec(window)
    if (!h) return out
    const gap = window.slice(0, h.index)
    if (PARTY.test(gap) || SENTENCE_END.test(gap) || ROLE_RE.test(gap)) {
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

/** "Dra. Ana Suárez – Jueza", signature lines "Ana Suárez\nJueza". */
const roleAfter = (text: string, roleStart: number): Span[] => {
  const from = Math.max(0, roleStart - 90)
  const before = text.slice(from, roleStart)
  const sep = SEPARATOR_BEFORE_ROLE.exec(before)
  if (!sep) return []
  const head = before.slice(0, sep.index)
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
  const lineStart = /(?:^|\n)[ \t]*(?:Fdo\.?:?\s*)?(?:(?:Dr|Dra)\.?\s*)?$/i.test(text.slice(Math.max(0, seg[0]!.start - 20), seg[0]!.start))
  // A party cue just before the name, on the same line ("la víctima ANA PÉREZ – ..."), not the previous paragraph.
  if (PARTY.test(text.slice(Math.max(0, seg[0]!.start - 30), seg[0]!.start).split("\n").pop()!)) return []
  if (!honorific && !(lineStart && seg.length >= 2)) return []
  return [mk(seg, honorific ? 0.9 : 0.8, "role-after")]
}

const IN_CHARGE = /(?:Juzgado|Fiscal[íi]a|Secretar[íi]a|Defensor[íi]a|Asesor[íi]a|Sala|Tribunal|Unidad|Equipo|Vocal[íi]a)[^;\n]{0,100}?a\s+cargo\s+(?:de\s+la|del|de)\s+(?:(?:Dra|Dr|doctora|doctor)\.?\s*)?/giu
const PANEL = /\b(?:integrad[oa]s?|compuest[oa]s?|conformad[oa]s?)\s+por\s+(?:(?:los|las)\s+)?(?:(?:jueces|juezas|magistrad[oa]s|vocales|camaristas)\s+)?(?:(?:Dras|Dres|Dra|Dr|doctores|doctoras)\.?\s*)?|\bvoto\s+(?:del|de\s+la)\s+(?:(?:juez|jueza)\s+)?(?:(?:Dra|Dr)\.?\s*)/giu
const ANTE_MI = /\bante\s+m[íi]\s*[:,]?\s*(?:(?:Dra|Dr)\.?\s*)?/giu

const after = (re: RegExp, text: string, evidence: string): Span[] => {
  const out: Span[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let at: number | undefined = m.index + m[0].length
    for (let n = 0; n < 5 && at !== undefined; n++) {
      const seg = nameAt(text, at)
      if (!seg) break
      out.push(mk(seg, 0.9, evidence))
      const end = seg[seg.length - 1]!.end
      const sep = LIST_SEP.exec(text.slice(end, end + 12))
      at = sep ? end + sep[0].length : undefined
    }
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
    for (const [s, e] of roles) out.push(...roleBefore(text, e), ...roleAfter(text, s))
    out.push(...after(IN_CHARGE, text, "in-charge"), ...after(ANTE_MI, text, "ante-mi"), ...after(PANEL, text, "panel"))
    return out
  },
}
