import { patternDetector } from "../patternDetector.ts"

/** Passport numbers, only after a "pasaporte" cue (formats vary by country). */
export const passport = patternDetector({
  name: "rules/passport",
  labels: ["PASAPORTE"],
  patterns: [
    {
      name: "pasaporte:cue",
      regex:
        /\bpasaporte(?:\s+(?:argentino|extranjero|de\s+la\s+Rep[úu]blica\s+[\p{L} ]{3,30}?|\p{L}+o))?\s*(?:N\s?[°º.o]|n(?:ú|u)mero|nro\.?)?[\s:]*(?<v>[A-Z]{0,3}\s?\d{5,9}[A-Z]?)(?![\p{L}\d])/giu,
      score: 0.92,
    },
  ],
})
