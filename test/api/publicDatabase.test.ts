import { execFile } from "node:child_process"
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { publishIn } from "../store/services.ts"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { openPublicDatabase, queryPublic, searchTexts, type PublicDatabase } from "../../src/api/publicDatabase.ts"
import { buildTextIndex, tokenize } from "../../src/api/textIndex.ts"
import { config, RULING_A, RULING_B, RULING_C, RUN, tempOut, writeRuling } from "../publish/fixtures.ts"

describe("researchers' queries", () => {
  let out: string
  let publicDir: string
  let database: PublicDatabase
  beforeAll(async () => {
    out = await tempOut()
    for (const ruling of [RULING_A, RULING_B, RULING_C]) await writeRuling(out, ruling)
    await publishIn({ outDir: out, config, run: RUN })
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
      "control_de_calidad_por_ejecucion",
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

  it("refuses every statement kind but reads, EXPLAIN ANALYZE and functions that reveal the machine, each in one Spanish line", async () => {
    for (const [sql, reason] of [
      ["EXPLAIN ANALYZE DELETE FROM textos", /EXPLAIN ANALYZE ejecuta la consulta/u],
      ["explain analyse UPDATE textos SET texto = ''", /EXPLAIN ANALYZE/u],
      ["EXPLAIN INSERT INTO textos VALUES ('x', 'y')", /sólo se admiten consultas de lectura/u],
      ["/* SELECT */ DELETE FROM textos", /sólo se admiten consultas de lectura/u],
      ["SELECT name, value FROM duckdb_settings()", /duckdb_settings\(\) no está disponible/u],
      ["SELECT current_setting('home_directory')", /current_setting\(\) no está disponible/u],
      ['SELECT * FROM "duckdb_extensions"()', /duckdb_extensions\(\) no está disponible/u],
      ["SELECT * FROM pragma_database_list", /pragma_database_list\(\) no está disponible/u],
      ["SELECT * FROM duckdb_settings", /duckdb_settings\(\) no está disponible/u],
      ["SELECT * FROM query('SELECT 1')", /query\(\) no está disponible/u],
      ["SELECT 1; DELETE FROM textos", /una sola sentencia/u],
      ["CALL pragma_version()", /sólo se admiten/u],
      ["SELECT * FROM nada", /^no existe: /u],
      ["SELECT FROM WHERE", /^error de sintaxis: /u],
    ] as const) {
      const error = await database.query(sql).then(() => undefined, (caught: Error) => caught)
      expect(error, sql).toBeInstanceOf(Error)
      expect(error!.message, sql).toMatch(reason)
      expect(error!.message, sql).not.toContain("\n")
    }
    expect((await database.query("SELECT count(*) FROM textos")).rows).toEqual([["3"]])
  })

  it("runs every allowed kind: WITH, FROM-first, PIVOT (dynamic too), UNPIVOT, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN", async () => {
    for (const sql of [
      "WITH t AS (SELECT id FROM textos) SELECT count(*) FROM t",
      "FROM textos SELECT id ORDER BY id LIMIT 1",
      "PIVOT resoluciones ON anio USING count(*) GROUP BY materia",
      "PIVOT resoluciones ON anio IN (2023, 2024) USING count(*)",
      "UNPIVOT (SELECT id, caracteres, total_datos_ocultados FROM resoluciones) ON caracteres, total_datos_ocultados INTO NAME campo VALUE valor",
      "DESCRIBE resoluciones",
      "SUMMARIZE resoluciones",
      "SHOW TABLES",
      "EXPLAIN SELECT * FROM textos",
      "SELECT 'duckdb_settings()' AS texto_no_funcion -- read_text('x') en un comentario",
    ]) {
      const result = await database.query(sql)
      expect(result.rows.length, sql).toBeGreaterThan(0)
    }
    // The dynamic PIVOT's enum types were rolled back with its transaction.
    expect((await database.query("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '%pivot%'")).rows).toEqual([["0"]])
  })

  it("reaches no file at all, not even the working directory's .tmp/, and reveals no directory", async () => {
    const cwd = process.cwd()
    const work = await mkdtemp(join(tmpdir(), "tacha-sandbox-"))
    await mkdir(join(work, ".tmp"))
    await writeFile(join(work, ".tmp", "secreto.txt"), "secreto")
    process.chdir(work)
    const sandbox = await openPublicDatabase(publicDir)
    try {
      for (const sql of [
        "SELECT * FROM '.tmp/secreto.txt'",
        `SELECT * FROM '${join(work, ".tmp", "secreto.txt")}'`,
        `EXPLAIN COPY (SELECT 1) TO '${join(work, ".tmp", "x.csv")}'`,
        `SELECT * FROM '${join(publicDir, "resoluciones.csv")}'`,
      ]) {
        await expect(sandbox.query(sql), sql).rejects.toThrow()
      }
      expect(await readdir(join(work, ".tmp"))).toEqual(["secreto.txt"])
      const settings = await sandbox.query("SELECT * FROM information_schema.schemata")
      expect(JSON.stringify(settings.rows)).not.toContain(work)
    } finally {
      sandbox.close()
      process.chdir(cwd)
      await rm(work, { recursive: true, force: true })
    }
  })

  it("`tacha query` prints a refused query as one Spanish line and a hint, without a trace or a path, and exits 2", async () => {
    for (const sql of ["SELECT * FROM nada", "EXPLAIN ANALYZE DELETE FROM textos", "PIVOT resoluciones ON anio USING count(*); DROP TABLE textos"]) {
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), "query", sql, "--out", out], { cwd: PROJECT_ROOT }, (error, stdout, stderr) =>
          resolve({ code: error ? (error as { code?: number }).code ?? null : 0, stdout, stderr })))
      expect(result.code, sql).toBe(2)
      expect(result.stdout).toBe("")
      expect(result.stderr.trim().split("\n").length, result.stderr).toBeLessThanOrEqual(2)
      expect(result.stderr).toMatch(/^Error: La consulta no se pudo ejecutar: /u)
      expect(result.stderr).not.toMatch(/^\s+at /mu)
      expect(result.stderr).not.toContain(PROJECT_ROOT)
    }
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
