import type { DuckDBConnection } from "@duckdb/node-api"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector } from "../detect/Detector.ts"
import { ruleDetectors } from "../detect/registry.ts"
import { configFingerprint } from "../pipeline/configFingerprint.ts"
import { TOOL_VERSION } from "../pipeline/toolVersion.ts"
import type { RulingFiles } from "./ingestBatch.ts"
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

/** The gate ran every rule detector of the configuration: its passes may stand for later gates that run them or fewer. */
export const coversRuleDetectors = (config: PipelineConfig, detectors: readonly Detector[]): boolean =>
  ruleDetectors(config).every((detector) => detectors.includes(detector))

/**
 * Passes of the last publication of this output folder, kept in the private
 * store so that re-running a batch whose documents are all reused does not
 * gate every text again. Only passes of this tool version are read: the
 * gate's own code is part of its verdict.
 */
export const storedPasses = async (connection: DuckDBConnection): Promise<Map<string, GatePass>> => {
  const rows = (await connection.runAndReadAll(
    "SELECT id, public_sha256, audit_sha256, pipeline_sha256, categories FROM gate_passes WHERE tool_version = $1",
    [TOOL_VERSION],
  )).getRowObjectsJS()
  return new Map(rows.map((row) => [String(row["id"]), {
    publicSha256: String(row["public_sha256"]),
    auditSha256: String(row["audit_sha256"]),
    pipelineSha256: String(row["pipeline_sha256"]),
    categories: JSON.parse(String(row["categories"])) as string[],
  }]))
}

/** Replaces the stored passes with this publication's. An interruption leaves fewer passes: rulings are then gated again. */
export const storePasses = async (connection: DuckDBConnection, passes: ReadonlyMap<string, GatePass>): Promise<void> => {
  await connection.run("DELETE FROM gate_passes")
  const appender = await connection.createAppender("gate_passes")
  for (const [id, pass] of [...passes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    appender.appendVarchar(id)
    appender.appendVarchar(pass.publicSha256)
    appender.appendVarchar(pass.auditSha256)
    appender.appendVarchar(pass.pipelineSha256)
    appender.appendVarchar(TOOL_VERSION)
    appender.appendVarchar(JSON.stringify(pass.categories))
    appender.endRow()
  }
  appender.closeSync()
}
