import { patternDetector } from "../patternDetector.ts"

/**
 * Public-body and reference sites (gob.ar, jus, the court's own, the
 * international bodies' and the dictionaries' and encyclopaedias' a ruling
 * quotes) are not personal: not reported at all, so that neither the
 * resolver nor the publication gate's residual scan takes a court's or a
 * statistics office's address for a leak. A news site's address is kept
 * hidden: its path often names the people of the story.
 */
const PUBLIC = /(?:\.gob\.ar|\.gov\.ar|\.jus\.gov\.ar|jusbaires|csjn|\.gob\b|\.gov\b|\.edu\.ar|infoleg|saij|boletinoficial|mpf\.|fiscalias\.|scba|wikipedia\.org|(?:^|[/.])rae\.es|(?:^|[/.])who\.int|(?:^|[/.])paho\.org|(?:^|[/.])un\.org|(?:^|[/.])oas\.org|corteidh\.or\.cr|(?:^|[/.])ohchr\.org|(?:^|[/.])unicef\.org|(?:^|[/.])bcra\.)/i


export const url = patternDetector({
  name: "rules/url",
  labels: ["URL"],
  patterns: [
    {
      name: "url:scheme",
      regex: /\b(?<v>(?:https?|ftp):\/\/[^\s<>"'«»“”]+[^\s<>"'«»“”.,;:)\]])/giu,
      score: 0.85,
      validate: (v) => (PUBLIC.test(v) ? undefined : { score: 0.85, tag: "web" }),
    },
    {
      name: "url:bare",
      regex:
        /(?<![\p{L}\d@./])(?<v>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|ar|io|me|tv|ly|gl|co)(?:\.ar)?(?:\/[^\s<>"'«»“”]*[^\s<>"'«»“”.,;:)\]])?)(?![\p{L}\d@])/gu,
      score: 0.8,
      validate: (v) => (PUBLIC.test(v) ? undefined : { score: 0.8, tag: "web" }),
    },
  ],
})
