import { stat } from "node:fs/promises"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { NodeHttpPlatform, NodeHttpServer } from "@effect/platform-node"
import { Cause, Effect, Exit, Layer, Scope } from "effect"
import { type HttpPlatform, HttpServerRequest, HttpServerResponse } from "effect/http"
import { toCsv, type CsvValue } from "../publish/csv.ts"
import { ApiError, ERROR_STATUS, errorBody, notFound } from "./ApiError.ts"
import { answerClientError } from "./clientError.ts"
import { fileEtag, notModified, requestedRange } from "./byteRange.ts"
import { DETAIL_PARAMETERS, LIST_PARAMETERS, readParameters, STATS_PARAMETERS, choiceParameter } from "./ApiParameters.ts"
import { openApiDocument } from "./openApiDocument.ts"
import { openPublicData, type PublicData } from "./PublicData.ts"
import { getRuling, listRulings, processing, statistics, type Row } from "./publicQueries.ts"
import { chartLibraryPath, contentType, DASHBOARD_ASSETS, resolvePublicFile } from "./staticFiles.ts"

/**
 * The read-only HTTP API and dashboard over one `public/` folder, served
 * with Effect's HTTP server on Node. Routes:
 *
 *   GET /                                   dashboard (Spanish)
 *   GET /api/v1/resoluciones                list, filters, full-text `q`, `orden`, `limite`/`desde`, `formato=csv`
 *   GET /api/v1/resoluciones/{id}           metadata and anonymised text
 *   GET /api/v1/estadisticas?agrupar=...    counts by juzgado, tipo, materia, resultado, anio, mes, periodo, categoria
 *   GET /api/v1/estadisticas/procesamiento  documents done / failed by cause per run
 *   GET /api/v1/catalogo                    data.json (DCAT-AR)
 *   GET /api/v1/openapi.json                OpenAPI 3.1
 *   GET /datos/<path>                       any published file under public/ (byte ranges, ETag / 304)
 *
 * Only GET and HEAD; every error is `{ "error": { codigo, mensaje, parametro? } }`.
 */
export interface ServerOptions {
  /** The `public/` folder written by `tacha run`. Nothing outside it is ever served. */
  readonly publicDir: string
  /** 0 picks a free port. */
  readonly port: number
  readonly host: string
}

export interface RunningServer {
  readonly url: string
  readonly host: string
  readonly port: number
}

interface Context {
  readonly publicDir: string
  readonly data: PublicData
}

const API_HEADERS = {
  "access-control-allow-origin": "*",
  "x-content-type-options": "nosniff",
  "cache-control": "no-cache",
}

const PAGE_HEADERS = {
  "x-content-type-options": "nosniff",
  "cache-control": "no-cache",
  "referrer-policy": "no-referrer",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
}

const json = (body: unknown, status = 200) =>
  HttpServerResponse.text(JSON.stringify(body), { status, contentType: "application/json; charset=utf-8", headers: API_HEADERS })

const csv = (columns: readonly string[], rows: readonly Row[], name: string) =>
  HttpServerResponse.text(
    toCsv(columns, rows.map((row) => Object.fromEntries(columns.map((column) => [column, cell(row[column])])) as Record<string, CsvValue>)),
    { contentType: "text/csv; charset=utf-8", headers: { ...API_HEADERS, "content-disposition": `attachment; filename="${name}.csv"` } },
  )

const cell = (value: unknown): CsvValue =>
  value === null || value === undefined ? null : typeof value === "number" || typeof value === "string" ? value : String(value)

const errorResponse = (error: ApiError) => {
  const response = json(errorBody(error), ERROR_STATUS[error.codigo])
  return error.codigo === "metodo_no_permitido" ? HttpServerResponse.setHeader(response, "allow", "GET, HEAD") : response
}

/**
 * A file streamed from disk as the client reads it, never held whole in
 * memory: published Parquet and CSV files can be hundreds of MB. The platform
 * adds content-length, etag and last-modified from the file's metadata, and
 * leaves the file unopened for HEAD. A file gone since it was resolved is a 404.
 */
const fileResponse = (path: string, headers: Record<string, string>, part?: { readonly status: number; readonly offset: number; readonly bytesToRead: number }) =>
  HttpServerResponse.file(path, { contentType: contentType(path), headers, ...part }).pipe(Effect.mapError(() => notFound()))

/** What the client asks about a published file beyond its path. */
interface Conditions {
  readonly range: string | undefined
  readonly ifRange: string | undefined
  readonly ifNoneMatch: string | undefined
}

/**
 * A published file, whole or the byte range asked for (206), or 304 when the
 * client's copy is current. `If-Range` with another validator means the
 * file changed: the whole file is sent.
 */
const publishedFile = (path: string, conditions: Conditions) =>
  Effect.gen(function*() {
    const info = yield* Effect.tryPromise({ try: () => stat(path), catch: () => notFound() })
    const etag = fileEtag(info.size, info.mtimeMs)
    const headers = { ...API_HEADERS, "accept-ranges": "bytes" }
    if (notModified(conditions.ifNoneMatch, etag)) {
      return HttpServerResponse.empty({ status: 304, headers: { ...headers, etag, "last-modified": info.mtime.toUTCString() } })
    }
    const range = conditions.ifRange === undefined || conditions.ifRange.trim() === etag ? requestedRange(conditions.range, info.size) : undefined
    if (range === "unsatisfiable") {
      return HttpServerResponse.empty({ status: 416, headers: { ...headers, "content-range": `bytes */${info.size}` } })
    }
    if (range === undefined) return yield* fileResponse(path, headers)
    return yield* fileResponse(
      path,
      { ...headers, "content-range": `bytes ${range.start}-${range.end}/${info.size}` },
      { status: 206, offset: range.start, bytesToRead: range.end - range.start + 1 },
    )
  })

const searchOf = (url: string): URLSearchParams => {
  const at = url.indexOf("?")
  return new URLSearchParams(at < 0 ? "" : url.slice(at + 1))
}

const route = (
  context: Context,
  method: string,
  path: string,
  search: URLSearchParams,
  conditions: Conditions,
): Effect.Effect<HttpServerResponse.HttpServerResponse, ApiError, HttpPlatform.HttpPlatform> =>
  Effect.gen(function*() {
    if (method !== "GET" && method !== "HEAD") {
      return yield* new ApiError({ codigo: "metodo_no_permitido", mensaje: `Método ${method.slice(0, 10)} no permitido: la API es de sólo lectura (GET, HEAD).` })
    }
    const { data, publicDir } = context
    const dashboardAsset = DASHBOARD_ASSETS[path]
    if (dashboardAsset) return yield* fileResponse(dashboardAsset, PAGE_HEADERS)
    if (path === "/assets/chart.umd.min.js") {
      const chart = chartLibraryPath()
      if (!chart) return yield* notFound("La biblioteca de gráficos (chart.js) no está instalada.")
      return yield* fileResponse(chart, { ...PAGE_HEADERS, "cache-control": "public, max-age=86400" })
    }
    if (path.startsWith("/datos/")) {
      const file = yield* Effect.promise(() => resolvePublicFile(publicDir, path.slice("/datos/".length)))
      if (!file) return yield* notFound("No existe el archivo pedido entre los datos publicados.")
      return yield* publishedFile(file, conditions)
    }
    switch (path) {
      case "/api/v1/resoluciones": {
        const values = yield* readParameters(search, LIST_PARAMETERS)
        const formato = yield* choiceParameter(values, "formato", ["json", "csv"], "json")
        const page = yield* listRulings(data, values)
        if (formato === "csv") return csv(page.columns, page.resultados, "resoluciones")
        const { columns: _columns, ...body } = page
        return json(body)
      }
      case "/api/v1/estadisticas": {
        const values = yield* readParameters(search, STATS_PARAMETERS)
        const formato = yield* choiceParameter(values, "formato", ["json", "csv"], "json")
        const result = yield* statistics(data, values)
        if (formato === "csv") return csv(result.columns, result.resultados, `estadisticas-${result.agrupar.join("-")}`)
        const { columns: _columns, ...body } = result
        return json(body)
      }
      case "/api/v1/estadisticas/procesamiento": {
        yield* readParameters(search, [])
        return json(yield* processing(data))
      }
      case "/api/v1/catalogo": {
        yield* readParameters(search, [])
        return yield* fileResponse(join(publicDir, "data.json"), API_HEADERS).pipe(
          Effect.mapError(() => notFound("El catálogo (data.json) todavía no está publicado.")),
        )
      }
      case "/api/v1/openapi.json": {
        yield* readParameters(search, [])
        return json(openApiDocument())
      }
    }
    if (path.startsWith("/api/v1/resoluciones/")) {
      const values = yield* readParameters(search, DETAIL_PARAMETERS)
      const formato = yield* choiceParameter(values, "formato", ["json", "txt"], "json")
      let id: string
      try {
        id = decodeURIComponent(path.slice("/api/v1/resoluciones/".length))
      } catch {
        return yield* notFound()
      }
      const ruling = yield* getRuling(data, publicDir, id)
      if (formato === "txt") return HttpServerResponse.text(ruling.texto, { contentType: "text/plain; charset=utf-8", headers: API_HEADERS })
      return json(ruling)
    }
    return yield* notFound(`No existe la ruta ${path.slice(0, 100)}.`)
  })

/** One request: route it, and turn any failure (or defect) into the JSON error shape. */
const app = (context: Context) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const url = request.url
    const at = url.indexOf("?")
    const path = at < 0 ? url : url.slice(0, at)
    const conditions = { range: request.headers["range"], ifRange: request.headers["if-range"], ifNoneMatch: request.headers["if-none-match"] }
    return yield* route(context, request.method, path, searchOf(url), conditions)
  }).pipe(
    Effect.catchTag("ApiError", (error) => Effect.succeed(errorResponse(error))),
    Effect.catchCause((cause) =>
      Effect.logError("api: error interno", Cause.pretty(cause)).pipe(
        Effect.as(errorResponse(new ApiError({ codigo: "error_interno", mensaje: "Error interno del servidor." }))),
      )
    ),
  )

/** Start the server in the current scope; closing the scope stops it and closes the data. */
export const makeServer = Effect.fn("makeServer")(function*(options: ServerOptions) {
  const data = yield* Effect.acquireRelease(
    Effect.tryPromise(() => openPublicData(options.publicDir)),
    (opened) => Effect.sync(() => opened.close()),
  )
  // Node's file streaming (fs read streams with backpressure) for every file the server hands out.
  const files = yield* Layer.build(NodeHttpPlatform.layer)
  let server: Server | undefined
  const http = yield* NodeHttpServer.make(() => (server = createServer().on("clientError", answerClientError)), { port: options.port, host: options.host })
  yield* http.serve(app({ publicDir: options.publicDir, data })).pipe(Effect.provideContext(files))
  const { port } = server!.address() as AddressInfo
  const shown = options.host.includes(":") ? `[${options.host}]` : options.host
  return { url: `http://${shown}:${port}`, host: options.host, port } satisfies RunningServer
})

/** For tests and the benchmark: start a server, get its URL and a `close`. */
export const startServer = async (options: ServerOptions): Promise<RunningServer & { readonly close: () => Promise<void> }> => {
  const scope = await Effect.runPromise(Scope.make())
  try {
    const running = await Effect.runPromise(makeServer(options).pipe(Scope.provide(scope)))
    return { ...running, close: () => Effect.runPromise(Scope.close(scope, Exit.void)) }
  } catch (error) {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    throw error
  }
}
