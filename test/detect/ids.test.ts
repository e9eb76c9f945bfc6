import { describe, expect, it } from "vitest"
import { isValidCbu, isValidCuit, isValidLuhn } from "../../src/detect/checksums.ts"
import { cuit } from "../../src/detect/rules/cuit.ts"
import { dni } from "../../src/detect/rules/dni.ts"
import { passport } from "../../src/detect/rules/passport.ts"
import { negatives, positives } from "./_table.ts"

describe("checksums", () => {
  it.each([
    ["20-30123456-3", true],
    ["20-30123456-4", false],
    ["27-28033514-8", true],
    ["30-70000000-1", false],
  ])("CUIT %s valid=%s", (v, ok) => expect(isValidCuit(v)).toBe(ok))
  it.each([
    ["2850590940090418135201", true],
    ["2850590940090418135202", false],
  ])("CBU %s valid=%s", (v, ok) => expect(isValidCbu(v)).toBe(ok))
  it.each([
    ["4111 1111 1111 1111", true],
    ["4111 1111 1111 1112", false],
  ])("Luhn %s valid=%s", (v, ok) => expect(isValidLuhn(v)).toBe(ok))
})

describe("rules/dni", () => {
  positives(dni, "DNI", [
    ["el imputado (DNI 30.123.456, argentino)", "30.123.456"],
    ["titular del D.N.I. N° 28.456.789", "28.456.789"],
    ["DNI Nº 30123456", "30123456"],
    ["documento nacional de identidad 7.654.321", "7.654.321"],
    ["con documento 31222333 expedido", "31222333"],
    ["DNI 30.123.456 y 31.222.333 respectivamente", "30.123.456", "31.222.333"],
    ["L.E. 4.567.890", "4.567.890"],
  ])
  negatives(dni, "DNI", [
    "una multa de $ 30.123.456 a pagar",
    "la suma de 12.345.678 pesos",
    "Expte. N° 12.345.678/2023",
    "se abonaron 15.000,50 pesos",
    "la Ley 26.485 de protección integral",
    "el número 30123456 sin ninguna pista",
    "un perjuicio económico de 2.500.000 estimado",
  ])
})

describe("rules/cuit", () => {
  positives(cuit, "CUIT_CUIL", [
    ["CUIT 20-30123456-3", "20-30123456-3"],
    ["CUIL N° 20301234563 de la empleada", "20301234563"],
    ["CUIL 27-28033514-8", "27-28033514-8"],
    ["C.U.I.T. 20-30123456-4 (dígito mal tipeado)", "20-30123456-4"],
  ])
  negatives(cuit, "CUIT_CUIL", ["la causa 20-30123456-4 tramitó", "el número 20301234564 sin cue"])
})

describe("rules/passport", () => {
  positives(passport, "PASAPORTE", [
    ["pasaporte AAB123456", "AAB123456"],
    ["Pasaporte N° 12345678N de la República del Paraguay", "12345678N"],
    ["pasaporte paraguayo 4567890", "4567890"],
    ["titulares de los pasaportes bolivianos N° 11502934 y N° 11502978, respectivamente", "11502934", "11502978"],
  ])
  negatives(passport, "PASAPORTE", ["no tenía pasaporte vigente al 2023", "el art. 123456 del pasaje"])
})
