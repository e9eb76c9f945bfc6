import { randomBytes } from "node:crypto"
import { readFile } from "node:fs/promises"
import { createServer } from "node:http"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Runtime from "effect/Runtime"
import * as Scope from "effect/Scope"
import { HttpRouter, HttpServer, HttpServerRequest, HttpServerResponse } from "effect/http"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { ControlActionSchema, applyControlVerdicts, controlQueue, controlView } from "./qualityControl.ts"
import { ReviewActionSchema } from "./reviewAction.ts"
import { COOKIE, failure, HEADERS, json, loginPage, Reviewer, reviewErrors, sameSecret, sameSite, session, type Session } from "./reviewMiddleware.ts"
import { applyActions, queueState, rulingUnderReview, undoDecision } from "./reviewQueue.ts"
import { ReviewError } from "./ReviewError.ts"
import { rulingView } from "./reviewView.ts"

/**
 * The review app (`tacha revisar`): a private web app over one output
 * folder's review queue, on the loopback interface only, never mounted on
 * the public server. Every request needs the token (`Authorization: Bearer`)
 * or the session cookie the login page sets; state changes are POST with
 * the session's CSRF token (`x-csrf-token`); requests naming another Host
 * are refused (DNS rebinding): middleware on Effect's `HttpRouter`
 * (`reviewMiddleware.ts`). Any other path or method is 404. Routes:
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

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "app")
const MAX_BODY = 64 * 1024

const readBody = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const length = Number(request.headers["content-length"] ?? "0")
    if (!Number.isFinite(length) || length > MAX_BODY) return yield* Effect.fail("grande" as const)
    const text = yield* request.text.pipe(Effect.mapError(() => "ilegible" as const))
    if (text.length > MAX_BODY) return yield* Effect.fail("grande" as const)
    return text
  })

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

/** One of the app's files, read at each request (no cache: the app is small and local). */
const asset = (file: string, type: string) =>
  Effect.promise(() => readFile(join(APP_DIR, file), "utf8")).pipe(
    Effect.map((content) => HttpServerResponse.text(content, { contentType: type, headers: HEADERS })),
  )

/** The `:id` of the route: the ids the pipeline writes, nothing that could name another path. */
const ID = ":id([A-Za-z0-9._-]+)"

const routeId = Effect.map(HttpRouter.params, (params) => params["id"]!)

/** The routes open to anyone that reaches this server: the login form, the style sheet the login page needs (it holds no data), the icon. */
const openRoutes = (token: string, sessions: Map<string, Session>) => {
  // Built apart from addAll: as its argument, the routes' error and requirement types would be inferred from its `Route<any, any>` bound.
  const routes = [
    HttpRouter.route("POST", "/ingresar", (request) =>
      Effect.gen(function*() {
        const body = yield* readBody(request).pipe(Effect.orElseSucceed(() => ""))
        const form = new URLSearchParams(body)
        const given = form.get("token") ?? ""
        const reviewer = (form.get("revisor") ?? "").trim().slice(0, 100)
        if (!sameSecret(given, token)) return loginPage("Código de acceso incorrecto.")
        if (reviewer.length === 0) return loginPage("Escriba su nombre: queda registrado con cada decisión.")
        const id = randomBytes(32).toString("base64url")
        sessions.set(id, { reviewer, csrf: randomBytes(32).toString("base64url") })
        return HttpServerResponse.empty({
          status: 303,
          headers: { ...HEADERS, location: "/", "set-cookie": `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/` },
        })
      })),
    HttpRouter.route("GET", "/app.css", asset("app.css", "text/css; charset=utf-8")),
    HttpRouter.route("GET", "/favicon.ico", HttpServerResponse.empty({ status: 204, headers: HEADERS })),
  ]
  return HttpRouter.addAll(routes)
}

const view = (options: ReviewServerOptions, id: string) =>
  rulingUnderReview(options.outDir, id, options.config).pipe(
    Effect.map(({ status, record, decisions, reviewed }) => json(rulingView(status, record, reviewed, decisions))),
  )

const searchOf = (request: HttpServerRequest.HttpServerRequest): URLSearchParams => {
  const at = request.url.indexOf("?")
  return new URLSearchParams(at < 0 ? "" : request.url.slice(at + 1))
}

const queue = (options: ReviewServerOptions, search: URLSearchParams) =>
  queueState(options.outDir).pipe(Effect.map(({ pending, done }) => {
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

const act = (options: ReviewServerOptions, request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const id = yield* routeId
    const who = yield* Reviewer
    const body = yield* jsonBody(request)
    if (!body.ok) return failure(400, "El cuerpo debe ser un objeto JSON.")
    const action = ReviewActionSchema.safeParse({ ...(body.value as object), id, revisor: who.name })
    if (!action.success) return failure(400, "Acción inválida: " + action.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "))
    yield* applyActions(options.outDir, options.config, [{ line: 1, action: action.data }], who.name, new Date().toISOString())
    return yield* view(options, id)
  })

const controlList = (options: ReviewServerOptions) =>
  controlQueue(options.outDir).pipe(Effect.map(({ pending, done }) =>
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

const controlVerdict = (options: ReviewServerOptions, request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const id = yield* routeId
    const who = yield* Reviewer
    const body = yield* jsonBody(request)
    if (!body.ok) return failure(400, "El cuerpo debe ser un objeto JSON.")
    const given = (body.value as { acciones?: unknown }).acciones
    if (!Array.isArray(given) || given.length === 0 || given.length > 200) return failure(400, "Falta 'acciones': una lista de veredictos.")
    const actions = []
    for (const [index, item] of given.entries()) {
      const action = ControlActionSchema.safeParse({ ...(item as object), id, revisor: who.name })
      if (!action.success) return failure(400, "Veredicto inválido: " + action.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "))
      actions.push({ line: index + 1, action: action.data })
    }
    const result = yield* applyControlVerdicts(options.outDir, options.config, actions, who.name, new Date().toISOString())
    return json({ correctas: result.correct, con_errores: result.withErrors, retiradas: result.withdrawn })
  })

/** The app and its API, behind `session`; any other path or method is 404 (to a caller who may know). */
const sessionRoutes = (options: ReviewServerOptions, sessions: Map<string, Session>) => {
  const routes = [
    HttpRouter.route("GET", "/", asset("index.html", "text/html; charset=utf-8")),
    HttpRouter.route("GET", "/app.js", asset("app.js", "text/javascript; charset=utf-8")),
    HttpRouter.route("GET", "/api/sesion", Effect.map(Reviewer, (who) => json({ revisor: who.name, csrf: who.csrf }))),
    HttpRouter.route("GET", "/api/cola", (request) => queue(options, searchOf(request))),
    HttpRouter.route("POST", "/salir", (request) =>
      Effect.sync(() => {
        sessions.delete(request.cookies[COOKIE] ?? "")
        return HttpServerResponse.empty({ status: 303, headers: { ...HEADERS, location: "/", "set-cookie": `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` } })
      })),
    HttpRouter.route("GET", "/api/control", controlList(options)),
    HttpRouter.route("GET", `/api/control/${ID}`, Effect.flatMap(routeId, (id) => Effect.map(controlView(options.outDir, id), json))),
    HttpRouter.route("POST", `/api/control/${ID}`, (request) => controlVerdict(options, request)),
    HttpRouter.route("GET", `/api/resoluciones/${ID}`, Effect.flatMap(routeId, (id) => view(options, id))),
    HttpRouter.route("POST", `/api/resoluciones/${ID}/acciones`, (request) => act(options, request)),
    HttpRouter.route("POST", `/api/resoluciones/${ID}/deshacer`, Effect.gen(function*() {
      const id = yield* routeId
      const who = yield* Reviewer
      yield* undoDecision(options.outDir, id, who.name, new Date().toISOString())
      return yield* view(options, id)
    })),
    HttpRouter.route("*", "*", failure(404, "No existe esa ruta.")),
  ]
  return HttpRouter.addAll(routes).pipe(Layer.provide(session({ token: options.token, reviewer: options.reviewer, sessions }).layer))
}

/** Route paths as written (no case folding, no trailing-slash aliases); ids up to 200 characters. */
const ROUTER_CONFIG = { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: 200 }

/** Start the review app in the current scope; closing the scope stops it. */
export const makeReviewServer = Effect.fn("makeReviewServer")(function*(options: ReviewServerOptions) {
  if (!LOOPBACK_HOSTS.has(options.host)) return yield* new ReviewServerError({ host: options.host })
  const host = options.host === "localhost" ? "127.0.0.1" : options.host
  // Listening first: the port is part of the names the Host check admits.
  const listening = yield* Layer.build(NodeHttpServer.layer(() => createServer(), { port: options.port, host }))
  const address = Context.get(listening, HttpServer.HttpServer).address
  const port = address._tag === "UnixPathAddress" ? options.port : address.port
  const sessions = new Map<string, Session>()
  const app = Layer.mergeAll(openRoutes(options.token, sessions), sessionRoutes(options, sessions), sameSite([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]), reviewErrors)
  yield* Layer.build(
    HttpRouter.serve(app, { routerConfig: ROUTER_CONFIG, disableLogger: true, disableListenLog: true }).pipe(Layer.provide(Layer.succeedContext(listening))),
  )
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
