import { patternDetector } from "../patternDetector.ts"

/**
 * Personal dates → FECHA_PERSONAL: birth dates ("nacido el 3 de mayo de
 * 1990", "nacida el 03/05/1990", "fecha de nacimiento: ...", "F.N.").
 * The ruling's own date, hearing dates and deadlines are not personal.
 */
const MONTH = String.raw`(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)`
const DATE = String.raw`(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{1,2}[°º]?\s+de\s+${MONTH}\s+(?:de(?:l)?\s+)?(?:\d{4}|\d\.\d{3})|${MONTH}\s+\d{1,2},?\s+(?:de\s+)?\d{4})`

export const personalDate = patternDetector({
  name: "rules/personal-date",
  labels: ["FECHA_PERSONAL"],
  patterns: [
    {
      name: "birth:born",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:nacid[oa]s?|naci[óo])(?:\s+en\s+[^,;\n]{2,40}?)?,?\s+(?:el\s+)?(?:d[íi]a\s+)?(?<v>${DATE})`,
        "giu",
      ),
      score: 0.95,
    },
    {
      name: "birth:field",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:fecha\s+de\s+nacimiento|F\.\s?(?:de\s+)?N(?:ac)?\.|nacimiento)\s*[:,]?\s*(?:el\s+)?(?<v>${DATE})`,
        "giu",
      ),
      score: 0.95,
    },
    {
      name: "death",
      regex: new RegExp(String.raw`(?<![\p{L}])(?:fallecid[oa]|falleci[óo]|fecha\s+de\s+defunci[óo]n)\s*[:,]?\s*(?:el\s+)?(?:d[íi]a\s+)?(?<v>${DATE})`, "giu"),
      score: 0.85,
    },
  ],
})
