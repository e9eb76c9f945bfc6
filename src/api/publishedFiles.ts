import * as Effect from "effect/Effect"
import { Headers, HttpServerRequest, HttpServerResponse, HttpStaticServer } from "effect/http"
import { notFound } from "./ApiError.ts"
import { contentType, resolvePublicFile } from "./staticFiles.ts"

/**
 * `GET /datos/<path>`: a file published under `public/`, so that a
 * researcher's DuckDB, pandas or browser can read the footer and the columns
 * it needs of a remote Parquet file instead of downloading it whole, and
 * revalidate a cached copy without downloading it again. The platform's
 * static file server streams it from disk (never held whole in memory,
 * left unopened for HEAD) and answers byte ranges (206, 416), validators
 * (ETag, Last-Modified: 304, If-Range, If-Match); `resolvePublicFile` decides
 * first which paths may be served at all (never one under `private/`, a
 * hidden file or one that leaves `public/`).
 */
const PREFIX = "/datos/"

/**
 * RFC 9110 §14.1.1: a range whose last byte precedes its first ("bytes=9-2")
 * is invalid, and a server ignores an invalid Range (the whole file, 200);
 * the platform refuses it (416), so the header is dropped before it looks.
 */
const INVERTED_RANGE = /^\s*bytes\s*=\s*(\d+)\s*-\s*(\d+)\s*$/iu

const invalidRange = (header: string | undefined): boolean => {
  const m = header === undefined ? null : INVERTED_RANGE.exec(header)
  return m !== null && BigInt(m[2]!) < BigInt(m[1]!)
}

/** The route's handler, built once over `publicDir`. */
export const publishedFiles = (publicDir: string) =>
  Effect.gen(function*() {
    const platformFiles = yield* HttpStaticServer.make({ root: publicDir, index: undefined })
    return Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const rawPath = request.url.split("?")[0]!.slice(PREFIX.length)
      const file = yield* Effect.promise(() => resolvePublicFile(publicDir, rawPath))
      if (!file) return yield* notFound("No existe el archivo pedido entre los datos publicados.")
      const checked = request.modify({
        url: "/" + rawPath,
        ...(invalidRange(request.headers["range"]) ? { headers: Headers.remove(request.headers, "range") } : {}),
      })
      // A file gone since it was resolved is a 404.
      const response = yield* platformFiles.pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, checked),
        Effect.mapError(() => notFound("No existe el archivo pedido entre los datos publicados.")),
      )
      // Our types (Parquet, SHA256SUMS as text) rather than the platform's short list.
      return response.status === 200 || response.status === 206 ? HttpServerResponse.setHeader(response, "content-type", contentType(file)) : response
    })
  })
