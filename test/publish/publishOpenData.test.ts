import { createHash } from "node:crypto"
import { readFile, rm, stat } from "node:fs/promises"
import { dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { publishIn } from "../store/services.ts"
import type { PublishOpenDataOptions } from "../../src/publish/publishOpenData.ts"
import { listPublicFiles } from "../../src/publish/checksums.ts"
import { PUBLISHED_TABLES } from "../../src/publish/datasets.ts"
import { rulingRow, rulingsCsv } from "./rulingsIndexOracle.ts"
import type { Detector } from "../../src/detect/Detector.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import { config, makeRuling, RULING_A, RULING_B, RULING_C, RUN, tempOut, writeRuling } from "./fixtures.ts"
import { parseCsv, validateDataPackage, validateDcatAr } from "./validators.ts"

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

const publishFresh = async (run: PublishOpenDataOptions["run"] = RUN): Promise<string> => {
  const out = await tempOut()
  for (const ruling of [RULING_A, RULING_B, RULING_C]) await writeRuling(out, ruling)
  await publishIn({ outDir: out, config, run })
  return out
}

const readTree = async (publicDir: string): Promise<Map<string, Buffer>> => {
  const files = [...await listPublicFiles(publicDir), "SHA256SUMS"]
  return new Map(await Promise.all(files.map(async (path) => [path, await readFile(join(publicDir, path))] as const)))
}

describe("publishOpenData", () => {
  let out: string
  let publicDir: string
  let tree: Map<string, Buffer>
  beforeAll(async () => {
    out = await publishFresh()
    publicDir = join(out, "public")
    tree = await readTree(publicDir)
  })
  afterAll(() => rm(out, { recursive: true, force: true }))

  it("lays out the public files (lower-case hyphenated names) and keeps the store private", async () => {
    const paths = [...tree.keys()]
    for (const table of PUBLISHED_TABLES) {
      expect(paths).toContain(`${table.path}.csv`)
      expect(paths).toContain(`${table.path}.parquet`)
    }
    expect(paths).toEqual(expect.arrayContaining([
      "resoluciones.csv",
      "estadisticas/resoluciones-por-juzgado-y-mes.csv",
      "diccionarios/resoluciones.csv",
      "data.json",
      "datapackage.json",
      "estadisticas/datapackage.json",
      "LEEME.md",
      "SHA256SUMS",
      "resoluciones/caba-2026-0001.txt",
    ]))
    for (const path of paths) expect(path).toMatch(/^[a-z0-9/.-]+$|^(LEEME\.md|SHA256SUMS)$/)
    expect(paths.some((path) => path.includes("duckdb"))).toBe(false)
    expect((await stat(join(out, "private", "tacha.duckdb"))).isFile()).toBe(true)
  })

  it("writes CSV per RFC 4180 with guide-conforming column names", () => {
    for (const table of PUBLISHED_TABLES) {
      const rows = parseCsv(tree.get(`${table.path}.csv`)!.toString("utf8"))
      expect(rows[0]).toEqual(table.fields.map((field) => field.name))
      for (const column of rows[0]!) {
        expect(column).toMatch(/^[a-z][a-z0-9_]*$/)
        expect(column.length).toBeLessThanOrEqual(50)
      }
      const dictionary = parseCsv(tree.get(`diccionarios/${table.path.split("/").pop()}.csv`)!.toString("utf8"))
      expect(dictionary[0]).toEqual(["columna", "tipo", "requerido", "descripcion"])
      expect(dictionary.slice(1).map((row) => row[0])).toEqual(rows[0])
      for (const row of dictionary.slice(1)) expect(row[3]!.length).toBeGreaterThan(5)
    }
  })

  it("derives the rulings index from the store, equal to the per-record row", () => {
    const expected = rulingsCsv([RULING_A, RULING_B, RULING_C].map(({ record, publicText }) => rulingRow(record, publicText)))
    expect(tree.get("resoluciones.csv")!.toString("utf8")).toBe(expected)
    const [header, ...rows] = parseCsv(expected)
    const first = Object.fromEntries(header!.map((column, i) => [column, rows[0]![i]]))
    expect(first).toMatchObject({
      id: "caba-2026-0001",
      fecha: "2026-03-03",
      anio: "2026",
      mes: "3",
      materia: "amenazas",
      resultado: "condena",
      cantidad_personas: "4",
      cantidad_dni: "1",
      cantidad_direcciones: "1",
      total_datos_ocultados: "6",
      archivo_texto: "resoluciones/caba-2026-0001.txt",
    })
  })

  it("computes the statistics", () => {
    const table = (path: string) => parseCsv(tree.get(path)!.toString("utf8")).map((row) => row.join(","))
    expect(table("estadisticas/resoluciones-por-juzgado-y-mes.csv")).toEqual([
      "juzgado,anio,mes,cantidad_resoluciones",
      "Juzgado PCyF N° 10,2026,3,2",
      "Juzgado PCyF N° 4,2026,4,1",
    ])
    expect(table("estadisticas/resoluciones-por-resultado-y-anio.csv")).toContain("condena,2026,1")
    expect(table("estadisticas/datos-ocultados-por-categoria-juzgado-y-mes.csv"))
      .toContain("PERSONA,Nombre de persona,Juzgado PCyF N° 10,2026,3,5,2")
    expect(table("estadisticas/procesamiento-por-ejecucion.csv")[1])
      .toMatch(/^[0-9a-f]{16},1,caba-penal-test,2026\.11\.0,0\.1\.0,4,3,1,3,0,0$/)
    expect(table("estadisticas/fallos-por-ejecucion-y-causa.csv")[1])
      .toMatch(/^[0-9a-f]{16},needs_ocr,PDF escaneado sin capa de texto: requiere OCR,1$/)
  })

  it("publishes a DCAT-AR catalogue that passes the guide's rules, with real sizes", () => {
    const catalog = JSON.parse(tree.get("data.json")!.toString("utf8"))
    expect(validateDcatAr(catalog)).toEqual([])
    for (const dataset of catalog.dataset) {
      expect(dataset.superTheme).toEqual(["JUST"])
      expect(dataset.accrualPeriodicity).toBe("R/P1M")
      expect(dataset.temporal).toBe("2026-03-03/2026-04-15")
      for (const distribution of dataset.distribution) {
        const path = new URL(distribution.downloadURL).pathname.replace(/^\/tacha\//, "")
        expect(distribution.byteSize).toBe(tree.get(path)!.length)
        expect(distribution.format).toBe(path.endsWith(".csv") ? "CSV" : "PARQUET")
      }
    }
    // Dates come from the data, not the clock.
    expect([catalog.issued, catalog.modified, catalog.dataset[0].issued, catalog.dataset[0].modified])
      .toEqual(["2026-03-03", "2026-04-15", "2026-03-03", "2026-04-15"])
  })

  it("rejects catalogues that break the DCAT-AR rules", () => {
    const catalog = JSON.parse(tree.get("data.json")!.toString("utf8"))
    catalog.dataset[0].superTheme = ["JUSTICIA"]
    catalog.dataset[0].accrualPeriodicity = "mensual"
    catalog.dataset[0].distribution[0].format = "PARQUET"
    catalog.dataset[0].distribution[0].field[0].title = "x".repeat(61)
    delete catalog.publisher
    const problems = validateDcatAr(catalog)
    expect(problems.join("\n")).toMatch(/superTheme JUSTICIA/)
    expect(problems.join("\n")).toMatch(/accrualPeriodicity/)
    expect(problems.join("\n")).toMatch(/no coincide con la extensión/)
    expect(problems.join("\n")).toMatch(/supera 60/)
    expect(problems.join("\n")).toMatch(/publisher/)
  })

  it("publishes valid data packages whose hashes and sizes are the real ones", () => {
    for (const descriptorPath of ["datapackage.json", "estadisticas/datapackage.json"]) {
      const descriptor = JSON.parse(tree.get(descriptorPath)!.toString("utf8"))
      const dir = dirname(descriptorPath) === "." ? "" : `${dirname(descriptorPath)}/`
      const files = new Map([...tree].filter(([path]) => path.startsWith(dir)).map(([path, bytes]) => [path.slice(dir.length), new Uint8Array(bytes)]))
      expect(validateDataPackage(descriptor, files, sha256)).toEqual([])
      for (const resource of descriptor.resources.filter((r: { profile: string }) => r.profile === "tabular-data-resource")) {
        expect(resource.schema.missingValues).toEqual([""])
        expect(resource.schema.primaryKey.length).toBeGreaterThan(0)
      }
    }
    const descriptor = JSON.parse(tree.get("datapackage.json")!.toString("utf8"))
    descriptor.resources[0].hash = "sha256:" + "0".repeat(64)
    descriptor.resources[0].path = "../resoluciones.csv"
    expect(validateDataPackage(descriptor, new Map(), sha256).join("\n")).toMatch(/path debe ser relativo/)
  })

  it("lists every public file in SHA256SUMS with its real hash", () => {
    const lines = tree.get("SHA256SUMS")!.toString("utf8").trimEnd().split("\n")
    const listed = new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]))
    expect([...listed.keys()].sort()).toEqual([...tree.keys()].filter((path) => path !== "SHA256SUMS").sort())
    for (const [path, hash] of listed) expect(hash).toBe(sha256(tree.get(path)!))
  })

  it("writes LEEME.md with the policy from the configuration", () => {
    const text = tree.get("LEEME.md")!.toString("utf8")
    expect(text).toMatch(/## Política de anonimización/)
    expect(text).toMatch(/Nombre de persona \(PERSONA\): seudónimo/)
    expect(text).toMatch(/Quedan visibles:\n\n- Magistrado o funcionario en su rol \(FUNCIONARIO\)/)
    expect(text).toMatch(/CC-BY-4.0/)
    expect(text).toMatch(/## Cómo citar/)
    expect(text).toMatch(/delitos_sexuales: se publican con la política más estricta \(PERSONA, DIRECCION, LUGAR/)
  })

  it("gives byte-identical public files for the same input, processed at another time", async () => {
    const again = await publishFresh({ ...RUN, startedAt: new Date("2026-09-09T23:59:00Z"), finishedAt: new Date("2026-09-10T00:03:00Z") })
    try {
      const other = await readTree(join(again, "public"))
      expect([...other.keys()]).toEqual([...tree.keys()])
      for (const [path, bytes] of tree) expect(sha256(other.get(path)!), path).toBe(sha256(bytes))
      // Publishing the same run again over the same folder changes nothing either.
      await publishIn({ outDir: again, config, run: RUN })
      const third = await readTree(join(again, "public"))
      for (const [path, bytes] of tree) expect(sha256(third.get(path)!), path).toBe(sha256(bytes))
    } finally {
      await rm(again, { recursive: true, force: true })
    }
  })
})

describe("publishOpenData gate", () => {
  it("withholds a ruling whose public text still holds a redacted form or an identifier, and a blocked category", async () => {
    const out = await tempOut()
    try {
      const leaky = makeRuling(
        "caba-2026-0009",
        "Amenazas a Rosa Benítez. Luego ROSA\n BENITEZ declaró.",
        [{ surface: "Rosa Benítez", label: "PERSONA" }],
        { court: "Juzgado PCyF N° 1", date: "2026-02-01" },
      )
      const sexual = makeRuling(
        "caba-2026-0010",
        "Se investiga un abuso sexual (art. 119 CP) denunciado por Eva Ruiz.",
        [{ surface: "Eva Ruiz", label: "PERSONA" }],
        { court: "Juzgado PCyF N° 1", date: "2026-02-02" },
      )
      const phone = makeRuling("caba-2026-0011", "Lesiones. Llamó al 11 5555-1234.", [], { date: "2026-02-03" })
      const fakePhone: Detector = {
        name: "rules/phone",
        labels: ["TELEFONO"],
        detect: (text) => [...text.matchAll(/\d{2} \d{4}-\d{4}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, label: "TELEFONO" as const, score: 0.9, detector: "rules/phone" })),
      }
      // The second mention was missed: the gate finds it case-, accent- and whitespace-insensitively.
      expect(leaky.publicText).toContain("ROSA\n BENITEZ")
      for (const ruling of [RULING_A, leaky, sexual, phone]) await writeRuling(out, ruling)
      // A court may still block a category outright ("policy": "block").
      const blocking = PipelineConfigSchema.parse({
        ...config,
        publication: { categories: [{ name: "delitos_sexuales", keywords: ["abuso sexual"], policy: "block" }] },
      })
      const summary = await publishIn({ outDir: out, config: blocking, run: RUN, detectors: [fakePhone] })
      expect(summary.withheld.map((w) => w.id)).toEqual(["caba-2026-0009", "caba-2026-0010", "caba-2026-0011"])
      expect(summary.withheld.map((w) => w.reason)).toEqual(["forma_redactada:PERSONA", "delitos_sexuales", "identificador_residual:TELEFONO"])
      const index = await readFile(join(out, "public", "resoluciones.csv"), "utf8")
      expect(parseCsv(index).slice(1).map((row) => row[0])).toEqual(["caba-2026-0001"])
      for (const id of ["caba-2026-0009", "caba-2026-0010", "caba-2026-0011"]) {
        await expect(stat(join(out, "public", "resoluciones", `${id}.txt`))).rejects.toThrow()
      }
      // File names only: a hash may contain those digits.
      const summed = (await readFile(join(out, "public", "SHA256SUMS"), "utf8")).split("\n").map((line) => line.slice(line.indexOf("  ") + 2))
      expect(summed.join("\n")).not.toMatch(/0009|0010|0011/)
      expect(await readFile(join(out, "public", "estadisticas", "procesamiento-por-ejecucion.csv"), "utf8")).toMatch(/,4,0,3\r\n$/)
      expect(await readFile(join(out, "public", "LEEME.md"), "utf8")).toMatch(/Resoluciones publicadas: 1\. Retenidas por la verificación final: 3\./)
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})

describe("publishOpenData edge cases", () => {
  it("writes empty fields for missing values and keeps statistics keys non-empty", async () => {
    const out = await tempOut()
    try {
      const bare = makeRuling("sin-datos", "Texto sin encabezado ni materia reconocible.", [])
      for (const ruling of [RULING_A, bare]) await writeRuling(out, ruling)
      await publishIn({ outDir: out, config, run: RUN })
      const publicDir = join(out, "public")
      const index = parseCsv(await readFile(join(publicDir, "resoluciones.csv"), "utf8"))
      const row = Object.fromEntries(index[0]!.map((column, i) => [column, index[2]![i]]))
      expect(row).toMatchObject({ id: "sin-datos", juzgado: "", fecha: "", anio: "", mes: "", materia: "", resultado: "", total_datos_ocultados: "0" })
      const perCourt = await readFile(join(publicDir, "estadisticas/resoluciones-por-juzgado-y-mes.csv"), "utf8")
      expect(perCourt).toBe("juzgado,anio,mes,cantidad_resoluciones\r\nJuzgado PCyF N° 10,2026,3,1\r\n")
      const tree = await readTree(publicDir)
      for (const descriptorPath of ["datapackage.json", "estadisticas/datapackage.json"]) {
        const dir = dirname(descriptorPath) === "." ? "" : `${dirname(descriptorPath)}/`
        const files = new Map([...tree].filter(([path]) => path.startsWith(dir)).map(([path, bytes]) => [path.slice(dir.length), new Uint8Array(bytes)]))
        expect(validateDataPackage(JSON.parse(tree.get(descriptorPath)!.toString("utf8")), files, sha256)).toEqual([])
      }
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  it("publishes valid, empty datasets when every document failed", async () => {
    const out = await tempOut()
    try {
      await publishIn({ outDir: out, config, run: { ...RUN, total: 1 } })
      const publicDir = join(out, "public")
      const catalog = JSON.parse(await readFile(join(publicDir, "data.json"), "utf8"))
      expect(validateDcatAr(catalog)).toEqual([])
      expect(catalog.dataset[0].temporal).toBeUndefined()
      expect(await readFile(join(publicDir, "resoluciones.csv"), "utf8")).toMatch(/^id,juzgado,fecha,.*\r\n$/)
      expect(await readFile(join(publicDir, "LEEME.md"), "utf8")).toMatch(/Resoluciones publicadas: 0\. Retenidas por la verificación final: 0\./)
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})

describe("publishOpenData: held rulings counted alike everywhere", () => {
  it("LEEME.md counts the rulings the gate held in the workers, as the failures table of that run does", async () => {
    const held = { file: "retenida.txt", reason: "gate_blocked" as const, cause: "retenida para revisión" }
    const out = await publishFresh({ ...RUN, total: 5, failures: [...RUN.failures, held] })
    try {
      const readme = await readFile(join(out, "public", "LEEME.md"), "utf8")
      const [header, ...rows] = parseCsv(await readFile(join(out, "public", "estadisticas", "fallos-por-ejecucion-y-causa.csv"), "utf8"))
      const gateBlocked = rows.filter((row) => row[header!.indexOf("causa")] === "gate_blocked")
      expect(gateBlocked.map((row) => row[header!.indexOf("documentos")])).toEqual(["1"])
      expect(readme).toContain("Retenidas por la verificación final: 1.")
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  it("a run without held rulings says 0 (hard negative: other failures are not held rulings)", async () => {
    const out = await publishFresh()
    try {
      expect(await readFile(join(out, "public", "LEEME.md"), "utf8")).toContain("Retenidas por la verificación final: 0.")
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})
