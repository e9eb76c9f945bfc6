import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import { HttpRouter, HttpServerError, HttpServerRequest, HttpServerResponse } from "effect/http"
import { ApiError, ERROR_STATUS, errorBody } from "./ApiError.ts"

/**
 * What every route of the public server shares, as router middleware: it is
 * read-only (405 with `Allow` to any other method), its API and downloads
 * carry the API headers and its pages the dashboard's, and every failure,
 * an unknown route included, is answered with the one JSON error shape
 * `{ "error": { codigo, mensaje, parametro? } }`.
 */

export const API_HEADERS = {
  "access-control-allow-origin": "*",
  "x-content-type-options": "nosniff",
  "cache-control": "no-cache",
}

export const PAGE_HEADERS = {
  "x-content-type-options": "nosniff",
  "cache-control": "no-cache",
  "referrer-policy": "no-referrer",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
}

export const errorResponse = (error: ApiError): HttpServerResponse.HttpServerResponse => {
  const response = HttpServerResponse.text(JSON.stringify(errorBody(error)), {
    status: ERROR_STATUS[error.codigo],
    contentType: "application/json; charset=utf-8",
    headers: API_HEADERS,
  })
  return error.codigo === "metodo_no_permitido" ? HttpServerResponse.setHeader(response, "allow", "GET, HEAD") : response
}

const READ_METHODS = new Set(["GET", "HEAD"])

/** Any method but GET and HEAD, on any path, is 405 before a route is looked up. */
export const readOnly = HttpRouter.middleware(
  (effect) =>
    Effect.gen(function*() {
      const { method } = yield* HttpServerRequest.HttpServerRequest
      if (READ_METHODS.has(method)) return yield* effect
      return errorResponse(new ApiError({ codigo: "metodo_no_permitido", mensaje: `Método ${method.slice(0, 10)} no permitido: la API es de sólo lectura (GET, HEAD).` }))
    }),
  { global: true },
)

const internalError = (cause: Cause.Cause<unknown>) =>
  Effect.logError("api: error interno", Cause.pretty(cause)).pipe(
    Effect.as(errorResponse(new ApiError({ codigo: "error_interno", mensaje: "Error interno del servidor." }))),
  )

/** Failures as the JSON error: the API's own, a path no route matches (404), and anything unexpected (500, logged). */
export const jsonErrors = HttpRouter.middleware<{ handles: ApiError | HttpServerError.HttpServerError }>()(
  (effect) =>
    effect.pipe(
      Effect.catchTag("ApiError", (error) => Effect.succeed(errorResponse(error))),
      Effect.catchTag("HttpServerError", (error) =>
        error.reason._tag === "RouteNotFound"
          ? Effect.succeed(errorResponse(new ApiError({ codigo: "no_encontrado", mensaje: `No existe la ruta ${error.reason.request.url.split("?")[0]!.slice(0, 100)}.` })))
          : internalError(Cause.fail(error))),
      Effect.catchDefect((defect) => internalError(Cause.die(defect))),
    ),
  { global: true },
)

/** Headers a route's responses carry unless the route set its own. */
const withDefaultHeaders = (headers: Record<string, string>) =>
  HttpRouter.middleware((effect) =>
    Effect.map(effect, (response) =>
      HttpServerResponse.setHeaders(response, Object.fromEntries(Object.entries(headers).filter(([name]) => response.headers[name] === undefined))))
  )

export const apiHeaders = withDefaultHeaders(API_HEADERS)
export const pageHeaders = withDefaultHeaders(PAGE_HEADERS)
