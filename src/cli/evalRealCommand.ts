import { existsSync } from "node:fs"
import { resolve } from "node:path"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import { Argument, Command, Flag } from "effect/cli"
import { DEFAULT_PIPELINE, loadPipelineConfig } from "../domain/loadPipelineConfig.ts"
import { formatRealReport } from "../eval/formatRealReport.ts"
import { reportFromInput, reportFromOutput } from "../eval/realTextRun.ts"
import { loadNerDetector } from "../pipeline/loadNerDetector.ts"

/** The folder given is not what the command needs. */
export class RealTextFolderError extends Data.TaggedError("RealTextFolderError")<{ readonly folder: string; readonly cause: string }> {
  override readonly [Runtime.errorExitCode] = 2
  /** The command prints the message itself, without a stack trace. */
  override readonly [Runtime.errorReported] = false
  override get message(): string {
    return `${this.folder}: ${this.cause}`
  }
}

export const evalRealCommand = Command.make(
  "eval-real",
  {
    folder: Argument.String("carpeta").pipe(
      Argument.withDescription("Carpeta de salida de `tacha run` (o, con --analizar, carpeta de resoluciones)"),
    ),
    analyse: Flag.Boolean("analizar").pipe(
      Flag.withDescription("Analiza en memoria las resoluciones de la carpeta (no escribe nada): mide también las que el control retendría"),
      Flag.withDefault(false),
    ),
    pipeline: Flag.String("pipeline").pipe(
      Flag.withDescription("Pipeline con el que analizar (sólo con --analizar; por defecto: pipelines/caba-penal.json)"),
      Flag.optional,
    ),
  },
  Effect.fn(function*({ folder, analyse, pipeline }) {
    const dir = resolve(folder)
    if (!existsSync(dir)) return yield* new RealTextFolderError({ folder, cause: "la carpeta no existe" })
    const report = analyse
      ? yield* Effect.scoped(Effect.gen(function*() {
        const config = yield* loadPipelineConfig(Option.getOrElse(pipeline, () => DEFAULT_PIPELINE))
        const extra = yield* loadNerDetector(config)
        return yield* Effect.promise(() => reportFromInput(dir, config, extra))
      }))
      : existsSync(resolve(dir, "private", "audit"))
      ? yield* Effect.promise(() => reportFromOutput(dir))
      : yield* new RealTextFolderError({ folder, cause: "no es una carpeta de salida de tacha run (falta private/audit); para analizar resoluciones use --analizar" })
    yield* Console.log(formatRealReport(report))
  }, Effect.tapError((error) => (error instanceof RealTextFolderError ? Console.error(`Error: ${error.message}`) : Effect.void))),
).pipe(Command.withDescription("Mide sobre resoluciones reales sin anotaciones: publicadas, retenidas por causa, funcionarios visibles, firmantes visibles y DNI ocultados"))
