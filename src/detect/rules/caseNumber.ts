import { patternDetector } from "../patternDetector.ts"

/**
 * Case numbers → EXPEDIENTE: CUIJ (J-01-00012345-6/2023-0), IPP, expediente,
 * causa, actuación, legajo, "MPF 00123456", "MPF68781746", body mentions
 * ("registrada bajo el N° 36902/2020", "causa anterior (N° 27635/2022)"). The pipeline config decides
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
    {
      // "MPF N° MPF68781746", "IPP N° MPF76017897", "Legajo MPF MPF80782663": the letters are part of the number.
      name: "case:mpf",
      regex: /(?<![\p{L}\d])(?<v>MPF\s?\d{5,10})(?![\p{L}\d])/gu,
      score: 0.9,
    },
    {
      // Body mentions: "registrada bajo el N° 36902/2020 del registro de este Juzgado",
      // "una causa anterior (N° 27635/2022)". A bare "N°" needs a case word or a
      // registration verb nearby and a number/year shape; never a law, article or court.
      name: "case:registered",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:(?:registrad[oa]s?|radicad[oa]s?|tramitad[oa]s?|iniciad[oa]s?|caratulad[oa]s?|identificad[oa]s?)\s+(?:bajo\s+)?(?:el\s+)?(?:n[úu]mero|N\s?[°º]|nro\.?)|(?:causas?|expedientes?|legajos?|actuaci(?:ó|o)n(?:es)?|sumarios?|casos?)(?:\s+(?:anterior(?:es)?|previ[oa]s?|conexas?|acumulad[oa]s?|en\s+tr[áa]mite))?\s*\(\s*(?:N\s?[°º]|nro\.?|n[úu]mero))\s*:?\s*(?<v>\d{1,3}(?:\.?\d{3})*\/\d{2,4}|\d{3,8}\/\d{2,4})(?![\p{L}\d])`,
        "giu",
      ),
      score: 0.9,
    },
  ],
})
