import type { Label } from "../domain/Label.ts"
import { actionFor, type PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector } from "../detect/Detector.ts"
import type { Span } from "../domain/Span.ts"
import { fold } from "../detect/fold.ts"
import { findForms, formTokens, tokenize } from "../detect/formSearch.ts"
import { CAPITALISED_LABELS, isReadableHit, keptMask, redactedForms } from "../resolve/closeForms.ts"
import { overlapIndex } from "../resolve/overlapIndex.ts"
import { MIN_SCORE } from "../resolve/resolve.ts"

/**
 * The publication gate, the last step before a ruling's text reaches
 * `public/`. It fails closed: any finding blocks publication. Findings name a
 * label, a cause and a detector or category — never the text found.
 */
export type PublicationCategory = PipelineConfig["publication"]["categories"][number]

export type GateCause =
  /** A rule detector found an identifier (of a label the policy redacts) in the public text. */
  | "identificador_residual"
  /** A form redacted elsewhere in the same ruling still appears in the public text. */
  | "forma_redactada"
  /** The ruling belongs to a category the configuration does not publish. */
  | "categoria_bloqueada"
  /** A detector answered asynchronously: the gate cannot vouch for the text. */
  | "detector_asincrono"

export interface GateFinding {
  readonly cause: GateCause
  readonly label: Label | null
  /** Detector name (identificador_residual, detector_asincrono). */
  readonly detector?: string
  /** Category code (categoria_bloqueada). */
  readonly category?: string
  /** How many occurrences share this label, cause and detector. */
  readonly count: number
  /** Where each occurrence is in the scanned text (character offsets); empty for categories and detector failures. */
  readonly at: ReadonlyArray<TextRange>
}

export interface TextRange {
  readonly start: number
  readonly end: number
}

export interface GateDecision {
  readonly publish: boolean
  readonly findings: readonly GateFinding[]
  /** Codes of the publication categories the ruling falls in. */
  readonly categories: readonly string[]
}

/** Replacement tags such as `[PERSONA 1]`, `[DNI]`, `[DNI 3fa9c1e2b0]`. */
const TAG = /\[[^[\]\n]{1,80}\]/gu

const tagRanges = (text: string): TextRange[] =>
  [...text.matchAll(TAG)].map((match) => ({ start: match.index, end: match.index + match[0].length }))

/**
 * Categories of `config.publication` whose keywords occur in `text`
 * (accent-, case- and whitespace-insensitive, on word boundaries).
 */
export const matchCategories = (text: string, config: PipelineConfig): readonly PublicationCategory[] => {
  const keywords = config.publication.categories.flatMap((category) => category.keywords.map((keyword) => ({ category, keyword })))
  const hits = new Set(findForms(tokenize(text), keywords.map(({ keyword }) => formTokens(keyword))).map((hit) => keywords[hit.form]!.category))
  return config.publication.categories.filter((category) => hits.has(category))
}

export interface PublicationPolicy {
  /** False when the ruling falls in a "block" category. */
  readonly publishable: boolean
  readonly categories: readonly string[]
  /** Labels the matched "stricter" categories redact in addition to the pipeline's policy. */
  readonly redact: readonly Label[]
  /** The configuration to redact with: the pipeline's, plus the stricter categories' labels. */
  readonly config: PipelineConfig
}

/**
 * Decide, from the analysed (original) text, whether a ruling may be
 * published and under which configuration. Call before redaction.
 */
export const publicationPolicy = (text: string, config: PipelineConfig): PublicationPolicy =>
  policyOf(matchCategories(text, config), config)

/** The policy of a ruling that falls in `categories`. */
const policyOf = (categories: readonly PublicationCategory[], config: PipelineConfig): PublicationPolicy => {
  const extra = categories.filter((category) => category.policy === "stricter").flatMap((category) => category.redact)
  const actions = { ...config.actions }
  for (const label of extra) actions[label] = "redact"
  return {
    publishable: !categories.some((category) => category.policy === "block"),
    categories: categories.map((category) => category.name),
    redact: [...new Set(extra)],
    config: extra.length > 0 ? { ...config, actions } : config,
  }
}

/**
 * Apply a policy's stricter categories to resolved spans: a span whose label
 * a matched "stricter" category lists is redacted even if the pipeline kept
 * it. Never turns a redaction into a keep.
 */
export const hardenSpans = <S extends { readonly label: Label; readonly action: "redact" | "keep" }>(
  spans: readonly S[],
  policy: PublicationPolicy,
): S[] => spans.map((span) =>
  span.action === "keep" && policy.redact.includes(span.label) ? { ...span, action: "redact" as const } : span
)

/** What the residual scan reads from a ruling: its mentions (an AuditRecord or a RedactionResult). */
export interface ScannedMentions {
  readonly entities: ReadonlyArray<{ readonly label: Label; readonly text: string; readonly action: "redact" | "keep" }>
}

/** Occurrences are appended in place: a ruling with thousands of them is not copied once per occurrence. */
const addFinding = (findings: Map<string, { count: number; at: TextRange[] } & Omit<GateFinding, "count" | "at">>, finding: Omit<GateFinding, "count" | "at">, at?: TextRange): void => {
  const key = `${finding.cause}|${finding.label ?? ""}|${finding.detector ?? ""}|${finding.category ?? ""}`
  const earlier = findings.get(key)
  if (!earlier) findings.set(key, { ...finding, count: 1, at: at ? [at] : [] })
  else {
    earlier.count++
    if (at) earlier.at.push(at)
  }
}

/**
 * A rule detector (synchronous by contract) that finds only names: the scan
 * would discard all it finds (names are checked as redacted forms, below),
 * so it is not run. Any other detector runs, so one that answers
 * asynchronously is still reported.
 */
const ruleFindingOnlyNames = (detector: Detector): boolean =>
  detector.name.startsWith("rules/") && detector.labels.length > 0 && detector.labels.every((label) => CAPITALISED_LABELS.has(label))

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === "function"

/**
 * Residual scan of the text about to be published: the rule detectors run
 * again (spans of labels the policy keeps, spans overlapping them or a
 * replacement tag, and mentions the ruling's record kept are ignored) and
 * every surface form redacted in the ruling is searched for.
 * An empty result means nothing was found. Pass `ruleDetectors(config)`.
 */
export const residualScan = (
  publicText: string,
  record: ScannedMentions,
  config: PipelineConfig,
  detectors: readonly Detector[] = [],
): readonly GateFinding[] => {
  const findings = new Map<string, { count: number; at: TextRange[] } & Omit<GateFinding, "count" | "at">>()
  const onTag = overlapIndex(tagRanges(publicText))
  // Mentions the pipeline deliberately kept (e.g. the judge's name) stay visible.
  const keptForms = new Set(record.entities.filter((entity) => entity.action === "keep").map((entity) => fold(entity.text)))

  const detected: Array<{ readonly span: Span; readonly detector: string }> = []
  for (const detector of detectors) {
    if (ruleFindingOnlyNames(detector)) continue
    let spans: ReturnType<Detector["detect"]>
    try {
      spans = detector.detect(publicText)
    } catch {
      addFinding(findings, { cause: "identificador_residual", label: null, detector: detector.name })
      continue
    }
    if (isThenable(spans)) {
      // Rule detectors are synchronous; an asynchronous one cannot be vouched for here.
      void Promise.resolve(spans).catch(() => undefined)
      addFinding(findings, { cause: "detector_asincrono", label: null, detector: detector.name })
      continue
    }
    // Judged as the resolver judges them: a detection below its threshold (a public body's site) is no finding.
    // Names are checked as redacted forms (below), not detected again: whether words are a person's
    // name depends on their context, which redaction changes ("LÓPEZ MESA, Marcelo", a cited author,
    // reads "[PERSONA 3] MESA, Marcelo" once a party's "López" is hidden). The analysis judged the
    // original context; on the Córdoba rulings every name found again this way was an official, a
    // cited author or an abbreviation the analysis had rightly left visible.
    for (const span of spans) if (span.score >= MIN_SCORE && !CAPITALISED_LABELS.has(span.label)) detected.push({ span, detector: detector.name })
  }
  // As the resolver does, a span of a kept label (an official in their role)
  // wins over a redactable span on the same words.
  const onKept = overlapIndex(detected.filter(({ span }) => actionFor(config, span.label) === "keep").map(({ span }) => span))
  for (const { span, detector } of detected) {
    if (actionFor(config, span.label) === "keep" || onTag(span.start, span.end).length > 0 || onKept(span.start, span.end).length > 0) continue
    if (keptForms.has(fold(publicText.slice(span.start, span.end)))) continue
    addFinding(findings, { cause: "identificador_residual", label: span.label, detector }, { start: span.start, end: span.end })
  }

  // A redacted form inside a kept mention ("Bautista" redacted for a party,
  // "Dr. Bautista Vilela" kept as the secretary) is the policy, not a leak.
  // The words outside the replacement tags: a tag's brackets are tokens of their own, so no word straddles one.
  const textTokens = tokenize(publicText).filter((token) => onTag(token.start, token.end).length === 0)
  const mask = keptMask(textTokens, record.entities)
  const redacted = redactedForms(record.entities)
  const forms = [...redacted.keys()]
  for (const hit of findForms(textTokens, forms.map(formTokens))) {
    const form = redacted.get(forms[hit.form]!)!
    if (!isReadableHit(publicText, hit, form, mask)) continue
    addFinding(findings, { cause: "forma_redactada", label: form.label }, { start: hit.start, end: hit.end })
  }
  return [...findings.values()].sort((a, b) =>
    a.cause.localeCompare(b.cause) || (a.label ?? "").localeCompare(b.label ?? "") ||
    (a.detector ?? "").localeCompare(b.detector ?? "")
  )
}

/**
 * The whole gate for one ruling: block categories (looked for in the public
 * text) and the residual scan. `publish` is true only when nothing was found.
 */
export const gatePublication = (
  publicText: string,
  record: ScannedMentions,
  config: PipelineConfig,
  detectors: readonly Detector[] = [],
): GateDecision => {
  const categories = matchCategories(publicText, config)
  // A stricter category's extra labels count as redacted for the scan too.
  const effective = policyOf(categories, config).config
  const blocked: GateFinding[] = categories.filter((category) => category.policy === "block")
    .map((category) => ({ cause: "categoria_bloqueada", label: null, category: category.name, count: 1, at: [] }))
  const findings = [...blocked, ...residualScan(publicText, record, effective, detectors)]
  return { publish: findings.length === 0, findings, categories: categories.map((category) => category.name) }
}
