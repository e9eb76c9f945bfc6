import { fold } from "../fold.ts"

/**
 * Public, closed lists (hand-maintained, not generated): the 48 official
 * barrios of the Ciudad Autónoma de Buenos Aires (Ley 1777 / Ley 2650) plus
 * their usual short or popular names, and the 23 Argentine provinces. Folded.
 */
export const CABA_BARRIOS: ReadonlySet<string> = new Set(
  [
    "Agronomía", "Almagro", "Balvanera", "Barracas", "Belgrano", "Boedo", "Caballito", "Chacarita", "Coghlan", "Colegiales",
    "Constitución", "Flores", "Floresta", "La Boca", "La Paternal", "Liniers", "Mataderos", "Monte Castro", "Monserrat",
    "Nueva Pompeya", "Núñez", "Palermo", "Parque Avellaneda", "Parque Chacabuco", "Parque Chas", "Parque Patricios",
    "Puerto Madero", "Recoleta", "Retiro", "Saavedra", "San Cristóbal", "San Nicolás", "San Telmo", "Vélez Sarsfield",
    "Versalles", "Villa Crespo", "Villa del Parque", "Villa Devoto", "Villa General Mitre", "Villa Lugano", "Villa Luro",
    "Villa Ortúzar", "Villa Pueyrredón", "Villa Real", "Villa Riachuelo", "Villa Santa Rita", "Villa Soldati", "Villa Urquiza",
    // Usual short or popular names.
    "Paternal", "Montserrat", "Pompeya", "Once", "Abasto", "Barrio Norte", "Bajo Flores", "Bajo Belgrano", "Microcentro",
    "Villa Gral. Mitre", "Velez Sarsfield", "Lugano", "Soldati", "Urquiza", "Devoto",
  ].map(fold),
)

export const PROVINCES: ReadonlySet<string> = new Set(
  [
    "Buenos Aires", "Catamarca", "Chaco", "Chubut", "Córdoba", "Corrientes", "Entre Ríos", "Formosa", "Jujuy", "La Pampa",
    "La Rioja", "Mendoza", "Misiones", "Neuquén", "Río Negro", "Salta", "San Juan", "San Luis", "Santa Cruz", "Santa Fe",
    "Santiago del Estero", "Tierra del Fuego", "Tucumán",
  ].map(fold),
)

/**
 * The court's seat and the country, as rulings write them: too coarse to
 * locate anyone, visible in every caption. Folded.
 */
export const SEAT_AND_COUNTRY: ReadonlySet<string> = new Set([
  "ciudad autonoma de buenos aires", "caba", "c.a.b.a.", "c.a.b.a", "capital federal", "buenos aires", "esta ciudad",
  "ciudad de buenos aires", "argentina", "republica argentina", "la republica argentina", "ciudad autonoma", "ciudad",
])
