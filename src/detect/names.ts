import { fold } from "./fold.ts"
import { FIRST_NAMES } from "./lexicon/firstNames.ts"
import { SURNAMES } from "./lexicon/surnames.ts"

/**
 * Shared machinery for person-name rules: what a name token looks like, the
 * words that are never part of a name (legal vocabulary, function words,
 * institutions, roles), and how to cut a capitalised run into name segments.
 */

const TITLE = String.raw`(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?`
const CAPS = String.raw`(?:\p{Lu}['’])?\p{Lu}[\p{Lu}\p{M}'’]+(?:-\p{Lu}[\p{Lu}\p{M}'’]+)?`
const INITIAL = String.raw`\p{Lu}\.`
export const NAME_TOKEN = String.raw`(?:${CAPS}|${TITLE}|${INITIAL})`
export const CAPS_TOKEN = CAPS
export const TITLE_TOKEN = TITLE
export const PARTICLE = String.raw`(?:de\s+la|de\s+las|de\s+los|del|de|van\s+der|van|von|di|da|dos|DE\s+LA|DE\s+LOS|DEL|DE)`
/** A run of name tokens, with particles between tokens ("María de los Ángeles", "DEL VALLE"). */
export const NAME_SEQ = String.raw`${NAME_TOKEN}(?:[ \t]*\n?[ \t]*(?:${PARTICLE}\s+)?${NAME_TOKEN}){0,6}`

const w = (s: string): string[] => s.split(/\s+/).filter(Boolean)

/** Folded words never part of a person name. */
export const STOP: ReadonlySet<string> = new Set(
  w(`
  a al ante bajo con contra de del desde durante e el en entre es esta este esto hacia hasta la las le lo los mas me mi no o para pero por que se segun si sin sobre su sus tal tambien todo tras un una uno unos y ya yo ha he hay fue son ser sera asi aun como cual cuando donde mientras luego pues porque dicho dicha dichos dichas mismo misma otro otra cada ello ella ellos usted ud uds
  resuelvo resuelve resolvio resolver resolucion resultando resulta considerando considerandos vistos visto fallo fallos falla condenar condeno condenado sobreseer sobreseo sobreseimiento absolver absuelvo declarar declaro disponer dispongo hacer hagase ordenar ordeno rechazar rechazo regular librar tener tengase imponer impongo archivar archivese registrese notifiquese comuniquese cumplase publiquese protocolicese oficiese remitase agreguese firme autos expediente expte causa legajo actuacion ipp cuij caso sumario incidente
  juzgado juez jueza jueces juzgadora magistrado magistrada magistratura tribunal tribunales camara sala secretaria secretario secretarias prosecretaria prosecretario fiscalia fiscal fiscales defensoria defensor defensora defensa oficial oficiales publico publica ministerio asesoria asesor asesora tutelar querella poder judicial justicia consejo corte suprema csjn tsj cnccc nacion nacional federal provincia provincial ciudad autonoma caba buenos aires capital republica argentina argentino argentina estado gobierno municipalidad policia comisaria seccional division departamento direccion unidad cuerpo instituto hospital escuela colegio universidad facultad banco registro servicio programa oficina centro equipo area ufi mpf uep opfi cij dovic ofavi
  penal penales contravencional contravencionales faltas civil comercial laboral correccional criminal instruccion primera segunda tercera instancia apelaciones casacion ejecucion menores familia genero violencia domestica
  codigo codigos ley leyes decreto articulo articulos art arts inc inciso incisos bis ter parrafo cp cpp cppcaba cpn ccaba cc ccyc procesal constitucion constitucional convencion reglamento acordada
  dr dra dres dras doctor doctora sr sra srta sres sras senor senora senorita don dona lic licenciado licenciada ing prof s.s v.s ss vs
  dni cuit cuil pasaporte cbu cvu tel celular email mail n nro numero no fs fojas pag pags p pp cfr conf ver vid op cit idem ibid
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miercoles jueves viernes sabado domingo
  i ii iii iv v vi vii viii ix x xi xii primero segundo tercero cuarto quinto sexto septimo octavo noveno decimo
  hechos hecho imputacion prueba pruebas pena prision condena delito delitos amenazas lesiones robo hurto danos infraccion infr contravencion querellante denunciante victima imputado imputada testigo acusado acusada
  audiencia debate juicio requerimiento acta informe pericia peritaje declaracion testimonio sentencia auto fundamentos antecedentes competencia
  av avenida calle pasaje pje barrio manzana casa piso depto dpto departamento villa
  fdo firmado firma ante mi cc ce s/ sd sin asimismo ademas entonces finalmente primeramente seguidamente por ultimo tanto habida cuenta conforme atento sentado
  whatsapp instagram facebook tiktok twitter google youtube telegram gmail hotmail mercadopago mercado libre visa mastercard
  norte sur este oeste
  `),
)

/** Words before a name that mean it is not a person (institutions, places, streets named after people). */
export const NOT_PERSON_BEFORE =
  /(?:\b(?:hospital|escuela|colegio|instituto|plaza|parque|calle|av\.?|avda\.?|avenida|pasaje|pje\.?|autopista|estaci[óo]n|club|fundaci[óo]n|universidad|sanatorio|cl[íi]nica|barrio|villa|teatro|museo|general|gral\.?|presidente|pte\.?|santo|santa|san|premio|c[áa]tedra|doctrina|teor[íi]a|ley|caso|fallo|fallos|in\s+re|autos|caratulad[oa]s?|dique|puente|partido|localidad|ciudad|provincia|complejo|penal|unidad|c[áa]rcel)\s*$)/i

export const isStop = (token: string): boolean => STOP.has(fold(token).replace(/\.$/, ""))
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

/** Tokenises [start, end) of text into whitespace-separated tokens with offsets. */
export const tokens = (text: string, start: number, end: number): Token[] => {
  const out: Token[] = []
  const re = /\S+/g
  const slice = text.slice(start, end)
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length })
  return out
}

/**
 * Cuts a run of capitalised tokens into name segments at stop words, trimming
 * particles at the edges. Each segment is [start, end) with its tokens.
 */
export const nameSegments = (text: string, start: number, end: number): Token[][] => {
  const segs: Token[][] = []
  let cur: Token[] = []
  const flush = () => {
    while (cur.length && PARTICLES.has(fold(cur[cur.length - 1]!.text))) cur.pop()
    while (cur.length && PARTICLES.has(fold(cur[0]!.text))) cur.shift()
    if (cur.length) segs.push(cur)
    cur = []
  }
  for (const t of tokens(text, start, end)) {
    const f = fold(t.text)
    if (PARTICLES.has(f) && cur.length) cur.push(t)
    else if (isStop(t.text) || !/^\p{Lu}/u.test(t.text)) flush()
    else cur.push(t)
  }
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

/** Citation context: cited authors and cases stay visible. */
export const inCitation = (text: string, start: number, end: number): boolean => {
  const before = text.slice(Math.max(0, start - 80), start)
  const open = Math.max(before.lastIndexOf("("), before.lastIndexOf("["))
  const scope = open >= 0 && before.lastIndexOf(")") < open ? before.slice(open) : before.slice(-40)
  if (/\b(?:cfr|conf|cf|vid|v\.|ver|in\s+re|fallos|csjn|op\.?\s*cit|citad[oa]|seg[úu]n|autor|doctrina|obra|sostiene|ense[ñn]a|explica|tratadista)\b/i.test(scope)) return true
  const after = text.slice(end, end + 40)
  return /^\s*,?\s*(?:op\.?\s*cit|ob\.?\s*cit|Derecho\s+Penal|Tratado|Manual|Lecciones|Teor[íi]a|Strafrecht|ed\.|p\.\s*\d|pp\.|pág|t\.\s*[IVX\d])/iu.test(after) ||
    /^\s*\(\s*(?:19|20)\d\d\s*\)/.test(after)
}
