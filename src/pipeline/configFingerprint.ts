import { createHash } from "node:crypto"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"

/**
 * Fingerprint of a whole pipeline configuration: a change invalidates earlier
 * outputs and gate verdicts. The quality-control sample's size
 * (`revision.muestra`) changes no output, so it is left out.
 */
export const configFingerprint = (config: PipelineConfig): string =>
  createHash("sha256").update(JSON.stringify({ ...config, revision: { ...config.revision, muestra: undefined } })).digest("hex")
