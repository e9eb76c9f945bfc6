import { isValidCuit } from "../checksums.ts"
import { patternDetector } from "../patternDetector.ts"

/**
 * CUIT/CUIL: XX-XXXXXXXX-X with or without separators. The mod-11 check digit
 * decides: valid → certain; invalid but announced by "CUIT"/"CUIL" → kept
 * with a lower score (typos happen and a miss costs more); otherwise dropped.
 */
export const cuit = patternDetector({
  name: "rules/cuit",
  labels: ["CUIT_CUIL"],
  patterns: [
    {
      name: "cuit",
      regex: /(?<![\d.\-/])(?<v>(?:20|23|24|25|26|27|30|33|34)[-\s.]?(?:\d{8}|\d{2}\.\d{3}\.\d{3})[-\s.]?\d)(?![\d]|[-/.]\d)/g,
      score: 0.6,
      validate: (v, c) =>
        isValidCuit(v) ? { score: 0.97, tag: "checksum" } : c.hasContext ? { score: 0.6, tag: "checksum-failed" } : undefined,
    },
  ],
  context: { words: /(?:C\.?\s?U\.?\s?I\.?\s?[TL]\.?|clave\s+[úu]nica)/i, window: 30, boost: 0 },
})
