import { createHash, randomBytes, timingSafeEqual } from "node:crypto"
import { readFile } from "node:fs/promises"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { NodeHttpServer } from "@effect/platform-node"
import { Cause, Data, Effect, Exit, Runtime, Scope } from "effect"
import { HttpServerRequest, HttpServerResponse } from "effect/http"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { ControlActionSchema, applyControlVerdicts, controlQueue, controlView } from "./qualityControl.ts"
import { ReviewActionSchema } from "./reviewAction.ts"
import { applyActions, queueState, rulingUnderReview, undoDecision } from "./reviewQueue.ts"
import { ReviewError } from "./ReviewError.ts"
import { rulingView } from "./reviewView.ts"

/**
 * The review app (`tacha revisar`): a private web app over one output
 * folder's review queue, on the loopback interface only, never mounted on
 * the public server. Every request needs the token (`Authorization: Bearer`)
 * or the session cookie the login page sets; state changes are POST with
 * the session's CSRF token (`x-csrf-token`); requests naming another Host
 * are refused (DNS rebinding). Routes:
 *
 *   POST /ingresar                          token + reviewer's name → session cookie
 *   POST /salir                             ends the session
 *   GET  /, /app.js, /app.css               the app (Spanish)
 *   GET  /api/sesion                        reviewer and CSRF token
 *   GET  /api/cola?juzgado=&causa=          pending rulings, filters, progress
 *   GET  /api/resoluciones/{id}             text, spans, findings, decisions, public preview
 *   POST /api/resoluciones/{id}/acciones    {accion: ocultar|mantener|aprobar|rechazar, inicio?, fin?, etiqueta?, texto?, motivo?}
 *   POST /api/resoluciones/{id}/deshacer    undoes the latest decision
 *   GET  /api/control                       the quality-control queue (sampled published rulings) and progress
 *   GET  /api/control/{id}                  analysed text with its spans, and the public text
 *   POST /api/control/{id}                  {acciones: [{accion: correcta|omitida|sobreocultada, inicio?, fin?, texto?, etiqueta?}]}
 */

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"])

export class ReviewServerError extends Data.TaggedError("ReviewServerError")<{ readonly host: string }> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `La revisión sólo escucha en la interfaz local (127.0.0.1, ::1 o localhost), no en ${this.host}: muestra datos personales.`
  }
}

export interface ReviewServerOptions {
  readonly outDir: string
  readonly config: PipelineConfig
  /** 0 picks a free port. */
  readonly port: number
  readonly host: string
  readonly token: string
  /** Who decides on requests made with the bearer token (the login page asks each person's name). */
  readonly reviewer?: string
}

export interface RunningReviewServer {
  readonly url: string
  readonly port: number
}

interface Session {
  readonly reviewer: string
  readonly csrf: string
}

interface Caller {
  readonly reviewer: string
  /** Null for bearer-token callers, which carry no ambient credential. */
  readonly csrf: string | null
}

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "app")
const ASSETS: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
}
const COOKIE = "tacha_revision"
const MAX_BODY = 64 * 1024

// "same-origin", not "no-referrer": with the latter a browser sends `Origin: null` on form posts, which the origin check refuses.
const HEADERS = {
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
}

const json = (body: unknown, status = 200) =>
  HttpServerResponse.text(JSON.stringify(body), { status, contentType: "application/json; charset=utf-8", headers: HEADERS })

const failure = (status: number, mensaje: string) => json({ error: { mensaje } }, status)

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/gu, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[char]!)

/** The login page, sent with 401 to any unauthenticated page request. */
const loginPage = (message?: string) =>
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
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected))

const readBody = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const length = Number(request.headers["content-length"] ?? "0")
    if (!Number.isFinite(length) || length > MAX_BODY) return yield* Effect.fail("grande" as const)
    const text = yield* request.text.pipe(Effect.mapError(() => "ilegible" as const))
    if (text.length > MAX_BODY) return yield* Effect.fail("grande" as const)
    return text
  })

interface Context extends ReviewServerOptions {
  readonly sessions: Map<string, Session>
  readonly allowedHosts: ReadonlySet<string>
  readonly origins: ReadonlySet<string>
}

const caller = (context: Context, request: HttpServerRequest.HttpServerRequest): Caller | null => {
  const authorization = request.headers["authorization"]
  if (authorization?.startsWith("Bearer ")) {
    if (!sameSecret(authorization.slice("Bearer ".length).trim(), context.token)) return null
    const named = request.headers["x-revisor"]?.trim()
    return { reviewer: named && named.length <= 100 ? named : context.reviewer ?? "revisión con código", csrf: null }
  }
  const session = context.sessions.get(request.cookies[COOKIE] ?? "")
  return session ? { reviewer: session.reviewer, csrf: session.csrf } : null
}

const login = (context: Context, request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const body = yield* readBody(request).pipe(Effect.orElseSucceed(() => ""))
    const form = new URLSearchParams(body)
    const token = form.get("token") ?? ""
    const reviewer = (form.get("revisor") ?? "").trim().slice(0, 100)
    if (!sameSecret(token, context.token)) return loginPage("Código de acceso incorrecto.")
    if (reviewer.length === 0) return loginPage("Escriba su nombre: queda registrado con cada decisión.")
    const id = randomBytes(32).toString("base64url")
    context.sessions.set(id, { reviewer, csrf: randomBytes(32).toString("base64url") })
    return HttpServerResponse.empty({
      status: 303,
      headers: { ...HEADERS, location: "/", "set-cookie": `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/` },
    })
  })

const view = (context: Context, id: string) =>
  rulingUnderReview(context.outDir, id, context.config).pipe(
    Effect.map(({ status, record, decisions, reviewed }) => json(rulingView(status, record, reviewed, decisions))),
  )

const queue = (context: Context, search: URLSearchParams) =>
  queueState(context.outDir).pipe(Effect.map(({ pending, done }) => {
    const court = search.get("juzgado") ?? ""
    const cause = search.get("causa") ?? ""
    const shown = pending.filter((row) => (!court || row.court === court) && (!cause || (row.causes[cause] ?? 0) > 0))
    return json({
      pendientes: shown.map((row) => ({ id: row.id, archivo: row.source, juzgado: row.court, motivo: row.holdReason, causas: row.causes })),
      juzgados: [...new Set(pending.flatMap((row) => (row.court ? [row.court] : [])))].sort(),
      causas: [...new Set(pending.flatMap((row) => Object.keys(row.causes)))].sort(),
      progreso: { hechas: done, quedan: pending.length },
    })
  }))

/** A request's body parsed as JSON; `ok: false` when it is not JSON (an unreadable or oversized body fails). */
const jsonBody = (request: HttpServerRequest.HttpServerRequest) =>
  readBody(request).pipe(
    Effect.mapError(() => new ReviewError({ reason: "decision_invalida", detail: "Cuerpo de la solicitud ilegible o demasiado grande." })),
    Effect.map((body): { ok: true; value: unknown } | { ok: false } => {
      try {
        return { ok: true, value: JSON.parse(body) }
      } catch {
        return { ok: false }
      }
    }),
  )

const act = (context: Context, id: string, who: Caller, request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const body = yield* jsonBody(request)
    if (!body.ok) return failure(400, "El cuerpo debe ser un objeto JSON.")
    const parsed = body.value
    const action = ReviewActionSchema.safeParse({ ...(parsed as object), id, revisor: who.reviewer })
    if (!action.success) return failure(400, "Acción inválida: " + action.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "))
    yield* applyActions(context.outDir, context.config, [{ line: 1, action: action.data }], who.reviewer, new Date().toISOString())
    return yield* view(context, id)
  })

const controlList = (context: Context) =>
  controlQueue(context.outDir).pipe(Effect.map(({ pending, done }) =>
    json({
      pendientes: pending.map(({ entry, record }) => ({
        id: entry.id,
        archivo: record.source,
        juzgado: record.metadata.court ?? null,
        ejecucion: entry.runOrder,
      })),
      progreso: { controladas: done, quedan: pending.length },
    })
  ))

const controlVerdict = (context: Context, id: string, who: Caller, request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const body = yield* jsonBody(request)
    if (!body.ok) return failure(400, "El cuerpo debe ser un objeto JSON.")
    const parsed = body.value
    const given = (parsed as { acciones?: unknown }).acciones
    if (!Array.isArray(given) || given.length === 0 || given.length > 200) return failure(400, "Falta 'acciones': una lista de veredictos.")
    const actions = []
    for (const [index, item] of given.entries()) {
      const action = ControlActionSchema.safeParse({ ...(item as object), id, revisor: who.reviewer })
      if (!action.success) return failure(400, "Veredicto inválido: " + action.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "))
      actions.push({ line: index + 1, action: action.data })
    }
    const result = yield* applyControlVerdicts(context.outDir, context.config, actions, who.reviewer, new Date().toISOString())
    return json({ correctas: result.correct, con_errores: result.withErrors, retiradas: result.withdrawn })
  })

const asset = (path: string) =>
  Effect.promise(() => readFile(join(APP_DIR, ASSETS[path]!.file), "utf8")).pipe(
    Effect.map((content) => HttpServerResponse.text(content, { contentType: ASSETS[path]!.type, headers: HEADERS })),
  )

const route = (context: Context, request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const url = request.url
    const at = url.indexOf("?")
    const path = at < 0 ? url : url.slice(0, at)
    const search = new URLSearchParams(at < 0 ? "" : url.slice(at + 1))
    // Another Host is a page of another site resolving to this machine (DNS rebinding).
    if (!context.allowedHosts.has((request.headers["host"] ?? "").toLowerCase())) return failure(421, "Host no admitido: use la dirección local que mostró 'tacha revisar'.")
    const origin = request.headers["origin"]
    if (request.method === "POST" && origin !== undefined && !context.origins.has(origin.toLowerCase())) {
      return failure(403, "Origen no admitido.")
    }
    if (request.method === "POST" && path === "/ingresar") return yield* login(context, request)
    // The style sheet alone is served to anyone: the login page needs it, and it holds no data.
    if (request.method === "GET" && path === "/app.css") return yield* asset("/app.css")
    if (request.method === "GET" && path === "/favicon.ico") return HttpServerResponse.empty({ status: 204, headers: HEADERS })
    const who = caller(context, request)
    if (!who) return path.startsWith("/api/") || request.method !== "GET" ? failure(401, "Falta el código de acceso o la sesión venció.") : loginPage()
    if (request.method === "POST" && who.csrf !== null && request.headers["x-csrf-token"] !== who.csrf) {
      return failure(403, "Falta el código CSRF de la sesión.")
    }
    if (request.method === "GET" && ASSETS[path]) return yield* asset(path)
    if (request.method === "GET" && path === "/api/sesion") return json({ revisor: who.reviewer, csrf: who.csrf })
    if (request.method === "GET" && path === "/api/cola") return yield* queue(context, search)
    if (request.method === "POST" && path === "/salir") {
      context.sessions.delete(request.cookies[COOKIE] ?? "")
      return HttpServerResponse.empty({ status: 303, headers: { ...HEADERS, location: "/", "set-cookie": `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` } })
    }
    if (request.method === "GET" && path === "/api/control") return yield* controlList(context)
    const sampled = /^\/api\/control\/([A-Za-z0-9._-]{1,200})$/u.exec(path)
    if (sampled) {
      if (request.method === "GET") return json(yield* controlView(context.outDir, sampled[1]!))
      if (request.method === "POST") return yield* controlVerdict(context, sampled[1]!, who, request)
      return failure(405, "Método no permitido.")
    }
    const match = /^\/api\/resoluciones\/([A-Za-z0-9._-]{1,200})(\/acciones|\/deshacer)?$/u.exec(path)
    if (match) {
      const id = match[1]!
      if (request.method === "GET" && !match[2]) return yield* view(context, id)
      if (request.method === "POST" && match[2] === "/acciones") return yield* act(context, id, who, request)
      if (request.method === "POST" && match[2] === "/deshacer") {
        yield* undoDecision(context.outDir, id, who.reviewer, new Date().toISOString())
        return yield* view(context, id)
      }
      return failure(405, "Método no permitido.")
    }
    return failure(404, "No existe esa ruta.")
  })

const app = (context: Context) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    return yield* route(context, request)
  }).pipe(
    Effect.catchTag("ReviewError", (error) =>
      Effect.succeed(failure(error.reason === "no_encontrada" ? 404 : error.reason === "almacen" ? 503 : 422, error.detail.replace(/^No se aplicó (?:ninguna decisión|ningún veredicto de control):\n\s*- línea \d+ \([^)]*\): /u, "")))
    ),
    Effect.catchCause((cause) =>
      Effect.logError("revision: error interno", Cause.pretty(cause)).pipe(Effect.as(failure(500, "Error interno del servidor.")))
    ),
  )

/** Start the review app in the current scope; closing the scope stops it. */
export const makeReviewServer = Effect.fn("makeReviewServer")(function*(options: ReviewServerOptions) {
  if (!LOOPBACK_HOSTS.has(options.host)) return yield* new ReviewServerError({ host: options.host })
  const host = options.host === "localhost" ? "127.0.0.1" : options.host
  let server: Server | undefined
  const http = yield* NodeHttpServer.make(() => (server = createServer()), { port: options.port, host })
  const { port } = server!.address() as AddressInfo
  const names = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
  const context: Context = {
    ...options,
    sessions: new Map(),
    allowedHosts: new Set(names),
    origins: new Set(names.map((name) => `http://${name}`)),
  }
  yield* http.serve(app(context))
  const shown = host.includes(":") ? `[${host}]` : host
  return { url: `http://${shown}:${port}`, port } satisfies RunningReviewServer
})

/** For tests: start the review app, get its URL and a `close`. */
export const startReviewServer = async (options: ReviewServerOptions): Promise<RunningReviewServer & { readonly close: () => Promise<void> }> => {
  const scope = await Effect.runPromise(Scope.make())
  try {
    const running = await Effect.runPromise(makeReviewServer(options).pipe(Scope.provide(scope)))
    return { ...running, close: () => Effect.runPromise(Scope.close(scope, Exit.void)) }
  } catch (error) {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    throw error
  }
}

/** A fresh access token when `TACHA_REVISION_TOKEN` is not set. */
export const randomToken = (): string => randomBytes(18).toString("base64url")
