import { patternDetector } from "../patternDetector.ts"

/**
 * Case numbers → EXPEDIENTE: CUIJ (J-01-00012345-6/2023-0), IPP, expediente,
 * causa, actuación, legajo, "MPF 00123456". The pipeline config decides
 * whether they are kept or redacted.
 */
const NUMBER_WORD = String.raw`(?:\s*(?:N\s?[°º.o]|n(?:ú|u)m(?:ero|\.)?|nros?\.?)\s*)?`

export const caseNumber = patternDetector({
  name: "rules/case-number",
  labels: ["EXPEDIENTE"],
  patterns: [
    {
      name: "cuij",
      regex: /(?<![\p{L}\d])(?<v>[A-Z]{1,3}-\d{2}-\d{6,8}-\d(?:\/\d{2,4}(?:-\d{1,2})?)?)(?![\p{L}\d])/gu,
      score: 0.95,
    },
    {
      name: "case:cue",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:CUIJ|I\.?P\.?P\.?|[Ee]xpedientes?|[Ee]xpte?s?\.?|EXPEDIENTE|EXPTE\.?|[Cc]ausas?|CAUSA|[Aa]ctuaci(?:ó|o)n(?:es)?|ACTUACI(?:Ó|O)N|[Ll]egajos?|LEGAJO|[Cc]aso|CASO|[Cc]arpeta|[Ss]umario|MPF|DEB|[Ii]ncidente)${NUMBER_WORD}\s*:?\s*(?<v>(?:[A-Z]{1,4}[-\s])?\d[\d.]*(?:[-/]\d+)*(?:\/\d{2,4})?)(?![\p{L}\d])`,
        "gu",
      ),
      score: 0.9,
      validate: (v) => (v.replace(/\D/g, "").length >= 3 ? 0.9 : undefined),
    },
  ],
})
