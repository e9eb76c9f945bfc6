import { access } from "node:fs/promises"
import { join, resolve } from "node:path"
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { publishApproved } from "../review/publishApproved.ts"
import { reviewConfig } from "../review/reviewConfig.ts"
import { ReviewError } from "../review/ReviewError.ts"

/** The output folder must exist and hold a run's private outputs. */
export const requireOutput = (outDir: string) =>
  Effect.tryPromise({
    try: () => access(join(outDir, "private")),
    catch: () => new ReviewError({ reason: "sin_salida", detail: `No existe ${join(outDir, "private")}: indique la carpeta de salida de 'tacha run' con --out.` }),
  })

export const pipelineFlag = Flag.String("pipeline").pipe(
  Flag.withDescription("Configuración del pipeline (por defecto, la que usó la última ejecución de 'tacha run' en esa carpeta)"),
  Flag.optional,
)

export const publishCommand = Command.make(
  "publicar",
  {
    out: Flag.String("out").pipe(Flag.withDescription("Carpeta de salida de 'tacha run' (por defecto: out)"), Flag.withDefault("out")),
    pipeline: pipelineFlag,
  },
  Effect.fn(function*({ out, pipeline }) {
    const outDir = resolve(out)
    yield* requireOutput(outDir)
    const config = yield* reviewConfig(outDir, pipeline)
    const summary = yield* publishApproved(outDir, config, new Date())
    yield* Console.log(`Publicación en ${join(outDir, "public")}`)
    yield* Console.log(`  Aprobadas publicadas ahora:     ${summary.published}`)
    if (summary.heldAgain > 0) yield* Console.log(`  Retenidas otra vez por el control final (vuelven a la cola): ${summary.heldAgain}`)
    if (summary.excluded > 0) yield* Console.log(`  Excluidas por la política de publicación: ${summary.excluded}`)
    yield* Console.log(`  Conjuntos de datos, catálogo y estadísticas actualizados (${summary.store.added.length} altas, ${summary.store.updated.length} cambios).`)
  }),
).pipe(Command.withDescription("Publica las resoluciones aprobadas en la revisión (las vuelve a controlar) y actualiza datos, catálogo y estadísticas"))
