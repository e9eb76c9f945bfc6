import { existsSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { convertEchr } from "../../src/eval/corpora/echr.ts"
import { convertMeddocan } from "../../src/eval/corpora/meddocan.ts"
import { comparisonTable, CORPORA_DIR, SETS } from "../../src/eval/corpora/run.ts"
import { scoreDocuments } from "../../src/eval/evaluate.ts"

const ECHR = [
  "PROCEDIMIENTO O", "", "El O", "asunto O", "( O", "no O", "39428 B-CODE", "/ I-CODE", "98 I-CODE", ") O", "contra O", "la O",
  "República B-LOC", "de I-LOC", "Turquía I-LOC", "por O", "el O", "Sr B-PER", ". I-PER", "Bünyamin I-PER", "İnan I-PER",
  ", O", "el O", "1 B-DATETIME", "de I-DATETIME", "mayo I-DATETIME", ". O", "", "PROCEDIMIENTO O", "", "La O", "Sra B-PER", ". I-PER",
  "Ayşe I-PER", "vive O", "en O", "Ankara B-LOC", ". O", "",
].join("\n")

describe("ECHR-es converter", () => {
  const docs = convertEchr(ECHR)

  it("splits judgments at the PROCEDIMIENTO heading and detokenises", () => {
    expect(docs.map((d) => d.file)).toEqual(["echr-001.txt", "echr-002.txt"])
    expect(docs[0]!.gold.text).toBe("PROCEDIMIENTO\n\nEl asunto (no 39428/98) contra la República de Turquía por el Sr. Bünyamin İnan, el 1 de mayo.\n")
  })

  it("maps PER, LOC and CODE, trims courtesy titles, leaves other labels out", () => {
    const g = docs[0]!.gold
    expect(g.spans.map((s) => `${s.label}:${s.text}`)).toEqual(["EXPEDIENTE:39428/98", "LUGAR:República de Turquía", "PERSONA:Bünyamin İnan"])
    for (const s of g.spans) expect(g.text.slice(s.start, s.end)).toBe(s.text)
    expect(docs[1]!.gold.spans.map((s) => `${s.label}:${s.text}`)).toEqual(["PERSONA:Ayşe", "LUGAR:Ankara"])
  })
})

describe("MEDDOCAN converter", () => {
  const text = "Nombre: Pedro De Miguel Rivera. NHC: 2569870. Domicilio: Calle Carmen Romero, 23, 1D. Madrid. Edad: 53 años. Fecha: 10/10/1963. Tel: 915 555 555. Email: eromero@yahoo.es"
  const at = (s: string): string => `${text.indexOf(s)} ${text.indexOf(s) + s.length}\t${s}`
  const ann = [
    `T1\tNOMBRE_SUJETO_ASISTENCIA ${at("Pedro")}`, `T2\tNOMBRE_SUJETO_ASISTENCIA ${at("De Miguel Rivera")}`, `T3\tID_SUJETO_ASISTENCIA ${at("2569870")}`,
    `T4\tCALLE ${at("Calle Carmen Romero, 23, 1D")}`, `T5\tTERRITORIO ${at("Madrid")}`, `T6\tEDAD_SUJETO_ASISTENCIA ${at("53 años")}`,
    `T7\tFECHAS ${at("10/10/1963")}`, `T8\tNUMERO_TELEFONO ${at("915 555 555")}`, `T9\tCORREO_ELECTRONICO ${at("eromero@yahoo.es")}`,
    "#1\tAnnotatorNotes T1\tnote",
  ].join("\n")

  it("maps the labels it can and leaves dates and ID numbers out", () => {
    const d = convertMeddocan("S0001", text, ann)
    expect(d.file).toBe("S0001.txt")
    expect(d.gold.spans.map((s) => s.label)).toEqual(["PERSONA", "PERSONA", "DIRECCION", "LUGAR", "EDAD", "TELEFONO", "EMAIL"])
    for (const s of d.gold.spans) expect(text.slice(s.start, s.end)).toBe(s.text)
  })
})

describe("comparison table", () => {
  it("prints per-label scores, personal data, leak and withheld counts", () => {
    const g = convertEchr(ECHR)[1]!.gold
    const span = g.spans[0]!
    const report = scoreDocuments([{ gold: g, audit: { id: "a", source: g.file, text: g.text, entities: [{ start: span.start, end: span.end, label: "PERSONA", action: "redact" }] } }])
    const table = comparisonTable("echr", 1, [{ name: "reglas", report, gated: 0, causes: {} }])
    expect(table).toContain("| PERSONA (1) | 1.000 | 1.000 | 1.000 |")
    expect(table).toContain("fuga (menciones) | 50.0% | 1/2")
  })
})

describe.skipIf(!existsSync(CORPORA_DIR))("the shared corpora (skipped when ../shared is absent)", () => {
  it("converts the dev sets with consistent offsets", async () => {
    for (const set of SETS) {
      const docs = await set.load(set.name === "meddocan" ? 20 : undefined)
      if (!docs) continue
      expect(docs.length).toBeGreaterThan(0)
      for (const d of docs) for (const s of d.gold.spans) expect(d.gold.text.slice(s.start, s.end)).toBe(s.text)
    }
    if (existsSync(join(CORPORA_DIR, "echr-es", "ES-all-dev.tsv"))) {
      expect((await SETS[0]!.load())!.length).toBe(12)
      expect((await readFile(join(CORPORA_DIR, "echr-es", "ES-all-dev.tsv"), "utf8")).length).toBeGreaterThan(0)
    }
  })
})
