import { createHash, randomBytes } from "node:crypto"
import { open, readFile, rm } from "node:fs/promises"
import { request } from "node:http"
import { join } from "node:path"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startServer } from "../../src/api/server.ts"
import { chartLibraryPath } from "../../src/api/staticFiles.ts"
import { makePublicFixture, PERSONAL, PRIVATE_MARKER } from "./publicFixture.ts"

let server: Awaited<ReturnType<typeof startServer>>
let publicDir: string

beforeAll(async () => {
  const fixture = await makePublicFixture()
  publicDir = fixture.publicDir
  server = await startServer({ publicDir: fixture.publicDir, port: 0, host: "127.0.0.1" })
})
afterAll(async () => {
  await server?.close()
})

const get = async (path: string, init?: RequestInit) => {
  const response = await fetch(server.url + path, init)
  const text = await response.text()
  return { status: response.status, type: response.headers.get("content-type") ?? "", headers: response.headers, text, body: () => JSON.parse(text) }
}

/** A raw request, so that "..", "%2e%2e" and "%2f" reach the server exactly as written (fetch would normalise them). */
const raw = (path: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const { hostname, port } = new URL(server.url)
    const req = request({ host: hostname, port, path, method: "GET" }, (response) => {
      let text = ""
      response.setEncoding("utf8")
      response.on("data", (chunk: string) => (text += chunk))
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }))
    })
    req.on("error", reject)
    req.end()
  })

const expectError = (result: Awaited<ReturnType<typeof get>>, status: number, codigo: string, parametro?: string) => {
  expect(result.status).toBe(status)
  expect(result.type).toContain("application/json")
  const body = result.body()
  expect(Object.keys(body)).toEqual(["error"])
  expect(body.error.codigo).toBe(codigo)
  expect(typeof body.error.mensaje).toBe("string")
  if (parametro) expect(body.error.parametro).toBe(parametro)
}

const noPersonalData = (text: string) => {
  for (const value of PERSONAL) expect(text).not.toContain(value)
  expect(text).not.toContain(PRIVATE_MARKER)
}

describe("GET /api/v1/resoluciones", () => {
  it("lists every published ruling, newest first, with the pagination envelope", async () => {
    const result = await get("/api/v1/resoluciones")
    expect(result.status).toBe(200)
    const body = result.body()
    expect(Object.keys(body)).toEqual(["resultados", "cantidad", "total", "limite", "desde"])
    expect(body).toMatchObject({ cantidad: 3, total: 3, limite: 50, desde: 0 })
    expect(body.resultados.map((row: { fecha: string }) => row.fecha)).toEqual(["2024-08-20", "2024-03-12", "2023-06-03"])
    expect(body.resultados[0]).toMatchObject({ tipo: "auto", anio: 2024, mes: 8, archivo_texto: expect.stringMatching(/^resoluciones\/.+\.txt$/) })
    noPersonalData(result.text)
  })

  it("filters by court (case- and accent-insensitive), type, dates and year", async () => {
    const court = "juzgado de primera instancia en lo penal, contravencional y de faltas n° 5"
    expect((await get(`/api/v1/resoluciones?juzgado=${encodeURIComponent(court)}`)).body().total).toBe(2)
    expect((await get("/api/v1/resoluciones?tipo=SENTENCIA")).body().total).toBe(2)
    expect((await get("/api/v1/resoluciones?fecha_desde=2024-01-01&fecha_hasta=2024-06-30")).body().resultados.map((r: { fecha: string }) => r.fecha)).toEqual(["2024-03-12"])
    expect((await get("/api/v1/resoluciones?anio=2023")).body().total).toBe(1)
    expect((await get("/api/v1/resoluciones?materia=lesiones")).body().total).toBe(1)
  })

  it("searches the anonymised texts, ranked, with a fragment", async () => {
    const body = (await get("/api/v1/resoluciones?q=lesiones%20leves")).body()
    expect(body.total).toBe(1)
    expect(body.resultados[0].puntaje).toBeGreaterThan(0)
    expect(body.resultados[0].fragmento).toMatch(/lesiones leves/u)
    // Personal data are not in the public texts: searching them finds nothing.
    expect((await get("/api/v1/resoluciones?q=Quiroga")).body().total).toBe(0)
  })

  it("sorts and paginates within the maximum", async () => {
    const first = (await get("/api/v1/resoluciones?orden=fecha&limite=2")).body()
    expect(first).toMatchObject({ cantidad: 2, total: 3, limite: 2, desde: 0 })
    expect(first.resultados.map((r: { fecha: string }) => r.fecha)).toEqual(["2023-06-03", "2024-03-12"])
    const second = (await get("/api/v1/resoluciones?orden=fecha&limite=2&desde=2")).body()
    expect(second.resultados.map((r: { fecha: string }) => r.fecha)).toEqual(["2024-08-20"])
    expect((await get("/api/v1/resoluciones?desde=10")).body()).toMatchObject({ cantidad: 0, total: 3, resultados: [] })
    expect((await get("/api/v1/resoluciones?limite=1000")).status).toBe(200)
    expectError(await get("/api/v1/resoluciones?limite=1001"), 400, "parametro_invalido", "limite")
    expectError(await get("/api/v1/resoluciones?limite=0"), 400, "parametro_invalido", "limite")
    expectError(await get("/api/v1/resoluciones?desde=-1"), 400, "parametro_invalido", "desde")
  })

  it("answers CSV with the index's columns", async () => {
    const result = await get("/api/v1/resoluciones?formato=csv&orden=fecha")
    expect(result.status).toBe(200)
    expect(result.type).toContain("text/csv")
    const lines = result.text.trim().split("\r\n")
    expect(lines[0]).toMatch(/^id,juzgado,fecha,anio,mes,tipo,materia,resultado,/u)
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain("2023-06-03")
    noPersonalData(result.text)
  })

  it("rejects unknown, repeated and malformed parameters by name", async () => {
    expectError(await get("/api/v1/resoluciones?pagina=2"), 400, "parametro_desconocido", "pagina")
    expectError(await get("/api/v1/resoluciones?limite=2&limite=3"), 400, "parametro_invalido", "limite")
    expectError(await get("/api/v1/resoluciones?fecha_desde=2024-02-30"), 400, "parametro_invalido", "fecha_desde")
    expectError(await get("/api/v1/resoluciones?fecha_desde=2024-05-01&fecha_hasta=2024-01-01"), 400, "parametro_invalido", "fecha_hasta")
    expectError(await get("/api/v1/resoluciones?orden=caracteristicas"), 400, "parametro_invalido", "orden")
    expectError(await get("/api/v1/resoluciones?orden=-puntaje"), 400, "parametro_invalido", "orden")
    expectError(await get("/api/v1/resoluciones?formato=xml"), 400, "parametro_invalido", "formato")
  })

  it("treats values as data, never as SQL", async () => {
    const result = await get(`/api/v1/resoluciones?juzgado=${encodeURIComponent("x' OR '1'='1")}`)
    expect(result.status).toBe(200)
    expect(result.body().total).toBe(0)
  })
})

describe("bad parameter values", () => {
  const FILTERS = ["juzgado", "tipo", "materia", "resultado"]

  it("answers a NUL or other control character in any filter with a 400 naming it, never a 500", async () => {
    for (const name of [...FILTERS, "q"]) {
      for (const value of ["a%00b", "a%1Fb", "%7F", "a%C2%85b", "%FF"]) {
        expectError(await get(`/api/v1/resoluciones?${name}=${value}`), 400, "parametro_invalido", name)
      }
    }
    for (const name of FILTERS) expectError(await get(`/api/v1/estadisticas?agrupar=anio&${name}=a%00b`), 400, "parametro_invalido", name)
  })

  it("answers an empty or blank value the same for every parameter, q included", async () => {
    for (const name of [...FILTERS, "q", "fecha_desde", "anio", "orden", "limite"]) {
      expectError(await get(`/api/v1/resoluciones?${name}=`), 400, "parametro_invalido", name)
    }
    expectError(await get("/api/v1/resoluciones?juzgado=%20%20"), 400, "parametro_invalido", "juzgado")
    expectError(await get("/api/v1/estadisticas?agrupar="), 400, "parametro_invalido", "agrupar")
  })

  it("keeps accepting accents, ñ and emoji", async () => {
    const result = await get(`/api/v1/resoluciones?q=${encodeURIComponent("señal de tránsito 🚦")}`)
    expect(result.status).toBe(200)
  })

  it("answers over-long values with a 400, and a 100 KB URL with the JSON error instead of a reset", async () => {
    expectError(await get(`/api/v1/resoluciones?juzgado=${"a".repeat(201)}`), 400, "parametro_invalido", "juzgado")
    const huge = await raw(`/api/v1/resoluciones?juzgado=${"a".repeat(100 * 1024)}`)
    expect(huge.status).toBe(431)
    expect(JSON.parse(huge.text)).toEqual({ error: { codigo: "solicitud_demasiado_grande", mensaje: expect.any(String) } })
    // The server is still there.
    expect((await get("/api/v1/resoluciones?limite=1")).status).toBe(200)
  })
})

describe("GET /api/v1/resoluciones/{id}", () => {
  it("returns metadata and the anonymised text, or the text alone", async () => {
    const [first] = (await get("/api/v1/resoluciones?orden=fecha&limite=1")).body().resultados
    const result = await get(`/api/v1/resoluciones/${first.id}`)
    expect(result.status).toBe(200)
    const body = result.body()
    expect(body.resolucion).toMatchObject({ id: first.id, fecha: "2023-06-03" })
    expect(body.texto).toContain("[PERSONA 1]")
    expect(body.texto).toContain("Mariana Costas")
    noPersonalData(result.text)
    const text = await get(`/api/v1/resoluciones/${first.id}?formato=txt`)
    expect(text.type).toContain("text/plain")
    expect(text.text).toBe(body.texto)
  })

  it("answers 404 for an unknown id and for ids that try to leave the folder", async () => {
    expectError(await get("/api/v1/resoluciones/res-000000000000"), 404, "no_encontrado")
    expectError(await get("/api/v1/resoluciones/..%2F..%2Fprivate%2Fsecreto"), 404, "no_encontrado")
    expectError(await get("/api/v1/resoluciones/res-x?extra=1"), 400, "parametro_desconocido", "extra")
  })
})

describe("GET /api/v1/estadisticas", () => {
  it("counts rulings by court and month", async () => {
    const body = (await get("/api/v1/estadisticas?agrupar=juzgado,mes")).body()
    expect(body.agrupar).toEqual(["juzgado", "mes"])
    expect(body.resultados).toHaveLength(3)
    expect(body.resultados.every((row: { cantidad_resoluciones: number }) => row.cantidad_resoluciones === 1)).toBe(true)
    expect(Object.keys(body.resultados[0])).toEqual(["juzgado", "mes", "cantidad_resoluciones"])
  })

  it("counts by type, year and period, and applies the filters", async () => {
    expect((await get("/api/v1/estadisticas?agrupar=tipo")).body().resultados).toEqual([
      { tipo: "auto", cantidad_resoluciones: 1 },
      { tipo: "sentencia", cantidad_resoluciones: 2 },
    ])
    expect((await get("/api/v1/estadisticas?agrupar=anio&tipo=sentencia")).body().resultados).toEqual([
      { anio: 2023, cantidad_resoluciones: 1 },
      { anio: 2024, cantidad_resoluciones: 1 },
    ])
    expect((await get("/api/v1/estadisticas?agrupar=periodo&anio=2024")).body().resultados.map((r: { periodo: string }) => r.periodo)).toEqual(["2024-03", "2024-08"])
  })

  it("counts hidden mentions by category", async () => {
    const rows = (await get("/api/v1/estadisticas?agrupar=categoria")).body().resultados
    const persona = rows.find((row: { categoria: string }) => row.categoria === "PERSONA")
    expect(persona).toMatchObject({ descripcion_categoria: "Nombre de persona", cantidad_resoluciones: 3 })
    expect(persona.cantidad_datos_ocultados).toBeGreaterThanOrEqual(9)
    expect(rows.find((row: { categoria: string }) => row.categoria === "DNI")).toMatchObject({ cantidad_datos_ocultados: 3 })
    const csv = await get("/api/v1/estadisticas?agrupar=categoria,anio&formato=csv")
    expect(csv.text.split("\r\n")[0]).toBe("categoria,descripcion_categoria,anio,cantidad_datos_ocultados,cantidad_resoluciones")
  })

  it("rejects a missing or unknown grouping key", async () => {
    expectError(await get("/api/v1/estadisticas"), 400, "parametro_invalido", "agrupar")
    expectError(await get("/api/v1/estadisticas?agrupar=juzgado,dni"), 400, "parametro_invalido", "agrupar")
    expectError(await get("/api/v1/estadisticas?agrupar=mes,mes"), 400, "parametro_invalido", "agrupar")
    expectError(await get("/api/v1/estadisticas?agrupar=mes&q=x"), 400, "parametro_desconocido", "q")
  })

  it("reports processing health per run and failure cause", async () => {
    const body = (await get("/api/v1/estadisticas/procesamiento")).body()
    expect(body.disponible).toBe(true)
    expect(body.ejecuciones).toHaveLength(1)
    expect(body.ejecuciones[0]).toMatchObject({ documentos_recibidos: 4, documentos_procesados: 3, documentos_fallidos: 1 })
    expect(body.fallos).toEqual([expect.objectContaining({ causa: "corrupt_pdf", documentos: 1 })])
  })
})

describe("catalogue, OpenAPI and downloads", () => {
  it("serves data.json and an OpenAPI 3.1 document naming every endpoint", async () => {
    const catalogue = (await get("/api/v1/catalogo")).body()
    expect(catalogue.dataset.length).toBeGreaterThan(0)
    const openapi = (await get("/api/v1/openapi.json")).body()
    expect(openapi.openapi).toBe("3.1.0")
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining([
      "/api/v1/resoluciones", "/api/v1/resoluciones/{id}", "/api/v1/estadisticas", "/api/v1/estadisticas/procesamiento",
      "/api/v1/catalogo", "/api/v1/openapi.json", "/datos/{archivo}",
    ]))
    const listed = openapi.paths["/api/v1/resoluciones"].get.parameters.map((p: { name: string }) => p.name)
    expect(listed).toEqual(expect.arrayContaining(["juzgado", "fecha_desde", "fecha_hasta", "q", "orden", "limite", "desde", "formato"]))
  })

  it("serves published files with their types", async () => {
    const index = await get("/datos/resoluciones.csv")
    expect(index.status).toBe(200)
    expect(index.type).toContain("text/csv")
    expect((await get("/datos/estadisticas/procesamiento-por-ejecucion.parquet")).type).toBe("application/vnd.apache.parquet")
    expect((await get("/datos/SHA256SUMS")).status).toBe(200)
    expect((await get("/datos/data.json")).type).toContain("application/json")
    expectError(await get("/datos/no-existe.csv"), 404, "no_encontrado")
    expectError(await get("/datos/resoluciones"), 404, "no_encontrado")
  })

  it("never serves private files, whatever the path", async () => {
    const attempts = [
      "/private/secreto.txt",
      "/datos/../private/secreto.txt",
      "/datos/..%2Fprivate%2Fsecreto.txt",
      "/datos/%2e%2e/private/secreto.txt",
      "/datos/%2E%2E%2Fprivate%2Fsecreto.txt",
      "/datos/resoluciones/../../private/secreto.txt",
      "/datos/%252e%252e/private/secreto.txt",
      "/datos/..%5Cprivate%5Csecreto.txt",
      "/datos//etc/passwd",
      "/datos/%00secreto.txt",
      "/datos/.%2e/private/tacha.duckdb",
      "/../private/secreto.txt",
      "/api/v1/resoluciones/..%2F..%2Fprivate%2Fsecreto.txt",
    ]
    for (const path of attempts) {
      const result = await raw(path)
      expect(result.status, path).toBe(404)
      expect(result.text, path).not.toContain(PRIVATE_MARKER)
      expect(JSON.parse(result.text).error.codigo, path).toBe("no_encontrado")
    }
  })
})

describe("byte ranges and validators on /datos (what DuckDB or a browser asks of a remote Parquet file)", () => {
  const bytesOf = async (path: string, init?: RequestInit) => {
    const response = await fetch(server.url + path, init)
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
  }

  it("serves a range, an open range and a suffix range with 206 and Content-Range, byte for byte", async () => {
    const whole = await readFile(join(publicDir, "resoluciones.parquet"))
    const size = whole.length
    const first = await bytesOf("/datos/resoluciones.parquet", { headers: { range: "bytes=0-99" } })
    expect(first.status).toBe(206)
    expect(first.headers.get("content-range")).toBe(`bytes 0-99/${size}`)
    expect(first.headers.get("content-length")).toBe("100")
    expect(first.bytes.equals(whole.subarray(0, 100))).toBe(true)
    // Parquet readers start at the footer: the last 8 bytes are its length and the magic "PAR1".
    const footer = await bytesOf("/datos/resoluciones.parquet", { headers: { range: "bytes=-8" } })
    expect(footer.status).toBe(206)
    expect(footer.headers.get("content-range")).toBe(`bytes ${size - 8}-${size - 1}/${size}`)
    expect(footer.bytes.subarray(4).toString("latin1")).toBe("PAR1")
    const rest = await bytesOf("/datos/resoluciones.parquet", { headers: { range: `bytes=${size - 10}-` } })
    expect(rest.status).toBe(206)
    expect(rest.bytes.equals(whole.subarray(size - 10))).toBe(true)
    const whole200 = await bytesOf("/datos/resoluciones.parquet")
    expect(whole200.status).toBe(200)
    expect(whole200.headers.get("accept-ranges")).toBe("bytes")
    expect(whole200.bytes.equals(whole)).toBe(true)
  })

  it("answers 416 to a range past the end and ignores ranges it does not serve", async () => {
    const size = (await readFile(join(publicDir, "resoluciones.csv"))).length
    const past = await bytesOf("/datos/resoluciones.csv", { headers: { range: `bytes=${size + 10}-` } })
    expect(past.status).toBe(416)
    expect(past.headers.get("content-range")).toBe(`bytes */${size}`)
    for (const range of ["bytes=0-9,20-29", "lines=1-2", "bytes=9-2"]) {
      const ignored = await bytesOf("/datos/resoluciones.csv", { headers: { range } })
      expect(ignored.status, range).toBe(200)
      expect(ignored.bytes.length, range).toBe(size)
    }
  })

  it("answers 304 to a current ETag, and sends the whole file when If-Range names another version", async () => {
    const first = await bytesOf("/datos/resoluciones.csv")
    const etag = first.headers.get("etag")!
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    const cached = await bytesOf("/datos/resoluciones.csv", { headers: { "if-none-match": etag } })
    expect(cached.status).toBe(304)
    expect(cached.bytes.length).toBe(0)
    expect(cached.headers.get("etag")).toBe(etag)
    const changed = await bytesOf("/datos/resoluciones.csv", { headers: { "if-none-match": '"0-0"' } })
    expect(changed.status).toBe(200)
    const stale = await bytesOf("/datos/resoluciones.csv", { headers: { range: "bytes=0-9", "if-range": '"0-0"' } })
    expect(stale.status).toBe(200)
    expect(stale.bytes.equals(first.bytes)).toBe(true)
    const current = await bytesOf("/datos/resoluciones.csv", { headers: { range: "bytes=0-9", "if-range": etag } })
    expect(current.status).toBe(206)
    expect(current.bytes.equals(first.bytes.subarray(0, 10))).toBe(true)
  })
})

describe("methods and unknown routes", () => {
  it("answers 405 with Allow for writes and 404 for unknown routes", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const result = await get("/api/v1/resoluciones", { method })
      expectError(result, 405, "metodo_no_permitido")
      expect(result.headers.get("allow")).toBe("GET, HEAD")
    }
    expectError(await get("/api/v2/resoluciones"), 404, "no_encontrado")
    const head = await fetch(`${server.url}/api/v1/resoluciones`, { method: "HEAD" })
    expect(head.status).toBe(200)
  })

  it("serves the dashboard and its local chart library", async () => {
    const page = await get("/")
    expect(page.status).toBe(200)
    expect(page.type).toContain("text/html")
    expect(page.text).toContain('lang="es-AR"')
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'")
    expect((await get("/assets/app.js")).status).toBe(200)
    const chart = await get("/assets/chart.umd.min.js")
    if (chartLibraryPath() === undefined && process.env["TACHA_REQUIRE_BROWSER"] !== "1") {
      // chart.js not installed yet: the page says so instead of failing silently.
      expectError(chart, 404, "no_encontrado")
    } else {
      expect(chart.status).toBe(200)
      expect(chart.type).toContain("text/javascript")
      expect(chart.text.length).toBeGreaterThan(50_000)
    }
  })
})

const MB = 1024 * 1024

/**
 * V8's collector, so that memory is measured live rather than as garbage not
 * yet collected (vitest starts its workers without --expose-gc; the flag
 * takes effect for contexts created after it is set).
 */
const collector = (): (() => void) => {
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
}

/** Random bytes written 1 MB at a time; returns their SHA-256. */
const writeLargeFile = async (path: string, size: number): Promise<string> => {
  const hash = createHash("sha256")
  const file = await open(path, "w")
  try {
    for (let written = 0; written < size; written += MB) {
      const chunk = randomBytes(Math.min(MB, size - written))
      hash.update(chunk)
      await file.write(chunk)
    }
  } finally {
    await file.close()
  }
  return hash.digest("hex")
}

/** A GET read chunk by chunk into a hash (the body is never held whole here either), with a callback per chunk. */
const download = (path: string, onChunk: (received: number) => void) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; received: number; sha256: string }>((resolve, reject) => {
    const { hostname, port } = new URL(server.url)
    const req = request({ host: hostname, port, path, method: "GET" }, (response) => {
      const hash = createHash("sha256")
      let received = 0
      response.on("data", (chunk: Buffer) => {
        hash.update(chunk)
        received += chunk.length
        onChunk(received)
      })
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, received, sha256: hash.digest("hex") }))
      response.on("error", reject)
    })
    req.on("error", reject)
    req.end()
  })

describe("large downloads", () => {
  it("streams a large published file from disk, byte for byte, without holding it in memory", async () => {
    const size = 64 * MB
    const path = join(publicDir, "grande.parquet")
    const sha256 = await writeLargeFile(path, size)
    try {
      // The server runs in this process, so its buffers count in this
      // process's `arrayBuffers` (where Node keeps file and socket data).
      // Sampled after a collection every 4 MB received: a server that read
      // the file whole holds all 64 MB throughout; a streaming one, a few
      // 64 KB chunks, plus at times the last 4 MB's garbage, still being
      // swept concurrently after the collection (about 12 MB seen; hence the
      // wide margin). RSS is not compared: freed memory stays in RSS, so it
      // says little about what is held.
      const gc = collector()
      gc()
      // A second collection after a turn of the event loop, once the first one's freed buffers are swept.
      await new Promise((resolve) => setImmediate(resolve))
      gc()
      const before = process.memoryUsage().arrayBuffers
      let peak = 0
      let sampledAt = 0
      const result = await download("/datos/grande.parquet", (received) => {
        if (received - sampledAt < 4 * MB) return
        sampledAt = received
        gc()
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)
      })
      expect(result.status).toBe(200)
      expect(result.headers["content-type"]).toBe("application/vnd.apache.parquet")
      expect(result.headers["content-length"]).toBe(String(size))
      expect(result.received).toBe(size)
      expect(result.sha256).toBe(sha256)
      expect(sampledAt).toBeGreaterThan(size / 2)
      expect(peak, `buffers grew by ${(peak / MB).toFixed(1)} MB`).toBeLessThan(size / 2)

      const head = await fetch(`${server.url}/datos/grande.parquet`, { method: "HEAD" })
      expect(head.status).toBe(200)
      expect(head.headers.get("content-length")).toBe(String(size))
      expect(head.headers.get("content-type")).toBe("application/vnd.apache.parquet")
      expect(head.headers.get("etag")).toBe(result.headers["etag"])
      expect(await head.text()).toBe("")
    } finally {
      await rm(path, { force: true })
    }
  })
})
