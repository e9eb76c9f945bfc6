import { fold } from "../detect/fold.ts"
import type { Label } from "../domain/Label.ts"

/**
 * Measures on real rulings that carry no gold annotations: what can be
 * checked by rule from a ruling's analysed text, its decisions and its public
 * text. Figures are counts; nothing here keeps or returns document text.
 *
 * - signers: each name line of a signature block ("Firmado digitalmente
 *   por:", "Fdo.:") followed by a role line in capitals (VOCAL DE CAMARA,
 *   JUEZA, SECRETARIO/A LETRADO...) must stay visible, and so must every other
 *   mention of that name in the ruling;
 * - DNI: every number written after "DNI" / "D.N.I." must be redacted, and no
 *   such number may remain in the public text;
 * - officials: mentions the pipeline labelled as officials and kept visible.
 */

export interface RealEntity {
  readonly start: number
  readonly end: number
  readonly label: Label
  readonly action: "redact" | "keep"
}

export interface RealDocument {
  readonly source: string
  /** The analysed text (entities' offsets refer to it). */
  readonly text: string
  readonly entities: readonly RealEntity[]
  /** The public text, when the ruling was published. */
  readonly publicText?: string
}

export interface DocumentChecks {
  readonly source: string
  readonly personalData: boolean
  readonly officialsKept: number
  readonly officialsRedacted: number
  readonly signers: number
  readonly signersKept: number
  readonly signerMentions: number
  readonly signerMentionsKept: number
  readonly dni: number
  readonly dniRedacted: number
  /** Numbers after "DNI" still readable in the public text (0 when unpublished). */
  readonly dniInPublic: number
}

/** Opens a signature block. */
const SIGNATURE_CUE = /(?:Firmad[oa]\s+digitalmente\s+por|Firmad[oa]\s+por|\bFdo\.?|\bFirma(?:do)?)\s*:/giu

/** A role line of a signature block, in capitals: JUEZ/A, VOCAL DE CAMARA, SECRETARIO/A LETRADO, FISCAL... */
const ROLE_LINE = /^(?:JUEZ|JUEZA|JUEZ\/A|VOCAL|CAMARISTA|CONJUEZ|MINISTR[OA]|PRESIDENT[EA]|SECRETARI[OA]|PROSECRETARI[OA]|FISCAL|AUXILIAR\s+FISCAL|DEFENSOR|DEFENSORA|ASESOR|ASESORA|MAGISTRAD[OA]|OFICIAL\s+(?:DE\s+JUSTICIA|NOTIFICADOR))(?:[\s/A-ZÁÉÍÓÚÑ.,°º0-9-]*)$/u

/** A signer's name line: two to seven capitalised words (particles between), no digits, no colon. */
const NAME_LINE = /^(?:(?:Dra?\.|Dres\.)\s*)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|del|la|las|los|y)){1,6}$/u

/** Lines after the cue that may belong to the block. */
const BLOCK_LINES = 40

export interface Located {
  readonly start: number
  readonly end: number
}

/** Name lines of signature blocks (offsets in `text`). */
export const signatureNames = (text: string): Located[] => {
  const out: Located[] = []
  SIGNATURE_CUE.lastIndex = 0
  for (let m = SIGNATURE_CUE.exec(text); m; m = SIGNATURE_CUE.exec(text)) {
    let at = m.index + m[0].length
    const lines: Located[] = []
    for (let n = 0; n < BLOCK_LINES && at <= text.length; n++) {
      const nl = text.indexOf("\n", at)
      const end = nl < 0 ? text.length : nl
      lines.push({ start: at, end })
      if (nl < 0) break
      at = nl + 1
    }
    let previous: Located | undefined
    for (const line of lines) {
      const raw = text.slice(line.start, line.end)
      const body = raw.trim()
      if (!body) continue
      const start = line.start + raw.indexOf(body)
      const here = { start, end: start + body.length }
      if (previous && ROLE_LINE.test(body)) {
        const name = text.slice(previous.start, previous.end)
        if (NAME_LINE.test(name) && !ROLE_LINE.test(name)) {
          const honorific = /^(?:Dra?\.|Dres\.)\s*/u.exec(name)
          out.push({ start: previous.start + (honorific?.[0].length ?? 0), end: previous.end })
        }
      }
      previous = here
    }
  }
  const seen = new Set<number>()
  return out.filter((l) => (seen.has(l.start) ? false : (seen.add(l.start), true)))
}

/** Numbers written after "DNI" (with "N°", "Nro.", ":" between): the digits' offsets. */
const DNI_NUMBER = /\bD\.?\s?N\.?\s?I\.?(?:\s*(?:N[°º.]|Nro\.?|n[uú]mero))?\s*:?\s*(\d{1,2}[.\s]?\d{3}[.\s]?\d{3})(?!\d)/gu

export const dniNumbers = (text: string): Located[] =>
  [...text.matchAll(DNI_NUMBER)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length
    return { start, end: start + m[1]!.length }
  })

const overlaps = (a: Located, b: Located): boolean => a.start < b.end && b.start < a.end

const redacted = (doc: RealDocument, at: Located): boolean =>
  doc.entities.some((e) => e.action === "redact" && overlaps(e, at))

/** Words that make a signer's name searchable elsewhere: long enough, not particles. */
const PARTICLES = new Set(["de", "del", "la", "las", "los", "y", "dr", "dra", "san", "santa"])

/**
 * The signer's surnames: the words in capitals of a mixed line ("APELLIDO
 * Nombres", "Nombres APELLIDO"), else the last word ("Ana Suárez").
 */
const surnames = (line: string): string[] => {
  const words = line.split(/[\s.]+/u).filter((w) => /\p{L}/u.test(w) && !PARTICLES.has(fold(w)))
  const caps = words.filter((w) => w.length >= 2 && w === w.toUpperCase())
  return caps.length > 0 && caps.length < words.length ? caps : words.slice(-1)
}

/**
 * Other mentions of a signer in the ruling: each of the signer's surnames
 * (4+ letters) wherever it occurs as a whole word with a capital initial,
 * outside the signature lines.
 */
const signerMentions = (text: string, names: readonly Located[]): Located[] => {
  const words = new Set<string>()
  for (const n of names) {
    for (const w of surnames(text.slice(n.start, n.end))) {
      const f = fold(w)
      if (f.length >= 4) words.add(f)
    }
  }
  if (!words.size) return []
  const out: Located[] = []
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’]*/gu)) {
    const at = { start: m.index, end: m.index + m[0].length }
    if (!words.has(fold(m[0])) || names.some((n) => overlaps(n, at))) continue
    out.push(at)
  }
  return out
}

/** Rule-checkable figures of one ruling. */
export const checkDocument = (doc: RealDocument): DocumentChecks => {
  const names = signatureNames(doc.text)
  const mentions = signerMentions(doc.text, names)
  const dni = dniNumbers(doc.text)
  const officials = doc.entities.filter((e) => e.label === "FUNCIONARIO")
  return {
    source: doc.source,
    personalData: doc.entities.some((e) => e.action === "redact" && e.label !== "FUNCIONARIO") || dni.length > 0,
    officialsKept: officials.filter((e) => e.action === "keep").length,
    officialsRedacted: officials.filter((e) => e.action === "redact").length,
    signers: names.length,
    signersKept: names.filter((n) => !redacted(doc, n)).length,
    signerMentions: mentions.length,
    signerMentionsKept: mentions.filter((n) => !redacted(doc, n)).length,
    dni: dni.length,
    dniRedacted: dni.filter((n) => redacted(doc, n)).length,
    dniInPublic: doc.publicText === undefined ? 0 : dniNumbers(doc.publicText).length,
  }
}

/** The per-ruling counts a report sums. */
type CheckCounts = Omit<DocumentChecks, "source" | "personalData">

export interface RealTextReport extends CheckCounts {
  /** Rulings in the run. */
  readonly documents: number
  readonly published: number
  /** Failure reason → rulings (gate_blocked, excluded_category, timeout...). */
  readonly held: Readonly<Record<string, number>>
  /** Gate finding code ("forma_redactada:PERSONA") → rulings it held. */
  readonly heldByFinding: Readonly<Record<string, number>>
  /** Rulings whose decisions could be checked (an audit record, or analysed in process). */
  readonly checked: number
  /** Checked rulings with personal data, and how many of them were published. */
  readonly withPersonalData: number
  readonly withPersonalDataPublished: number
  /** File names of rulings with a signer or a DNI number left wrong (no content). */
  readonly signerMisses: readonly string[]
  readonly dniMisses: readonly string[]
}

export interface RunOutcome {
  readonly source: string
  readonly published: boolean
  /** Failure reason when not published. */
  readonly reason?: string
  /** Gate finding codes when held by the gate. */
  readonly findings?: readonly string[]
}

/** Sums the checks of the rulings that could be checked with the outcome of every ruling of the run. */
export const summarise = (outcomes: readonly RunOutcome[], checks: readonly DocumentChecks[]): RealTextReport => {
  const held: Record<string, number> = {}
  const heldByFinding: Record<string, number> = {}
  for (const o of outcomes) {
    if (o.published) continue
    const reason = o.reason ?? "desconocida"
    held[reason] = (held[reason] ?? 0) + 1
    for (const f of new Set(o.findings ?? [])) heldByFinding[f] = (heldByFinding[f] ?? 0) + 1
  }
  const published = new Set(outcomes.filter((o) => o.published).map((o) => o.source))
  const sum = (key: keyof DocumentChecks): number => checks.reduce((a, c) => a + (c[key] as number), 0)
  const withPersonalData = checks.filter((c) => c.personalData)
  return {
    documents: outcomes.length,
    published: published.size,
    held,
    heldByFinding,
    checked: checks.length,
    withPersonalData: withPersonalData.length,
    withPersonalDataPublished: withPersonalData.filter((c) => published.has(c.source)).length,
    officialsKept: sum("officialsKept"),
    officialsRedacted: sum("officialsRedacted"),
    signers: sum("signers"),
    signersKept: sum("signersKept"),
    signerMentions: sum("signerMentions"),
    signerMentionsKept: sum("signerMentionsKept"),
    dni: sum("dni"),
    dniRedacted: sum("dniRedacted"),
    dniInPublic: sum("dniInPublic"),
    signerMisses: checks.filter((c) => c.signersKept < c.signers).map((c) => c.source).sort(),
    dniMisses: checks.filter((c) => c.dniRedacted < c.dni || c.dniInPublic > 0).map((c) => c.source).sort(),
  }
}
