/**
 * Rulings for the review tests, written here (no real ruling's text). The
 * held one: the accused's surname is also a common word, capitalised where
 * it is that word ("el Mercado Central"), which no rule can tell apart from
 * the person, so the gate holds it. The plain one publishes.
 */
export const HELD_RULING = [
  "Córdoba, 3 de mayo de 2024.",
  "Causa N° 77123/2024 - MERCADO, Juan Carlos p.s.a. lesiones leves.",
  "Declaró el imputado Juan Carlos Mercado, DNI 22.333.444. Luego Mercado reconoció los hechos ocurridos frente al Mercado Central.",
  "Causa 77123/2024 - Pág. 1 / 2",
  "Elévese el recurso ante la Sala II de la Cámara.",
  "Causa 77123/2024 - Pág. 2 / 2",
].join("\n")

export const PLAIN_RULING = HELD_RULING.replace("frente al Mercado Central", "frente a la terminal")

/** The held ruling with an expert named in it: the pipeline hides the name; a reviewer keeps it (an official in their role). */
export const HELD_WITH_EXPERT = HELD_RULING + "\nDictaminó el perito oficial Lic. Ramiro Quintana."
