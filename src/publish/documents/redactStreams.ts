import type { AuditRecord } from "../../domain/AuditRecord.ts"
import type { DocumentPart, ExtractedDocument, PartKind } from "../../domain/Document.ts"
import type { Label } from "../../domain/Label.ts"
import { fold } from "../../detect/fold.ts"
import { composeText, PART_SEPARATOR } from "../../normalise/composeText.ts"
import { findForms, formTokens, tokenize } from "../../detect/formSearch.ts"
import { alignText, nearestReal, replaceRange, type TextStream } from "./textLayer.ts"

/**
 * From the audit record's entities (offsets in the analysed text, and each
 * one's replacement) to edits of a document's XML text.
 *
 * The analysed text is composed from the parts a reader extracted (see
 * composeText). The writer reads the original file again with the same
 * reader, so each part's place in the analysed text is known; it checks that
 * the parts compose to exactly the record's text (otherwise the document
 * cannot be rebuilt). Each part is then aligned with the XML text it was read
 * from, and every redacted span is replaced where its first and last
 * characters landed.
 *
 * A sweep follows over every paragraph of the package: each redacted surface
 * form the gate searches for (see residualScan) that is still there — a
 * copy of a text box, a paragraph the alignment missed — is replaced too,
 * except inside mentions the record keeps. What the sweep cannot search
 * (forms of fewer than three letters, ages) must have been placed by offset:
 * otherwise the document is not produced.
 */

export interface PlacedPart extends DocumentPart {
  /** Offset of the part in the analysed text. */
  readonly start: number
}

const PART_ORDER: Record<PartKind, number> = { body: 0, header: 1, footer: 2, note: 3 }

/** The parts of `doc` with their offsets in composeText(doc); undefined when they do not compose to `text`. */
export const placeParts = (doc: ExtractedDocument, text: string): readonly PlacedPart[] | undefined => {
  if (composeText(doc) !== text) return undefined
  const [only, ...rest] = doc.parts
  if (only !== undefined && rest.length === 0 && only.kind === "body") return [{ ...only, start: 0 }]
  const ordered = doc.parts
    .map((part, index) => ({ part, index }))
    .sort((a, b) => PART_ORDER[a.part.kind] - PART_ORDER[b.part.kind] || a.index - b.index)
    .map(({ part }) => part)
    .filter((part) => part.text.trim().length > 0)
  const placed: PlacedPart[] = []
  let at = 0
  for (const part of ordered) {
    placed.push({ ...part, start: at })
    at += part.text.length + PART_SEPARATOR.length
  }
  return placed
}

export interface Redaction {
  readonly start: number
  readonly end: number
  readonly label: Label
  readonly text: string
  readonly replacement: string
}

export const redactionsOf = (record: AuditRecord): Redaction[] =>
  record.entities.flatMap((entity) =>
    entity.action === "redact" && entity.replacement !== null && entity.end > entity.start
      ? [{ start: entity.start, end: entity.end, label: entity.label, text: entity.text, replacement: entity.replacement }]
      : []
  )

/** Labels the gate does not search by form (see QUANTITY_LABELS in gate.ts). */
const QUANTITY_LABELS: ReadonlySet<Label> = new Set(["EDAD"])
const MIN_FORM_CHARS = 3

/** Whether the sweep (and the gate) search for this redaction's surface form. */
export const isSwept = (redaction: Pick<Redaction, "label" | "text">): boolean =>
  !QUANTITY_LABELS.has(redaction.label) && fold(redaction.text).replace(/[^\p{L}\p{N}]/gu, "").length >= MIN_FORM_CHARS

/**
 * Replace the redactions that fall inside `part` in each stream read from
 * it. Returns the redactions of the part that could not be placed in every
 * stream.
 */
export const redactPart = (part: PlacedPart, redactions: readonly Redaction[], streams: readonly TextStream[]): Redaction[] => {
  const end = part.start + part.text.length
  const inside = redactions.filter((redaction) => redaction.start >= part.start && redaction.end <= end)
  const missed = new Set<Redaction>()
  for (const stream of streams) {
    const map = alignText(part.text, stream)
    const placed: Array<{ from: number; to: number; replacement: string }> = []
    for (const redaction of inside) {
      const s = redaction.start - part.start
      const e = redaction.end - part.start
      const slice = part.text.slice(s, e)
      const lead = slice.length - slice.trimStart().length
      if (lead === slice.length) continue
      // The span's first and last visible characters must both be placed.
      const first = map[s + lead]!
      const last = map[s + slice.trimEnd().length - 1]!
      const from = first < 0 || last < first ? -1 : nearestReal(stream, first, last)
      const to = from < 0 ? -1 : nearestReal(stream, last, first)
      if (from < 0 || to < from) {
        missed.add(redaction)
        continue
      }
      placed.push({ from, to, replacement: redaction.replacement })
    }
    placed.sort((x, y) => y.from - x.from)
    let floor = Number.POSITIVE_INFINITY
    for (const edit of placed) {
      // Fused redactions never overlap; an overlap here would mean a bad alignment.
      if (edit.to >= floor) continue
      replaceRange(stream, edit.from, edit.to, edit.replacement)
      floor = edit.from
    }
  }
  return [...missed]
}

export interface SweepForms {
  readonly redacted: ReadonlyArray<{ readonly tokens: readonly string[]; readonly replacement: string }>
  readonly kept: ReadonlyArray<readonly string[]>
}

/** The forms the sweep looks for: those the gate searches, longest first, and the kept mentions that mask them. */
export const sweepFormsOf = (record: AuditRecord): SweepForms => {
  const byForm = new Map<string, string>()
  for (const redaction of redactionsOf(record)) {
    if (!isSwept(redaction)) continue
    const form = fold(redaction.text)
    if (!byForm.has(form)) byForm.set(form, redaction.replacement)
  }
  const redacted = [...byForm].map(([form, replacement]) => ({ tokens: formTokens(form), replacement }))
    .filter((form) => form.tokens.length > 0)
    .sort((a, b) => b.tokens.length - a.tokens.length)
  const kept = [...new Set(record.entities.filter((entity) => entity.action === "keep").map((entity) => fold(entity.text)))]
    .map(formTokens).filter((tokens) => tokens.length > 0)
  return { redacted, kept }
}

/** Replace, in one paragraph's stream, every redacted form still readable outside kept mentions. Returns how many. */
export const sweepStream = (stream: TextStream, forms: SweepForms): number => {
  if (forms.redacted.length === 0) return 0
  const text = stream.text
  const tokens = tokenize(text)
  const masked = new Uint8Array(tokens.length)
  for (const hit of findForms(tokens, forms.kept)) masked.fill(1, hit.first, hit.last)
  const hits = findForms(tokens, forms.redacted.map((form) => form.tokens))
    .filter((hit) => !masked.subarray(hit.first, hit.last).some((flag) => flag === 1))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const chosen: typeof hits = []
  for (const hit of hits) {
    const previous = chosen[chosen.length - 1]
    if (previous && hit.start < previous.end) continue
    chosen.push(hit)
  }
  let count = 0
  for (const hit of chosen.reverse()) {
    const from = nearestReal(stream, hit.start, hit.end - 1)
    const to = nearestReal(stream, hit.end - 1, hit.start)
    if (from < 0 || to < from) continue
    replaceRange(stream, from, to, forms.redacted[hit.form]!.replacement)
    count++
  }
  return count
}
