import { describe } from "vitest"
import { age } from "../../src/detect/rules/age.ts"
import { personalDate } from "../../src/detect/rules/personalDate.ts"
import { negatives, positives } from "./_table.ts"

describe("rules/personal-date", () => {
  positives(personalDate, "FECHA_PERSONAL", [
    ["nacido el 3 de mayo de 1990", "3 de mayo de 1990"],
    ["nacida el 03/05/1990 en Lanús", "03/05/1990"],
    ["fecha de nacimiento: 12-11-1985", "12-11-1985"],
    ["nacido en Lanús el 3/5/1989", "3/5/1989"],
    ["F.N.: 01/02/2001", "01/02/2001"],
  ])
  negatives(personalDate, "FECHA_PERSONAL", [
    "Ciudad Autónoma de Buenos Aires, 15 de marzo de 2024.",
    "el hecho ocurrió el 10 de enero de 2023",
    "la audiencia del 12/05/2023",
  ])
})

describe("rules/age", () => {
  positives(age, "EDAD", [
    ["de 34 años de edad", "34 años de edad"],
    ["argentino, soltero, de 34 años, domiciliado", "34 años"],
    ["la víctima, de 29 años, vive", "29 años"],
    ["la menor tenía 12 años cuando", "12 años"],
    ["de treinta y cuatro años de edad", "treinta y cuatro años de edad"],
    ["Juan PÉREZ (34) fue detenido", "34"],
    ["Varón de 53 años sin antecedentes", "53 años"],
    ["Paciente de 5 años y 10 meses, sin antecedentes", "5 años y 10 meses"],
    ["el niño, con 15 meses de edad, fue internado", "15 meses de edad"],
    ["Edad: 47 Sexo: H.", "47"],
    // The age something began or happened at.
    ["el adolescente refiere consumo desde los 14 años", "14 años"],
    ["tiene a su cargo a una hija de tres años, Ana", "tres años"],
  ])
  negatives(age, "EDAD", [
    "la pena de 3 años de prisión en suspenso",
    "condenado a 3 años de prisión",
    "dentro de 10 días hábiles",
    "hace 5 años que convivían",
    "por el término de 2 años",
    "de 3 años de prisión",
    "la relación de 10 años de duración",
    "el art. 149 (2) del Código",
    "la mujer fue condenada a 3 años y 6 meses de prisión",
    "el hombre cumplió 2 años y 4 meses de detención",
    "Edad: 47/2019 del registro",
    "el imputado volvió a los 2 años de la separación",
    "la víctima fue condenada a la pena de tres años de prisión",
    "el imputado pudo plantear la nulidad, es decir, dos años desde la celebración",
    "la víctima convivió con el imputado durante un período de 10 años",
    "el convenio rige desde los 5 años posteriores a su firma",
    // A prisoner's grades and their points.
    "alcanzó la calificación de conducta Ejemplar (10) y concepto Muy Bueno (7)",
  ])
})
