import { access } from "node:fs/promises"
import { join, resolve } from "node:path"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Runtime from "effect/Runtime"
import { Argument, Command, Flag } from "effect/cli"
import { EXIT, showPath, UserError } from "../cli/userError.ts"

/**
 * `tacha serve <dir> [--puerto N] [--host H]`: the read-only API and the
 * dashboard over `<dir>/public`, the output folder of `tacha run`. Nothing
 * under `<dir>/private` is ever served. Runs until interrupted (Ctrl+C).
 */
/** The folder given has no `public/`: it is not the output of `tacha run`. */
export class NoPublicFolder extends Data.TaggedError("NoPublicFolder")<{ readonly dir: string }> {
  override readonly [Runtime.errorExitCode] = EXIT.usage
  override get message() {
    return `No existe ${this.dir}: indique la carpeta de salida de 'tacha run' (la que contiene public/).`
  }
}

/** Why the server could not listen, for the errors a clerk can fix (port taken, no permission, unknown host). */
const listenProblem = (port: number, host: string) => (cause: Cause.Cause<unknown>): Effect.Effect<never, unknown> => {
  const error = Cause.squash(cause) as { cause?: { code?: string } } | undefined
  const code = error?.cause?.code
  switch (code) {
    case "EADDRINUSE":
      return Effect.fail(new UserError({ message: `el puerto ${port} ya está en uso en ${host}.`, hint: "Elija otro con --puerto (0 elige uno libre) o detenga el programa que lo usa." }))
    case "EACCES":
      return Effect.fail(new UserError({ message: `no hay permiso para escuchar en el puerto ${port}.`, hint: "Los puertos menores que 1024 requieren permisos de administrador: elija otro con --puerto." }))
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return Effect.fail(new UserError({ message: `la dirección --host «${host}» no es de esta máquina.`, hint: "Use 127.0.0.1 (sólo esta máquina) o 0.0.0.0 (toda la red)." }))
    default:
      return Effect.failCause(cause)
  }
}

export const serveCommand = Command.make(
  "serve",
  {
    dir: Argument.String("carpeta").pipe(
      Argument.withDescription("Carpeta de salida de 'tacha run' (se sirve sólo su subcarpeta public/)"),
    ),
    puerto: Flag.Int("puerto").pipe(Flag.withMetavar("n"), Flag.withDescription("Puerto TCP, de 0 a 65535; 0 elige uno libre (por defecto: 8080)"), Flag.withDefault(8080)),
    host: Flag.String("host").pipe(
      Flag.withMetavar("dirección"),
      Flag.withDescription("Dirección en la que escuchar; 0.0.0.0 abre el servicio a la red (por defecto: 127.0.0.1, sólo esta máquina)"),
      Flag.withDefault("127.0.0.1"),
    ),
  },
  Effect.fn(function*({ dir, puerto, host }) {
    if (!Number.isInteger(puerto) || puerto < 0 || puerto > 65535) {
      return yield* new UserError({ message: `--puerto ${puerto} no es un puerto válido.`, hint: "Indique un número de 0 a 65535 (0 elige uno libre)." })
    }
    const publicDir = join(resolve(dir), "public")
    yield* Effect.tryPromise({ try: () => access(publicDir), catch: () => new NoPublicFolder({ dir: showPath(dir, publicDir) }) })
    // The HTTP server's modules are loaded by this command only.
    const { makeServer } = yield* Effect.promise(() => import("./server.ts"))
    const server = yield* makeServer({ publicDir, port: puerto, host }).pipe(Effect.catchCause(listenProblem(puerto, host)))
    yield* Console.log(`Tablero y API de sólo lectura sobre ${publicDir}`)
    yield* Console.log(`  Tablero:  ${server.url}/`)
    yield* Console.log(`  API:      ${server.url}/api/v1/resoluciones  (OpenAPI: ${server.url}/api/v1/openapi.json)`)
    yield* Console.log("Ctrl+C para detener.")
    return yield* Effect.never
  }, Effect.scoped),
).pipe(Command.withDescription("Sirve el tablero y la API de sólo lectura sobre los datos públicos de una salida de 'tacha run'"))
