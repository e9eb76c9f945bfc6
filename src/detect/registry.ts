import { rosterPath } from "../domain/loadPipelineConfig.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { byPosition, type Span } from "../domain/Span.ts"
import type { Detector, SettledRanges } from "./Detector.ts"
import { account } from "./rules/account.ts"
import { address } from "./rules/address.ts"
import { age } from "./rules/age.ts"
import { caseNumber } from "./rules/caseNumber.ts"
import { cbu } from "./rules/cbu.ts"
import { cuit } from "./rules/cuit.ts"
import { dni } from "./rules/dni.ts"
import { email } from "./rules/email.ts"
import { file } from "./rules/file.ts"
import { handle } from "./rules/handle.ts"
import { identifier } from "./rules/identifier.ts"
import { ip } from "./rules/ip.ts"
import { official } from "./rules/official.ts"
import { passport } from "./rules/passport.ts"
import { person } from "./rules/person.ts"
import { personalDate } from "./rules/personalDate.ts"
import { phone } from "./rules/phone.ts"
import { place } from "./rules/place.ts"
import { plate } from "./rules/plate.ts"
import { keptOfficialsDetector, readKeptOfficials } from "./rules/keptOfficials.ts"
import { readRoster, rosterDetector } from "./rules/roster.ts"
import { url } from "./rules/url.ts"

/** Every rule family, in a fixed order. Names are what `detectors.disabled` lists. */
export const RULE_DETECTORS: readonly Detector[] = Object.freeze([
  dni, cuit, passport, identifier(), cbu, account, phone, email, ip, url, handle, plate, file, caseNumber,
  address, place, personalDate, age, person, official,
])

const cache = new WeakMap<PipelineConfig, readonly Detector[]>()

/** The rule detectors a pipeline runs (immutable, built once per config). */
export const ruleDetectors = (config: PipelineConfig): readonly Detector[] => {
  const hit = cache.get(config)
  if (hit) return hit
  const disabled = new Set(config.detectors.disabled)
  const labels = config.detectors.identifiers
  let list: readonly Detector[] = Object.freeze(
    RULE_DETECTORS.filter((d) => !disabled.has(d.name)).map((d) => (labels && d.name === "rules/identifier" ? identifier(labels) : d)),
  )
  const roster = config.funcionarios ? readRoster(rosterPath(config.funcionarios)) : []
  // An unreadable roster is refused when the pipeline is loaded (loadPipelineConfig); here it adds nothing.
  if (!("error" in roster) && roster.length && !disabled.has("rules/roster")) list = Object.freeze([...list, rosterDetector(roster)])
  // Officials reviewers kept visible, when the pipeline names their list: part of the court's roster.
  const kept = config.revision.listaFuncionarios ? readKeptOfficials(config.revision.listaFuncionarios) : []
  if (kept.length && !disabled.has("rules/lista-funcionarios")) list = Object.freeze([...list, keptOfficialsDetector(kept)])
  cache.set(config, list)
  return list
}

/** The ranges of the rule spans (sorted by start) of at least `minScore`: what the rules decided. */
export const settledRanges = (ruleSpans: readonly Span[], minScore: number): SettledRanges =>
  ruleSpans.filter((s) => s.score >= minScore).map(({ start, end }) => ({ start, end }))

/**
 * Runs the rule detectors over the text, then the extra (statistical) ones,
 * told which ranges the rules' spans of at least `settledScore` already
 * decided (DetectOptions.settled). Spans sorted by position.
 */
export const detectAll = async (text: string, rules: readonly Detector[], extra: readonly Detector[] = [], settledScore = 0): Promise<Span[]> => {
  const found = (await Promise.all(rules.map((d) => d.detect(text)))).flat().sort(byPosition)
  if (extra.length === 0) return found
  const settled = settledRanges(found, settledScore)
  const more = await Promise.all(extra.map((d) => d.detect(text, { settled })))
  return [...found, ...more.flat()].sort(byPosition)
}
