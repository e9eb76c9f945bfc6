import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { Command, Flag } from "effect/cli"
import { publishApproved } from "../review/publishApproved.ts"
import { OutputFolder } from "../store/OutputFolder.ts"

export const pipelineFlag = Flag.String("pipeline").pipe(
  Flag.withDescription("Configuración del pipeline (por defecto, la que usó la última ejecución de 'tacha run' en esa carpeta)"),
  Flag.optional,
)

/** Its output folder (checked to hold a run's outputs), pipeline, rule detectors and store are wired in the CLI's main from `--out` and `--pipeline`. */
export const publishCommand = Command.make(
  "publicar",
  {
    out: Flag.String("out").pipe(Flag.withDescription("Carpeta de salida de 'tacha run' (por defecto: out)"), Flag.withDefault("out")),
    pipeline: pipelineFlag,
  },
  Effect.fn(function*() {
    const folder = yield* OutputFolder
    const summary = yield* publishApproved(new Date())
    yield* Console.log(`Publicación en ${folder.publicDir}`)
    yield* Console.log(`  Aprobadas publicadas ahora:     ${summary.published}`)
    if (summary.heldAgain > 0) yield* Console.log(`  Retenidas otra vez por el control final (vuelven a la cola): ${summary.heldAgain}`)
    if (summary.excluded > 0) yield* Console.log(`  Excluidas por la política de publicación: ${summary.excluded}`)
    yield* Console.log(`  Conjuntos de datos, catálogo y estadísticas actualizados (${summary.store.added.length} altas, ${summary.store.updated.length} cambios).`)
  }),
).pipe(Command.withDescription("Publica las resoluciones aprobadas en la revisión (las vuelve a controlar) y actualiza datos, catálogo y estadísticas"))
