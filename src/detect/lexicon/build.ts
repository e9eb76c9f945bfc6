/**
 * Builds the small derived lexicons committed under src/detect/lexicon/ from
 * the raw gazetteers in ../shared/data (which are NOT part of the repository).
 *
 *   npx node src/detect/lexicon/build.ts
 *
 * Skips cleanly (exit 0, message on stderr) when ../shared/data is absent, so a
 * user's clone keeps the committed lexicons untouched.
 *
 * Filtering: a name is dropped when it is a common Spanish word — a word seen
 * in lower case (not sentence-initial) in the Spanish ECHR and MEDDOCAN corpora
 * at least MIN_WORD_FREQ times, or listed in LEGAL_WORDS — except the most
 * frequent names (rank < KEEP_TOP), which are names first (rosa, luz, paz...).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, "../../..")
const shared = resolve(root, "../shared/data")

const FIRST_NAMES = 4000
const SURNAMES = 4000
const KEEP_TOP = 300
const MIN_WORD_FREQ = 3

const LEGAL_WORDS = new Set(
  `juez jueza fiscal fiscalia secretario secretaria sala camara juzgado tribunal corte ley codigo penal
  articulo inciso causa expediente legajo prueba pena prision condena sobreseer fallo vistos considerando
  resuelvo resultando defensa defensor defensora oficial publico publica ministerio justicia poder judicial
  ciudad autonoma buenos aires capital federal nacion nacional provincia republica argentina policia
  comisaria agente sargento cabo inspector comisario doctor doctora senor senora don dona santo santa san
  dios virgen gracia amparo socorro merced pilar rosario luz paz cruz sol mar flor cielo angeles dolores
  victoria esperanza consuelo soledad fe caridad milagros reyes remedios mercedes asuncion concepcion
  encarnacion trinidad gloria alegria estrella aurora paloma blanca clara leal franco leon rey ramos rios
  montes campos vega prado del de la las los y el en con por para sin sobre entre`.split(/\s+/).filter(Boolean),
)
// Name-words from LEGAL_WORDS that are kept anyway when frequent as names
// (they are names in "la víctima Rosa Pérez"; detection still needs a surname).
const NAME_WORDS_OK = new Set(
  "pilar rosario luz paz cruz sol flor dolores victoria esperanza consuelo soledad milagros mercedes asuncion concepcion gloria aurora paloma blanca clara franco leon angeles".split(" "),
)

// Frequent given names of people born since ~1990 that the historical register
// ranks low (hand-curated; the register is by historical frequency).
const MODERN_NAMES =
  "nahuel thiago tiago bautista benjamin mateo santino valentino joaquin lautaro ian dylan bruno tomas franco facundo ezequiel gonzalo matias brian kevin jonathan maximiliano leandro cristian damian emanuel enzo lucas agustina camila micaela florencia milagros abril sofia martina catalina morena luana jazmin brisa ailen aylen rocio yamila jesica jessica tamara daiana dayana antonella guadalupe candela melina nahir naiara lourdes oriana priscila ludmila zoe mia emma olivia isabella renata delfina josefina bianca alma uma valentin ciro gael benicio felipe ramiro nicolas alan axel elias ulises mauricio sebastian braian brenda celeste mariela romina natalia vanesa yanina noelia soledad carla paola lorena gisela analia evelyn ayelen ailin nayla araceli belen yesica yessica yesika jesika bastian ambar abigail tiziano tiziana jeremias lisandro dante lorenzo genaro fabricio tobias uriel nehuen aaron brandon jonatan johana yohana xiomara maia mailen aldana anahi iara irina kiara luna malena melany milena mikaela selena tatiana yael zaira lara pia jazmin shirley sofi vani marti cris nacho rodri lore fede facu agus juli meli euge mati nico seba gabi dani santi tomi maxi cami lucho pancho cacho beto lalo pepe nati rochi juanchi"
    .split(" ")

const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()

const commonWords = (): Map<string, number> => {
  const counts = new Map<string, number>()
  const add = (w: string) => counts.set(w, (counts.get(w) ?? 0) + 1)
  const echr = join(shared, "corpora/echr-es")
  if (existsSync(echr)) {
    for (const f of readdirSync(echr).filter((f) => f.endsWith(".tsv"))) {
      let prev = "."
      for (const line of readFileSync(join(echr, f), "utf8").split("\n")) {
        const tok = line.split(/\s+/)[0] ?? ""
        if (tok && /^\p{Ll}+$/u.test(tok) && prev !== "." && line.endsWith(" O")) add(fold(tok))
        prev = tok || "."
      }
    }
  }
  const med = join(shared, "corpora/meddocan")
  if (existsSync(med)) {
    for (const split of readdirSync(med)) {
      const dir = join(med, split)
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
        for (const m of readFileSync(join(dir, f), "utf8").matchAll(/(?<![.\n]\s*)\b\p{Ll}+\b/gu)) add(fold(m[0]))
      }
    }
  }
  return counts
}

const readList = (file: string): string[] =>
  readFileSync(file, "utf8").split("\n").map((l) => fold(l.trim())).filter((l) => /^[a-zñ]+$/.test(l))

const filterNames = (list: string[], take: number, common: Map<string, number>): string[] => {
  const out: string[] = []
  for (const [rank, name] of list.entries()) {
    if (out.length >= take) break
    if (name.length < 3) continue
    const isWord = (common.get(name) ?? 0) >= MIN_WORD_FREQ || LEGAL_WORDS.has(name)
    if (isWord && !(rank < KEEP_TOP && (!LEGAL_WORDS.has(name) || NAME_WORDS_OK.has(name)))) continue
    if (!out.includes(name)) out.push(name)
  }
  return out
}

const writeModule = (file: string, exportName: string, doc: string, words: readonly string[]) => {
  const body =
    `// GENERATED by src/detect/lexicon/build.ts — do not edit by hand.\n` +
    `// ${doc}\n` +
    `const RAW = ${JSON.stringify(words.join("|"))}\n\n` +
    `export const ${exportName}: ReadonlySet<string> = new Set(RAW.split("|"))\n`
  writeFileSync(join(here, file), body)
  console.error(`${file}: ${words.length} entries, ${body.length} bytes`)
}

/** Titles georef-ar writes between a street's surname and given names: "AMEGHINO DR FLORENTINO". */
const STREET_TITLE = /^(?:dr|dra|gral|cnel|tte|pres|pte|ing|cap|alte|cmte|gdor|sgto|cabo|fray|pbro|presbitero|obispo|int|arq|prof|mtro|comodoro|brig|virrey|mariscal|sarg|av|avda|pje|calle|diag|boulevard|bv)$/
const FUNCTION_WORD = /^(?:el|la|los|las|de|del|y|e|o|a|al|en|san|santa|santo|don|dona)$/

/**
 * The forms under which a georef-ar street name is written in rulings: the
 * whole name, its surname part ("san martin" of "SAN MARTIN GRAL JOSE DE"),
 * the given names before the surname ("florentino ameghino"), and its first
 * word alone when that word is distinctive ("ameghino"). Never a lone
 * article or preposition: "El 1 de noviembre" is not an address.
 */
const streetKeys = (name: string): string[] => {
  const words = name.split(" ")
  const title = words.findIndex((word, i) => i > 0 && STREET_TITLE.test(word))
  const surname = title > 0 ? words.slice(0, title) : [words[0]!]
  const given = (title > 0 ? words.slice(title + 1) : words.slice(1)).filter((word) => !STREET_TITLE.test(word))
  const keys = [name, surname.join(" ")]
  if (given.length > 0) keys.push([...given, ...surname].join(" ").replace(/ de$/, ""))
  if (words[0]!.length >= 4 && !FUNCTION_WORD.test(words[0]!)) keys.push(words[0]!)
  return keys.filter((key) => key.length >= 4 && !FUNCTION_WORD.test(key))
}

const main = () => {
  const names = join(shared, "gazetteers/nombres-arg/names.csv")
  if (!existsSync(names)) {
    console.error(`lexicon/build: ${shared} not found; keeping the committed lexicons.`)
    return
  }
  const common = commonWords()
  const first = filterNames(readList(names), FIRST_NAMES, common)
  for (const n of MODERN_NAMES) if (!first.includes(n)) first.push(n)
  writeModule(
    "firstNames.ts",
    "FIRST_NAMES",
    `Provenance: datos.gob.ar "Nombres de personas físicas" via github.com/adrian-alejandro/nombres-arg (CC0; source CC-BY 4.0). Top ${FIRST_NAMES} by frequency, lower case, no accents, common Spanish words removed; plus ${MODERN_NAMES.length} hand-curated modern given names.`,
    first,
  )
  const firstSet = new Set(first)
  const sur = filterNames(readList(join(shared, "gazetteers/nombres-arg/lastnames.csv")), SURNAMES, common).filter(
    (s) => !firstSet.has(s) || s.length > 3,
  )
  writeModule(
    "surnames.ts",
    "SURNAMES",
    `Provenance: datos.gob.ar "Distribución de apellidos en Argentina" (RENAPER) via github.com/adrian-alejandro/nombres-arg (CC0; source CC-BY 4.0). Top ${SURNAMES}, lower case, no accents, common Spanish words removed.`,
    sur,
  )
  const streets = new Set<string>()
  for (const line of readFileSync(join(shared, "gazetteers/georef-ar/caba_streets.json"), "utf8").split("\n")) {
    if (!line.includes('"nombre"')) continue
    const name = fold((JSON.parse(line) as { nombre: string }).nombre).replace(/\s+/g, " ").trim()
    // Names that are only digits or a single short/common word are too ambiguous.
    if (/^\d/.test(name) || name.length < 4) continue
    if (!name.includes(" ") && (common.get(name) ?? 0) >= MIN_WORD_FREQ) continue
    for (const key of streetKeys(name)) streets.add(key)
  }
  writeModule(
    "streets.ts",
    "CABA_STREETS",
    "Provenance: georef-ar (github.com/datosgobar/georef-ar-etl, MIT), Buenos Aires city streets; folded names, numeric and common-word names removed.",
    [...streets].sort(),
  )
}

main()
