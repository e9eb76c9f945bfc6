import { describe } from "vitest"
import { account } from "../../src/detect/rules/account.ts"
import { cbu } from "../../src/detect/rules/cbu.ts"
import { negatives, positives } from "./_table.ts"

describe("rules/cbu", () => {
  positives(cbu, "CBU", [
    ["transfirió al CBU 2850590940090418135201", "2850590940090418135201"],
    ["2850590940090418135201 fue la cuenta de destino", "2850590940090418135201"],
    ["CVU 0000003100010000000001 (dígito dudoso)", "0000003100010000000001"],
    ["alias CBU: perro.casa.mesa", "perro.casa.mesa"],
  ])
  negatives(cbu, "CBU", ["el código 2850590940090418135202 de la planilla", "alias «El Tano»"])
})

describe("rules/account", () => {
  positives(account, "CUENTA_BANCARIA", [
    ["la cuenta N° 1234-5678/9 del Banco Ciudad", "1234-5678/9"],
    ["caja de ahorro en pesos N° 4001234567", "4001234567"],
    ["con la tarjeta de crédito VISA 4111 1111 1111 1111", "4111 1111 1111 1111"],
    ["pagó con 4111-1111-1111-1111 en el local", "4111-1111-1111-1111"],
  ])
  negatives(account, "CUENTA_BANCARIA", [
    "pagó con 4111-1111-1111-1112 en el local",
    "la cuenta regresiva terminó el 12/03/2023",
  ])
})
