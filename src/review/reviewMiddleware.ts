import { createHash, timingSafeEqual } from "node:crypto"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { HttpRouter, HttpServerError, HttpServerRequest, HttpServerResponse } from "effect/http"
import { ReviewError } from "./ReviewError.ts"

/**
 * What every route of the review app shares, as router middleware: requests
 * naming another Host are refused (DNS rebinding) and POSTs from another
 * origin too; every route but the login form, the style sheet and the icon
 * needs the token (`Authorization: Bearer`) or the session cookie, which
 * provides the `Reviewer` to the route, and a session's POST needs its CSRF
 * token (`x-csrf-token`); failures are `{ "error": { mensaje } }`.
 */

// "same-origin", not "no-referrer": with the latter a browser sends `Origin: null` on form posts, which the origin check refuses.
export const HEADERS = {
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
}

export const COOKIE = "tacha_revision"

export const json = (body: unknown, status = 200) =>
  HttpServerResponse.text(JSON.stringify(body), { status, contentType: "application/json; charset=utf-8", headers: HEADERS })

export const failure = (status: number, mensaje: string) => json({ error: { mensaje } }, status)

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/gu, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[char]!)

/** The login page, sent with 401 to any unauthenticated page request. */
export const loginPage = (message?: string) =>
  HttpServerResponse.text(
    `<!doctype html>
<html lang="es-AR"><head><meta charset="utf-8"><title>tacha · revisión — ingresar</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/app.css"></head>
<body class="ingreso"><main><h1>Revisión de resoluciones retenidas</h1>
<p>Ingrese el código de acceso que 'tacha revisar' mostró al iniciar y su nombre: queda registrado con cada decisión.</p>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ""}
<form method="post" action="/ingresar">
<label for="token">Código de acceso</label><input id="token" name="token" type="password" autocomplete="off" required autofocus>
<label for="revisor">Su nombre</label><input id="revisor" name="revisor" type="text" maxlength="100" required>
<button type="submit">Ingresar</button></form></main></body></html>`,
    { status: 401, contentType: "text/html; charset=utf-8", headers: { ...HEADERS, "www-authenticate": "Bearer realm=\"tacha-revision\"" } },
  )

const digest = (text: string) => createHash("sha256").update(text).digest()
export const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected))

export interface Session {
  readonly reviewer: string
  readonly csrf: string
}

/** Who makes the request, for the routes behind `session`. */
export class Reviewer extends Context.Service<Reviewer, {
  readonly name: string
  /** Null for bearer-token callers, which carry no ambient credential. */
  readonly csrf: string | null
}>()("tacha/review/Reviewer") {}

/** This server's own names (`127.0.0.1:<port>`, `localhost:<port>`, `[::1]:<port>`): any other Host or Origin is another site. */
export const sameSite = (names: readonly string[]) => {
  const hosts = new Set(names)
  const origins = new Set(names.map((name) => `http://${name}`))
  return HttpRouter.middleware(
    (effect) =>
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        // Another Host is a page of another site resolving to this machine (DNS rebinding).
        if (!hosts.has((request.headers["host"] ?? "").toLowerCase())) return failure(421, "Host no admitido: use la dirección local que mostró 'tacha revisar'.")
        const origin = request.headers["origin"]
        if (request.method === "POST" && origin !== undefined && !origins.has(origin.toLowerCase())) return failure(403, "Origen no admitido.")
        return yield* effect
      }),
    { global: true },
  )
}

export interface Credentials {
  readonly token: string
  /** Who decides on requests made with the bearer token when it names nobody (`x-revisor`). */
  readonly reviewer: string | undefined
  readonly sessions: ReadonlyMap<string, Session>
}

const callerOf = (credentials: Credentials, request: HttpServerRequest.HttpServerRequest): Reviewer["Service"] | null => {
  const authorization = request.headers["authorization"]
  if (authorization?.startsWith("Bearer ")) {
    if (!sameSecret(authorization.slice("Bearer ".length).trim(), credentials.token)) return null
    const named = request.headers["x-revisor"]?.trim()
    return { name: named && named.length <= 100 ? named : credentials.reviewer ?? "revisión con código", csrf: null }
  }
  const session = credentials.sessions.get(request.cookies[COOKIE] ?? "")
  return session ? { name: session.reviewer, csrf: session.csrf } : null
}

/** The token or a session, else 401 (the login page for a page); a session's POST needs its CSRF token, else 403. */
export const session = (credentials: Credentials) =>
  HttpRouter.middleware<{ provides: Reviewer }>()((effect) =>
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const who = callerOf(credentials, request)
      if (!who) return request.url.startsWith("/api/") || request.method !== "GET" ? failure(401, "Falta el código de acceso o la sesión venció.") : loginPage()
      if (request.method === "POST" && who.csrf !== null && request.headers["x-csrf-token"] !== who.csrf) return failure(403, "Falta el código CSRF de la sesión.")
      return yield* Effect.provideService(effect, Reviewer, who)
    })
  )

const internalError = (cause: Cause.Cause<unknown>) =>
  Effect.logError("revision: error interno", Cause.pretty(cause)).pipe(Effect.as(failure(500, "Error interno del servidor.")))

/** A refused decision as its status and the reason alone (not the batch wording of the CLI); anything unexpected is 500, logged. */
export const reviewErrors = HttpRouter.middleware<{ handles: ReviewError | HttpServerError.HttpServerError }>()(
  (effect) =>
    effect.pipe(
      Effect.catchTag("ReviewError", (error) =>
        Effect.succeed(failure(
          error.reason === "no_encontrada" ? 404 : error.reason === "almacen" ? 503 : 422,
          error.detail.replace(/^No se aplicó (?:ninguna decisión|ningún veredicto de control):\n\s*- línea \d+ \([^)]*\): /u, ""),
        ))),
      Effect.catchTag("HttpServerError", (error) =>
        error.reason._tag === "RouteNotFound" ? Effect.succeed(failure(404, "No existe esa ruta.")) : internalError(Cause.fail(error))),
      Effect.catchDefect((defect) => internalError(Cause.die(defect))),
    ),
  { global: true },
)
