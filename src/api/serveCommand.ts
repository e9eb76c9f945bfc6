import { access } from "node:fs/promises"
import { join, resolve } from "node:path"
import { Console, Data, Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { makeServer } from "./server.ts"

/**
 * `tacha serve <dir> [--puerto N] [--host H]`: the read-only API and the
 * dashboard over `<dir>/public`, the output folder of `tacha run`. Nothing
 * under `<dir>/private` is ever served. Runs until interrupted (Ctrl+C).
 */
/** The folder given has no `public/`: it is not the output of `tacha run`. */
export class NoPublicFolder extends Data.TaggedError("NoPublicFolder")<{ readonly dir: string }> {
  override get message() {
    return `No existe ${this.dir}: indique la carpeta de salida de 'tacha run' (la que contiene public/).`
  }
}

export const serveCommand = Command.make(
  "serve",
  {
    dir: Argument.String("carpeta").pipe(
      Argument.withDescription("Carpeta de salida de 'tacha run' (se sirve sólo su subcarpeta public/)"),
    ),
    puerto: Flag.Int("puerto").pipe(Flag.withDescription("Puerto TCP (0: uno libre)"), Flag.withDefault(8080)),
    host: Flag.String("host").pipe(Flag.withDescription("Dirección en la que escuchar"), Flag.withDefault("127.0.0.1")),
  },
  Effect.fn(function*({ dir, puerto, host }) {
    const publicDir = join(resolve(dir), "public")
    yield* Effect.tryPromise({ try: () => access(publicDir), catch: () => new NoPublicFolder({ dir: publicDir }) })
    const server = yield* makeServer({ publicDir, port: puerto, host })
    yield* Console.log(`Tablero y API de sólo lectura sobre ${publicDir}`)
    yield* Console.log(`  Tablero:  ${server.url}/`)
    yield* Console.log(`  API:      ${server.url}/api/v1/resoluciones  (OpenAPI: ${server.url}/api/v1/openapi.json)`)
    yield* Console.log("Ctrl+C para detener.")
    return yield* Effect.never
  }, Effect.scoped),
).pipe(Command.withDescription("Sirve el tablero y la API de sólo lectura sobre los datos públicos de una salida de 'tacha run'"))
