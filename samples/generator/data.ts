/**
 * Name, street and place lists. The generator prefers the public gazetteers
 * in `../shared/data/gazetteers` (relative to the repository root; override
 * with TACHA_GAZETTEERS=<dir>) and falls back to the small built-in lists
 * below when they are absent (a user's clone has no `shared/`).
 */
import { existsSync, readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export interface FirstName {
  readonly name: string
  readonly gender: "F" | "M"
}

export interface Street {
  readonly type: "calle" | "avenida" | "pasaje"
  readonly name: string
  readonly maxNumber: number
}

export interface Place {
  readonly name: string
  readonly province: string
}

export interface Gazetteers {
  /** "shared" when read from the gazetteer files, "builtin" for the fallback lists. */
  readonly source: "shared" | "builtin"
  readonly dir?: string
  readonly firstNames: readonly FirstName[]
  readonly surnames: readonly string[]
  readonly streets: readonly Street[]
  readonly places: readonly Place[]
  readonly bankCodes: readonly string[]
}

const F = (s: string): FirstName[] => s.split(" ").map((name) => ({ name, gender: "F" as const }))
const M = (s: string): FirstName[] => s.split(" ").map((name) => ({ name, gender: "M" as const }))

export const BUILTIN_FIRST_NAMES: readonly FirstName[] = [
  ...F(
    "María Ana Laura Florencia Valeria Carolina Gabriela Natalia Romina Daiana Micaela Camila Agustina Sofía Lucía Julieta Milagros Belén Rocío Paula Andrea Silvina Verónica Mariana Lorena Soledad Noelia Vanesa Jésica Yanina Marcela Claudia Patricia Graciela Susana Norma Beatriz Mónica Adriana Alejandra Cecilia Daniela Eliana Evelyn Fernanda Gisela Jimena Karina Leila Luciana Magalí Melina Nadia Pamela Priscila Rosa Sabrina Tamara Valentina Victoria Ximena Yamila Zulma Aldana Brenda Celeste Dolores Emilia Estefanía Guadalupe Inés Josefina Lourdes Martina Mercedes Nélida Pilar Ramona Teresa Antonella Abril Candela Catalina Delfina Isabel Juana Olga Elsa Ángela Ailén Araceli",
  ),
  ...M(
    "Juan Carlos José Luis Jorge Miguel Alejandro Diego Pablo Martín Sebastián Federico Facundo Matías Nicolás Lucas Gonzalo Maximiliano Ezequiel Leandro Cristian Walter Hernán Gustavo Sergio Daniel Marcelo Fernando Ricardo Roberto Rubén Héctor Hugo Oscar Raúl Ramón Alberto Eduardo Emanuel Franco Gastón Germán Ignacio Iván Javier Joaquín Julián Leonardo Lautaro Mariano Mauricio Néstor Omar Pedro Rodrigo Santiago Tomás Agustín Benjamín Bruno Claudio Damián Darío Elías Esteban Fabián Gabriel Horacio Jonathan Kevin Lisandro Marcos Nahuel Osvaldo Patricio Rafael Ramiro Rolando Thiago Valentín Víctor Alan Brian Axel Enzo Mateo Simón Ángel Andrés",
  ),
]

export const BUILTIN_SURNAMES: readonly string[] = (
  "González Rodríguez Gómez Fernández López Martínez Díaz García Pérez Sánchez Romero Benítez Ramírez Sosa Ruiz Álvarez Torres Acosta Rojas Medina Giménez Flores Núñez Suárez Aguirre Silva Herrera Cabrera Gutiérrez Villalba Ortiz Pereyra Molina Vera Ríos Godoy Ledesma Castro Cáceres Domínguez Juárez Cardozo Ojeda Peralta Coronel Luna Duarte Castillo Ferreyra Morales Vázquez Ayala Ponce Escobar Ramos Córdoba Figueroa Quiroga Maldonado Ibáñez Paz Moreno Campos Vega Ferreira Blanco Chávez Miranda Navarro Arias Mendoza Carrizo Ojeda Bustos Lucero Ávila Correa Muñoz Rivero Toledo Cruz Mansilla Ríos Olivera Villegas Sandoval Soria Barrios Galeano Brizuela Frías Zárate Espinoza Leiva Montenegro Ortega Páez Rossi Russo Ferrari Bianchi Romano Colombo Ricci Greco Bruno Gallo Costa Fontana Esposito Mancini Lombardi Moretti Barbieri Marino Santoro Rinaldi Caruso Ferraro Galli Martini Leone Longo Gentile Martinelli Vitale Serra Coppola De Luca Conti Villa Mazza Ruggiero Cattaneo Giordano Rizzo Ibarra Insaurralde Aquino Cabral Giménez Benegas Báez Ocampo Echeverría Goñi Iturralde Urquiza Etcheverry Aranda Gallardo Salinas Vargas Quispe Mamani Choque Condori Huanca Yupanqui Chambi Flores Ticona Apaza Cutipa Kowalski Schmidt Müller Weber Fischer Levy Cohen Goldberg Katz Friedman Nakamura Tanaka Kim Lee Chen Wang Haddad Saad Nasser Khoury Di Stéfano"
).split(" ")

const builtinStreets = (spec: string, type: Street["type"]): Street[] =>
  spec.split("|").map((name) => ({ type, name, maxNumber: type === "avenida" ? 9000 : 4500 }))

export const BUILTIN_STREETS: readonly Street[] = [
  ...builtinStreets(
    "Rivadavia|Corrientes|Santa Fe|Córdoba|Cabildo|Callao|Belgrano|San Juan|Independencia|Entre Ríos|Jujuy|La Plata|Boedo|Directorio|Eva Perón|Juan B. Justo|Gaona|Avellaneda|Nazca|Álvarez Jonte|Triunvirato|Olazábal|Forest|Díaz Vélez|Pueyrredón|Scalabrini Ortiz|Coronel Díaz|Las Heras|Libertador|Del Barco Centenera|Carabobo|Acoyte|Lope de Vega|Francisco Beiró|San Martín|Warnes|Montes de Oca|Caseros|Almirante Brown|Patricios|Saenz|Perito Moreno|Cruz|Castañares|Garay|Asamblea|Eva Perón|Riestra|Larrazábal|General Paz",
    "avenida",
  ),
  ...builtinStreets(
    "Tucumán|Lavalle|Viamonte|Paraguay|Uruguay|Talcahuano|Libertad|Cerrito|Suipacha|Esmeralda|Maipú|Florida|Reconquista|Bartolomé Mitre|Perón|Sarmiento|Lavalleja|Gurruchaga|Thames|Uriarte|Godoy Cruz|Armenia|Malabia|Serrano|Honduras|Guatemala|Soler|Charcas|Güemes|Mansilla|Paraná|Montevideo|Rodríguez Peña|Azcuénaga|Larrea|Anchorena|Billinghurst|Bulnes|Medrano|Yatay|Humahuaca|Tucumán|Pringles|Gascón|Acuña de Figueroa|Guardia Vieja|Zelaya|Agüero|Sánchez de Bustamante|Mario Bravo|Salguero|Bogotá|Yerbal|Bacacay|Avellaneda|Neuquén|Páez|Morón|Cuenca|Bahía Blanca|Nogoyá|Camarones|Baigorria|Alcaraz|Arregui|Pedernera|Culpina|Lafuente|Chilavert|Zuviría|Tabaré|Murguiondo|Basualdo|Fonrouge|Somellera|Saraza|Pergamino|Portela|Tandil|Mozart|Escalada|Iguazú|Luna|Vieytes|Lamadrid|Pinzón|Brandsen|Suárez|Olavarría|Pedro de Mendoza|Necochea|Magallanes|Irala|Aristóbulo del Valle|Hornos|Herrera|Goncalves Dias|Luzuriaga|Alvarado|California|Iriarte|Perdriel|Pepirí|Los Patos|Atuel|Uspallata|Brasil|Chile|México|Venezuela|Estados Unidos|Carlos Calvo|Humberto Primo|Cochabamba|Constitución|Pavón|Salta|Santiago del Estero|Pasco|Combate de los Pozos|Sarandí|Catamarca|La Rioja|Virrey Cevallos|Solís",
    "calle",
  ),
  ...builtinStreets("Bollini|Rivarola|Butteler|Del Signo|La Fayette|Colombo", "pasaje"),
]

export const BUILTIN_PLACES: readonly Place[] = [
  ["Lanús", "Buenos Aires"], ["Avellaneda", "Buenos Aires"], ["Quilmes", "Buenos Aires"], ["Lomas de Zamora", "Buenos Aires"],
  ["Morón", "Buenos Aires"], ["San Justo", "Buenos Aires"], ["La Plata", "Buenos Aires"], ["Mar del Plata", "Buenos Aires"],
  ["Bahía Blanca", "Buenos Aires"], ["Merlo", "Buenos Aires"], ["Moreno", "Buenos Aires"], ["José C. Paz", "Buenos Aires"],
  ["San Miguel", "Buenos Aires"], ["Tigre", "Buenos Aires"], ["Florencio Varela", "Buenos Aires"], ["Berazategui", "Buenos Aires"],
  ["Córdoba", "Córdoba"], ["Villa María", "Córdoba"], ["Río Cuarto", "Córdoba"], ["Rosario", "Santa Fe"], ["Santa Fe", "Santa Fe"],
  ["Rafaela", "Santa Fe"], ["Paraná", "Entre Ríos"], ["Concordia", "Entre Ríos"], ["Corrientes", "Corrientes"], ["Goya", "Corrientes"],
  ["Posadas", "Misiones"], ["Oberá", "Misiones"], ["Resistencia", "Chaco"], ["Formosa", "Formosa"], ["San Salvador de Jujuy", "Jujuy"],
  ["Salta", "Salta"], ["Orán", "Salta"], ["San Miguel de Tucumán", "Tucumán"], ["Santiago del Estero", "Santiago del Estero"],
  ["La Banda", "Santiago del Estero"], ["Catamarca", "Catamarca"], ["La Rioja", "La Rioja"], ["San Juan", "San Juan"],
  ["Mendoza", "Mendoza"], ["San Rafael", "Mendoza"], ["San Luis", "San Luis"], ["Santa Rosa", "La Pampa"], ["Neuquén", "Neuquén"],
  ["Cipolletti", "Río Negro"], ["Bariloche", "Río Negro"], ["Trelew", "Chubut"], ["Comodoro Rivadavia", "Chubut"],
  ["Río Gallegos", "Santa Cruz"], ["Ushuaia", "Tierra del Fuego"],
].map(([name, province]) => ({ name: name as string, province: province as string }))

/** Barrios of the City of Buenos Aires (LUGAR when they locate a person). */
export const BARRIOS: readonly string[] = (
  "Palermo|Flores|Floresta|Constitución|Barracas|La Boca|San Telmo|Balvanera|Almagro|Boedo|Caballito|Villa Crespo|Chacarita|Colegiales|Belgrano|Núñez|Saavedra|Villa Urquiza|Villa Devoto|Villa del Parque|Mataderos|Liniers|Villa Lugano|Villa Soldati|Villa Riachuelo|Parque Patricios|Nueva Pompeya|Parque Chacabuco|San Cristóbal|Monserrat|Retiro|Recoleta|Villa Luro|Vélez Sarsfield|Parque Avellaneda|Villa Pueyrredón|Agronomía|Paternal|Coghlan|Versalles"
).split("|")

/** Informal settlements ("villas") and barrios populares; addresses inside them use manzana/casa. */
export const VILLAS: readonly string[] = (
  "Villa 31|Barrio Padre Carlos Mugica|Villa 1-11-14|Barrio Rodrigo Bueno|Villa 21-24|Villa 20|Barrio Ricciardelli|Villa 15|Barrio Fátima|Barrio Zavaleta|Barrio Playón de Chacarita|Barrio Los Piletones|Villa 31 bis|Barrio Carlos Gardel"
).split("|")

export const NATIONALITIES: readonly [string, string][] = [
  ["argentino", "argentina"], ["argentino", "argentina"], ["argentino", "argentina"], ["argentino", "argentina"],
  ["paraguayo", "paraguaya"], ["boliviano", "boliviana"], ["peruano", "peruana"], ["venezolano", "venezolana"],
  ["uruguayo", "uruguaya"], ["chileno", "chilena"], ["colombiano", "colombiana"], ["dominicano", "dominicana"],
]

/** Accent restoration for the lower-case, accent-free gazetteer entries (most frequent ones). */
const ACCENTS: Record<string, string> = Object.fromEntries(
  (
    "gonzalez:gonzález rodriguez:rodríguez gomez:gómez fernandez:fernández lopez:lópez martinez:martínez diaz:díaz garcia:garcía perez:pérez sanchez:sánchez benitez:benítez ramirez:ramírez alvarez:álvarez gimenez:giménez nunez:núñez suarez:suárez gutierrez:gutiérrez rios:ríos caceres:cáceres dominguez:domínguez juarez:juárez vazquez:vázquez cordoba:córdoba ibanez:ibáñez chavez:chávez avila:ávila munoz:muñoz zarate:zárate paez:páez baez:báez echeverria:echeverría jimenez:jiménez hernandez:hernández velazquez:velázquez marquez:márquez mendez:méndez galvan:galván roman:román farias:farías frias:frías tomas:tomás andres:andrés ramon:ramón hector:héctor ruben:rubén raul:raúl oscar:óscar nestor:néstor ivan:iván julian:julián joaquin:joaquín martin:martín sebastian:sebastián matias:matías nicolas:nicolás agustin:agustín maria:maría sofia:sofía lucia:lucía belen:belén rocio:rocío monica:mónica veronica:verónica ines:inés estefania:estefanía angela:ángela angel:ángel jose:josé jesus:jesús victor:víctor elias:elías dario:darío fabian:fabián german:germán gaston:gastón hernan:hernán damian:damián simon:simón valentin:valentín benjamin:benjamín concepcion:concepción angelica:angélica nelida:nélida magali:magalí ailen:ailén jesica:jésica cristobal:cristóbal lazaro:lázaro efrain:efraín adrian:adrián ramon:ramón saul:saúl"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
)

const STREET_ACCENTS: Record<string, string> = Object.fromEntries(
  "tucuman:tucumán cordoba:córdoba entre rios:entre ríos peron:perón maipu:maipú guemes:güemes azcuenaga:azcuénaga rodriguez pena:rodríguez peña parana:paraná moron:morón bahia blanca:bahía blanca nogoya:nogoyá pinzon:pinzón constitucion:constitución solis:solís olazabal:olazábal alvarez jonte:álvarez jonte larrazabal:larrazábal castanares:castañares saenz pena:sáenz peña iguazu:iguazú suarez:suárez agüero:agüero aguero:agüero belgrano:belgrano"
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
)

const LOWER_WORDS = new Set(["de", "del", "la", "las", "los", "y", "el", "e"])

export const titleCase = (s: string): string =>
  s
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && LOWER_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("")

/** "gonzalez" → "González" (accent restored when known). */
export const properName = (lower: string): string => titleCase(ACCENTS[lower] ?? lower)

/** Remove accents (to produce the accent-less spelling variants found in real files). */
export const stripAccents = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC")

const fixMojibake = (s: string): string => (/[ÃÂ]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s)

const readLines = (file: string, limit: number): string[] => {
  const out: string[] = []
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim()
    if (/^[a-z]{3,}$/.test(line)) out.push(line)
    if (out.length >= limit) break
  }
  return out
}

const FEMALE_EXCEPTIONS = new Set(["leonor", "mabel", "abigail", "ivon", "maricel", "marisel", "rosaura", "nair", "araceli", "mercedes", "dolores", "ines", "isabel", "raquel", "beatriz", "luz", "carmen", "pilar", "belen", "rocio", "maribel", "nahir", "abril", "miriam", "ruth", "ester", "esther", "noemi", "ailen", "sol", "libertad", "consuelo", "rosario", "soledad", "trinidad", "milagros", "lourdes", "nieves", "flor", "itati"])
const MALE_A = new Set(["luca", "joshua", "bautista", "elias", "nicolas", "garcia", "borja", "jona", "isaias", "tobias", "matias", "jeremias", "zacarias", "andrea", "santa", "juan", "del"])

/** Tokens of compound names ("María de los Ángeles") that are not given names on their own. */
const NOT_GIVEN = new Set(["del", "los", "las", "san", "santa", "santo", "angeles", "fatima", "lujan", "cruz", "mar"])

const BUILTIN_GENDER = new Map(BUILTIN_FIRST_NAMES.map((n) => [stripAccents(n.name).toLowerCase(), n.gender]))

/** Gender from the built-in lists or the ending; undefined when unsure (such names are skipped). */
const guessGender = (n: string): "F" | "M" | undefined => {
  const known = BUILTIN_GENDER.get(n)
  if (known) return known
  if (FEMALE_EXCEPTIONS.has(n)) return "F"
  if (n.endsWith("a")) return MALE_A.has(n) ? "M" : "F"
  if (/(o|n|l|r|s|z|d|el|io)$/.test(n) && !/(ys|is|ne|ie|ee|es)$/.test(n)) return "M"
  return undefined
}

const TITLE_TOKENS = /\b(DR|GRAL|CNEL|PTE|ING|TTE|CAP|ALTE|PBRO|CTE|GOB|INT|SGTO|MAY|POETA|PINTOR|MAESTRO|ESCRITOR|COMODORO|PRESBITERO|MONS|OBISPO|VIRREY|CORONEL|GENERAL|DOCTOR|PRESIDENTE|INGENIERO|TENIENTE|CAPITAN|ALMIRANTE|SARGENTO|CURA|PADRE|FRAY|LUIS)\b/

const defaultDir = (): string =>
  process.env.TACHA_GAZETTEERS ??
  resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "data", "gazetteers")

let cached: Gazetteers | undefined

/** Load the gazetteers once (cached). Pass `builtin: true` to force the fallback lists. */
export const loadGazetteers = (options: { dir?: string; builtin?: boolean } = {}): Gazetteers => {
  if (!options.dir && !options.builtin && cached) return cached
  const builtin: Gazetteers = {
    source: "builtin",
    firstNames: BUILTIN_FIRST_NAMES,
    surnames: BUILTIN_SURNAMES,
    streets: BUILTIN_STREETS,
    places: BUILTIN_PLACES,
    bankCodes: ["007", "011", "014", "015", "017", "027", "029", "034", "044", "072", "143", "150", "191", "285", "299", "322", "330", "386"],
  }
  if (options.builtin) return builtin
  const dir = options.dir ?? defaultDir()
  const namesFile = join(dir, "nombres-arg", "names.csv")
  const surnamesFile = join(dir, "nombres-arg", "lastnames.csv")
  const streetsFile = join(dir, "georef-ar", "caba_streets.json")
  const placesFile = join(dir, "georef-ar", "localidades.json")
  const banksFile = join(dir, "aymurai-lists", "bank_codes.list")
  let result: Gazetteers = builtin
  if ([namesFile, surnamesFile, streetsFile, placesFile].every((f) => existsSync(f))) {
    const firstNames: FirstName[] = []
    for (const n of readLines(namesFile, 900)) {
      const gender = guessGender(n)
      if (gender && !NOT_GIVEN.has(n)) firstNames.push({ name: properName(n), gender })
    }
    const surnames = readLines(surnamesFile, 4000).map(properName)
    const givenSet = new Set(readLines(namesFile, 5000))
    const streets: Street[] = []
    for (const line of readFileSync(streetsFile, "utf8").split("\n")) {
      if (!line.includes('"nombre"')) continue
      const rec = JSON.parse(line) as { tipo: string; nombre: string; altura_final: number | null }
      const name = fixMojibake(rec.nombre)
      if (!rec.altura_final || rec.altura_final < 100 || !/^[A-ZÑÜ. ]+$/.test(name) || name.length < 4) continue
      // georef writes person-named streets surname-first ("LEVILLIER DR ROBERTO"): keep only short, unambiguous names
      const words = name.split(" ")
      if (words.length > 2 || TITLE_TOKENS.test(name) || (words.length === 2 && givenSet.has(stripAccents(words[1] as string).toLowerCase()))) continue
      const type = rec.tipo === "AVENIDA" ? "avenida" : rec.tipo === "PASAJE" ? "pasaje" : "calle"
      const lower = name.toLowerCase()
      streets.push({ type, name: titleCase(STREET_ACCENTS[lower] ?? lower), maxNumber: rec.altura_final })
    }
    const places: Place[] = []
    for (const line of readFileSync(placesFile, "utf8").split("\n")) {
      if (!line.includes('"provincia"')) continue
      const rec = JSON.parse(line) as { nombre: string; provincia: { nombre: string } }
      if (rec.nombre.length > 28 || /\d|\(|Ciudad Autónoma/.test(rec.nombre)) continue
      places.push({ name: rec.nombre, province: rec.provincia.nombre })
    }
    const bankCodes = existsSync(banksFile)
      ? readFileSync(banksFile, "utf8").split("\n").map((s) => s.trim()).filter((s) => /^\d{3}$/.test(s))
      : builtin.bankCodes
    if (firstNames.length > 100 && surnames.length > 100 && streets.length > 100 && places.length > 100) {
      // The registry list is ordered by historical frequency (many older names): put the modern
      // built-in names first so that frequency-skewed picks mix both.
      result = { source: "shared", dir, firstNames: [...BUILTIN_FIRST_NAMES, ...firstNames], surnames, streets: [...streets, ...BUILTIN_STREETS], places, bankCodes }
    }
  }
  if (!options.dir) cached = result
  return result
}
