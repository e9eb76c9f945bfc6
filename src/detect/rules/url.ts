import { patternDetector } from "../patternDetector.ts"

/** Public-body sites (gob.ar, jus, the court's own) are not personal: low score, kept. */
const PUBLIC = /(?:\.gob\.ar|\.gov\.ar|\.jus\.gov\.ar|jusbaires|csjn|\.gob\b|\.gov\b|\.edu\.ar|infoleg|saij|boletinoficial|mpf\.|fiscalias\.|scba)/i

const score = (v: string): number => (PUBLIC.test(v) ? 0.2 : 0.85)

export const url = patternDetector({
  name: "rules/url",
  labels: ["URL"],
  patterns: [
    {
      name: "url:scheme",
      regex: /\b(?<v>(?:https?|ftp):\/\/[^\s<>"'«»“”]+[^\s<>"'«»“”.,;:)\]])/giu,
      score: 0.85,
      validate: (v) => ({ score: score(v), tag: PUBLIC.test(v) ? "public" : "web" }),
    },
    {
      name: "url:bare",
      regex:
        /(?<![\p{L}\d@./])(?<v>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|ar|io|me|tv|ly|gl|co)(?:\.ar)?(?:\/[^\s<>"'«»“”]*[^\s<>"'«»“”.,;:)\]])?)(?![\p{L}\d@])/gu,
      score: 0.8,
      validate: (v) => ({ score: score(v) - 0.05, tag: PUBLIC.test(v) ? "public" : "web" }),
    },
  ],
})
