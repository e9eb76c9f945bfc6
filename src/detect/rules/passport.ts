import { patternDetector } from "../patternDetector.ts"

/** Passport numbers, only after a "pasaporte" cue (formats vary by country); the next ones of a list after the plural ("pasaportes bolivianos N° 11502934 y N° 11502978"). */
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
    {
      name: "pasaporte:list",
      // Each number within the clause that opens with the plural.
      // The number first, then the look back: a look-behind that opens a pattern runs at every position.
      regex: /(?<![\p{L}\d])(?<v>\d{5,9})(?![\p{L}\d])(?<=\bpasaportes\b[^.;\n]{0,80}?\d{5,9})/giu,
      score: 0.92,
    },
  ],
})
