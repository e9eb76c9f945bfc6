import { describe } from "vitest"
import { caseNumber } from "../../src/detect/rules/caseNumber.ts"
import { file } from "../../src/detect/rules/file.ts"
import { plate } from "../../src/detect/rules/plate.ts"
import { negatives, positives } from "./_table.ts"

describe("rules/plate", () => {
  positives(plate, "PATENTE", [
    ["el automóvil dominio AB 123 CD", "AB 123 CD"],
    ["AB123CD estacionado", "AB123CD"],
    ["la camioneta dominio ABC 123", "ABC 123"],
    ["la motocicleta dominio 123 ABC", "123 ABC"],
    ["moto patente A123BCD", "A123BCD"],
    // Hard positive: the plate after the make's model, behind its cue.
    ["la motocicleta Yamaha YBR 125, dominio ABC 123, fue secuestrada", "ABC 123"],
    ["la motocicleta Honda CG Titan, dominio A072 KLM, conducida por", "A072 KLM"],
  ])
  negatives(plate, "PATENTE", [
    "conforme el ART 149 BIS del CP",
    "LEY 123 de la Ciudad",
    "el CPP 123 y el art. 150",
    "se leyó el punto 123 ABC del acta",
    // Dollars, the national courts' case system and a model's code after its make.
    "la damnificada transfirió USD 300 mediante una casa de cambio",
    "comuníquese (Acordada 15/13 CSJN; LEX100)",
    "y que condujera al Convenio OIT190, desplazando así",
    "embistió la motocicleta Yamaha YBR 125 de la víctima",
  ])
})

describe("rules/file", () => {
  positives(file, "ARCHIVO", [
    ["se incorporaron foto1.jpg y captura.png", "foto1.jpg", "captura.png"],
    ["el video VID-20230110-WA0003.mp4 muestra", "VID-20230110-WA0003.mp4"],
    ["el audio.opus enviado", "audio.opus"],
  ])
  negatives(file, "ARCHIVO", ["el art. 149 bis", "se remitió a juan.perez@gmail.com", "la página www.ejemplo.com"])
})

describe("rules/case-number", () => {
  positives(caseNumber, "EXPEDIENTE", [
    // A court's case system before a colon, a footer glued to the page's last word.
    ["EXPEDIENTE SAC: 5123456 - GÓMEZ c/ PÉREZ", "SAC: 5123456"],
    ["Damos razonesExpediente SAC 10123456 - Pág. 3 / 9", "SAC 10123456"],
    ["CUIJ: J-01-00012345-6/2023-0", "J-01-00012345-6/2023-0"],
    ["en la IPP 12345/2022 se investigó", "12345/2022"],
    ["Expediente N° 1234/2023", "1234/2023"],
    ["la causa N° 45.678/2021", "45.678/2021"],
    // An execution file.
    ["Legajo de ejecución N° 118.330", "118.330"],
    ["una demanda (no 39428/98) contra la República", "39428/98"],
    ["la denuncia N° 1234/2023 de la víctima", "1234/2023"],
    ["las causas N° 1234/2022, 5678/2023 y 9012/2023 se acumularon", "1234/2022", "5678/2023", "9012/2023"],
    ["quejas (demandas nos. 26480/95, 28291/95, 29280/95 y 26699/96)", "26480/95", "28291/95", "29280/95", "26699/96"],
    ["Actuación N° 98765/2022", "98765/2022"],
  ])
  negatives(caseNumber, "EXPEDIENTE", [
    "arts. 149 bis y 150 del Código Penal",
    "Ley N° 1472",
    "la causa de la demora",
    "conforme arts. 149/150, 151 y 152/3 del CP",
    "las Leyes 26.485, 27.499 y 24/2020",
    "los días 12/05, 14/06/2023 y 20/07/2023",
    "no 1234/2023 votos",
    "la causa n° 12 del listado",
    // A precedent's case number is a citation, not this ruling's case.
    "Cámara de Apelaciones PCyF, Sala III, causa n° 6043/2021-1, rta. 3/8/2021",
    "Cámara de Apelaciones PCyF, Sala III, causa N° 6043/2021-1, rta. 3/8/2021",
    "de sus honorariosExpediente",
  ])
})
