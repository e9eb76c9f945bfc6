import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { Argument, Command, Flag } from "effect/cli"
import { pipelineFlag } from "../cli/publishCommand.ts"
import { Pipeline } from "../pipeline/Pipeline.ts"
import { OutputFolder } from "../store/OutputFolder.ts"

/**
 * `tacha revisar <dir> [--puerto N] [--revisor NOMBRE]`: the review app over
 * `<dir>`'s queue, on 127.0.0.1 only. The access code is
 * `TACHA_REVISION_TOKEN` when set, else a random one printed here.
 * Runs until interrupted (Ctrl+C). Its output folder (checked), pipeline
 * and store are wired in the CLI's main; the store stays open, shared by
 * every request, until the app stops.
 */
export const reviewAppCommand = Command.make(
  "revisar",
  {
    dir: Argument.String("carpeta").pipe(Argument.withDescription("Carpeta de salida de 'tacha run'")),
    puerto: Flag.Int("puerto").pipe(Flag.withDescription("Puerto TCP (0: uno libre) (por defecto: 8090)"), Flag.withDefault(8090)),
    host: Flag.String("host").pipe(Flag.withDescription("Dirección local en la que escuchar: 127.0.0.1, ::1 o localhost (por defecto: 127.0.0.1)"), Flag.withDefault("127.0.0.1")),
    revisor: Flag.String("revisor").pipe(Flag.withDescription("Quién decide en las solicitudes hechas con el código (la página de ingreso pide el nombre)"), Flag.optional),
    pipeline: pipelineFlag,
  },
  Effect.fn(function*({ puerto, host, revisor }) {
    const { dir: outDir } = yield* OutputFolder
    const { config } = yield* Pipeline
    const fromEnv = process.env["TACHA_REVISION_TOKEN"]?.trim()
    // The HTTP server's modules are loaded by this command only.
    const { makeReviewServer, randomToken } = yield* Effect.promise(() => import("./server.ts"))
    const token = fromEnv && fromEnv.length > 0 ? fromEnv : randomToken()
    const server = yield* makeReviewServer({ outDir, config, port: puerto, host, token, ...(Option.isSome(revisor) ? { reviewer: revisor.value } : {}) })
    yield* Console.log(`Revisión de ${outDir} (sólo en esta computadora)`)
    yield* Console.log(`  Abra:   ${server.url}/`)
    yield* Console.log(fromEnv ? "  Código: el de la variable TACHA_REVISION_TOKEN" : `  Código: ${token}`)
    yield* Console.log("Publique lo aprobado con 'tacha publicar'. Ctrl+C para detener.")
    return yield* Effect.never
  }, Effect.scoped),
).pipe(Command.withDescription("Abre la revisión en el navegador: resoluciones retenidas, decisiones y aprobación (sólo local, con código de acceso)"))
