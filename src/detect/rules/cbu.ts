import { isValidCbu } from "../checksums.ts"
import { patternDetector } from "../patternDetector.ts"

/**
 * CBU/CVU: 22 digits (8 + 14) with two check digits; CBU aliases
 * ("alias: casa.perro.mesa") after "alias" with a CBU/CVU/transfer cue.
 */
export const cbu = patternDetector({
  name: "rules/cbu",
  labels: ["CBU"],
  patterns: [
    {
      name: "cbu",
      regex: /(?<![\d])(?<v>\d{8}[\s-]?\d{14}|\d{4}(?:[\s-]?\d{4}){4}[\s-]?\d{2})(?!\d)/g,
      score: 0.6,
      validate: (v, c) =>
        isValidCbu(v) ? { score: 0.97, tag: "checksum" } : c.hasContext ? { score: 0.65, tag: "checksum-failed" } : undefined,
    },
    {
      name: "cbu:alias",
      regex: /\balias(?:\s+(?:del?\s+)?(?:CBU|CVU))?\s*[:"“«']?\s*(?<v>[a-z0-9][a-z0-9-]{1,19}(?:\.[a-z0-9-]{2,20}){1,3})(?![\p{L}\d])/gu,
      score: 0.85,
    },
  ],
  context: { words: /(?:C\.?B\.?U\.?|C\.?V\.?U\.?|clave\s+bancaria|transfer)/i, window: 60, boost: 0 },
})
