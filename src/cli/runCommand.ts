import { resolve } from "node:path"
import { Console, Data, Effect, Option, Runtime } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { DEFAULT_PIPELINE, loadPipelineConfig } from "../domain/loadPipelineConfig.ts"
import { Analyser } from "../pipeline/Analyser.ts"
import { formatSummary } from "../pipeline/formatSummary.ts"
import { progressBar } from "../pipeline/progressBar.ts"
import { runBatch } from "../pipeline/runBatch.ts"

/** Some documents failed: outputs of the others are kept, the exit code says so. */
export class BatchIncomplete extends Data.TaggedError("BatchIncomplete")<{ readonly failed: number }> {
  override readonly [Runtime.errorExitCode] = 1
  override readonly [Runtime.errorReported] = false
}

export const runCommand = Command.make(
  "run",
  {
    input: Argument.String("entrada").pipe(
      Argument.withDescription("Carpeta de resoluciones (se recorre recursivamente) o manifiesto CSV/JSON"),
    ),
    out: Flag.String("out").pipe(Flag.withDescription("Carpeta de salida"), Flag.withDefault("out")),
    pipeline: Flag.String("pipeline").pipe(
      Flag.withDescription("Archivo de configuración del pipeline (pipelines/*.json)"),
      Flag.optional,
    ),
  },
  Effect.fn(function*({ input, out, pipeline }) {
    const config = yield* loadPipelineConfig(Option.getOrElse(pipeline, () => DEFAULT_PIPELINE))
    const bar = progressBar()
    yield* Console.log(`Procesando ${input} → ${out} (pipeline ${config.name} ${config.version})`)
    const summary = yield* runBatch({
      input: resolve(input),
      outDir: resolve(out),
      config,
      onProgress: bar.update,
    }).pipe(Effect.provide(Analyser.layer(config)))
    bar.finish()
    yield* Console.log(formatSummary(summary))
    // Rulings the publication policy excludes on purpose are listed, but they
    // are the policy working, not a failed batch.
    const failed = summary.failures.filter((failure) => failure.reason !== "excluded_category").length
    if (failed > 0) {
      yield* Console.error(`Atención: ${failed} documento(s) no se procesaron o quedaron retenidos; ver private/failures.jsonl.`)
      return yield* new BatchIncomplete({ failed })
    }
  }),
).pipe(Command.withDescription("Anonimiza un lote de resoluciones y escribe las salidas públicas y privadas"))
