import { describe, expect, it } from "vitest"
import { age } from "../../src/detect/rules/age.ts"
import { dni } from "../../src/detect/rules/dni.ts"
import { identifier } from "../../src/detect/rules/identifier.ts"
import { url } from "../../src/detect/rules/url.ts"
import { ruleDetectors } from "../../src/detect/registry.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { found, negatives, positives } from "./_table.ts"

/** Codes after a personal label, other countries' documents, and ages of anyone described. */
describe("rules/identifier", () => {
  const rule = identifier()
  positives(rule, "IDENTIFICADOR", [
    ["Imputado: Dante Sosa, Prio. N° 1.234.567 de la Policía Federal", "1.234.567"],
    ["registra prontuario nro. 88231-AG", "88231-AG"],
    // Devices a court hands the parties, an insured person's policy.
    ["la tobillera electrónica N° DMV-20431-B, vinculada al dispositivo N° 7718-0092 de la víctima", "DMV-20431-B", "7718-0092"],
    ["la camioneta estaba asegurada bajo la póliza N° 60-118-334562, a nombre del imputado", "60-118-334562"],
    ["alojado bajo el Legajo Personal Único (LPU) N° 312.455, cumple la pena; CONCEDER a X (LPU N° 312.455)", "312.455", "312.455"],
    // The force that keeps the record between the label and its number; the criminal records' registry.
    ["con Prontuario Policial P.F.A. N° 2.345.118 y legajo del Registro Nacional de Reincidencia N° U-3345671,", "2.345.118", "U-3345671"],
    ["intervino el oficial Benítez, placa 45312, quien labró el acta", "45312"],
    ["el cabo Ríos (credencial N° 10.442)", "10.442"],
    ["atendida bajo la historia clínica N° 883412", "883412"],
    ["según la H.C. Nº 55-1203 del nosocomio", "55-1203"],
    ["afiliado N° 150-334412-07 de PAMI", "150-334412-07"],
    ["legajo N° 44.871 del Servicio Penitenciario Federal", "44.871"],
    ["su legajo personal 3321/B", "3321/B"],
    ["un teléfono celular marca Motorola, IMEI N° 356938035643809, propiedad del denunciante", "356938035643809"],
    ["el equipo (IMEI 1: 35-693803-564380-9) fue secuestrado", "35-693803-564380-9"],
    ["IMEI: 356938035643809/01", "356938035643809/01"],
    // A code that begins with 1 or 2 is not a slot.
    ["el abonado 11-4487-3648 (IMEI 213458769012345) del imputado", "213458769012345"],
    ["IMEI 2: 864213045678912", "864213045678912"],
    ["intervino el Cabo Primero Darío Morales, LP 11.204, quien", "11.204"],
    ["el Oficial Ramón Ayala (L.P. 4521) labró el acta", "4521"],
    // A prisoner's personal file in the prison service.
    ["Interno: Ramírez, Tobías Ezequiel (L.P.P. nº 402.118)", "402.118"],
    ["su legajo personal penitenciario N° 77.012 registra", "77.012"],
    ["Prontuario Policial R.H. N° 1.234.567", "1.234.567"],
    ["exhibió su licencia de conducir N° 40221873", "40221873"],
    ["su letrado, el Dr. Esteban Ruiz (T° 98 F° 412 CPACF), presentó", "T° 98 F° 412"],
    ["inscripto al Tº 45, Fº 112 del C.P.A.C.F.", "Tº 45, Fº 112"],
  ])
  negatives(rule, "IDENTIFICADOR", [
    "la reincidencia prevista en el art. 50 del Código Penal",
    "el Registro Nacional de Reincidencia informó el 3/4/2020 que no registra",
    // A case file is EXPEDIENTE, not a personal identifier.
    "Legajo MPF 00482211 - SOSA s/ amenazas",
    "en el legajo N° 12345/2023 de investigación",
    // Not a code: too few digits, a date, words only.
    "la placa 3 del expediente",
    "ficha 12/03/2020",
    "la historia clínica da cuenta de lesiones leves",
    // Registration numbers only where the pipeline says so.
    "el letrado Dr. Ruiz, matrícula N° 2231",
    // An IMEI named but not written, or a slot without a number.
    "no pudo determinarse el IMEI del equipo sustraído",
    "IMEI 2: sin datos",
    // The ruling's own registry and a publication's volume and page are not a person's.
    "Protocolo de Sentencias, T° 3 F° 45 del año 2023",
    "publicado en La Ley, T° 2004-B, F° 112",
    "la escala LP del informe",
    // "LP" for Córdoba's provincial laws.
    "art. 2°, inc. “h” de la LP 10.456, art. 37",
    "31, 33 y concordantes de la Lp 9459.",
    "notifíquese de oficio (art. 8, Lp. 10.555)",
  ])

  it("uses the pipeline's label list (matrícula where the court asks for it)", async () => {
    const config = PipelineConfigSchema.parse({ name: "t", version: "1", detectors: { identifiers: ["matrícula", "placa"] } })
    const configured = ruleDetectors(config).find((d) => d.name === "rules/identifier")!
    expect(await found(configured, "el perito Almada, matrícula N° 2231, depuso", "IDENTIFICADOR")).toEqual(["2231"])
    expect(await found(configured, "historia clínica N° 883412", "IDENTIFICADOR")).toEqual([])
  })
})

describe("other identity documents", () => {
  positives(dni, "DNI", [
    ["Libreta de Enrolamiento L.E. 4.512.331", "4.512.331"],
    ["C.I. 9.876.543 de la Policía Federal", "9.876.543"],
    // The next item of the operative part glued to the number.
    ["en contra del Sr. Mario Godoy, DNI 27.444.555.2º) Imponer las costas", "27.444.555"],
  ])
  negatives(dni, "DNI", ["DNI 27.444.555.21", "regula la suma de $ 27.444.555,50"])
})

describe("rules/url: profiles without a scheme; public bodies' sites are not reported", () => {
  positives(url, "URL", [
    ["publicó la amenaza en facebook.com/dante.sosa.31", "facebook.com/dante.sosa.31"],
    ["su perfil instagram.com/claudio.romero.ok fue aportado", "instagram.com/claudio.romero.ok"],
  ])
  it("reports no span at all for a public body's site (the gate's scan sees nothing either)", async () => {
    expect(await url.detect("ver www.saij.jus.gov.ar, y https://datosestadistica.cba.gov.ar/dataset/indic)")).toEqual([])
  })
})

describe("rules/age: ages of anyone described", () => {
  positives(age, "EDAD", [
    ["la damnificada, jubilada de 71 años, relató", "71 años"],
    ["el testigo Romero, empleado de 38 años, declaró", "38 años"],
  ])
  negatives(age, "EDAD", ["el contrato de locación por 3 años", "la pena de 2 años de prisión", "CONDENAR a la pena de UN (1) AÑO de prisión", "por el término de TRES (3) MESES"])
})

describe("a foreigner's identity card is a document like the DNI", () => {
  positives(dni, "DNI", [
    ["exhibió su Cédula de Identidad boliviana N° 4.518.227", "4.518.227"],
    ["cédula de identidad paraguaya 5.123.456", "5.123.456"],
    ["su DNI para extranjeros N° 95.331.447", "95.331.447"],
  ])
  negatives(dni, "DNI", ["la cédula de notificación N° 4.518.227 fue librada"])
})
