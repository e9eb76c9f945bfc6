/** Static legal content: crimes, citations, courts, vehicles. */
import type { Rng } from "./prng.ts"

export interface Crime {
  readonly norma: string
  readonly nombre: string
  readonly vg: boolean
  readonly kind: "amenazas" | "lesiones" | "danio" | "usurpacion" | "armas" | "alimentos" | "resistencia" | "drogas" | "hostigamiento" | "ebriedad" | "informatico"
  readonly contravencion?: boolean
}

export const CRIMES: readonly Crime[] = [
  { norma: "art. 149 bis CP", nombre: "amenazas", vg: true, kind: "amenazas" },
  { norma: "art. 149 bis, primer párrafo, del Código Penal", nombre: "amenazas simples", vg: true, kind: "amenazas" },
  { norma: "arts. 89 y 92 CP", nombre: "lesiones leves agravadas por el vínculo y por mediar violencia de género", vg: true, kind: "lesiones" },
  { norma: "art. 89 CP", nombre: "lesiones leves", vg: false, kind: "lesiones" },
  { norma: "art. 183 CP", nombre: "daño", vg: false, kind: "danio" },
  { norma: "art. 181 inc. 1 CP", nombre: "usurpación", vg: false, kind: "usurpacion" },
  { norma: "art. 189 bis, inc. 2, CP", nombre: "tenencia ilegal de arma de fuego de uso civil", vg: false, kind: "armas" },
  { norma: "art. 1 de la Ley 13.944", nombre: "incumplimiento de los deberes de asistencia familiar", vg: true, kind: "alimentos" },
  { norma: "art. 239 CP", nombre: "resistencia o desobediencia a la autoridad", vg: false, kind: "resistencia" },
  { norma: "art. 5, inc. c, de la Ley 23.737", nombre: "tenencia de estupefacientes con fines de comercialización", vg: false, kind: "drogas" },
  { norma: "art. 53 del Código Contravencional", nombre: "hostigamiento, maltrato o intimidación", vg: true, kind: "hostigamiento", contravencion: true },
  { norma: "art. 114 del Código Contravencional (Ley 1472)", nombre: "conducir en estado de ebriedad", vg: false, kind: "ebriedad", contravencion: true },
  { norma: "art. 153 bis CP", nombre: "acceso ilegítimo a un sistema informático", vg: true, kind: "informatico" },
]

export const DOCTRINE: readonly string[] = [
  "Zaffaroni, Eugenio R. – Alagia, Alejandro – Slokar, Alejandro, Derecho Penal. Parte General, Ediar, Buenos Aires, 2002, p. 874",
  "Zaffaroni, E. R., Manual de Derecho Penal. Parte General, Ediar, 2005",
  "Roxin, Claus, Derecho Penal. Parte General, T. I, Civitas, Madrid, 1997, p. 65",
  "Maier, Julio B. J., Derecho Procesal Penal, T. I, Editores del Puerto, Buenos Aires, 1996, p. 495",
  "Donna, Edgardo A., Derecho Penal. Parte Especial, T. II-A, Rubinzal-Culzoni, Santa Fe, 2001, p. 225",
  "Creus, Carlos, Derecho Penal. Parte Especial, T. I, Astrea, Buenos Aires, 1997",
  "Binder, Alberto M., Introducción al derecho procesal penal, Ad-Hoc, Buenos Aires, 1999",
  "Soler, Sebastián, Derecho Penal Argentino, T. IV, TEA, Buenos Aires, 1992",
  "D'Alessio, Andrés J., Código Penal de la Nación comentado y anotado, La Ley, 2009, T. II, p. 487",
  "Medina, Graciela, Violencia de género y violencia doméstica, Rubinzal-Culzoni, 2013",
]

export const CASE_LAW: readonly string[] = [
  "CSJN, “Góngora, Gabriel Arnaldo s/ causa n° 14.092”, Fallos 336:392",
  "CSJN, “Casal, Matías Eugenio y otro s/ robo simple en grado de tentativa”, Fallos 328:3399",
  "CSJN, “Acosta, Alejandro Esteban s/ infracción art. 14, 1° párrafo, ley 23.737”, Fallos 331:858",
  "CSJN, “Llerena, Horacio Luis”, Fallos 328:1491",
  "CSJN, “Leiva, María Cecilia s/ homicidio simple”, Fallos 334:1204",
  "Fallos 328:3399",
  "Fallos 336:392",
  "CSJN, “Quiroga, Edgardo Oscar”, Fallos 327:5863",
  "TSJ CABA, expte. n° 9510/13, “Ministerio Público —Defensoría General— s/ queja”, rta. 11/9/2013",
  "Cámara de Apelaciones PCyF, Sala I, causa n° 18.503-00/CC/2019, rta. 14/02/2020",
  "Cámara de Apelaciones PCyF, Sala III, causa n° 6043/2021-1, rta. 3/8/2021",
  "Corte IDH, caso “González y otras (‘Campo Algodonero’) vs. México”, sentencia del 16/11/2009",
  "CIDH, “Maria da Penha Maia Fernandes vs. Brasil”, Informe N° 54/01",
]

export const CONVENTIONS: readonly string[] = [
  "Convención de Belém do Pará",
  "Convención sobre la Eliminación de Todas las Formas de Discriminación contra la Mujer (CEDAW)",
  "Convención sobre los Derechos del Niño",
]

export const CAR_MAKES: readonly string[] = [
  "Volkswagen Gol", "Fiat Palio", "Chevrolet Corsa", "Renault Clio", "Ford Ka", "Peugeot 208", "Toyota Etios", "Ford Focus",
  "Renault Sandero", "Chevrolet Onix", "Fiat Cronos", "Volkswagen Suran", "Peugeot 307", "Citroën C3", "Toyota Hilux",
]

export const MOTO_MAKES: readonly string[] = ["Honda Wave", "Motomel Blitz", "Gilera Smash", "Corven Energy", "Yamaha YBR", "Zanella ZB"]

export const PENALTIES: readonly string[] = [
  "un (1) año de prisión en suspenso",
  "seis (6) meses de prisión de ejecución condicional",
  "3 años de prisión",
  "dos (2) años de prisión de ejecución condicional",
  "un (1) año y seis (6) meses de prisión en suspenso",
  "ocho (8) meses de prisión de efectivo cumplimiento",
  "cuatro (4) años de prisión",
]

export const CONTRAV_PENALTIES: readonly string[] = [
  "cinco (5) días de arresto en suspenso",
  "diez (10) días de trabajo de utilidad pública",
  "multa de $ 30.000",
  "dos (2) días de arresto",
]

export const BANKS: readonly string[] = ["Banco de la Ciudad de Buenos Aires", "Banco de la Nación Argentina", "Banco Santander Argentina", "Banco Galicia", "BBVA Argentina", "Banco Macro", "Banco Provincia de Buenos Aires"]

export const SCHOOLS: readonly string[] = ["Escuela N° 5 D.E. 19", "Escuela Primaria N° 12 D.E. 13", "Jardín de Infantes Integral N° 3 D.E. 5", "Escuela Técnica N° 26 D.E. 6", "Colegio San José", "Escuela N° 21 D.E. 20", "Instituto Santa Rosa"]

export const WORKPLACES: readonly string[] = ["Hospital General de Agudos J. M. Penna", "supermercado Coto de Av. La Plata", "Hospital Piñero", "una fábrica textil de Flores", "el Mercado Central", "un local de comidas rápidas"]

export const money = (rng: Rng, min: number, max: number): string => {
  const v = Math.round(rng.int(min, max) / 500) * 500
  const s = String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ".")
  return rng.pick([`$ ${s}`, `$${s}`, `$ ${s},00`, `$${s}.-`])
}

export const numberWords: Record<number, string> = { 1: "uno", 2: "dos", 3: "tres", 4: "cuatro", 5: "cinco", 6: "seis", 10: "diez", 12: "doce", 15: "quince", 30: "treinta", 60: "sesenta", 90: "noventa", 120: "ciento veinte", 180: "ciento ochenta" }
