/** People, officials, addresses and dates, and the many ways a ruling mentions them. */
import { K, P, type Seg } from "./builder.ts"
import { BARRIOS, NATIONALITIES, VILLAS, stripAccents, type Gazetteers, type Place, type Street } from "./data.ts"
import { cuitFor, makeCpa, makeDni, makePhone } from "./ids.ts"
import type { Rng } from "./prng.ts"

export const MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]

export interface SimpleDate {
  readonly y: number
  readonly m: number // 1-12
  readonly d: number
}

export const iso = (dt: SimpleDate): string =>
  `${dt.y}-${String(dt.m).padStart(2, "0")}-${String(dt.d).padStart(2, "0")}`

export const longDate = (dt: SimpleDate): string => `${dt.d} de ${MONTHS[dt.m - 1]} de ${dt.y}`

export const formatDate = (rng: Rng, dt: SimpleDate): string =>
  rng.pick([
    () => longDate(dt),
    () => longDate(dt),
    () => `${String(dt.d).padStart(2, "0")}/${String(dt.m).padStart(2, "0")}/${dt.y}`,
    () => `${dt.d}/${dt.m}/${dt.y}`,
    () => `${dt.d}.${dt.m}.${String(dt.y).slice(2)}`,
    () => `${dt.d} de ${MONTHS[dt.m - 1]} del año ${dt.y}`,
  ])()

export const randomDate = (rng: Rng, fromYear: number, toYear: number): SimpleDate => ({
  y: rng.int(fromYear, toYear),
  m: rng.int(1, 12),
  d: rng.int(1, 28),
})

/** Days before a date (approximate calendar arithmetic is enough here). */
export const daysBefore = (dt: SimpleDate, days: number): SimpleDate => {
  const t = new Date(Date.UTC(dt.y, dt.m - 1, dt.d) - days * 86_400_000)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

export interface Address {
  readonly kind: "street" | "villa"
  readonly street?: Street
  readonly number?: number
  readonly floor?: string
  readonly apt?: string
  readonly cpa?: string
  readonly villa?: string
  readonly manzana?: number
  readonly casa?: number
  readonly barrio: string
}

export interface Person {
  readonly given: string[]
  readonly surnames: string[]
  readonly gender: "F" | "M"
  readonly accents: boolean
  readonly dni: string
  readonly cuit: string
  readonly birth: SimpleDate
  readonly age: number
  readonly nationality: string
  readonly birthplace: Place
  readonly address: Address
  readonly phone: string
  readonly email: string
  readonly handle: string
  readonly alias?: string
  readonly occupation: string
}

const ALIASES = ["El Tano", "Chino", "el Ruso", "Pato", "Negro", "Flaco", "el Gordo", "Tincho", "Pipi", "la Colo", "Pocho", "Cacho", "Lalo", "el Turco", "Pitu", "Mono", "Chueco", "Tati", "Colorado", "Peti"]
const OCCUPATIONS: readonly [string, string][] = [["empleado de comercio", "empleada de comercio"], ["albañil", "albañil"], ["desocupado", "desocupada"], ["changarín", "changarín"], ["chofer de aplicación", "chofer de aplicación"], ["vendedor ambulante", "vendedora ambulante"], ["estudiante", "estudiante"], ["empleado de limpieza", "ama de casa"], ["repartidor", "empleada doméstica"], ["cuidacoches", "cuidacoches"], ["técnico electricista", "enfermera"], ["docente", "docente"], ["mozo", "moza"], ["cartonero", "cartonera"], ["seguridad privada", "seguridad privada"], ["peluquero", "peluquera"], ["mecánico", "administrativa"]]

const FOREIGN_CITIES: Record<string, string[]> = {
  paraguayo: ["Asunción", "Encarnación", "Ciudad del Este", "Luque"],
  boliviano: ["La Paz", "Cochabamba", "Santa Cruz de la Sierra", "Potosí"],
  peruano: ["Lima", "Arequipa", "Trujillo"],
  venezolano: ["Caracas", "Maracaibo", "Valencia"],
  uruguayo: ["Montevideo", "Salto", "Paysandú"],
  chileno: ["Santiago", "Valparaíso", "Temuco"],
  colombiano: ["Bogotá", "Medellín", "Cali"],
  dominicano: ["Santo Domingo", "Santiago de los Caballeros"],
}

const spell = (p: Person, s: string): string => (p.accents ? s : stripAccents(s))

export const makeAddress = (rng: Rng, gz: Gazetteers): Address => {
  if (rng.chance(0.15)) {
    return { kind: "villa", villa: rng.pick(VILLAS), manzana: rng.int(1, 120), casa: rng.int(1, 60), barrio: rng.pick(BARRIOS) }
  }
  const street = rng.pick(gz.streets)
  const number = rng.int(1, Math.max(2, Math.min(street.maxNumber, 9000)))
  const hasFloor = rng.chance(0.4)
  return {
    kind: "street",
    street,
    number,
    ...(hasFloor ? { floor: rng.pick(["1°", "2°", "3°", "4°", "5°", "8°", "PB", "11°"]), apt: rng.pick(["A", "B", "C", "D", "4", "12", "F"]) } : {}),
    ...(rng.chance(0.35) ? { cpa: makeCpa(rng) } : {}),
    barrio: rng.pick(BARRIOS),
  }
}

export const streetName = (rng: Rng, s: Street): string =>
  s.type === "avenida" ? `${rng.pick(["Av.", "Avda.", "Avenida", "Av."])} ${s.name}` : s.type === "pasaje" ? `Pasaje ${s.name}` : s.name

/** The address as segments: DIRECCION for street+number(+floor/apt) or manzana/casa; LUGAR for villa/barrio. */
export const address = (rng: Rng, a: Address, withPlace = true): Seg => {
  if (a.kind === "villa") {
    const mc = rng.pick([`Manzana ${a.manzana} Casa ${a.casa}`, `Manzana ${a.manzana}, Casa ${a.casa}`, `Mza. ${a.manzana} Casa ${a.casa}`, `manzana ${a.manzana}, casa ${a.casa}`])
    const villa = a.villa as string
    return [P(mc, "DIRECCION"), rng.chance(0.3) ? ", " : villa.startsWith("Villa") ? " de la " : " del ", P(villa, "LUGAR"), rng.chance(0.5) ? " de esta ciudad" : ""]
  }
  const s = a.street as Street
  let main = `${streetName(rng, s)} ${rng.chance(0.2) && (a.number as number) > 999 ? String(a.number).replace(/(\d)(\d{3})$/, "$1.$2") : a.number}`
  if (a.floor) main += rng.pick([`, piso ${a.floor}, depto. "${a.apt}"`, ` ${a.floor} "${a.apt}"`, `, ${a.floor} piso, dpto. ${a.apt}`, `, piso ${a.floor}, departamento ${a.apt}`])
  // a leading "calle" is part of the address span, like "Av."
  const out: Seg[] = [P((s.type === "calle" && rng.chance(0.4) ? "calle " : "") + main, "DIRECCION")]
  if (withPlace && rng.chance(0.4)) {
    const [open, close] = rng.pick([[", barrio de ", ""], [" (", ")"], [", ", ""]] as const)
    out.push(open, P(a.barrio, "LUGAR"), close)
  }
  out.push(rng.pick([", de esta ciudad", ", CABA", ", Ciudad Autónoma de Buenos Aires", ""]))
  if (a.cpa) {
    const [open, close] = rng.pick([[" (CP ", ")"], [" (CPA ", ")"], [", C.P. ", ""]] as const)
    out.push(open, P(a.cpa, "DIRECCION"), close)
  }
  return out
}

export const intersection = (rng: Rng, gz: Gazetteers): Seg => {
  const a = rng.pick(gz.streets)
  const b = rng.pick(gz.streets)
  return P(`${streetName(rng, a)} y ${streetName(rng, b)}`, "DIRECCION")
}

export const makePerson = (rng: Rng, gz: Gazetteers, refYear: number, opts: { gender?: "F" | "M"; minAge?: number; maxAge?: number; surnames?: string[] } = {}): Person => {
  const gender = opts.gender ?? (rng.chance(0.5) ? "F" : "M")
  const pool = gz.firstNames.filter((n) => n.gender === gender)
  const nGiven = rng.chance(0.55) ? 2 : 1
  const given: string[] = []
  while (given.length < nGiven) {
    const n = rng.pickSkewed(pool).name
    if (!given.includes(n)) given.push(n)
  }
  const surnames = opts.surnames ?? (rng.chance(0.2) ? [rng.pickSkewed(gz.surnames), rng.pickSkewed(gz.surnames)] : [rng.pickSkewed(gz.surnames)])
  const age = rng.int(opts.minAge ?? 19, opts.maxAge ?? 68)
  const birth = { y: refYear - age - 1 + (rng.chance(0.6) ? 1 : 0), m: rng.int(1, 12), d: rng.int(1, 28) }
  const nat = rng.pick(NATIONALITIES)
  const foreign = nat[0] !== "argentino"
  const dni = foreign && rng.chance(0.6) ? String(rng.int(92, 96) * 1_000_000 + rng.int(0, 999_999)) : makeDni(rng, birth.y)
  const first = stripAccents(given[0] as string).toLowerCase()
  const last = stripAccents(surnames[0] as string).toLowerCase().replace(/\s+/g, "")
  const year2 = String(birth.y).slice(2)
  return {
    given,
    surnames,
    gender,
    accents: rng.chance(0.8),
    dni,
    cuit: cuitFor(dni, gender),
    birth,
    age,
    nationality: gender === "F" ? nat[1] : nat[0],
    birthplace: foreign ? { name: rng.pick(FOREIGN_CITIES[nat[0]] ?? ["Asunción"]), province: "" } : rng.pick(gz.places),
    address: makeAddress(rng, gz),
    phone: makePhone(rng),
    email: rng.pick([
      `${first}.${last}@gmail.com`,
      `${first}${last}${year2}@hotmail.com`,
      `${first.charAt(0)}${last}@yahoo.com.ar`,
      `${last}.${first}${rng.int(1, 99)}@outlook.com`,
      `${first}_${last}@live.com.ar`,
    ]),
    handle: rng.pick([`${first}_${last}${year2}`, `${first}.${last}`, `${first}${rng.int(10, 999)}`, `${last}_${first.slice(0, 3)}`, `la${first}ok`]),
    ...(rng.chance(0.25) ? { alias: rng.pick(ALIASES) } : {}),
    occupation: rng.pick(OCCUPATIONS)[gender === "F" ? 1 : 0],
  }
}

const givenStr = (p: Person): string => spell(p, p.given.join(" "))
const surnameStr = (p: Person): string => spell(p, p.surnames.join(" "))

/** Person mention styles. Every function returns the name as a PERSONA segment. */
export const name = {
  full: (p: Person): Seg => P(`${givenStr(p)} ${surnameStr(p)}`, "PERSONA"),
  capsLastFirst: (p: Person): Seg => P(`${surnameStr(p).toUpperCase()}, ${givenStr(p)}`, "PERSONA"),
  lastFirst: (p: Person): Seg => P(`${surnameStr(p)}, ${givenStr(p)}`, "PERSONA"),
  givenCapsSurname: (p: Person): Seg => P(`${givenStr(p)} ${surnameStr(p).toUpperCase()}`, "PERSONA"),
  allCaps: (p: Person): Seg => P(`${givenStr(p)} ${surnameStr(p)}`.toUpperCase(), "PERSONA"),
  surname: (p: Person): Seg => P(surnameStr(p), "PERSONA"),
  surnameCaps: (p: Person): Seg => P(surnameStr(p).toUpperCase(), "PERSONA"),
  given: (p: Person): Seg => P(spell(p, p.given[0] as string), "PERSONA"),
  initials: (p: Person): Seg =>
    P([...p.given, ...p.surnames].map((w) => stripAccents(w).charAt(0).toUpperCase() + ".").join(""), "PERSONA"),
  initialsSpaced: (p: Person): Seg =>
    P([...p.given, ...p.surnames].map((w) => stripAccents(w).charAt(0).toUpperCase() + ".").join(" "), "PERSONA"),
}

/** A first mention: full name, sometimes with the alias. */
export const firstMention = (rng: Rng, p: Person): Seg => {
  const n = rng.pick([name.full, name.full, name.capsLastFirst, name.givenCapsSurname, name.allCaps, name.lastFirst])(p)
  if (p.alias && rng.chance(0.7)) {
    const [open, close] = rng.pick([[" (alias “", "”)"], [", alias “", "”"], [" (a) “", "”"], [art(p, ", apodado “", ", apodada “"), "”"], [" (alias “", "”)"]] as const)
    return [n, open, P(p.alias, "PERSONA"), close]
  }
  return n
}

/** A later mention: mostly the surname, sometimes the full name or initials. */
export const laterMention = (rng: Rng, p: Person): Seg =>
  rng.pick([name.surname, name.surname, name.surname, name.surnameCaps, name.full, name.givenCapsSurname, name.initials])(p)

export const sr = (p: Person): string => (p.gender === "F" ? "la Sra." : "el Sr.")
export const art = (p: Person, m: string, f: string): string => (p.gender === "F" ? f : m)

export const age = (p: Person): Seg => P(`${p.age} años`, "EDAD")

export interface Official {
  readonly title: string
  readonly name: string
  readonly gender: "F" | "M"
}

export const makeOfficial = (rng: Rng, gz: Gazetteers): Official => {
  const gender = rng.chance(0.5) ? "F" : "M"
  const pool = gz.firstNames.filter((n) => n.gender === gender)
  const given = rng.chance(0.5) ? `${rng.pickSkewed(pool).name} ${rng.pickSkewed(pool).name}` : rng.pickSkewed(pool).name
  const surname = rng.pickSkewed(gz.surnames)
  return { title: gender === "F" ? "Dra." : "Dr.", name: `${given} ${surname}`, gender }
}

/** An official's name as a keep segment (title outside the segment). */
export const official = (o: Official, caps = false): Seg => K(caps ? o.name.toUpperCase() : o.name, "FUNCIONARIO")
export const officialT = (o: Official, caps = false): Seg => [o.title, " ", official(o, caps)]
