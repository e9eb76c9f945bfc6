import { describe } from "vitest"
import { phone } from "../../src/detect/rules/phone.ts"
import { negatives, positives } from "./_table.ts"

describe("rules/phone", () => {
  positives(phone, "TELEFONO", [
    ["llamó al +54 9 11 1234-5678 varias veces", "+54 9 11 1234-5678"],
    ["su celular 011 15 1234-5678", "011 15 1234-5678"],
    ["al 15-1234-5678 le escribió", "15-1234-5678"],
    ["el teléfono fijo 4567-8901", "4567-8901"],
    ["al número (011) 4567-8901", "(011) 4567-8901"],
    ["desde el abonado 11 5432-1098", "11 5432-1098"],
    ["teléfono celular 1154321098", "1154321098"],
    ["+5491154321098", "+5491154321098"],
    ["Hospital Ramón y Cajal, Madrid. Tel.: 913 368 000", "913 368 000"],
    ["el número de móvil de su esposa es el 633 349 565.", "633 349 565"],
    ["Fax: 987 23 73 92 e-mail", "987 23 73 92"],
    ["teléfono (011)\n\n15-3360-4941, correo", "(011)\n\n15-3360-4941"],
    ["su teléfono en Montevideo, +598 2 908 1234", "+598 2 908 1234"],
    // A number sign after a phone cue is the line's number, not a case's or a law's.
    ["un celular marca Samsung, abonado nº 11-5823-4471, y una billetera", "11-5823-4471"],
    ["se comunicó desde la línea N° 15-4433-2211", "15-4433-2211"],
    // A cue hyphenated at a PDF's line end; a landline that ends like a year.
    ["la llamó al te-\nléfono fijo 4812-2047, y le hizo creer", "4812-2047"],
  ])
  negatives(phone, "TELEFONO", [
    "conforme los arts. 149 bis y 150 del Código Penal",
    "la Ley 26.485 y la Ley N° 1472",
    "una multa de $ 4.500 y otra de $ 1.500,50",
    "Causa N° 1234-2023 y Expte. 4567/2023",
    "durante el período 2022-2023",
    "el 12-05-2023 a las 14:30",
    "llamó por teléfono el 12 05 2023",
    "la llamada del celular duró 10 20 30 segundos",
    "CUIJ J-01-00012345-6/2023-0",
    "Fallos 328:3399",
    "la suma de 15000000 de pesos",
    "registro 4567-2023 del sistema",
    "su te-\nléfono estuvo apagado durante el período 2022-2023",
    // Hard negatives: a number sign after no phone cue.
    "inscripta bajo el N° 4567-8901 del libro de actas",
    "el expediente nº 4567-8901 del abonado",
  ])
})
