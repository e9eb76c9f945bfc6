import { createServer } from "node:http"
import { join } from "node:path"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import { HttpRouter, HttpServer, HttpServerRequest, HttpServerResponse } from "effect/http"
import { toCsv, type CsvValue } from "../publish/csv.ts"
import { notFound } from "./ApiError.ts"
import { apiHeaders, jsonErrors, pageHeaders, readOnly } from "./apiMiddleware.ts"
import { answerClientError } from "./clientError.ts"
import { DETAIL_PARAMETERS, LIST_PARAMETERS, readParameters, STATS_PARAMETERS, choiceParameter } from "./ApiParameters.ts"
import { openApiDocument } from "./openApiDocument.ts"
import { publishedFiles } from "./publishedFiles.ts"
import { openPublicData, type PublicData } from "./PublicData.ts"
import { getRuling, listRulings, processing, statistics, type Row } from "./publicQueries.ts"
import { chartLibraryPath, contentType, DASHBOARD_ASSETS } from "./staticFiles.ts"

/**
 * The read-only HTTP API and dashboard over one `public/` folder: routes on
 * Effect's `HttpRouter`, served on Node, with the shared concerns as
 * middleware (`apiMiddleware.ts`). Routes:
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

const json = (body: unknown) => HttpServerResponse.text(JSON.stringify(body), { contentType: "application/json; charset=utf-8" })

const csv = (columns: readonly string[], rows: readonly Row[], name: string) =>
  HttpServerResponse.text(
    toCsv(columns, rows.map((row) => Object.fromEntries(columns.map((column) => [column, cell(row[column])])) as Record<string, CsvValue>)),
    { contentType: "text/csv; charset=utf-8", headers: { "content-disposition": `attachment; filename="${name}.csv"` } },
  )

const cell = (value: unknown): CsvValue =>
  value === null || value === undefined ? null : typeof value === "number" || typeof value === "string" ? value : String(value)

/** A file of ours streamed from disk by the platform (content-length, etag, last-modified; unopened for HEAD). */
const fileResponse = (path: string, headers?: Record<string, string>) =>
  HttpServerResponse.file(path, { contentType: contentType(path), ...(headers ? { headers } : {}) }).pipe(Effect.mapError(() => notFound()))

const searchOf = (request: HttpServerRequest.HttpServerRequest): URLSearchParams => {
  const at = request.url.indexOf("?")
  return new URLSearchParams(at < 0 ? "" : request.url.slice(at + 1))
}

/** The dashboard and its chart library, with the page headers. */
const dashboardRoutes = HttpRouter.addAll([
  ...Object.entries(DASHBOARD_ASSETS).map(([path, file]) => HttpRouter.route("GET", path as `/${string}`, fileResponse(file))),
  HttpRouter.route("GET", "/assets/chart.umd.min.js", Effect.suspend(() => {
    const chart = chartLibraryPath()
    if (!chart) return Effect.fail(notFound("La biblioteca de gráficos (chart.js) no está instalada."))
    return fileResponse(chart, { "cache-control": "public, max-age=86400" })
  })),
]).pipe(Layer.provide(pageHeaders.layer))

/** The API and the downloads, with the API headers. */
const apiRoutes = ({ data, publicDir }: Context) =>
  HttpRouter.addAll(Effect.gen(function*() {
    const files = yield* publishedFiles(publicDir)
    return [
      HttpRouter.route("GET", "/api/v1/resoluciones", (request) =>
        Effect.gen(function*() {
          const values = yield* readParameters(searchOf(request), LIST_PARAMETERS)
          const formato = yield* choiceParameter(values, "formato", ["json", "csv"], "json")
          const page = yield* listRulings(data, values)
          if (formato === "csv") return csv(page.columns, page.resultados, "resoluciones")
          const { columns: _columns, ...body } = page
          return json(body)
        })),
      HttpRouter.route("GET", "/api/v1/resoluciones/:id", (request) =>
        Effect.gen(function*() {
          const values = yield* readParameters(searchOf(request), DETAIL_PARAMETERS)
          const formato = yield* choiceParameter(values, "formato", ["json", "txt"], "json")
          const { id } = yield* HttpRouter.params
          const ruling = yield* getRuling(data, publicDir, id ?? "")
          if (formato === "txt") return HttpServerResponse.text(ruling.texto, { contentType: "text/plain; charset=utf-8" })
          return json(ruling)
        })),
      HttpRouter.route("GET", "/api/v1/estadisticas", (request) =>
        Effect.gen(function*() {
          const values = yield* readParameters(searchOf(request), STATS_PARAMETERS)
          const formato = yield* choiceParameter(values, "formato", ["json", "csv"], "json")
          const result = yield* statistics(data, values)
          if (formato === "csv") return csv(result.columns, result.resultados, `estadisticas-${result.agrupar.join("-")}`)
          const { columns: _columns, ...body } = result
          return json(body)
        })),
      HttpRouter.route("GET", "/api/v1/estadisticas/procesamiento", (request) =>
        readParameters(searchOf(request), []).pipe(Effect.andThen(processing(data)), Effect.map(json))),
      HttpRouter.route("GET", "/api/v1/catalogo", (request) =>
        readParameters(searchOf(request), []).pipe(
          Effect.andThen(fileResponse(join(publicDir, "data.json"))),
          Effect.mapError((error) => error.codigo === "no_encontrado" ? notFound("El catálogo (data.json) todavía no está publicado.") : error),
        )),
      HttpRouter.route("GET", "/api/v1/openapi.json", (request) => readParameters(searchOf(request), []).pipe(Effect.as(json(openApiDocument())))),
      HttpRouter.route("GET", "/datos/*", files),
    ]
  })).pipe(Layer.provide(apiHeaders.layer))

/** Route paths as written (no case folding, no trailing-slash aliases); ids up to 200 characters. */
const ROUTER_CONFIG = { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: 200 }

/** Start the server in the current scope; closing the scope stops it and closes the data. */
export const makeServer = Effect.fn("makeServer")(function*(options: ServerOptions) {
  const data = yield* Effect.acquireRelease(
    Effect.tryPromise(() => openPublicData(options.publicDir)),
    (opened) => Effect.sync(() => opened.close()),
  )
  const app = Layer.mergeAll(dashboardRoutes, apiRoutes({ publicDir: options.publicDir, data }), readOnly, jsonErrors)
  const services = yield* Layer.build(
    HttpRouter.serve(app, { routerConfig: ROUTER_CONFIG, disableLogger: true, disableListenLog: true }).pipe(
      Layer.provideMerge(NodeHttpServer.layer(() => createServer().on("clientError", answerClientError), { port: options.port, host: options.host })),
    ),
  )
  const address = Context.get(services, HttpServer.HttpServer).address
  const port = address._tag === "UnixPathAddress" ? options.port : address.port
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
