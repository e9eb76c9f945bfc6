/**
 * Scores a `tacha run` output folder against gold annotations (samples/gold.jsonl format).
 *
 * Inputs
 * - gold JSONL: one line per file `{ file, text, spans: [{start,end,label,text}], keep: [{start,end,kind,text}] }`,
 *   `file` relative to the input folder, offsets into the canonical `text`.
 * - output folder: `private/audit/<id>.json` (`{ id, source, text, entities: [{start,end,label,action,...}] }`)
 *   and `public/resoluciones/<id>.txt`. Gold files are matched on `source` (then on the basename).
 *
 * Rules (documented choices)
 * - Predictions are the audit entities with action "redact" (an entity without action counts as redact).
 * - Gold offsets are aligned to the audit text (see align.ts). Gold spans that cannot be aligned count
 *   as missed for precision/recall and are listed; they are left out of the positional leak rate.
 * - A redaction that overlaps no gold span but whose text equals a gold span's text (a copy in a page
 *   header or footer that the canonical text holds once) is not a false positive: it is left out of
 *   precision and counted under `alignment.copies`.
 * - Exact match: same label, same [start, end). Overlap match: same label, ranges intersect; precision
 *   counts predictions overlapping some gold span, recall counts gold spans overlapped by some prediction.
 *   Precision or recall with an empty denominator is 1. F2 = 5PR / (4P + R).
 * - "Datos personales": the same overlap scores, ignoring the label.
 * - Leak rate (positional): a gold mention leaks when any letter or digit of it is not covered by
 *   redacted entities: since the public text is the audit text with redacted ranges replaced, what is
 *   not covered is published as is.
 * - Surface leak (stricter): for every gold surface string of at least 4 letters/digits, the number of
 *   times it is still found in the public text (case-, accent- and whitespace-insensitive, whole words),
 *   capped at its number of gold mentions, counts as leaked mentions. It also catches a pseudonym that
 *   happens to equal a real name, and names re-inserted by the publisher.
 * - Over-redaction: a keep item (official, law, court, ruling date, amount, citation) is over-redacted
 *   when a redacted entity overlaps it; "surface" variant: gold keep occurrences no longer found in the
 *   public text.
 * - A gold document without output counts as fully missed (all its spans are false negatives) and is
 *   listed; it is not counted as leaked (nothing was published).
 */
import { existsSync } from "node:fs"
import { readdir, readFile } from "node:fs/promises"
import { basename, join } from "node:path"
import { alignItems, type Located } from "./align.ts"
import { compactKey, countWordOccurrences, wordFold } from "./textMatch.ts"

export interface GoldSpan {
  start: number
  end: number
  label: string
  text: string
}
export interface GoldKeep {
  start: number
  end: number
  kind: string
  text: string
}
export interface GoldDocument {
  file: string
  text: string
  spans: GoldSpan[]
  keep: GoldKeep[]
}

export interface AuditEntity {
  start: number
  end: number
  label: string
  text?: string
  action?: "redact" | "keep"
}
export interface AuditDocument {
  id: string
  source: string
  text: string
  entities: AuditEntity[]
}

export interface Score {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f2: number
}

export interface LabelScore {
  label: string
  gold: number
  predicted: number
  exact: Score
  overlap: Score
}

export interface Example {
  file: string
  label: string
  text: string
}

export interface DocumentScore {
  file: string
  id?: string
  gold: number
  predicted: number
  missed: number
  leaked: number
  overRedacted: number
  unaligned: number
}

export interface EvalReport {
  documents: {
    gold: number
    evaluated: number
    /** Gold files with no audit record in the output: fully missed. */
    missing: string[]
    /** Audit records with no gold entry (ignored). */
    unmatchedOutputs: string[]
    /** Evaluated documents without a public text (surface checks skipped). */
    withoutPublicText: string[]
  }
  labels: LabelScore[]
  micro: { exact: Score; overlap: Score }
  personalData: Score
  leak: {
    mentions: number
    leaked: number
    rate: number
    byLabel: Record<string, { mentions: number; leaked: number }>
    examples: Example[]
    surface: { checked: number; leaked: number; rate: number; examples: Example[] }
  }
  overRedaction: {
    items: number
    overRedacted: number
    rate: number
    byKind: Record<string, { items: number; overRedacted: number }>
    examples: Example[]
    surface: { checked: number; missing: number; rate: number }
  }
  alignment: {
    aligned: number
    unaligned: Example[]
    /** Redactions of extra copies of gold strings (page headers/footers), left out of precision. */
    copies: number
  }
  perDocument: DocumentScore[]
}

export const score = (tpPred: number, predicted: number, tpGold: number, gold: number): Score => {
  const precision = predicted === 0 ? 1 : tpPred / predicted
  const recall = gold === 0 ? 1 : tpGold / gold
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall)
  return { tp: tpGold, fp: predicted - tpPred, fn: gold - tpGold, precision, recall, f2 }
}

const overlaps = (a: Located, b: Located): boolean => a.start < b.end && b.start < a.end

/** Raw counts, summed over documents before computing scores. */
interface Counts {
  gold: number
  predicted: number
  exactTpGold: number
  exactTpPred: number
  overlapTpGold: number
  overlapTpPred: number
}
const emptyCounts = (): Counts => ({ gold: 0, predicted: 0, exactTpGold: 0, exactTpPred: 0, overlapTpGold: 0, overlapTpPred: 0 })
const countsScore = (c: Counts): { exact: Score; overlap: Score } => ({
  exact: score(c.exactTpPred, c.predicted, c.exactTpGold, c.gold),
  overlap: score(c.overlapTpPred, c.predicted, c.overlapTpGold, c.gold),
})

/** Everything needed to score one document (pure; used by `evaluate` and by tests). */
export interface DocumentInput {
  gold: GoldDocument
  audit?: AuditDocument
  publicText?: string
}

class Accumulator {
  readonly byLabel = new Map<string, Counts>()
  readonly any = emptyCounts()
  readonly leakByLabel: Record<string, { mentions: number; leaked: number }> = {}
  leakMentions = 0
  leaked = 0
  leakExamples: Example[] = []
  surfaceChecked = 0
  surfaceLeaked = 0
  surfaceExamples: Example[] = []
  keepItems = 0
  overRedacted = 0
  overByKind: Record<string, { items: number; overRedacted: number }> = {}
  overExamples: Example[] = []
  keepSurfaceChecked = 0
  keepSurfaceMissing = 0
  aligned = 0
  copies = 0
  unaligned: Example[] = []
  perDocument: DocumentScore[] = []

  counts(label: string): Counts {
    let c = this.byLabel.get(label)
    if (!c) this.byLabel.set(label, (c = emptyCounts()))
    return c
  }
}

const isRedact = (e: AuditEntity): boolean => (e.action ?? "redact") === "redact"

/** Letters and digits of [start, end) not covered by any of the ranges. */
const uncovered = (text: string, span: Located, cover: readonly Located[]): boolean => {
  for (let i = span.start; i < span.end; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i] as string)) continue
    if (!cover.some((c) => c.start <= i && i < c.end)) return true
  }
  return false
}

const scoreInto = (acc: Accumulator, input: DocumentInput): void => {
  const { gold, audit, publicText } = input
  const doc: DocumentScore = { file: gold.file, gold: gold.spans.length, predicted: 0, missed: 0, leaked: 0, overRedacted: 0, unaligned: 0 }
  if (audit) doc.id = audit.id
  if (!audit) {
    for (const s of gold.spans) {
      acc.counts(s.label).gold++
      acc.any.gold++
    }
    doc.missed = gold.spans.length
    acc.perDocument.push(doc)
    return
  }
  const allPreds = audit.entities.filter(isRedact)
  const spans = alignItems(gold.text, audit.text, gold.spans)
  const keeps = alignItems(gold.text, audit.text, gold.keep)
  for (const a of [...spans, ...keeps]) {
    if (a.at) acc.aligned++
    else {
      doc.unaligned++
      acc.unaligned.push({ file: gold.file, label: "label" in a.item ? (a.item as GoldSpan).label : (a.item as GoldKeep).kind, text: a.item.text })
    }
  }
  const goldAt = spans.filter((a) => a.at).map((a) => ({ label: a.item.label, at: a.at as Located, text: a.item.text }))
  // Redactions of extra copies of gold data (page headers, footers repeating the caption) are right,
  // but have no gold span: leave them out of precision instead of counting them as false positives.
  const goldKeys = new Set(gold.spans.map((s) => compactKey(s.text)))
  const copies = allPreds.filter((p) => !goldAt.some((g) => overlaps(p, g.at)) && goldKeys.has(compactKey(audit.text.slice(p.start, p.end))))
  acc.copies += copies.length
  const preds = allPreds.filter((p) => !copies.includes(p))
  doc.predicted = preds.length

  // precision/recall per label and type-agnostic
  for (const s of gold.spans) {
    acc.counts(s.label).gold++
    acc.any.gold++
  }
  for (const p of preds) {
    acc.counts(p.label).predicted++
    acc.any.predicted++
  }
  for (const g of goldAt) {
    const c = acc.counts(g.label)
    if (preds.some((p) => p.label === g.label && p.start === g.at.start && p.end === g.at.end)) c.exactTpGold++
    if (preds.some((p) => p.label === g.label && overlaps(p, g.at))) c.overlapTpGold++
    else doc.missed++
    if (preds.some((p) => overlaps(p, g.at))) acc.any.overlapTpGold++
    if (preds.some((p) => p.start === g.at.start && p.end === g.at.end)) acc.any.exactTpGold++
  }
  doc.missed += spans.length - goldAt.length
  for (const p of preds) {
    const c = acc.counts(p.label)
    if (goldAt.some((g) => g.label === p.label && p.start === g.at.start && p.end === g.at.end)) c.exactTpPred++
    if (goldAt.some((g) => g.label === p.label && overlaps(p, g.at))) c.overlapTpPred++
    if (goldAt.some((g) => overlaps(p, g.at))) acc.any.overlapTpPred++
    if (goldAt.some((g) => p.start === g.at.start && p.end === g.at.end)) acc.any.exactTpPred++
  }

  // positional leak
  for (const g of goldAt) {
    const bucket = (acc.leakByLabel[g.label] ??= { mentions: 0, leaked: 0 })
    bucket.mentions++
    acc.leakMentions++
    if (uncovered(audit.text, g.at, allPreds)) {
      bucket.leaked++
      acc.leaked++
      doc.leaked++
      if (acc.leakExamples.length < 200) acc.leakExamples.push({ file: gold.file, label: g.label, text: g.text })
    }
  }

  // over-redaction
  for (const k of keeps) {
    if (!k.at) continue
    const bucket = (acc.overByKind[k.item.kind] ??= { items: 0, overRedacted: 0 })
    bucket.items++
    acc.keepItems++
    if (allPreds.some((p) => overlaps(p, k.at as Located))) {
      bucket.overRedacted++
      acc.overRedacted++
      doc.overRedacted++
      if (acc.overExamples.length < 200) acc.overExamples.push({ file: gold.file, label: k.item.kind, text: k.item.text })
    }
  }

  // surface checks on the public text
  if (publicText !== undefined) {
    const pub = wordFold(publicText)
    const groups = new Map<string, { n: number; label: string; text: string }>()
    for (const s of gold.spans) {
      const key = wordFold(s.text).trim()
      if ((key.match(/[\p{L}\p{N}]/gu) ?? []).length < 4) continue
      const gk = `${key}`
      const g = groups.get(gk)
      if (g) g.n++
      else groups.set(gk, { n: 1, label: s.label, text: s.text })
    }
    for (const [key, g] of groups) {
      acc.surfaceChecked += g.n
      const found = Math.min(g.n, countWordOccurrences(pub, key))
      acc.surfaceLeaked += found
      if (found > 0 && acc.surfaceExamples.length < 200) acc.surfaceExamples.push({ file: gold.file, label: g.label, text: g.text })
    }
    const keepGroups = new Map<string, number>()
    for (const k of gold.keep) {
      const key = wordFold(k.text).trim()
      if (key) keepGroups.set(key, (keepGroups.get(key) ?? 0) + 1)
    }
    for (const [key, n] of keepGroups) {
      acc.keepSurfaceChecked += n
      acc.keepSurfaceMissing += Math.max(0, n - countWordOccurrences(pub, key))
    }
  }
  acc.perDocument.push(doc)
}

const finish = (acc: Accumulator, docs: EvalReport["documents"]): EvalReport => {
  const labels = [...acc.byLabel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, c]) => ({ label, gold: c.gold, predicted: c.predicted, ...countsScore(c) }))
  const sum = emptyCounts()
  for (const c of acc.byLabel.values()) {
    sum.gold += c.gold
    sum.predicted += c.predicted
    sum.exactTpGold += c.exactTpGold
    sum.exactTpPred += c.exactTpPred
    sum.overlapTpGold += c.overlapTpGold
    sum.overlapTpPred += c.overlapTpPred
  }
  const rate = (a: number, b: number): number => (b === 0 ? 0 : a / b)
  return {
    documents: docs,
    labels,
    micro: countsScore(sum),
    personalData: countsScore(acc.any).overlap,
    leak: {
      mentions: acc.leakMentions,
      leaked: acc.leaked,
      rate: rate(acc.leaked, acc.leakMentions),
      byLabel: acc.leakByLabel,
      examples: acc.leakExamples,
      surface: { checked: acc.surfaceChecked, leaked: acc.surfaceLeaked, rate: rate(acc.surfaceLeaked, acc.surfaceChecked), examples: acc.surfaceExamples },
    },
    overRedaction: {
      items: acc.keepItems,
      overRedacted: acc.overRedacted,
      rate: rate(acc.overRedacted, acc.keepItems),
      byKind: acc.overByKind,
      examples: acc.overExamples,
      surface: { checked: acc.keepSurfaceChecked, missing: acc.keepSurfaceMissing, rate: rate(acc.keepSurfaceMissing, acc.keepSurfaceChecked) },
    },
    alignment: { aligned: acc.aligned, unaligned: acc.unaligned, copies: acc.copies },
    perDocument: acc.perDocument,
  }
}

/** Score documents already in memory (no file system). */
export const scoreDocuments = (inputs: readonly DocumentInput[], unmatchedOutputs: string[] = []): EvalReport => {
  const acc = new Accumulator()
  for (const input of inputs) scoreInto(acc, input)
  return finish(acc, {
    gold: inputs.length,
    evaluated: inputs.filter((i) => i.audit).length,
    missing: inputs.filter((i) => !i.audit).map((i) => i.gold.file),
    unmatchedOutputs,
    withoutPublicText: inputs.filter((i) => i.audit && i.publicText === undefined).map((i) => i.gold.file),
  })
}

export const readGold = async (goldPath: string): Promise<GoldDocument[]> =>
  (await readFile(goldPath, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((line, i) => {
      const o = JSON.parse(line) as Partial<GoldDocument>
      if (typeof o.file !== "string" || typeof o.text !== "string" || !Array.isArray(o.spans)) {
        throw new Error(`${goldPath}:${i + 1}: se esperaba { file, text, spans, keep }`)
      }
      return { file: o.file, text: o.text, spans: o.spans, keep: Array.isArray(o.keep) ? o.keep : [] }
    })

const normPath = (p: string): string => p.replace(/\\/g, "/").replace(/^\.\//, "")

export const readAudits = async (outDir: string): Promise<AuditDocument[]> => {
  const dir = join(outDir, "private", "audit")
  if (!existsSync(dir)) return []
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort()
  const out: AuditDocument[] = []
  for (const n of names) {
    const o = JSON.parse(await readFile(join(dir, n), "utf8")) as Partial<AuditDocument>
    if (typeof o.text !== "string" || !Array.isArray(o.entities)) continue
    out.push({ id: o.id ?? n.replace(/\.json$/, ""), source: normPath(o.source ?? ""), text: o.text, entities: o.entities })
  }
  return out
}

/** Evaluate an output folder of `tacha run` against a gold JSONL file. */
export const evaluate = async (goldPath: string, outDir: string): Promise<EvalReport> => {
  const gold = await readGold(goldPath)
  const audits = await readAudits(outDir)
  const bySource = new Map(audits.map((a) => [a.source, a]))
  const byBase = new Map<string, AuditDocument[]>()
  for (const a of audits) byBase.set(basename(a.source), [...(byBase.get(basename(a.source)) ?? []), a])
  const used = new Set<AuditDocument>()
  const inputs: DocumentInput[] = []
  for (const g of gold) {
    const file = normPath(g.file)
    let audit = bySource.get(file)
    if (!audit) {
      const cands = byBase.get(basename(file)) ?? []
      if (cands.length === 1) audit = cands[0]
    }
    if (audit && used.has(audit)) audit = undefined
    if (!audit) {
      inputs.push({ gold: g })
      continue
    }
    used.add(audit)
    const pubPath = join(outDir, "public", "resoluciones", `${audit.id}.txt`)
    const publicText = existsSync(pubPath) ? await readFile(pubPath, "utf8") : undefined
    inputs.push({ gold: g, audit, ...(publicText !== undefined ? { publicText } : {}) })
  }
  return scoreDocuments(inputs, audits.filter((a) => !used.has(a)).map((a) => a.source))
}
