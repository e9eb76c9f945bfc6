import type { Label } from "../domain/Label.ts"
import type { Span } from "../domain/Span.ts"
import type { Detector } from "./Detector.ts"
import { joinLineEndHyphens } from "./fold.ts"

/**
 * A recognizer as data (Presidio-style): named patterns with a base score,
 * optional context that raises the score, optional exclusions and a
 * validator. The span is the named group `v` when the pattern has one, else
 * the whole match. Evidence records the pattern name and what changed the
 * score — never the matched text.
 */
export interface Pattern {
  readonly name: string
  /** Compiled with the `d` and `g` flags added. */
  readonly regex: RegExp
  readonly score: number
  /** Overrides the recognizer's first label. */
  readonly label?: Label
  /**
   * Returns the final score (0 or undefined drops the match) and an optional
   * evidence tag (e.g. "checksum").
   */
  readonly validate?: (value: string, ctx: MatchContext) => number | undefined | { score: number; tag: string }
  /** Drop the match when the `window` chars before it match `words`. */
  readonly excludeBefore?: { readonly words: RegExp; readonly window: number }
  /** Drop the match when the 40 chars after it match. */
  readonly excludeAfter?: RegExp
}

export interface MatchContext {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly match: RegExpExecArray
  /** Whether the recognizer's context words occur near the match. */
  readonly hasContext: boolean
}

export interface RecognizerSpec {
  readonly name: string
  readonly labels: readonly Label[]
  readonly patterns: readonly Pattern[]
  /** Cue words: raise the score by `boost` when found within `window` chars before the span. */
  readonly context?: { readonly words: RegExp; readonly window: number; readonly boost: number }
  /** Drop a match when the text just before it matches (`window` chars). */
  readonly excludeBefore?: { readonly words: RegExp; readonly window: number }
  /** Drop a match when the text just after it matches. */
  readonly excludeAfter?: RegExp
}

const withFlags = (re: RegExp): RegExp => {
  let flags = re.flags
  for (const f of "dg") if (!flags.includes(f)) flags += f
  return new RegExp(re.source, flags)
}

export const runPatterns = (spec: RecognizerSpec, text: string): Span[] => {
  const spans: Span[] = []
  for (const p of spec.patterns) {
    const re = withFlags(p.regex)
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++
        continue
      }
      const idx = m.indices?.groups?.["v"] ?? m.indices?.[0]
      if (!idx) continue
      const [start, end] = idx
      const excluded = [spec.excludeBefore, p.excludeBefore].some(
        (x) => x !== undefined && x.words.test(text.slice(Math.max(0, start - x.window), start)),
      )
      if (excluded) continue
      const after = text.slice(end, end + 40)
      if ([spec.excludeAfter, p.excludeAfter].some((x) => x !== undefined && x.test(after))) continue
      const hasContext = spec.context
        ? spec.context.words.test(joinLineEndHyphens(text.slice(Math.max(0, start - spec.context.window), start)))
        : false
      let score = p.score
      let evidence = p.name
      if (hasContext && spec.context) {
        score = Math.min(1, score + spec.context.boost)
        evidence += "+context"
      }
      if (p.validate) {
        const v = p.validate(text.slice(start, end), { text, start, end, match: m, hasContext })
        if (v === undefined) continue
        if (typeof v === "number") score = v
        else {
          score = v.score
          evidence += "+" + v.tag
        }
        if (score <= 0) continue
      }
      spans.push({ start, end, label: p.label ?? spec.labels[0]!, score, detector: spec.name, evidence })
    }
  }
  return spans
}

/** Builds a synchronous Detector from a recognizer spec. */
export const patternDetector = (spec: RecognizerSpec): Detector => ({
  name: spec.name,
  labels: spec.labels,
  detect: (text) => runPatterns(spec, text),
})
