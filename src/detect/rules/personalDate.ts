import { patternDetector } from "../patternDetector.ts"

/**
 * Personal dates → FECHA_PERSONAL: birth dates ("nacido el 3 de mayo de
 * 1990", "nacido el 24 de septiembre del año 1964", "nacida en Chaján,
 * Córdoba el día 10.3.04", "fecha de nacimiento: ...", "F.N."), dates of a
 * personal relationship ("convivió con X desde el 9/2/2011") and of death.
 * The ruling's own date, hearing dates and deadlines are not personal.
 */
const MONTH = String.raw`(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)`
const DATE = String.raw`(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{1,2}[°º]?\s+de\s+${MONTH}\s+(?:de(?:l)?\s+)?(?:a[ñn]o\s+)?(?:\d{4}|\d\.\d{3})|${MONTH}\s+\d{1,2},?\s+(?:de\s+)?\d{4})`

const PLACE_GLUE = new Set(["en", "el", "la", "los", "las", "de", "del", "día", "dia", "provincia", "localidad", "ciudad", "partido", "departamento", "república", "y"])

export const personalDate = patternDetector({
  name: "rules/personal-date",
  labels: ["FECHA_PERSONAL"],
  patterns: [
    {
      name: "birth:born",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:nacid[oa]s?|naci[óo])(?:\s+en\s+[^;\n\d]{2,70}?)?,?\s+(?:el\s+)?(?:d[íi]a\s+)?(?<v>${DATE})`,
        "giu",
      ),
      score: 0.95,
      // Between "nacido en" and the date only a place may stand: "nacida en Chaján, Córdoba el día
      // 10.3.04", "en Estancia Vieja, provincia de Córdoba el día ..."; never a clause ("quien el ...").
      validate: (v: string, c: { match: RegExpExecArray }) => {
        const between = c.match[0].slice(0, c.match[0].length - v.length).split(/[\s,()]+/).slice(1)
        return between.every((w) => w === "" || /^\p{Lu}/u.test(w) || PLACE_GLUE.has(w.toLowerCase())) ? 0.95 : undefined
      },
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
      // Dates of a personal relationship: "convivió con X desde el 9/2/2011",
      // "mantuvieron una relación de pareja desde el ...", "contrajeron matrimonio el ...".
      name: "relationship",
      regex: new RegExp(
        String.raw`(?<![\p{L}])(?:convivi(?:ó|o|eron|mos)|conviv[íi]an?|convivencia|relaci[óo]n\s+(?:de\s+pareja|sentimental|afectiva|de\s+noviazgo)|noviazgo|concubinato|uni[óo]n\s+convivencial|estuvieron\s+(?:juntos|en\s+pareja)|fueron\s+pareja)(?:[^.;\n]|(?<=[\s.]\p{L})\.){0,60}?\b(?:desde|hasta|entre)\s+(?:el\s+)?(?:d[íi]a\s+)?(?<v>${DATE})`,
        "giu",
      ),
      score: 0.85,
    },
    {
      name: "marriage",
      regex: new RegExp(String.raw`(?<![\p{L}])(?:contrajeron\s+matrimonio|se\s+casaron|casad[oa]s?\s+desde)\s+(?:el\s+)?(?:d[íi]a\s+)?(?<v>${DATE})`, "giu"),
      score: 0.85,
    },
    {
      name: "death",
      regex: new RegExp(String.raw`(?<![\p{L}])(?:fallecid[oa]|falleci[óo]|fecha\s+de\s+defunci[óo]n)\s*[:,]?\s*(?:el\s+)?(?:d[íi]a\s+)?(?<v>${DATE})`, "giu"),
      score: 0.85,
    },
  ],
})
