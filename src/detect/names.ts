import { fold, foldKeepingEnie, LINE_END_BREAK } from "./fold.ts"
import { FIRST_NAMES } from "./lexicon/firstNames.ts"
import { SURNAMES } from "./lexicon/surnames.ts"

/**
 * Shared machinery for person-name rules: what a name token looks like, the
 * words that are never part of a name (legal vocabulary, function words,
 * institutions, roles), and how to cut a capitalised run into name segments.
 */

/** A word hyphenated at a line end goes on in lower case on the next line ("Lom-↵bardi"). */
const LINE_END_TAIL = String.raw`(?:${LINE_END_BREAK}\p{Ll}[\p{Ll}\p{M}'’]*)?`
const TITLE = String.raw`(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}'’]+${LINE_END_TAIL}(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?`
const CAPS = String.raw`(?:\p{Lu}['’])?\p{Lu}[\p{Lu}\p{M}'’]+(?:-\p{Lu}[\p{Lu}\p{M}'’]+)?`
/** Company types written like a cluster of initials ("S.A.", "S.R.L."): never inside a name. */
const DOTTED_ABBREVIATIONS = ["SA", "SRL", "SAS", "SAU", "SCA", "SH", "SE", "SGR", "UTE", "SAC"].map((a) => [...a].map((letter) => `${letter}\\.`).join(""))
/** An initial, or a cluster of them before another capitalised word ("Gustavo R.M. Tissera"; not "S.A.U.,", not "X S.A. Conforme"). */
const INITIAL = String.raw`(?:\p{Lu}\.|(?!(?:${DOTTED_ABBREVIATIONS.join("|")})(?![\p{L}]))(?:\p{Lu}\.){2,3}(?=[ \t]+\p{Lu}[\p{L}\p{M}]))`
/** A whole word only: "OFAV" in "OFAVyT" is not a name token. */
/** A gap between columns of a line laid out from a PDF (signers side by side): a tab, or three spaces or more. */
export const COLUMN_GAP = /\t+|[ ]{3,}/u

export const NAME_TOKEN = String.raw`(?:${CAPS}|${TITLE}|${INITIAL})(?![\p{L}\p{M}])`
export const CAPS_TOKEN = CAPS
export const TITLE_TOKEN = TITLE
export const PARTICLE = String.raw`(?:de\s+la|de\s+las|de\s+los|del|de|van\s+der|van|von|di|da|dos|DE\s+LA|DE\s+LOS|DEL|DE)`
/** A run of name tokens, with particles between tokens ("María de los Ángeles", "DEL VALLE"). */
/** A line that opens with a form field's label ("Correo electrónico:", "Localidad/ Provincia:"): a name does not run into it. */
/** Not "HUGO SALGUERO DIJO:": a name before a vote's verb goes on after a line break. */
const FIELD_LINE = String.raw`(?![^\n:]*(?:DIJO|DIJERON|dijo|dijeron|VOT[ÓO]|vot[óo]|EXPRES[ÓO]|expres[óo])[ \t]*:)[ \t]*\p{Lu}[\p{L}\p{M}/ \t]{0,30}:`
/** A name may open with "De la" ("De la Fuente") and break across a line ("Juan Carlos↵PÉREZ"), not into the next field of a form. */
export const NAME_SEQ = String.raw`(?:(?:De|DE)[ \t]+(?:la|las|los|LA|LAS|LOS)[ \t]+)?${NAME_TOKEN}(?:[ \t]*(?:\n(?!${FIELD_LINE}))?[ \t]*(?:${PARTICLE}\s+)?${NAME_TOKEN}){0,6}`

const w = (s: string): string[] => s.split(/\s+/).filter(Boolean)

/** Words never part of a person name, as the language spells them ("señor", "daños"). */
const STOP_WORDS: readonly string[] = w(`
  a al ante bajo con contra de del desde durante e el en entre es esta este esto hacia hasta la las le lo los mas me mi no o para pero por que se segun si sin sobre su sus tal tambien todo tras un una uno unos y ya yo ha he hay fue son ser sera asi aun como cual cuando donde mientras luego pues porque dicho dicha dichos dichas mismo misma otro otra cada ello ella ellos usted ud uds
  resuelvo resuelve resolvio resolver resolucion resultando resulta considerando considerandos vistos visto fallo fallos falla condenar condeno condenado sobreseer sobreseo sobreseimiento absolver absuelvo declarar declaro disponer dispongo hacer hagase ordenar ordeno rechazar rechazo regular librar tener tengase imponer impongo archivar archivese registrese notifiquese comuniquese cumplase publiquese protocolicese oficiese remitase agreguese firme autos expediente expte causa legajo actuacion ipp cuij caso sumario incidente
  juzgado juez jueza jueces juzgadora magistrado magistrada magistratura tribunal tribunales camara sala secretaria secretario secretarias prosecretaria prosecretario fiscalia fiscal fiscales defensoria defensor defensora defensa oficial oficiales publico publica ministerio asesoria asesor asesora tutelar querella poder judicial justicia consejo corte suprema csjn tsj cnccc nacion nacional federal provincia provincial ciudad autonoma caba buenos aires capital republica argentina argentino argentina estado gobierno municipalidad policia comisaria seccional division departamento direccion unidad cuerpo instituto hospital escuela colegio universidad facultad banco registro servicio programa oficina centro equipo area ufi mpf uep opfi cij dovic ofavi
  penal penales contravencional contravencionales faltas civil comercial laboral correccional criminal instruccion primera segunda tercera instancia apelaciones casacion ejecucion menores familia genero violencia domestica
  codigo codigos ley leyes decreto articulo articulos art arts inc inciso incisos bis ter parrafo cp cpp cppcaba cpn ccaba cc ccyc procesal constitucion constitucional convencion reglamento acordada tratado tratados pacto pactos estatuto regimen edit alias
  dijo dijeron voto vota votaron expreso adhiero adhiere
  muy bueno buena buenos buenas ejemplar excelente malo mala pesimo pesima
  honorarios gastos monto montos rubro rubros porcentaje aportes caja liquidacion contestacion aplicable reclamados reclamado dispone consumidor consumidores riesgos contrato contratos proteccion integral central trabajo intereses tasa pasiva activa planilla total subtotal importe
  cnciv cncom cncrim cnfed cntrab pcyf ccyc cam civ com nom apel crim corr fed cont adm trab
  agente agentes sargento sargentos cabo cabos suboficial suboficiales subinspector subinspectora inspector inspectora comisario subcomisario subcomisaria preventor preventora gendarme prefecto principal
  vocal vocales vocalia camarista camaristas conjuez conjueza perito perita peritos peritas ingeniero ingeniera contador contadora arquitecto arquitecta escribano escribana martillero martillera
  ministro ministra jefe jefa presidente presidenta vicepresidente vicepresidenta gobernador gobernadora intendente intendenta diputado diputada senador senadora director directora subdirector subdirectora gerente embajador embajadora canciller consejero consejera
  dr dra dres dras doctor doctora sr sra srta sres sras señor señora señorita don doña lic licenciado licenciada ing prof s.s v.s ss vs
  fecha fechas nacimiento ingreso egreso domicilio nombre apellido apellidos sexo edad
  dni cuit cuil pasaporte cbu cvu tel celular email mail n nro numero no fs fojas pag pags p pp cfr conf ver vid op cit idem ibid
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miercoles jueves viernes sabado domingo
  i ii iii iv v vi vii viii ix x xi xii primero segundo tercero cuarto quinto sexto septimo octavo noveno decimo
  hechos hecho imputacion prueba pruebas pena prision condena delito delitos amenazas lesiones robo hurto daños infraccion infr contravencion querellante denunciante victima imputado imputada testigo acusado acusada
  audiencia debate juicio requerimiento acta informe pericia peritaje declaracion testimonio sentencia auto fundamentos antecedentes competencia
  av avenida calle pasaje pje barrio manzana casa piso depto dpto departamento villa
  hago lugar dispongo corresponde
  fdo firmado firma ante mi cc ce s/ sd sin asimismo ademas entonces finalmente primeramente seguidamente por ultimo tanto habida cuenta conforme atento sentado
  whatsapp instagram facebook tiktok twitter google youtube telegram gmail hotmail mercadopago mercado libre visa mastercard
  norte sur este oeste
  mis tus nuestro nuestra nuestros nuestras
  ordinario ordinaria abreviado abreviada ejecutivo ejecutiva ejecutivos sumarisimo sumarisima cautelar cautelares medida medidas perjuicios perj accion acciones accidente accidentes transito repeticion consignacion desalojo usucapion divorcio alimentos sucesion sucesorio declaratoria herederos quiebra concurso preventivo pedida recurso queja nulidad cobro cheques letras pagares pagare mutuo homologacion verificacion tardia inconstitucionalidad habeas corpus praxis
  homicidio estafa estafas defraudacion abuso sexual portacion tenencia encubrimiento usurpacion desobediencia estupefacientes coaccion femicidio tentativa agravado agravada calificado calificada
  sociedad anonima limitada responsabilidad comandita cia compañía seguros aseguradora cooperativa ferreteria farmacia panaderia kiosco supermercado almacen libreria carniceria verduleria pizzeria restaurante grupo transportes distribuidora automotores inmobiliaria concesionaria
  preventiva preventivo excarcelacion excarcelaciones procesamiento procesamientos procesar proceso procesado procesada embargo embargos caucion juratoria detencion domiciliaria arresto suspension probation reincidencia reincidente absolucion condicional cumplimiento efectivo efectiva dictar dicto conceder concedo decretar confirmar confirmo revocar revoco denegar deniego homologar homologo unificar unifico
  niños niñas adolescentes derechos colega colegas
  cuestion cuestiones planteada planteadas agravio agravios fiscala camaras protocolo sentencias nominacion circunscripcion alzada pesos dolares factura tique ticket recibo cedula cedulas notificacion notificaciones cita texto dominio valor agregado
  sindico sindica tasador tasadora psicologo psicologa medico medica traumatologo administrador administradora abogado abogada abogados abogadas apoderado apoderada apoderados letrado letrada letrados procurador procuradora mandatario mandataria curador curadora
  cero dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve veinte veintiun veintiuno veintiuna veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento cientos doscientos doscientas trescientos trescientas cuatrocientos cuatrocientas quinientos quinientas seiscientos seiscientas setecientos setecientas ochocientos ochocientas novecientos novecientas mil miles millon millones
  cuarta quinta sexta septima setima octava novena decima undecima duodecima undecimo duodecimo vigesimo vigesima trigesimo trigesima cuadragesimo cuadragesima quincuagesimo quincuagesima sexagesimo sexagesima septuagesimo septuagesima octogesimo octogesima nonagesimo nonagesima
  españa mexico chile peru bolivia paraguay uruguay brasil colombia venezuela ecuador italia francia alemania
  `)

const ENIE = /[ñÑ]/u

/** Folded words never part of a person name. */
export const STOP: ReadonlySet<string> = new Set(STOP_WORDS.map(fold))
/** Those spelt with "ñ", compared with it (see foldKeepingEnie). */
const STOP_WITH_ENIE: ReadonlySet<string> = new Set(STOP_WORDS.filter((word) => ENIE.test(word)).map(foldKeepingEnie))

/** Words before a name that mean it is not a person (institutions, places, streets named after people). */
export const NOT_PERSON_BEFORE =
  /(?:\b(?:hospital|escuela|colegio|instituto|plaza|parque|calle|av\.?|avda\.?|avenida|pasaje|pje\.?|autopista|estaci[óo]n|club|fundaci[óo]n|universidad|sanatorio|cl[íi]nica|barrio|villa|teatro|museo|general|gral\.?|presidente|pte\.?|santo|santa|san|premio|c[áa]tedra|doctrina|teor[íi]a|ley|reglas|principios|directrices|protocolo|caso|fallo|fallos|in\s+re|dique|puente|partido|localidad|ciudad|provincia|complejo|penal|unidad|c[áa]rcel|centro(?:\s+de)?|parroquia|iglesia|capilla|rodado|motocicleta|marca|modelo|rev[óo]lver|pistola|escopeta|carabina|fusil|departamento\s+judicial|(?:departamento\s+judicial|partido|municipio|municipalidad|circunscripci[óo]n(?:\s+judicial)?|jurisdicci[óo]n|localidad|ciudad|provincia|distrito)\s+(?:de|del))\s*$)/i

/**
 * Inside the name of a place or institution named after a person: "Hospital
 * General de Agudos Dr. Ignacio Pirovano", "Escuela N° 5 Domingo F.
 * Sarmiento", "Av. Juan B. Justo". The institution word opens a run of
 * capitalised words (function words, numbers and a title allowed; not "y",
 * which joins two people: "hija de Anselmo Calle y de Ana Mejías") that
 * reaches the name, on the same line.
 */
/** Institutions named after a person (its eponym is no party: "Hospital General de Agudos Dr. Cosme Argerich"). */
const INSTITUTION_HEAD = String.raw`Hospital|Sanatorio|Cl[íi]nica|Policl[íi]nico|Maternidad|Escuela|Colegio|Liceo|Instituto|Jard[íi]n|Universidad|Facultad|Centro|Fundaci[óo]n|Club|Museo|Teatro|Biblioteca|Unidad\s+Penitenciaria|Comisar[íi]a`
/** Places and ways named after a person. */
const PLACE_HEAD = String.raw`Plaza|Parque|Paseo|Calle|Av\.|Avda\.|Avenida|Pasaje|Pje\.|Autopista|Ruta|Estaci[óo]n|Barrio|Complejo`
/**
 * The head, then capitalised words (with connectors, numbers, a short name in brackets, and the eponym's
 * opening quote: Hospital "Dr. Teodoro Álvarez", Centro de Admisión y Derivación (CAD) "…") up to the name; a point ends the run unless it closes an abbreviation of four letters or
 * fewer ("Dr.", "Gral.", "A."), so the name of the next sentence is no part of it.
 */
const namedBefore = (heads: string, connectors: string): RegExp =>
  new RegExp(String.raw`(?:^|[^\p{L}])(?:${heads})(?:[ \t]+["“«]?(?:\p{Lu}[\p{L}\p{M}]{0,3}\.|\p{Lu}[\p{L}\p{M}]*|${connectors}|N[°º]|Nro\.?|\d+|\(\p{Lu}{2,8}\)))*[ \t]+["“«]?$`, "u")
const NAMED_PLACE_BEFORE = namedBefore(PLACE_HEAD, "de|del|la|las|los")
// An institution's own name may join two words with "y" ("Centro de Admisión y Derivación"); a street's
// run may not ("hija de Anselmo Calle y de Ana Mejías": two people).
const NAMED_INSTITUTION_BEFORE = namedBefore(INSTITUTION_HEAD, "de|del|la|las|los|y")
const lineBefore = (text: string, start: number): string => text.slice(Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 90), start)
export const inNamedPlace = (text: string, start: number): boolean => {
  const before = lineBefore(text, start)
  return NAMED_INSTITUTION_BEFORE.test(before) || NAMED_PLACE_BEFORE.test(before)
}
/** Inside the name of an institution named after a person (not a street's or a barrio's: those locate someone). */
export const inNamedInstitution = (text: string, start: number): boolean => NAMED_INSTITUTION_BEFORE.test(lineBefore(text, start))

/**
 * How a one-word name spelt with "ñ" must be written to be that name when,
 * folded without it, it is a common word ("Peña", never the word "pena"),
 * or undefined when any spelling of it is the name. Compared with
 * `foldKeepingEnie`.
 */
export const enieSpelling = (written: string): string | undefined => {
  const word = written.trim()
  return ENIE.test(word) && !/\s/u.test(word) && STOP.has(fold(word)) && !isStop(word) ? foldKeepingEnie(word) : undefined
}

/**
 * A court and "de": what follows is its seat ("el Juez de Paz de Marcos Paz", "la Cámara de Coronel Suárez"),
 * as after a judicial district or a police station ("Departamento Judicial Lomas de Zamora", "Comisaría Lomas de Zamora 3ra."),
 * up to two words of it before ("el juzgado de Carlos Casares": "Casares" too). Case-sensitive but for the court's
 * word: with the "i" flag "\p{Lu}" would match any letter.
 */
const COURT_OF_BEFORE = /(?:(?<![\p{L}])(?:[Dd]epartamento[ \t\n]+[Jj]udicial|DEPARTAMENTO[ \t\n]+JUDICIAL|[Cc]omisar[íi]a|COMISAR[ÍI]A)[ \t\n]+(?:\p{Lu}[\p{L}\p{M}]*[ \t\n]+(?:(?:de|del|la|los|las)[ \t\n]+)?){0,2}$|(?<![\p{L}])(?:[Jj]uez(?:a)?|JUEZ(?:A)?|[Jj]uzgado|JUZGADO|[Cc][áa]mara|C[ÁA]MARA|[Tt]ribunal|TRIBUNAL|[Ff]iscal[íi]a|FISCAL[ÍI]A|[Dd]efensor[íi]a|[Aa]sesor[íi]a)(?:[ \t\n]+(?:de|DE)[ \t\n]+(?:[Pp]az|PAZ))?(?:[ \t\n]+[Ll]etrad[oa])?[ \t\n]+(?:de|del|DE|DEL)[ \t\n]+(?:(?!(?:Paz|PAZ)[ \t\n])\p{Lu}[\p{L}\p{M}]*[ \t\n]+(?:(?:de|del|la|los|las)[ \t\n]+)?){0,2}$)/u

/** Whether a name at `start` is a court's seat, a town named like a person ("Marcos Paz", "Coronel Suárez"), not a party. */
export const courtSeatAt = (text: string, start: number): boolean => COURT_OF_BEFORE.test(text.slice(Math.max(0, start - 40), start))

export const isStop = (token: string): boolean => {
  const bare = token.replace(/\.$/, "")
  return ENIE.test(bare) ? STOP_WITH_ENIE.has(foldKeepingEnie(bare)) : STOP.has(fold(bare))
}

/** Folded words a text writes in lower case somewhere (those with an "ñ" kept apart), memoised for the last text (one pass, not one per word). */
let lowerCaseOf: { text: string; words: Set<string>; withEnie: Set<string> } | undefined
const lowerCaseWords = (text: string): { words: Set<string>; withEnie: Set<string> } => {
  if (lowerCaseOf?.text !== text) {
    const words = new Set<string>()
    const withEnie = new Set<string>()
    // Not inside an address, an e-mail or a handle ("facebook.com/luis.puente", "@luis.puente"): those are written in lower case whatever they say.
    for (const m of text.matchAll(/(?<![\p{L}\p{M}\p{N}.@/_-])\p{Ll}[\p{L}\p{M}]*(?![\p{N}@_]|\.\p{L})/gu)) {
      words.add(fold(m[0]))
      if (ENIE.test(m[0])) withEnie.add(foldKeepingEnie(m[0]))
    }
    lowerCaseOf = { text, words, withEnie }
  }
  return lowerCaseOf
}

/** The ruling also writes this word in lower case somewhere: a common word ("Procedimiento", "Obra"), not a name ("Peña" beside "pena"). */
export const writtenInLowerCase = (text: string, word: string): boolean => {
  const seen = lowerCaseWords(text)
  return ENIE.test(word) ? seen.withEnie.has(foldKeepingEnie(word)) : seen.words.has(fold(word))
}
export const isFirstName = (token: string): boolean => FIRST_NAMES.has(fold(token))
export const isSurname = (token: string): boolean => SURNAMES.has(fold(token))
export const isInitial = (token: string): boolean => /^\p{Lu}\.$/u.test(token)
export const isCaps = (token: string): boolean => /^\P{Ll}*\p{Lu}\P{Ll}*$/u.test(token) && !isInitial(token) && token.length >= 2

export interface Token {
  readonly text: string
  readonly start: number
  readonly end: number
}

const PARTICLES = new Set(["de", "del", "la", "las", "los", "van", "der", "von", "di", "da", "dos"])
/** A particle inside a name ("de", "del", "van", "di"…), folded comparison. */
export const isParticle = (token: string): boolean => PARTICLES.has(fold(token))

/** A run of non-blanks; a word hyphenated at a line end is one token ("Lom-↵bardi"). */
const BLANK_SEPARATED = new RegExp(String.raw`(?:\S*?\p{Ll}${LINE_END_BREAK}(?=\p{Ll}))*\S+`, "gu")

/** Tokenises [start, end) of text into whitespace-separated tokens with offsets. */
export const tokens = (text: string, start: number, end: number): Token[] => {
  const out: Token[] = []
  const slice = text.slice(start, end)
  for (const m of slice.matchAll(BLANK_SEPARATED)) out.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length })
  return out
}

/**
 * Cuts a run of capitalised tokens into name segments at stop words, trimming
 * particles at the edges. Each segment is [start, end) with its tokens.
 */
/**
 * Stop words that are also given names ("Abril", "Amparo", "Argentina", "Argentino",
 * "Domingo", "España", "Julio", "Segundo"): part of a name when capitalised and next to a lexicon name
 * ("Abril Flores", "Argentina Lorena Garcia", "Fabián Domingo Sansone").
 */
const GIVEN_STOPS = new Set(["abril", "amparo", "argentina", "argentino", "domingo", "espana", "julio", "segundo"])
export const isGivenStop = (token: string): boolean => GIVEN_STOPS.has(fold(token))
/**
 * Stop words that are also frequent surnames ("Villa", "Mercado", "Sala"):
 * part of a name last in a run right after a lexicon name ("Aureliana VILLA",
 * "Juan Carlos Mercado, DNI …"), or first in an inverted caption before a
 * comma and a first name ("MERCADO, Juan Carlos"). Elsewhere they are the
 * word ("la Sala II", "el Mercado Central").
 */
const SURNAME_STOPS = new Set(["villa", "mercado", "sala", "camara", "calle", "manzana", "mas", "corte"])
/** A stop word that is also a frequent surname (see SURNAME_STOPS). */
export const isSurnameStop = (token: string): boolean => SURNAME_STOPS.has(fold(token))
const isNameWord = (t: Token | undefined): boolean =>
  t !== undefined && /^\p{Lu}/u.test(t.text) && !isStop(t.text) && (isFirstName(t.text) || isSurname(t.text))
const caseMatches = (a: string, b: string): boolean => isCaps(a) === isCaps(b)

/** Whether the stop word at toks[i] is a name in this run (see GIVEN_STOPS, SURNAME_STOPS). */
export const stopIsName = (toks: readonly Token[], i: number): boolean => {
  const t = toks[i]!
  const f = fold(t.text).replace(/[.,;:]$/, "")
  if (!/^\p{Lu}/u.test(t.text)) return false
  const prev = toks[i - 1]
  const next = toks[i + 1]
  const afterName = isNameWord(prev) && !/[.,;:]$/.test(prev!.text) && caseMatches(t.text, prev!.text)
  if (SURNAME_STOPS.has(f)) {
    // "Aureliana VILLA", "Fabián Matías Salerno Villa", "Juan Carlos Mercado, DNI": last in the run, after a name.
    // A surname in capitals after given names in title case is the usual style ("Juan Carlos MERCADO").
    const afterGiven = afterName || (isNameWord(prev) && !/[.,;:]$/.test(prev!.text) && isFirstName(prev!.text) && isCaps(t.text.replace(/[.,;:]$/, "")))
    if (afterGiven && (next === undefined || /[,;:]$/.test(t.text) || !/^\p{Lu}/u.test(next.text))) return true
    // "Lucas Adrián Mas Zubiaurre": between given names and another surname of the same casing.
    if (prev !== undefined && isFirstName(prev.text) && !/[.,;:]$/.test(prev.text) && next !== undefined && /^\p{Lu}\p{Ll}/u.test(next.text) === /^\p{Lu}\p{Ll}/u.test(t.text) && /^\p{Lu}/u.test(next.text) && !isStop(next.text) && caseMatches(prev.text, t.text)) return true
    // "MERCADO, Juan Carlos": an inverted caption.
    return /,$/.test(t.text) && isCaps(t.text.slice(0, -1)) && next !== undefined && isFirstName(next.text.replace(/[.,;:]$/, ""))
  }
  if (/[.,;:]$/.test(t.text)) return false
  if (GIVEN_STOPS.has(f)) {
    // "Abril Flores", "Fabián Domingo Sansone", "Carolina Pascualina Domingo" (a surname too).
    // "Julio A. Romero": a month or a word is never followed by an initial and a capitalised word.
    if (next !== undefined && isInitial(next.text) && /^\p{Lu}/u.test(toks[i + 2]?.text ?? "")) return true
    return (isNameWord(next) && caseMatches(t.text, next!.text)) || (afterName && isFirstName(prev!.text) && (isNameWord(next) || next === undefined))
  }
  return false
}

/**
 * A past-tense verb opening a sentence ("Compareció Aureliana VILLA",
 * "Declaró Juan Pérez"): a word ending in an accented "ó" that no name list
 * knows ("Miró" is a surname). Spanish names almost never end so; verbs in
 * the preterite always do.
 */
export const isPreteriteVerb = (token: string): boolean => {
  const word = token.replace(/[.,;:]$/, "")
  return /\p{L}{3,}ó$/u.test(word) && !isFirstName(word) && !isSurname(word)
}

/** Particles that open a surname when capitalised before a name word: "De Luca", "Del Valle", "De la Fuente", "Di Stefano". */
const SURNAME_OPENERS = new Set(["de", "del", "di", "da", "van", "von"])
const opensSurname = (toks: readonly Token[], i: number): boolean => {
  const t = toks[i]!
  const next = toks[i + 1]
  const after = fold(next?.text ?? "") === "la" ? toks[i + 2] : next
  return /^\p{Lu}/u.test(t.text) && SURNAME_OPENERS.has(fold(t.text)) && after !== undefined && /^\p{Lu}/u.test(after.text) && !isStop(after.text) && !PARTICLES.has(fold(after.text))
}

/**
 * An initial between two words of a name ("Juan A. Pérez", "Marta E. Gómez
 * de Ruiz", "Luis Y. Mora", "Gustavo R.M. Tissera"): a capital and its point are never the
 * preposition or conjunction ("a", "e", "o", "y") nor a paragraph's roman
 * numeral once a name has begun and another capitalised word follows.
 */
const isMiddleInitial = (toks: readonly Token[], i: number, namesSoFar: number): boolean =>
  namesSoFar > 0 && INITIALS.test(toks[i]!.text) && /^\p{Lu}/u.test(toks[i + 1]?.text ?? "") && (INITIALS.test(toks[i - 1]!.text) || !/[.,;:]$/.test(toks[i - 1]!.text))
/** One initial or a cluster of them ("E.", "P.B."). */
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u

/** The word after the particles at `i` is a given name (and no surname): "de BRIAN", "de la Sofía". */
const givenNameAfterParticle = (toks: readonly Token[], i: number): boolean => {
  let j = i
  while (j < toks.length && PARTICLES.has(fold(toks[j]!.text))) j++
  const next = toks[j]
  return next !== undefined && isFirstName(next.text) && !isSurname(next.text)
}

export const nameSegments = (text: string, start: number, end: number): Token[][] => {
  const segs: Token[][] = []
  let cur: Token[] = []
  const flush = () => {
    while (cur.length && PARTICLES.has(fold(cur[cur.length - 1]!.text))) cur.pop()
    while (cur.length && PARTICLES.has(fold(cur[0]!.text)) && !/^\p{Lu}/u.test(cur[0]!.text)) cur.shift()
    if (cur.length) segs.push(cur)
    cur = []
  }
  const toks = tokens(text, start, end)
  toks.forEach((t, i) => {
    const f = fold(t.text)
    // "PREVENTIVA de BRIAN EMANUEL …": a particle opens surnames, not given names; after a word that is no given
    // name itself ("María de los Ángeles", "Juan de Dios"), a given name after the particle starts another name.
    if (PARTICLES.has(f) && cur.length && !PARTICLES.has(fold(cur[cur.length - 1]!.text)) && givenNameAfterParticle(toks, i) && !isFirstName(cur[cur.length - 1]!.text)) flush()
    else if (PARTICLES.has(f) && cur.length) cur.push(t)
    else if (opensSurname(toks, i)) cur.push(t)
    else if (isMiddleInitial(toks, i, cur.length)) cur.push(t)
    else if ((isStop(t.text) && !stopIsName(toks, i)) || !/^\p{Lu}/u.test(t.text) || isPreteriteVerb(t.text)) flush()
    else cur.push(t)
  })
  flush()
  return segs
}

/** A name run starting exactly at `pos` (after optional filler), cut at the first stop word. */
const SEQ_AT = new RegExp(NAME_SEQ, "uy")
export const nameAt = (text: string, pos: number): Token[] | undefined => {
  SEQ_AT.lastIndex = pos
  const m = SEQ_AT.exec(text)
  if (!m) return undefined
  const first = nameSegments(text, pos, pos + m[0].length)[0]
  return first && first[0]!.start === pos ? first : undefined
}

/**
 * Inside a cited precedent's caption: CSJN, “Leiva, María Cecilia s/ homicidio
 * simple”, Fallos 334:1204; CIDH, “Maria da Penha Maia Fernandes vs. Brasil”;
 * "la Sala I, en “…”"; "doctrina reafirmada en “…”". The open quote must
 * follow a court, a reporter or a doctrine's participle, or the quoted
 * caption must be followed by a reporter ("Fallos 334:1204", "Informe N° 54/01").
 */
const COURT_NAME = String.raw`CSJN|CIDH|Corte\s*IDH|Corte\s+(?:Suprema|Interamericana)[^,;“"]{0,40}|Suprema\s+Corte[^,;“"]{0,40}|TSJ|TEDH|SCBA|CNCCC|CNCP|CNCas\w*|CFCP|` +
  // National chambers and their abbreviations ("CNCom.", "CNCiv.", "C.N.Civ.", "CApel. PCyF", "Cám."); lettered chambers ("Sala F").
  String.raw`CN\s?(?:Civ|Com|Crim|Fed|Trab|AT|CAF|Cont|Ap)\w*\.?|C\.\s?N\.\s?\p{L}+\.?|CApel\w*\.?(?:\s+PCyF)?|C[áa]m\.|` +
  String.raw`C[áa]mara[^;“"]{0,60}|Sala\s+(?:[IVX]+|\d+|[A-M])\b\.?|Tribunal[^;“"]{0,60}|Fallos?|in\s+re|caso|precedente|doctrina\s+de|` +
  // A provincial chamber by its number and subject matter ("C6a CC Cba.", "C5CyC Cba."), and "Id." (the same court again).
  String.raw`C\s?\d{1,2}(?:a|ª|°|º)?\s*(?:CC|C\.\s?C\.|CyC|Civ|Com|Crim|Trab|Lab|Fam)\w*\.?(?:,?\s*Cba\.?)?|Id\.`
/** The date of the cited decision between the court and its caption ("Sala F, 17/05/2021, “…”"). */
const DECISION_DATE = String.raw`(?:\s*,\s*(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{1,2}\s+de\s+\p{L}+\s+de\s+\d{4}))?`
const COURT_BEFORE_QUOTE = new RegExp(
  String.raw`(?:\b(?:${COURT_NAME})${DECISION_DATE}\s*[,:]?\s*(?:en\s+)?|\b(?:reafirmad[oa]|sostenid[oa]|establecid[oa]|reiterad[oa]|fijad[oa])\s+en\s+|` +
    // The decision's date or number right before its caption, as an item of a citation ("…, 12/03/2015, “…”",
    // "RSD12-14 S 3-5-2014, “…”",
    // "Sentencia nº 212, “…”", "Sent. N° 12 del 10/06/2015, “…”", "Def. Nro. 7 del 14.08.09; “…”"); "El
    // 17/05/2021, “…”" opens a sentence about the ruling's own case.
    String.raw`(?:(?<!(?:^|[^\p{L}])(?:el|en|al|del|hasta|desde)\s+)\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b(?:Sent(?:encia)?|Def|A\.\s?I|Auto)\.?\s*(?:(?:N[°º.]?|n[°º]|nros?\.?)\s*)?(?:\d+(?:\s+(?:del?|de\s+fecha)\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?|(?:del?|de\s+fecha)\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}))\s*[,;:]\s*(?:en\s+)?)[“"«]$`,
  "iu",
)
const REPORTER_AFTER = /^[^”"»\n]{0,120}[”"»]\s*,?\s*(?:\(?\s*)?(?:Fallos|Informe|Serie|sentencia\s+del|rta\.|resuelt[oa]|causa\s+N|reg\.|LL\b|La\s+Ley|JA\b|ED\b)/u
/** A caption in straight quotes followed by the Supreme Court's reporter: "Casal, Matías Eugenio" (Fallos 328:3399). */
const FALLOS_AFTER = /^[^"\n]{0,120}"\s*,?\s*\(?\s*Fallos\s*:?\s*\d+\s*:\s*\d+/u
/** A caption in straight quotes followed by its decision ("…", rta. el 3/3/2020; "…", resuelta el …; "…", reg. N° …). */
const DECIDED_AFTER = /^[^"\n]{0,120}"\s*,?\s*\(?\s*(?:rta\.|resuelt[oa]\s|reg\.\s|sentencia\s+del)/u
/**
 * A supreme or international court's case: "el fallo de la CSJN en autos “…”",
 * "la Corte Suprema de Justicia de la Nación in re “…”". No lower court: a
 * Cámara "en autos “…”" is often the ruling's own case, on appeal.
 */
const HIGH_COURT_CASE_LEAD = /\b(?:CSJN|C\.\s?S\.\s?J\.\s?N\.|Corte\s+Suprema[^“"«\n;]{0,40}|Corte\s*IDH|CIDH|TEDH)\s*,?\s*(?:en\s+(?:los\s+)?autos|in\s+re)\s*(?:caratulados\s*)?[“"«]$/iu
/** What opens the ruling's own caption: "en autos “…”", "caratulados", "legajo", "expte.". */
const OWN_CAPTION_LEAD = /\b(?:autos|caratulad[oa]s?|legajo|incidente|expte\.?|expediente)\b[^“«\n]{0,40}[“"«]$/iu

/** A caption names its parties: "X s/ robo", "X c/ Y", "X vs. Y". */
const CAPTION_PARTIES = /\b(?:s\/|vs\.?|c\/)/

const inStraightQuotedPrecedent = (text: string, start: number, end: number): boolean => {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1
  const before = text.slice(lineStart, start)
  const quotes = before.split('"').length - 1
  if (quotes % 2 !== 1) return false
  const open = before.lastIndexOf('"')
  const after = text.slice(end, end + 160)
  if (FALLOS_AFTER.test(after)) return true
  // The ruling's own caption ("causa N° 123 "PÉREZ s/ robo"") is never a citation; another case's, decided
  // or opened by its court ("el Tribunal Superior de Justicia en "…"", "CIDH, caso "…""), is.
  const lead = before.slice(Math.max(0, open - 80), open + 1)
  if (HIGH_COURT_CASE_LEAD.test(lead)) return true
  if (OWN_CAPTION_LEAD.test(lead)) return false
  return COURT_BEFORE_QUOTE.test(lead) || (DECIDED_AFTER.test(after) && CAPTION_PARTIES.test(text.slice(start, end + 120).split('"')[0]!))
}

export const inCaseCitation = (text: string, start: number, end: number): boolean => {
  if (inStraightQuotedPrecedent(text, start, end)) return true
  const before = text.slice(Math.max(0, start - 160), start)
  const open = Math.max(before.lastIndexOf("“"), before.lastIndexOf("«"))
  if (open < 0 || /[”»\n]/.test(before.slice(open))) return false
  const lead = before.slice(Math.max(0, open - 80), open + 1)
  if (HIGH_COURT_CASE_LEAD.test(lead)) return true
  // The ruling's own caption ("en autos “GOMEZ s/ lesiones”") is never a citation.
  if (OWN_CAPTION_LEAD.test(lead)) return false
  if (COURT_BEFORE_QUOTE.test(lead)) return true
  return REPORTER_AFTER.test(text.slice(end, end + 160)) && CAPTION_PARTIES.test(text.slice(start, end + 120).split(/[”»]/)[0]!)
}

const DOCTRINE_VERB_BEFORE = /(?:\b(?:tal\s+)?como\s+(?:lo\s+)?(?:(?:ha|han)\s+(?:se[ñn]alado|sostenido|ense[ñn]ado|explicado|destacado|advertido|afirmado|postulado)|se[ñn]alan?|sostienen?|ense[ñn]an?|explican?|afirman?|advierten?|destacan?|postulan?|entienden?)|\ben\s+palabras\s+de|\b(?:conforme|seg[úu]n)\s+(?:lo\s+)?(?:ense[ñn]an?|se[ñn]alan?|sostienen?|explican?))\s+(?:(?:el|la)\s+(?:maestr[oa]|profesor(?:a)?|autor(?:a)?|jurista|tratadista|doctrinari[oa])\s+)?$/iu

/** Citation context: cited authors and cases stay visible. */
export const inCitation = (text: string, start: number, end: number): boolean => {
  if (inCaseCitation(text, start, end)) return true
  const before = text.slice(Math.max(0, start - 80), start)
  const open = Math.max(before.lastIndexOf("("), before.lastIndexOf("["))
  const scope = open >= 0 && before.lastIndexOf(")") < open ? before.slice(open) : before.slice(-40)
  // "ver" as a citation's "see": in a parenthesis, or before a name, "también" or a colon; not the verb ("no vas a ver
  // más a Lautaro"). Case-sensitive: with the "i" flag "\p{Lu}" would match any letter.
  if (/^\([^)]*\b[Vv]er\b|\b[Vv]er(?=\s*$|\s*[,:]|\s+(?:tambi[ée]n|asimismo|en\s+igual|\p{Lu}))/u.test(scope)) return true
  if (/\b(?:cfr|conf|cf|vid|v\.|in\s+re|fallos|csjn|op\.?\s*cit|citad[oa]|cit[óa]\s+a|citando\s+a|con\s+cita\s+de|autor|doctrina|obra|sostiene|ense[ñn]a|explica|tratadista|procesalista|penalista|civilista|jurista|doctrinari[oa])\b/i.test(scope)) return true
  // "Tal como señala Maier", "Como lo ha sostenido Sagüés", "en palabras de Binder": doctrine in its present
  // or perfect tense; "como señaló la víctima" (a witness, in the past) is no citation.
  if (DOCTRINE_VERB_BEFORE.test(before.slice(-60))) return true
  // "según Zaffaroni", "según el maestro Maier": an author right after "según"; "Según la denuncia, Agustín
  // Benavente amenazó" is no citation.
  if (/\bseg[úu]n\s+(?:(?:el|la|los|las)\s+(?:(?:prestigios[oa]|destacad[oa]|recordad[oa])\s+)?(?:maestr[oa]|profesor(?:a)?|autor(?:a)?|jurista|tratadista|doctrinari[oa]|catedr[áa]tic[oa]|penalista|procesalista)s?\s+)?$/iu.test(scope)) return true
  const after = text.slice(end, end + 40)
  // An author entry: an inverted name before the title it wrote ("Peralta, Jorge W. “Nuevos …”"),
  // or a name before its role in a collective work ("Jorge W. Peralta, Director, Edit. …").
  if (/^\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,2},\s*\p{Lu}/u.test(text.slice(start, end)) && /^\s*\.?\s*,?\s*(?:en\s+)?[“«]/u.test(after)) return true
  if (/^\s*,?\s*(?:\((?:dir|coord|comp)s?\.?\)|Director(?:a|es)?\b|Coordinador(?:a|es)?\b|Compilador(?:a|es)?\b)\s*[,.]?\s*(?:Ed(?:it)?\.|Editorial|[“«])/u.test(after)) return true
  // An author teaching, in the present tense of doctrine: "El Dr. Eugenio Raúl Zaffaroni enseña que".
  if (/^\s*,?\s*(?:ense[ñn]a|explica|postula|define|ha\s+ense[ñn]ado|en\s+su\s+(?:(?:conocid|c[ée]lebre|cl[áa]sic|reconocid|destacad)[oa]\s+)?(?:obra|tratado|manual|libro|art[íi]culo))\b/iu.test(after)) return true
  return /^\s*,?\s*(?:op\.?\s*cit|ob\.?\s*cit|Derecho\s+Penal|Tratado|Manual|Lecciones|Teor[íi]a|Strafrecht|ed\.|p\.\s*\d|pp\.|pág|t\.\s*[IVX\d])/iu.test(after) ||
    /^\s*\(\s*(?:19|20)\d\d\s*\)/.test(after)
}

/** An author's given names or initials after the surname: ", Guillermo E. H.". */
const AUTHOR_GIVEN = String.raw`\s*,\s*\p{Lu}[\p{L}\p{M}.]*(?:\s+\p{Lu}[\p{L}\p{M}.]*){0,3}`
/** A co-author: " - Rua, Gonzalo S.", " y Slokar, Alejandro". */
const CO_AUTHOR = String.raw`\s*(?:[-–—]|\by\b)\s*\p{Lu}[\p{L}\p{M}'’-]+${AUTHOR_GIVEN}`
const WORK_AFTER = new RegExp(
  String.raw`^(?:\s+\p{Lu}\.)*(?:${AUTHOR_GIVEN})?(?:${CO_AUTHOR}){0,3}\s*,?\s*(?:op\.?\s*cit|ob\.?\s*cit|(?:Manual\s+de\s+)?Derecho\s+(?:Penal|Procesal|Constitucional|Civil)|Tratado|Manual|Lecciones|Teor[íi]a|C[óo]digo\s+(?:Procesal\s+)?(?:Penal|Civil|Contravencional)[^,.;]{0,50}?(?:comentado|anotado|y\s+normas)|Strafrecht|ed\.|p\.\s*\d|pp\.|p[áa]g\.)`,
  "iu",
)

/**
 * A cited work or precedent (narrower than `inCitation`): inside a cited case
 * caption, or an author entry followed by the work ("Creus, Carlos, Derecho
 * Penal. Parte Especial", "Donna, op. cit."), co-authors between ("Morosi,
 * Guillermo E. H. - Rua, Gonzalo S., Código Procesal Penal … comentado").
 */
export const inCitedWork = (text: string, start: number, end: number): boolean =>
  inCaseCitation(text, start, end) || WORK_AFTER.test(text.slice(end, end + 200)) || citedAuthor(text, start, end)

/** An author where a bibliographic reference names one: heading its parenthesis, or right before the work. */
export const citedAuthor = (text: string, start: number, end: number): boolean =>
  authorOfBibliographicParenthesis(text, start, end) || authorBeforeItsWork(text, start, end)

/** How many kinds of bibliographic marks a stretch of text holds. */
const bibliographicMarks = (stretch: string): number => BIBLIOGRAPHIC_MARKS.filter((mark) => mark.test(stretch)).length

/**
 * An author named before the work cited, outside any parenthesis: "las
 * opiniones de Maier (Derecho Procesal Penal, t. I, 2ª ed., 2004, p. 12)",
 * "sostenido por Bovino («La suspensión…», 2001, p. 87)", or an entry of a
 * list of works, "…, p. 246; Cesano, José Daniel, Derecho penitenciario,
 * Alveroni, 2007". What follows the name up to the entry's end (a ";", a
 * closing parenthesis or a line's end) is the work: two kinds of
 * bibliographic marks. A party's reference to the record ("Pérez (fs. 23)")
 * holds none.
 */
/**
 * What follows an author's name in an entry: the rest of the name, co-authors after a dash ("Zaffaroni,
 * Eugenio Raúl - Alagia, Alejandro - Slokar, Alejandro"), then a comma and the work.
 */
const WORK_OF_AUTHOR =
  /^(?:\s+(?:(?:de|del|de\s+la|von|van)\s+)?\p{Lu}[\p{L}\p{M}]*\.?){0,3}(?:\s*[-–—]\s*\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?\s*,\s*\p{Lu}[\p{L}\p{M}.]*(?:\s+\p{Lu}[\p{L}\p{M}.]*){0,2})*\s*,\s*[“"«]?\p{Lu}[^;)\n]{3,280}/u

const authorBeforeItsWork = (text: string, start: number, end: number): boolean => {
  const after = text.slice(end, end + 300)
  const work = /^\s*\([^()]{3,280}\)/u.exec(after)?.[0] ?? WORK_OF_AUTHOR.exec(after)?.[0]
  if (work === undefined || bibliographicMarks(work) < 2) return false
  // An entry of a list of works starts one: after ";", "ver", "En doctrina", a footnote's number ("[3]"), a
  // co-author's dash, a line's start, or the inverted author's surname.
  return work.trimStart().startsWith("(") || /(?:;|\bver|\bv\.|\bdoctrina[,:]?|\(|\[\d{1,3}\]|[-–—]|\n|^)\s*(?:\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?\s*,\s*)?$/u.test(text.slice(Math.max(0, start - 60), start))
}

/**
 * Where an author's name stands in a parenthesis: at its opening (after
 * "conf.", "cfr.", "v."), after "en" (an editor), "-", "y" or ";", or after
 * the first words of such a name: the rest of a compound surname ("(DÍAZ
 * |VILLAR|, Ana", "(Ruiz de |Olmos|") or the given names after the
 * surname's comma ("(LÓPEZ, |Ana|, …").
 */
const AUTHOR_SLOT = String.raw`(?:\(\s*(?:(?:conf|cfr|cf|v|ver|vid|vide)\.?\s*,?\s*)?|\b(?:en|y)\s+(?:de\s+)?|\btrad\.\s*(?:de\s+)?|\b(?:trad\.|traducci[óo]n|traducid[oa])[^,;()\n]{0,50}?\bpor\s+|[-–—;]\s*)`
const AUTHOR_SLOT_BEFORE = new RegExp(
  String.raw`${AUTHOR_SLOT}(?:\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:de|del|la)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,3}(?:\s*,\s*|\s+(?:(?:de|del|la)\s+)?))?$`,
  "u",
)
/** After the author: the given name or the title after a comma, a co-author after a dash, or an editor's role ("(Dir.)"). */
const AFTER_AUTHOR = /^\.?(?:\s+\p{Lu}\.)*\s*(?:(?:,|;|[-–—])\s*(?:en\s+)?[“"«]?\p{Lu}|(?:y|e)\s+(?:de\s+)?\p{Lu}|\((?:Dir|Coord|Comp|Ed)\b)/u
/** What marks a parenthesis as a bibliographic reference; two kinds of them make one. */
const BIBLIOGRAPHIC_MARKS: readonly RegExp[] = [
  /\b(?:p|pp|ps|p[áa]gs?)\.\s*\d|\bp[áa]ginas?\s+\d/iu,
  /\b(?:t|tomo|vol)\.?\s*[IVX\d]+\b/iu,
  /\b(?:19|20)\d\d\b|\b[12]\.\d{3}\b/u,
  /\b(?:op|ob)\.\s*cit\b|\bcitad[oa]\b/u,
  /\b[Ee]d(?:\.|it\.?|itorial|itores|iciones)\s|\(Dir(?:\.|ector|ectora)?\)|\bcomentad[oa]\b|\btrad\.|\btraducci[óo]n\b/u,
]

/** How far a bibliographic parenthesis is looked for around a name, each way, in characters. */
const BIBLIOGRAPHY_REACH = 1200

/**
 * An author in a bibliographic parenthesis: "(Pereyra, Tomás, Recursos en
 * el proceso penal, Ed. Alborada, Rosario, 2011, pág. 77)", "(conf. LÓPEZ, Ana
 * (Dir.), Código … comentado, t. II, 2015, p. 50)". The name stands where an
 * author does (see AUTHOR_SLOT_BEFORE) with a given name, title or co-author
 * after it, and the parenthesis holds two kinds of bibliographic marks
 * (page, volume, year, "op. cit.", a publisher or an editor). A record's
 * reference ("(Pérez, Juan, fs. 23)") or a list of parties holds none.
 */
export const authorOfBibliographicParenthesis = (text: string, start: number, end: number): boolean => {
  // A parenthesis may list several works, author after author ("(A, B, Title, 2002, p. 3; C, D, …)").
  const before = text.slice(Math.max(0, start - BIBLIOGRAPHY_REACH), start)
  const open = before.lastIndexOf("(")
  if (open < 0 || before.indexOf(")", open) >= 0 || !AUTHOR_SLOT_BEFORE.test(before) || !AFTER_AUTHOR.test(text.slice(end, end + 12))) return false
  // The parenthesis up to where it closes (an editor's "(Dir.)" nested in it).
  let depth = 0
  let close = end
  for (; close < Math.min(text.length, end + BIBLIOGRAPHY_REACH); close++) {
    const char = text[close]
    if (char === "(") depth++
    else if (char === ")" && depth-- === 0) break
  }
  const inside = before.slice(open) + text.slice(end, close)
  // An entry that opens the parenthesis inverted, before a quoted title, is one with fewer marks: "(Cafferata
  // Nores, José I., «La prueba en el proceso penal», Depalma)".
  const titled = INVERTED_ENTRY_BEFORE_TITLE.test(before.slice(open) + text.slice(start, Math.min(close, end + 200)))
  return bibliographicMarks(inside) >= (titled ? 0 : 2)
}

/** "(Surname, Given I., «Title»": the inverted author and a quoted title open a parenthesis. */
const INVERTED_ENTRY_BEFORE_TITLE =
  /^\(\s*(?:(?:conf|cfr|cf|v|ver|vid|vide)\.?\s*,?\s*)?\p{Lu}[\p{L}\p{M}'’-]+(?:\s+(?:(?:de|del|la)\s+)?\p{Lu}[\p{L}\p{M}'’-]+){0,2}\s*,\s*\p{Lu}[\p{L}\p{M}.]*(?:\s+\p{Lu}[\p{L}\p{M}.]*){0,3}\s*,\s*[“"«]\p{Lu}[^”"»\n]{3,}[”"»]/u
