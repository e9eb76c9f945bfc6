import { isValidLuhn } from "../checksums.ts"
import { patternDetector } from "../patternDetector.ts"

/**
 * Bank accounts (after "cuenta", "caja de ahorro", "cuenta corriente", "cta.")
 * and payment cards (after "tarjeta", Luhn-checked; a Luhn-valid 16-digit
 * number in groups of four is a card even without a cue).
 */
export const account = patternDetector({
  name: "rules/account",
  labels: ["CUENTA_BANCARIA"],
  patterns: [
    {
      name: "cuenta:cue",
      regex:
        /\b(?:caja\s+de\s+ahorros?|cuenta(?:\s+corriente|\s+sueldo|\s+bancaria|\s+de\s+ahorro)?|cta\.?\s*(?:cte\.?)?|C\.?A\.?)(?:\s+(?:en\s+)?(?:pesos|d[óo]lares|\$|U\$S))?(?:\s+del?\s+(?:Banco|banco)\s+[\p{L} ]{2,30}?)?\s*(?:N\s?[°º.o]|n(?:ú|u)mero|nro\.?)\s*:?\s*(?<v>\d[\d\-/ ]{4,24}\d)(?!\d)/giu,
      score: 0.85,
    },
    {
      name: "tarjeta:cue",
      regex:
        /\btarjeta(?:\s+de\s+(?:cr[ée]dito|d[ée]bito))?(?:\s+(?:VISA|Visa|Mastercard|MasterCard|American Express|Amex|Cabal|Naranja|Maestro))?[^\d\n]{0,40}?(?<v>\d{4}(?:[\s-]?\d{2,4}){2,4})(?!\d)/giu,
      score: 0.7,
      validate: (v) => (isValidLuhn(v) ? { score: 0.95, tag: "luhn" } : { score: 0.6, tag: "luhn-failed" }),
    },
    {
      name: "tarjeta:grouped",
      regex: /(?<![\d])(?<v>\d{4}[\s-]\d{4}[\s-]\d{4}[\s-]\d{4})(?![\d])/g,
      score: 0.5,
      validate: (v) => (isValidLuhn(v) ? { score: 0.85, tag: "luhn" } : undefined),
    },
  ],
})
