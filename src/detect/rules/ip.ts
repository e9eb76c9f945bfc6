import { isIPv6 } from "node:net"
import { patternDetector } from "../patternDetector.ts"

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`

export const ip = patternDetector({
  name: "rules/ip",
  labels: ["IP"],
  patterns: [
    {
      name: "ipv4",
      regex: new RegExp(String.raw`(?<![\d.])(?<v>${OCTET}(?:\.${OCTET}){3})(?![\d]|\.\d)`, "g"),
      score: 0.85,
      // "art. 14.2.3.1", "punto 4.1.2.3": a numbered provision, unless an IP cue is near; such numbers stay under 100.
      validate: (v, c) => (c.hasContext || v.split(".").some((octet) => Number(octet) >= 100) ? 0.85 : undefined),
    },
    {
      name: "ipv6",
      regex: /(?<![\p{L}\d:])(?<v>[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})(?![\p{L}\d:])/gu,
      score: 0.85,
      // Exclude times like 10:30:00 (no hex letter and few groups).
      validate: (v) => (isIPv6(v) && (/[a-f]/i.test(v) || v.includes("::") || v.split(":").length >= 5) ? 0.9 : undefined),
    },
  ],
  context: { words: /\b(?:IP|direcci[óo]n\s+IP)\b/i, window: 30, boost: 0.1 },
})
