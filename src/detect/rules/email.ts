import { patternDetector } from "../patternDetector.ts"

export const email = patternDetector({
  name: "rules/email",
  labels: ["EMAIL"],
  patterns: [
    {
      name: "email",
      regex: /(?<![\p{L}\d._%+-])(?<v>[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,})(?![\p{L}\d])/gu,
      score: 0.95,
    },
  ],
})
