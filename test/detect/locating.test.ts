import { describe, expect, it } from "vitest"
import { address } from "../../src/detect/rules/address.ts"
import { caseNumber } from "../../src/detect/rules/caseNumber.ts"
import { personalDate } from "../../src/detect/rules/personalDate.ts"
import { phone } from "../../src/detect/rules/phone.ts"
import { place } from "../../src/detect/rules/place.ts"
import { found, negatives, positives } from "./_table.ts"

/** Data that locates a person: barrios and settlements after an address, birth provinces, schools; addresses; body case numbers; relationship dates. */

describe("rules/place: barrio or settlement after an address", () => {
  positives(place, "LUGAR", [
    ["con domicilio constituido en Canalejas 440, 4° piso, dpto. 12 (Agronomía), CABA, relató", "Agronomía"],
    ['con domicilio constituido en Magallanes 3799 1° "D", Belgrano, CABA, teléfono', "Belgrano"],
    ["con domicilio real en Av. Gaona 8161, Paternal, de esta ciudad (CP C1085YNS)", "Paternal"],
    ['allanamiento practicado en España 214, piso 5°, depto. "4", barrio de Villa Soldati, Ciudad Autónoma', "Villa Soldati"],
    ['con domicilio en calle Calabria 495, piso 11°, depto. "F", Belgrano (CPA C1349YYR)', "Belgrano"],
    ["con domicilio constituido en Sinclair 4 (Tres Esquinas), Ciudad Autónoma de Buenos Aires", "Tres Esquinas"],
    ["en el domicilio sito en manzana 7, casa 44 del Barrio Zavaleta, Villa se resistió", "Barrio Zavaleta"],
    ["con domicilio real en Manzana 120, Casa 60 de la Villa 21-24 de esta ciudad.", "Villa 21-24"],
    ["con domicilio constituido en manzana 10, casa 8, Villa 1-11-14, teléfono 15-5852-4956", "Villa 1-11-14"],
    ["con domicilio real en manzana 20, casa 35 de la Villa 31 bis de esta ciudad.", "Villa 31 bis"],
    ["con domicilio real en Mza. 49 Casa 36 del Barrio Padre Carlos Mugica, teléfono", "Barrio Padre Carlos Mugica"],
  ])
  negatives(place, "LUGAR", [
    "Ciudad Autónoma de Buenos Aires, 15 de marzo de 2024.",
    "Poder Judicial de la Ciudad Autónoma de Buenos Aires",
    "conforme el art. 27, Belgrano y otros precedentes",
    "Fallos 334:1204, Flores, con nota",
    "la Ley 26.485 (Protección Integral), de esta ciudad",
    "el imputado, DNI 28.004.776, Flores, argentino",
    "con domicilio en Av. Rivadavia 1234, CABA, teléfono",
  ])
})

describe("rules/place: province after a birthplace, school", () => {
  positives(place, "LUGAR", [
    ["nacido el 28 de noviembre de 1986 en Virginia, provincia de Santa Fe, de estado civil casado", "Virginia", "Santa Fe"],
    ["nacido el 24 de septiembre del año 1964 en La Posta (Córdoba), C.U.I.L.", "Córdoba"],
    ["nacida en Chaján, Córdoba el día 10.3.04, de estado civil soltera", "Chaján", "Córdoba"],
    ["nacido en Manuel B. Gonnet, provincia de La Pampa el día 23 de abril de 1955", "Manuel B. Gonnet", "La Pampa"],
    ["que concurren a la Escuela Técnica N° 26 D.E. 6.", "Escuela Técnica N° 26 D.E. 6"],
    ["y por su familia, que concurren a la Jardín de Infantes Integral N° 3 D.E. 5.", "Jardín de Infantes Integral N° 3 D.E. 5"],
    ["el niño asiste al Colegio San José de Flores por la mañana", "Colegio San José de Flores"],
    ["su hija asiste a la Escuela Primaria N° 14 \"Mariquita Sánchez\" de Ezeiza", "Escuela Primaria N° 14 \"Mariquita Sánchez\""],
  ])
  negatives(place, "LUGAR", [
    "la Escuela de Cadetes de la Policía Federal dictó el curso",
    "asiste razón a la defensa en cuanto a la Ley 26.485",
    "el Juzgado N° 10, provincia de Buenos Aires",
  ])
  it("masks the province of Buenos Aires after a town of birth, not after a coarse birthplace", async () => {
    expect(await found(place, "nacido en Solís, provincia de Buenos Aires el día 27/04/1952", "LUGAR")).toEqual(["Solís", "Buenos Aires"])
    expect(await found(place, "nacido el 3 de mayo de 1990 en Lanús (Buenos Aires), de 34 años", "LUGAR")).toEqual(["Lanús", "Buenos Aires"])
    expect(await found(place, "nacida en Capital Federal, Buenos Aires, de 50 años", "LUGAR")).toEqual([])
  })
})

describe("rules/address: intersections, units, thousands dots, settlements", () => {
  positives(address, "DIRECCION", [
    ["que VILLALBA la espera a la salida, a la altura de Av. Garay y Medrano.", "Av. Garay y Medrano"],
    ["la espera a la salida, a la altura de Chubut y Tronador.", "Chubut y Tronador"],
    ["conducía el Renault Sandero dominio GD893CH por Av. Erezcano y Montevideo con una graduación", "Av. Erezcano y Montevideo"],
    ["con domicilio real en manzana 43, casa 24, Barrio Ricciardelli", "manzana 43, casa 24"],
    ["con domicilio constituido en Serrano 507, piso PB, departamento F, CABA", "Serrano 507, piso PB, departamento F"],
    ["con domicilio constituido en calle Uruguay 775, PB piso, dpto. A, Ciudad", "calle Uruguay 775, PB piso, dpto. A"],
    ["con domicilio en calle Rodríguez Peña 2.166, CABA", "calle Rodríguez Peña 2.166"],
    ['con domicilio real en calle Azcuénaga 1.623 2° "4", Ciudad Autónoma', 'calle Azcuénaga 1.623 2° "4"'],
    ['en el marco del allanamiento practicado en España 214, piso 5°, depto. "4", barrio', 'España 214, piso 5°, depto. "4"'],
    ["fijar residencia en España 214, 5° piso, dpto. 4, de esta ciudad", "España 214, 5° piso, dpto. 4"],
  ])
  negatives(address, "DIRECCION", [
    "que concurren a la Escuela Técnica N° 26 D.E. 6.",
    "la suma de $ 2.166 en concepto de reparación",
    "a la altura de las circunstancias y del caso",
    "se comió una manzana y media",
    "el Juzgado N° 10 y la Fiscalía N° 3",
    "conducía sin licencia por la avenida y fue detenido",
  ])
  it("does not read a settlement number as a door number (Villa 1-11-14)", async () => {
    const got = await found(address, "con domicilio en manzana 10, casa 8, Villa 1-11-14, teléfono", "DIRECCION")
    expect(got).toEqual(["manzana 10, casa 8"])
  })
})

describe("rules/case-number: body mentions and MPF numbers", () => {
  positives(caseNumber, "EXPEDIENTE", [
    ["La presente causa registrada bajo el N° 36902/2020 del registro de este Juzgado", "36902/2020"],
    ["Los presentes autos registrados bajo el N° 9275/2022 del registro", "9275/2022"],
    ["Los presentes autos registrados bajo el N° 9275/20224 del registro", "9275/20224"], // a year with a digit OCR added
    ["carece de arraigo, registra una causa anterior (N° 27635/2022) y desobedeció", "27635/2022"],
    ["CUIJ: J-01-94764639-0/2020-3\nMPF N° MPF68781746\n", "MPF68781746"],
    ["Legajo MPF MPF80782663", "MPF80782663"],
    ["IPP N° MPF76017897", "MPF76017897"],
    // The national judiciary's numbers, in a page header or on their own.
    ["Poder Judicial de la Nación - TOCC N° 12 - CCC 48211/2021/TO1", "CCC 48211/2021/TO1"],
    ["(CCC 71234/2022/1/CA1) confirmó", "CCC 71234/2022/1/CA1"],
    ["FSM 12345/2019 del registro", "FSM 12345/2019"],
    // A precedent's number is visible, but not a number the decision does not follow.
    ["registra la causa N° 18.503/2019 en trámite", "18.503/2019"],
  ])
  negatives(caseNumber, "EXPEDIENTE", [
    "registrado bajo el N° 5 del libro de actas",
    "registrado bajo el N° 12/34567 del libro de actas", // five digits that are no year
    "la Ley N° 26.485 y el art. 149 bis (N° 2)",
    "Fallos 334:1204",
    "el Juzgado N° 10 de la Secretaría N° 20",
    "el TOCC 12 y la CCC, Sala IV",
    "art. 14 de la Ley 23.737/1989",
  ])
})

describe("rules/personal-date: birth with year words, birthplace then date, relationships", () => {
  positives(personalDate, "FECHA_PERSONAL", [
    ["nacido el 24 de septiembre del año 1964 en La Posta", "24 de septiembre del año 1964"],
    ["nacida en Chaján, Córdoba el día 10.3.04, de estado civil", "10.3.04"],
    ["nacida en Estancia Vieja, provincia de Córdoba el día 18/8/1956, de ocupación", "18/8/1956"],
    ["expresó que convivió con Romero desde el 9/2/2011 hasta la separación", "9/2/2011"],
    ["refiere que convivió con S.V. desde el 22/06/2013 hasta la separación", "22/06/2013"],
    ["convivió con Rubén AMADO desde el 11 de marzo de 2019 hasta la separación", "11 de marzo de 2019"],
  ])
  negatives(personalDate, "FECHA_PERSONAL", [
    "Buenos Aires, 24 de septiembre del año 2024.",
    "la audiencia fijada desde el 9/2/2024 hasta el 10/2/2024",
    "convivió con su madre. Desde el 9/2/2024 rige la prohibición",
    "nacido en Lanús, quien el 3/5/2020 amenazó",
  ])
})

describe("rules/phone: area code in parentheses", () => {
  positives(phone, "TELEFONO", [
    ["con domicilio en Calabria 495, teléfono (11) 5146-1932, correo", "(11) 5146-1932"],
    ["puede ser contactado al 1153938453.", "1153938453"],
  ])
  negatives(phone, "TELEFONO", ["el art. (11) de la ley", "conforme Fallos 328:3399 (11)"])
})
