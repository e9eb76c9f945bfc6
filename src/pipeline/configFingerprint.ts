import { createHash } from "node:crypto"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"

/** Fingerprint of a whole pipeline configuration: a change invalidates earlier outputs and gate verdicts. */
export const configFingerprint = (config: PipelineConfig): string =>
  createHash("sha256").update(JSON.stringify(config)).digest("hex")
