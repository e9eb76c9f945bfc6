import path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { NerEncoder } from "../../src/detect/ner/encoder.ts"
import { createNerDetector, type NerDetector } from "../../src/detect/ner/index.ts"
import { pretokenize } from "../../src/detect/ner/pretokenize.ts"
import { candidateWords, DEFAULT_MARGIN, modelWindows, REGION_WINDOW, regionWindows } from "../../src/detect/ner/regions.ts"
import { defaultStride, fullWindows, windowBatches } from "../../src/detect/ner/windows.ts"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const MODEL_DIR = path.join(ROOT, "models/tacha-ner-es")
const encoder = NerEncoder.load(MODEL_DIR)

/** Lowercase legal prose, written for this test. */
const PROSE =
  "Que corresponde analizar los agravios expuestos por la recurrente a la luz de las constancias de la causa y de la normativa aplicable, " +
  "teniendo en cuenta que la decisión impugnada se encuentra debidamente fundada y que no se advierten vicios que justifiquen su revocación. " +
  "En tales condiciones, los gastos y los intereses se calculan hasta el efectivo pago, conforme lo dispuesto en el art. 768 del Código Civil y Comercial de la Nación. "

/** A statute quoted at length: capitals only where laws and institutions are named. */
const STATUTE =
  "El art. 1757 del Código Civil y Comercial de la Nación dispone: “Toda persona responde por el daño causado por el riesgo o vicio de las cosas, " +
  "o de las actividades que sean riesgosas o peligrosas por su naturaleza”. Asimismo, la Ley N° 24.240 establece que el proveedor está obligado a " +
  "suministrar al consumidor en forma cierta y clara todo lo relacionado con las características esenciales de los bienes. "

const candidatesOf = (text: string): string[] => {
  const words = pretokenize(text)
  const marked = candidateWords(text, words)
  return words.filter((_, k) => marked[k]).map((w) => w.text)
}

describe("candidate words (where the model may change a decision)", () => {
  it("names, initials and places written with capitals are candidates", () => {
    const text = `${PROSE}Declaró Eulalia Berrondo Quintela, domiciliada en Villa Allende, y el testigo J. P. Oyarzábal. ${PROSE}`
    expect(candidatesOf(text)).toEqual(["Eulalia", "Berrondo", "Quintela", "Villa", "Allende", "J", "P", "Oyarzábal"])
  })

  it("names in capitals and inverted are candidates", () => {
    expect(candidatesOf(`${PROSE}Se ordena notificar a ZAMBRANO ECHAGÜE, Florindo Ariel. ${PROSE}`)).toEqual(["ZAMBRANO", "ECHAGÜE", "Florindo", "Ariel"])
  })

  it("a street word followed by a number is a candidate, lower case and all", () => {
    expect(candidatesOf(`${PROSE}con domicilio real en calle 44 n° 1234, piso 3, de esta ciudad. ${PROSE}`)).toEqual(["domicilio", "calle", "piso"])
    expect(candidatesOf(`${PROSE}Domicilio: Calle 44 N° 1234. ${PROSE}`)).toEqual(["Domicilio", "Calle"])
  })

  it("sentence openers, legal vocabulary, number signs and words the text also writes in lower case are not", () => {
    // "Gastos" opens a line of a table; the prose writes "gastos" too.
    const text = `${PROSE}${STATUTE}Gastos\t$ 1.200,00\nIntereses\t$ 3.400,50\nEn consecuencia, RESUELVO: 1) Hacer lugar a la demanda. Juzgado N° 12. ${PROSE}`
    expect(candidatesOf(text)).toEqual([])
  })

  it("a single capital is always a candidate: an initial cannot be told from a paragraph's numeral", () => {
    expect(candidatesOf(`${PROSE}RESUELVO: I. Hacer lugar a la demanda. ${PROSE}`)).toEqual(["I"])
  })

  it("an abbreviation of three letters or more, whole or dotted, is not; the names around it and two-letter ones are", () => {
    const text = `${PROSE}Conforme la tasa activa del BCRA y lo informado por la AFIP, el T.S.J. y la C.S.J.N. ${PROSE}`
    expect(candidatesOf(text)).toEqual([])
    // Hard negatives: a name next to an abbreviation, initials that spell none, two-letter clusters (initials too).
    const names = `${PROSE}Evaristo Luján Cabral, D.N.I. 30.123.456, contra la ANSES; testigo J.P.D. Oyarzábal; Rivadeo S.A. y la señora S.A. Cabral. ${PROSE}`
    expect(candidatesOf(names)).toEqual(["Evaristo", "Luján", "Cabral", "J", "P", "D", "Oyarzábal", "Rivadeo", "S", "S", "Cabral"])
  })

  it("words wholly inside a range the rules decided are not candidates; a word the range only touches, and the names around it, are", () => {
    const text = `${PROSE}Declaró Eulalia Berrondo Quintela, domiciliada en Villa Allende, ante el Dr. Oyarzábal. ${PROSE}`
    const words = pretokenize(text)
    const range = (surface: string): { start: number; end: number } => ({ start: text.indexOf(surface), end: text.indexOf(surface) + surface.length })
    const marked = (settled: { start: number; end: number }[]): string[] => {
      const flags = candidateWords(text, words, settled)
      return words.filter((_, k) => flags[k]).map((w) => w.text)
    }
    // A party's name and an official the rules found: only the place between them is left.
    expect(marked([range("Eulalia Berrondo Quintela"), range("Dr. Oyarzábal")])).toEqual(["Villa", "Allende"])
    // Overlapping ranges, one inside another (a name inside an address): the furthest end counts.
    expect(marked([range("Berrondo Quintela, domiciliada en Villa"), range("Quintela")])).toEqual(["Eulalia", "Allende", "Oyarzábal"])
    // Hard negatives: a range that ends inside a word ("Berron") or starts inside one ("ndo") settles neither.
    const partial = { start: text.indexOf("Eulalia"), end: text.indexOf("Berrondo") + 5 }
    expect(marked([partial, { start: text.indexOf("Berrondo") + 5, end: text.indexOf("Berrondo") + 8 }])).toEqual(["Berrondo", "Quintela", "Villa", "Allende", "Oyarzábal"])
    expect(marked([])).toEqual(candidatesOf(text))
  })

  it("the headings of a liquidation's table and the courts' abbreviations in citations are not candidates; a name beside them is", () => {
    const text = `${PROSE}LIQUIDACIÓN\nRubro\tMonto\tPorcentaje\nHonorarios\t$ 1.200\nGastos\t$ 300\nAportes Caja\t$ 50\nTotal\t$ 1.550\nConforme CNCiv., Sala F, y Cám. Civ. y Com., declaró Ofelia Capel. ${PROSE}`
    expect(candidatesOf(text)).toEqual(["F", "Ofelia", "Capel"])
  })

  it("a capitalised word the text never writes in lower case stays a candidate (it may be a place)", () => {
    expect(candidatesOf(`${PROSE}ocurrió en la localidad de Malagueño. ${PROSE}`)).toEqual(["Malagueño"])
  })
})

/** People of the dense-names texts, invented for these tests. */
const PEOPLE = ["Casimiro Tuñón", "Rogelia Amendolara", "Teodoro Lanusse", "Herminia Cardozo", "Anselmo Quiñones", "Xiomara Quispe"]

/** Every candidate word of `text` lies, with its margins (fewer at the text's edges), inside one of `windows`. */
const expectCandidatesInside = (text: string, encoded: ReturnType<typeof encoder.encode>, windows: readonly { start: number; length: number }[]): void => {
  const n = encoded.ids.length
  const marked = candidateWords(text, encoded.words)
  for (let k = 0; k < encoded.words.length; k++) {
    if (!marked[k]) continue
    const first = encoded.wordTokens[2 * k]!
    const end = encoded.wordTokens[2 * k + 1]!
    const inside = windows.some((w) => w.start <= Math.max(0, first - DEFAULT_MARGIN) && Math.min(n, end + DEFAULT_MARGIN) <= w.start + w.length)
    expect(inside, encoded.words[k]!.text).toBe(true)
  }
}

describe("region windows", () => {
  it("a name in a long lowercase paragraph gets a window with its context on both sides, the prose around it none", () => {
    const text = `${PROSE.repeat(12)}Declaró la vecina Eulalia Berrondo Quintela que escuchó gritos. ${PROSE.repeat(12)}`
    const encoded = encoder.encode(text)
    const windows = regionWindows(text, encoded, encoder.window)
    expect(encoded.ids.length).toBeGreaterThan(5 * encoder.window)
    expect(windows).toHaveLength(1)
    const [w] = windows
    const k = encoded.words.findIndex((word) => word.text === "Eulalia")
    const q = encoded.words.findIndex((word) => word.text === "Quintela")
    expect(w!.start).toBe(encoded.wordTokens[2 * k]! - DEFAULT_MARGIN)
    expect(w!.start + w!.length).toBe(encoded.wordTokens[2 * q + 1]! + DEFAULT_MARGIN)
  })

  it("a long statute quotation and lowercase prose get no window at all", () => {
    const text = `${PROSE}${STATUTE}`.repeat(10)
    const encoded = encoder.encode(text)
    expect(encoded.ids.length).toBeGreaterThan(4 * encoder.window)
    expect(regionWindows(text, encoded, encoder.window)).toEqual([])
  })

  it("dense names: windows no longer than the model's, every candidate with its margins inside one of them", () => {
    const text = Array.from({ length: 60 }, (_, i) => `Comparece ${PEOPLE[i % PEOPLE.length]}, quien exhibe su documento.`).join(" ")
    const encoded = encoder.encode(text)
    const windows = regionWindows(text, encoded, encoder.window)
    const n = encoded.ids.length
    expect(windows.every((w) => w.length <= encoder.window && w.start >= 0 && w.start + w.length <= n)).toBe(true)
    expectCandidatesInside(text, encoded, windows)
    // No more windows than the fixed stride would run.
    expect(windows.length).toBeLessThanOrEqual(fullWindows(n, encoder.window, encoder.window - 62).length)
  })

  it("a text of one window is run whole", () => {
    const text = "Que corresponde hacer lugar a lo solicitado."
    expect(regionWindows(text, encoder.encode(text), encoder.window)).toEqual([{ index: 0, start: 0, length: encoder.encode(text).ids.length }])
  })

  it("the pipeline's plan: windows around candidates of at most REGION_WINDOW tokens, each candidate with its margins in one; without regions, the model's own windows over all the text", () => {
    const text = Array.from({ length: 40 }, (_, i) => `Comparece ${PEOPLE[i % PEOPLE.length]}, quien exhibe su documento. ${PROSE}`).join(" ")
    const encoded = encoder.encode(text)
    const n = encoded.ids.length
    const plan = { regions: true, window: encoder.window, stride: defaultStride(encoder.window) }
    expect(REGION_WINDOW).toBeLessThan(encoder.window)
    const windows = modelWindows(text, encoded, plan)
    expect(windows.length).toBeGreaterThan(1)
    expect(windows.every((w) => w.length <= REGION_WINDOW)).toBe(true)
    // Longer windows than REGION_WINDOW would be laid if the plan did not cap them.
    expect(regionWindows(text, encoded, encoder.window).some((w) => w.length > REGION_WINDOW)).toBe(true)
    expectCandidatesInside(text, encoded, windows)
    expect(modelWindows(text, encoded, { ...plan, regions: false })).toEqual(fullWindows(n, encoder.window, plan.stride))
  })

  it("batches group windows of like length, each window once", () => {
    const windows = [60, 254, 70, 254, 65, 200].map((length, index) => ({ index, start: index * 300, length }))
    const batches = windowBatches(windows, 2)
    expect(batches.map((b) => b.windows.map((w) => w.length))).toEqual([[254, 254], [200, 70], [65, 60]])
    expect(batches.flatMap((b) => b.windows.map((w) => w.index)).sort()).toEqual([0, 1, 2, 3, 4, 5])
  })
})

describe("NER detector with model regions", () => {
  let regions: NerDetector
  let whole: NerDetector
  beforeAll(async () => {
    regions = await createNerDetector({ modelDir: MODEL_DIR, quantized: true, threshold: 0.5, workers: 0 })
    whole = await createNerDetector({ modelDir: MODEL_DIR, quantized: true, threshold: 0.5, workers: 0, regions: false })
  })
  afterAll(async () => {
    await regions?.close()
    await whole?.close()
  })

  it("still finds a name and a street in a long lowercase paragraph, and all the model run over the whole text finds", async () => {
    const text = `${PROSE.repeat(10)}En la audiencia celebrada hoy, la señora Eulalia Berrondo Quintela, domiciliada en calle Cangallo 1544, reconoció al acusado. ${PROSE.repeat(10)}`
    const found = await regions.detect(text)
    const shown = found.map((s) => `${s.label}:${text.slice(s.start, s.end)}`)
    expect(shown).toContain("PERSONA:Eulalia Berrondo Quintela")
    expect(shown.some((f) => f.startsWith("DIRECCION:") && f.includes("Cangallo"))).toBe(true)
    const all = await whole.detect(text)
    expect(all.length).toBeGreaterThan(0)
    for (const span of all) {
      expect(found.some((s) => s.label === span.label && s.start < span.end && span.start < s.end), text.slice(span.start, span.end)).toBe(true)
    }
  })

  it("given the rules' ranges, reads a name they decided only as another candidate's context, and still finds the others", async () => {
    const text = `${PROSE.repeat(6)}Declaró la señora Eulalia Berrondo Quintela que escuchó gritos. ${PROSE.repeat(6)}Declaró también el señor Anselmo Quiñones que vio al acusado. ${PROSE.repeat(6)}`
    const decided = { start: text.indexOf("Eulalia"), end: text.indexOf("Eulalia") + "Eulalia Berrondo Quintela".length }
    const found = (await regions.detect(text, { settled: [decided] })).map((s) => `${s.label}:${text.slice(s.start, s.end)}`)
    expect(found).toContain("PERSONA:Anselmo Quiñones")
    expect(found.some((f) => f.includes("Berrondo"))).toBe(false)
    expect((await regions.detect(text)).map((s) => `${s.label}:${text.slice(s.start, s.end)}`)).toContain("PERSONA:Eulalia Berrondo Quintela")
  })

  it("answers a long text of lowercase prose and statutes without running the model on it", async () => {
    const text = `${PROSE}${STATUTE}`.repeat(40)
    expect(await regions.detect(text)).toEqual([])
  })
})
