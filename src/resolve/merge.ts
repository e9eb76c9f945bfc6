import type { Label } from "../domain/Label.ts"
import { byPosition, spanLength, type Span } from "../domain/Span.ts"
import { DisjointIntervals } from "./DisjointIntervals.ts"
import { overlapIndex } from "./overlapIndex.ts"

/**
 * Overlaps and precedence. Same-label pieces that overlap or touch (a name
 * split across detectors, a street and its floor) become one span; across
 * labels a greedy choice keeps, in order: validated identifiers (checksum,
 * Luhn), higher score, longer span, more specific label. An official beats a
 * person for the same mention unless a party cue sits right before the name.
 * Every step is a sort or a sweep with binary searches: O(n log n) in the
 * number of spans, so a long ruling dense with names resolves in time.
 */

/** Labels from most to least specific (tie-breaker only). */
const SPECIFICITY: readonly Label[] = [
  "CBU", "CUIT_CUIL", "EMAIL", "IP", "URL", "USUARIO_RED", "PASAPORTE", "DNI", "IDENTIFICADOR", "CUENTA_BANCARIA", "PATENTE",
  "ARCHIVO", "EXPEDIENTE", "FECHA_PERSONAL", "EDAD", "TELEFONO", "DIRECCION", "FUNCIONARIO", "PERSONA", "LUGAR",
]
const specificity = (l: Label): number => SPECIFICITY.length - SPECIFICITY.indexOf(l)

const validated = (s: Span): boolean => /\+(?:checksum|luhn)\b/.test(s.evidence ?? "")
const PARTY_CUE = /^cue:(?:role|private-counsel|kin)/

/** Gap between two same-label spans that still makes them one mention. */
const joinable = (label: Label, gap: string): boolean => {
  if (gap.length === 0) return true
  if (label === "PERSONA" || label === "FUNCIONARIO") return /^[ \t]{1,2}$/.test(gap)
  if (label === "DIRECCION") return /^[ \t]*,?[ \t]*$/.test(gap) && gap.length <= 3
  return false
}

const unionSameLabel = (text: string, spans: readonly Span[]): Span[] => {
  const out: Span[] = []
  const byLabel = new Map<Label, Span[]>()
  for (const s of spans) {
    const list = byLabel.get(s.label)
    if (list) list.push(s)
    else byLabel.set(s.label, [s])
  }
  for (const list of byLabel.values()) {
    list.sort(byPosition)
    let cur: Span | undefined
    for (const s of list) {
      if (cur && (s.start < cur.end || (s.start >= cur.end && joinable(s.label, text.slice(cur.end, s.start))))) {
        const best = s.score > cur.score || (s.score === cur.score && spanLength(s) > spanLength(cur)) ? s : cur
        const longer = spanLength(s) > spanLength(cur) ? s : cur
        const entity = longer.entity ?? best.entity
        cur = {
          ...best,
          start: Math.min(cur.start, s.start),
          end: Math.max(cur.end, s.end),
          score: Math.max(cur.score, s.score),
          ...(entity !== undefined ? { entity } : {}),
        }
        if (entity === undefined) delete (cur as { entity?: string }).entity
      } else {
        if (cur) out.push(cur)
        cur = s
      }
    }
    if (cur) out.push(cur)
  }
  return out
}

interface Ranked {
  readonly span: Span
  readonly validated: boolean
}

const rank = (a: Ranked, b: Ranked): number =>
  Number(b.validated) - Number(a.validated) ||
  b.span.score - a.span.score ||
  spanLength(b.span) - spanLength(a.span) ||
  specificity(b.span.label) - specificity(a.span.label) ||
  a.span.start - b.span.start

export const mergeSpans = (text: string, spans: readonly Span[]): Span[] => {
  let pool = unionSameLabel(text, spans)
  // Officials beat persons for the same mention, unless a party cue says otherwise.
  const officials = overlapIndex(pool.filter((s) => s.label === "FUNCIONARIO"))
  const parties = overlapIndex(pool.filter((s) => s.label === "PERSONA" && PARTY_CUE.test(s.evidence ?? "")))
  pool = pool.filter((s) => {
    if (s.label === "PERSONA" && !PARTY_CUE.test(s.evidence ?? "")) return officials(s.start, s.end).length === 0
    if (s.label === "FUNCIONARIO") return parties(s.start, s.end).length === 0
    return true
  })
  const accepted: Span[] = []
  const taken = new DisjointIntervals(pool.map((s) => s.start))
  for (const { span } of pool.map((s) => ({ span: s, validated: validated(s) })).sort(rank)) {
    if (taken.overlapsAny(span.start, span.end)) continue
    taken.add(span.start, span.end)
    accepted.push(span)
  }
  return accepted.sort(byPosition)
}
