import { patternDetector } from "../patternDetector.ts"

/**
 * Case numbers → EXPEDIENTE: CUIJ (J-01-00012345-6/2023-0), the national
 * judiciary's ("CCC 48211/2021/1/CA1"), IPP, expediente,
 * causa, actuación, legajo, "MPF 00123456", "MPF68781746", body mentions
 * ("registrada bajo el N° 36902/2020", "causa anterior (N° 27635/2022)"),
 * filings ("denuncia N° 1234/2023", "una demanda (no 39428/98)") and every
 * item of a list after such a cue ("causas N° 1234/2022 y 5678/2023"). The pipeline config decides
 * whether they are kept or redacted.
 */
const NUMBER_WORD = String.raw`(?:\s*(?:N\s?[°º.o]|n(?:ú|u)m(?:ero|\.)?|nros?\.?)\s*)?`

/** A case number shaped number/year: "27635/2022", "39428/98", "1.234/2023". */
const NUMBER_YEAR = String.raw`(?:\d{1,3}(?:\.\d{3})+|\d{3,8})\/\d{2,4}`
/** Filings with a number of their own: "una demanda (no 39428/98)", "denuncia N° 1234/2023", "recurso nro. 77/2024". */
const FILING = String.raw`(?:demandas?|solicitud(?:es)?|recursos?|denuncias?|querellas?|presentaci(?:ó|o)n(?:es)?)\s*\(?\s*(?:n[oº]s?\.?|N\s?[°º]|nros?\.?|n(?:ú|u)meros?)\s*:?\s*`
/** A precedent's decision right after its number: "rta. 3/8/2021", "resuelta el …", "reg. n° …", "sentencia del …". */
const DECIDED_AFTER = /^\s*[,;]?\s*(?:rta\.|resuelt[oa]\s|reg\.|registro\s+n|sentencia\s+del|del\s+\d{1,2}\/\d{1,2}\/\d{2,4})/iu

/** Codes of the national and federal courts' jurisdictions that open their case numbers (Lex100). */
const NATIONAL_JURISDICTIONS = [
  "CCC", "CFP", "CPE", "CPF", "CNE", "CAF", "CCF", "CIV", "COM", "CNT", "CSS", "CSJ", "CFCP", "CNC",
  "FSM", "FLP", "FMP", "FRO", "FCB", "FMZ", "FTU", "FRE", "FPO", "FCR", "FGR", "FBB", "FSA", "FCT", "FPA", "FCR",
]

/** What may open a list of case numbers: any case cue above, with its number word. */
const LIST_OPENER = new RegExp(
  String.raw`(?:(?:CUIJ|I\.?P\.?P\.?|expedientes?|exptes?\.?|causas?|actuaci(?:ó|o)n(?:es)?|legajos?|casos?|sumarios?|incidentes?)${NUMBER_WORD}\s*:?\s*|${FILING})$`,
  "iu",
)
/** The numbers already listed before an item: "26480/95, 28291/95 y ". */
const LISTED_BEFORE = new RegExp(String.raw`(?:${NUMBER_YEAR}\s*(?:,|\by\b|\be\b)\s*)+$`, "u")

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
        String.raw`(?<![\p{L}])(?:CUIJ|I\.?P\.?P\.?|[Ee]xpedientes?|[Ee]xpte?s?\.?|EXPEDIENTE|EXPTE\.?|[Cc]ausas?|CAUSA|[Aa]ctuaci(?:ó|o)n(?:es)?|ACTUACI(?:Ó|O)N|[Ll]egajos?(?:\s+de\s+(?:ejecuci(?:ó|o)n|investigaci(?:ó|o)n))?|LEGAJO|[Cc]aso|CASO|[Cc]arpeta|[Ss]umario|MPF|DEB|[Ii]ncidente)${NUMBER_WORD}\s*:?\s*(?<v>(?:[A-Z]{1,4}(?:[-\s]|\s*:\s*))?\d[\d.]*(?:[-/]\d+)*(?:\/\d{2,4})?)(?![\p{L}\d])`,
        "gu",
      ),
      score: 0.9,
      // A cited precedent's number, its decision after it ("causa n° 6043/2021-1, rta. 3/8/2021"), is a citation.
      validate: (v, c) =>
        v.replace(/\D/g, "").length >= 3 && !DECIDED_AFTER.test(c.text.slice(c.match.index + c.match[0].length, c.match.index + c.match[0].length + 30)) ? 0.9 : undefined,
    },
    {
      // The national judiciary's case number (Lex100: its jurisdiction's code, number/year, then the
      // instance's steps): "CCC 48211/2021/1/CA1", "CFP 1234/2018/TO1", "FSM 12345/2019", in page headers too.
      name: "case:national",
      regex: new RegExp(String.raw`(?<![\p{L}\d])(?<v>(?:${NATIONAL_JURISDICTIONS.join("|")})\s+\d{1,3}(?:\.?\d{3})*\/\d{4}(?:\/[A-Z]{0,4}\d{0,3})*)(?![\p{L}\d])`, "gu"),
      score: 0.9,
    },
    {
      // A page footer glued to the last word of the page by the PDF's text layer:
      // "Damos razonesExpediente SAC 10437453 - Pág. 3".
      name: "case:glued-footer",
      regex: /(?<=\p{Ll})(?:Expediente|EXPEDIENTE|Expte\.?|EXPTE\.?)\s*(?:N\s?[°º]\s*)?(?<v>(?:[A-Z]{2,4}\s*:?\s*)?\d{4,10}(?:\/\d{2,4})?)(?![\p{L}\d])/gu,
      score: 0.9,
    },
    {
      name: "case:filing",
      regex: new RegExp(String.raw`(?<![\p{L}])${FILING}(?<v>${NUMBER_YEAR})(?![\p{L}\d])`, "giu"),
      score: 0.9,
    },
    {
      // Later items of a list: "demandas nos. 26480/95, 28291/95 y 29280/95", "causas N° 1234/2022 y 5678/2023".
      name: "case:list",
      regex: new RegExp(String.raw`(?<=(?:,|\by|\be)\s*)(?<v>${NUMBER_YEAR})(?![\p{L}\d])`, "gu"),
      score: 0.3,
      validate: (_v, c) => {
        const before = c.text.slice(Math.max(0, c.start - 600), c.start)
        const listed = LISTED_BEFORE.exec(before)
        return listed && LIST_OPENER.test(before.slice(0, listed.index)) ? 0.9 : undefined
      },
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
      // A year read by OCR with a stray digit after it ("N° 1234/20196") is still the case number.
      name: "case:registered",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:(?:registrad[oa]s?|radicad[oa]s?|tramitad[oa]s?|iniciad[oa]s?|caratulad[oa]s?|identificad[oa]s?)\s+(?:bajo\s+)?(?:el\s+)?(?:n[úu]mero|N\s?[°º]|nro\.?)|(?:causas?|expedientes?|legajos?|actuaci(?:ó|o)n(?:es)?|sumarios?|casos?)(?:\s+(?:anterior(?:es)?|previ[oa]s?|conexas?|acumulad[oa]s?|en\s+tr[áa]mite))?\s*\(\s*(?:N\s?[°º]|nro\.?|n[úu]mero))\s*:?\s*(?<v>(?:\d{1,3}(?:\.?\d{3})*|\d{3,8})\/(?:\d{2,4}|(?:19|20)\d{3}))(?![\p{L}\d])`,
        "giu",
      ),
      score: 0.9,
    },
  ],
})
