import { rm } from "node:fs/promises"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { publishOpenData } from "../../src/publish/publishOpenData.ts"
import { openPublicDatabase, queryPublic, searchTexts, type PublicDatabase } from "../../src/store/query.ts"
import { buildTextIndex, tokenize } from "../../src/store/textIndex.ts"
import { config, RULING_A, RULING_B, RULING_C, RUN, tempOut, writeRuling } from "../publish/fixtures.ts"

describe("researchers' queries", () => {
  let out: string
  let publicDir: string
  let database: PublicDatabase
  beforeAll(async () => {
    out = await tempOut()
    for (const ruling of [RULING_A, RULING_B, RULING_C]) await writeRuling(out, ruling)
    await publishOpenData({ outDir: out, config, run: RUN })
    publicDir = join(out, "public")
    database = await openPublicDatabase(publicDir)
  })
  afterAll(async () => {
    database.close()
    await rm(out, { recursive: true, force: true })
  })

  it("exposes one table per dataset and the texts", () => {
    expect(database.tables).toEqual([
      "resoluciones",
      "resoluciones_por_juzgado_y_mes",
      "resoluciones_por_tipo_y_mes",
      "resoluciones_por_materia_y_anio",
      "resoluciones_por_resultado_y_anio",
      "datos_ocultados_por_categoria_juzgado_y_mes",
      "procesamiento_por_ejecucion",
      "fallos_por_ejecucion_y_causa",
      "textos",
    ])
  })

  it("runs SQL over the public datasets", async () => {
    const result = await queryPublic(publicDir, `
      SELECT r.juzgado, count(*) AS n, sum(length(t.texto)) > 0 AS con_texto
      FROM resoluciones r JOIN textos t USING (id) GROUP BY ALL ORDER BY r.juzgado`)
    expect(result.columns).toEqual(["juzgado", "n", "con_texto"])
    expect(result.rows).toEqual([["Juzgado PCyF N° 10", "2", true], ["Juzgado PCyF N° 4", "1", true]])
    const typed = await database.query("SELECT fecha, anio FROM resoluciones ORDER BY id LIMIT 1")
    expect(typed).toMatchObject({ types: ["DATE", "INTEGER"], rows: [["2026-03-03", 2026]] })
  })

  it("is read-only: no writes, no files, one statement", async () => {
    for (const sql of [
      "DROP TABLE textos",
      "COPY resoluciones TO '/tmp/tacha-leak.csv'",
      "SELECT * FROM read_text('/etc/hostname')",
      "SELECT 1; SELECT 2",
      "SET enable_external_access = true",
    ]) {
      await expect(database.query(sql), sql).rejects.toThrow()
    }
    expect((await database.query("SELECT count(*) FROM textos")).rows).toEqual([["3"]])
  })

  it("ranks texts with BM25, accent-insensitive, ignoring stop words and tags", async () => {
    const hits = await searchTexts(publicDir, "LESIÓN violencia de genero", 5)
    expect(hits.map((hit) => hit.id)).toEqual(["caba-2026-0002"])
    expect(hits[0]!.fragmento).toMatch(/lesiones/)
    expect(await searchTexts(publicDir, "persona de la", 5)).toEqual([])
    const both = database.search("amenazas daños", 5)
    expect(both.map((hit) => hit.id).sort()).toEqual(["caba-2026-0001", "caba-2026-0003"])
  })

  it("orders by score, then id", () => {
    const index = buildTextIndex([
      { id: "b", text: "Amenazas y más amenazas. Amenazas reiteradas." },
      { id: "a", text: "Una amenaza en un texto largo sobre otros asuntos de trámite procesal y audiencias." },
      { id: "c", text: "Sin relación." },
    ])
    expect(index.search("amenaza").map((hit) => hit.id)).toEqual(["b", "a"])
    expect(tokenize("Las LESIONES de [PERSONA 1] en Núñez")).toEqual(["lesion", "nunez"])
  })
})
