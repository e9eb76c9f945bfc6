import { availableParallelism } from "node:os"
import { resolve } from "node:path"
import { stat } from "node:fs/promises"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { Command, Flag } from "effect/cli"
import { parseQueueAddress } from "../queue/QueueAddress.ts"
import { queueTimings } from "../queue/queueTimings.ts"
import { StopSignal } from "./StopSignal.ts"
import { showPath, UserError } from "./userError.ts"

/** `--cola`, shared by `tacha run` (coordinator) and `tacha trabajador`. */
export const queueFlag = Flag.String("cola").pipe(
  Flag.withMetavar("url"),
  Flag.withDescription("Cola Redis: redis://[usuario:clave@]servidor:puerto (la clave también puede ir en la variable TACHA_COLA_CLAVE)"),
)

/**
 * The queue a `--cola` URL names, connected: it must answer before anything
 * is written or analysed. Its client (BullMQ, ioredis) is loaded only by the
 * commands that use a queue.
 */
export const connectQueue = (url: string) =>
  Effect.gen(function*() {
    const address = yield* parseQueueAddress(url)
    const { openQueueConnection } = yield* Effect.promise(() => import("../queue/QueueConnection.ts"))
    return yield* openQueueConnection(address)
  })

/**
 * How long a worker keeps a pipeline's analysis loaded after its last batch:
 * long enough to bridge the gap between the batches of one export, short
 * enough that an idle worker gives its memory back within minutes.
 */
const DEFAULT_KEEP_SECONDS = 300

export const workerCommand = Command.make(
  "trabajador",
  {
    cola: queueFlag,
    concurrencia: Flag.Int("concurrencia").pipe(
      Flag.withMetavar("n"),
      Flag.withDescription(`Documentos que analiza a la vez (por defecto: los núcleos de esta máquina, ${availableParallelism()})`),
      Flag.optional,
    ),
    entrada: Flag.String("entrada").pipe(
      Flag.withMetavar("carpeta"),
      Flag.withDescription("Carpeta de entrada compartida, montada en esta máquina: de ahí lee los documentos de los lotes corridos con --entrada-compartida"),
      Flag.optional,
    ),
    mantener: Flag.Int("mantener").pipe(
      Flag.withMetavar("segundos"),
      Flag.withDescription(`Segundos que conserva cargado el análisis de un pipeline (hilos, modelo) después de su último lote, para el siguiente lote del mismo pipeline (por defecto: ${DEFAULT_KEEP_SECONDS}; con 0 lo descarga al terminar cada lote)`),
      Flag.withDefault(DEFAULT_KEEP_SECONDS),
    ),
  },
  Effect.fn(function*({ cola, concurrencia, entrada, mantener }) {
    const concurrency = Option.getOrElse(concurrencia, () => availableParallelism())
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      return yield* new UserError({ message: `--concurrencia ${concurrency} no es válida.`, hint: "Indique un entero de 1 a 64." })
    }
    if (!Number.isInteger(mantener) || mantener < 0 || mantener > 86_400) {
      return yield* new UserError({ message: `--mantener ${mantener} no es válido.`, hint: "Indique los segundos, de 0 a 86400." })
    }
    const inputRoot = yield* Option.match(entrada, {
      onNone: () => Effect.succeed(undefined),
      onSome: (given) =>
        Effect.promise(() => stat(resolve(given)).catch(() => undefined)).pipe(
          Effect.flatMap((info) =>
            info?.isDirectory()
              ? Effect.succeed(resolve(given))
              : Effect.fail(new UserError({ message: `la entrada compartida --entrada ${showPath(given, resolve(given))} no es una carpeta.`, hint: "Indique la carpeta de resoluciones tal como está montada en esta máquina." }))
          ),
        ),
    })
    const connection = yield* connectQueue(cola)
    const { serveQueue } = yield* Effect.promise(() => import("../queue/serveQueue.ts"))
    const stop = yield* StopSignal
    const say = (line: string) => process.stdout.write(line + "\n")
    const unlisten = stop.listen(() => say("Detención pedida: se terminan los documentos en curso (Ctrl-C otra vez corta ya)."))
    say(`Trabajador conectado a la cola ${connection.address.shown} (concurrencia ${concurrency}${inputRoot ? `, entrada compartida ${inputRoot}` : ""}); espera lotes. Ctrl-C para detener.`)
    yield* serveQueue(connection, { concurrency, keepMs: mantener * 1000, ...(inputRoot ? { inputRoot } : {}), timings: queueTimings(), stopRequested: stop.requested, say }).pipe(
      Effect.ensuring(Effect.sync(unlisten)),
    )
    say("Trabajador detenido.")
  }, Effect.scoped),
).pipe(Command.withDescription("Analiza documentos de los lotes de una cola Redis (tacha run --cola) en esta máquina"))
