import { describe, expect, it } from "vitest"
import { headMetadata } from "../../src/ingest/headMetadata.ts"

describe("headMetadata", () => {
  const cases: readonly { readonly name: string; readonly text: string; readonly expected: Record<string, unknown> }[] = [
    {
      name: "first-instance court, CUIJ, long date, sentencia",
      text: "Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° 10\nCUIJ: J-01-00023456-7/2023-0\nBuenos Aires, 12 de marzo de 2024.\nSENTENCIA N° 45/2024\nAUTOS Y VISTOS:",
      expected: {
        court: "Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° 10",
        caseNumbers: ["J-01-00023456-7/2023-0"],
        date: "2024-03-12",
        type: "sentencia",
      },
    },
    {
      name: "chamber with Sala, expediente, CABA date",
      text: "Cámara de Apelaciones en lo Penal, Contravencional y de Faltas, Sala II\nExpediente N° 12345/2023\nCiudad Autónoma de Buenos Aires, 3 de abril de 2023.\nRESOLUCIÓN\nVISTOS:",
      expected: {
        court: "Cámara de Apelaciones en lo Penal, Contravencional y de Faltas, Sala II",
        caseNumbers: ["Expediente N° 12345/2023"],
        date: "2023-04-03",
        type: "resolución",
      },
    },
    {
      name: "oral tribunal, IPP and causa, numeric date, sobreseimiento",
      text: "Tribunal Oral en lo Criminal N° 5\nIPP 123456/2022 - Causa N° 1234/23\nFecha: 05/11/2022\nResuelvo: SOBRESEER a la imputada",
      expected: {
        court: "Tribunal Oral en lo Criminal N° 5",
        caseNumbers: ["IPP 123456/2022", "Causa N° 1234/23"],
        date: "2022-11-05",
        type: "sobreseimiento",
      },
    },
    {
      name: "birth date is not the ruling date",
      text: "Juzgado PCyF N° 3\nActuación N° 5678/2021\nimputado Juan Pérez, nacido el 4 de mayo de 1990, DNI 30.123.456.\nBuenos Aires, 7 de junio de 2021.\nSuspensión del juicio a prueba",
      expected: {
        court: "Juzgado PCyF N° 3",
        caseNumbers: ["Actuación N° 5678/2021"],
        date: "2021-06-07",
        type: "suspensión del juicio a prueba",
      },
    },
    {
      name: "birth date in numeric form is skipped too",
      text: "nacida el 01/02/1985, con domicilio en esta ciudad; audiencia del 15/09/2023.\nACTA DE AUDIENCIA",
      expected: { date: "2023-09-15", type: "acta de audiencia" },
    },
    {
      name: "protective measure, ordinal day, 'días del mes de'",
      text: "Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° 2\nEn la Ciudad de Buenos Aires, a los 1° días del mes de diciembre de 2023, se dispone la medida de protección",
      expected: {
        court: "Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° 2",
        date: "2023-12-01",
        type: "medida de protección",
      },
    },
    {
      name: "embargo and cautelar",
      text: "Se ordena el embargo preventivo sobre los bienes.",
      expected: { type: "embargo" },
    },
    {
      name: "invalid dates and plain mentions are ignored",
      text: "el Tribunal resuelve lo que sigue; 31/02/2024 no existe.",
      expected: { type: "resolución" },
    },
    {
      name: "court printed in capitals is normalised; case titles in quotes do not set the type",
      text: "JUZGADO DE PRIMERA INSTANCIA EN LO PENAL, CONTRAVENCIONAL Y DE FALTAS N° 3\nCausa N° 65924/2019 - “PEREIRA, Eusebia s/ incidente de medidas cautelares”\nBuenos Aires, 20 de noviembre de 2019.\nVISTOS: el requerimiento de allanamiento formulado por la Fiscalía",
      expected: {
        court: "Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° 3",
        caseNumbers: ["Causa N° 65924/2019"],
        date: "2019-11-20",
        type: "allanamiento",
      },
    },
    {
      name: "a hearing record titled AUDIENCIA, a chamber in capitals",
      text: "CÁMARA DE APELACIONES EN LO PENAL, CONTRAVENCIONAL Y DE FALTAS, SALA II\nAUDIENCIA (art. 173 CPPCABA)\nEn la Ciudad Autónoma de Buenos Aires, a los 25 días del mes de junio de 2023, se resuelve",
      expected: {
        court: "Cámara de Apelaciones en lo Penal, Contravencional y de Faltas, Sala II",
        date: "2023-06-25",
        type: "acta de audiencia",
      },
    },
    {
      name: "a title line names the type even if another kind is mentioned first",
      text: "VISTOS el pedido de prisión preventiva.\nACTA DE AUDIENCIA\nSe celebra la audiencia.",
      expected: { type: "acta de audiencia" },
    },
    { name: "nothing found", text: "Texto sin datos de cabecera.", expected: {} },
  ]

  for (const { name, text, expected } of cases) {
    it(name, () => {
      expect(headMetadata(text)).toEqual(expected)
    })
  }

  it("reads only the head", () => {
    expect(headMetadata(`${"x ".repeat(2000)}Buenos Aires, 12 de marzo de 2024`).date).toBeUndefined()
  })
})
