import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector } from "../detect/Detector.ts"
import { ruleDetectors } from "../detect/registry.ts"
import { configFingerprint } from "../pipeline/configFingerprint.ts"
import type { RulingFiles } from "../store/ingestBatch.ts"
import type { GateDecision } from "./gate.ts"

/**
 * A pass of the publication gate in a ruling's document worker, bound to
 * exactly what the gate saw: the public text, the mentions it searched for
 * (the audit record written with the text) and the pipeline configuration.
 * Publication trusts it instead of gating the same text again only while all
 * three are unchanged; any other ruling is gated again (fail closed).
 *
 * The worker gates under the ruling's publication policy, which redacts at
 * least the labels the pipeline does, with the pipeline's rule detectors: a
 * text it passes, publication's gate (the pipeline's policy plus the
 * categories found in the public text, the same detectors) passes as well.
 */
export interface GatePass {
  readonly publicSha256: string
  readonly auditSha256: string
  readonly pipelineSha256: string
  /** The publication categories the gate found (`GateDecision.categories`). */
  readonly categories: readonly string[]
}

/**
 * The decision a known pass stands for, or null when the ruling must be
 * gated: no pass, a pass under another configuration, files that changed
 * since, or a publication gate asked to run detectors other than the
 * pipeline's rule detectors (which the worker's pass does not cover).
 */
export const knownPasses = (
  passes: ReadonlyMap<string, GatePass>,
  config: PipelineConfig,
  detectors: readonly Detector[],
): (id: string, files: RulingFiles) => GateDecision | null => {
  const pipelineSha256 = configFingerprint(config)
  const workerDetectors = ruleDetectors(config)
  const covered = detectors.every((detector) => workerDetectors.includes(detector))
  return (id, files) => {
    const pass = passes.get(id)
    if (
      !covered || pass === undefined || pass.pipelineSha256 !== pipelineSha256 ||
      pass.publicSha256 !== files.publicSha256 || pass.auditSha256 !== files.auditSha256
    ) return null
    return { publish: true, findings: [], categories: pass.categories }
  }
}
