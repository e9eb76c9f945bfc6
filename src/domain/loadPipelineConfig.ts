import { readFile } from "node:fs/promises"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Data, Effect, Runtime } from "effect"
import { PipelineConfigSchema, type PipelineConfig } from "./PipelineConfig.ts"

/** The repository root, from which bundled pipelines and models are found. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..")

export const DEFAULT_PIPELINE = join(PROJECT_ROOT, "pipelines", "caba-penal.json")

/** A pipeline file that cannot be read or does not follow the schema. */
export class PipelineConfigError extends Data.TaggedError("PipelineConfigError")<{
  readonly file: string
  readonly problems: readonly string[]
}> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `Configuración de pipeline inválida en ${this.file}:\n  - ${this.problems.join("\n  - ")}`
  }
}

export const loadPipelineConfig = (file: string = DEFAULT_PIPELINE): Effect.Effect<PipelineConfig, PipelineConfigError> =>
  Effect.tryPromise({
    try: () => readFile(file, "utf8"),
    catch: (error) => new PipelineConfigError({ file, problems: [`no se pudo leer (${(error as NodeJS.ErrnoException).code ?? "error"})`] }),
  }).pipe(
    Effect.flatMap((content) =>
      Effect.try({
        try: () => JSON.parse(content) as unknown,
        catch: () => new PipelineConfigError({ file, problems: ["no es JSON válido"] }),
      })
    ),
    Effect.flatMap((json) => {
      const parsed = PipelineConfigSchema.safeParse(json)
      return parsed.success
        ? Effect.succeed(parsed.data)
        : Effect.fail(new PipelineConfigError({
          file,
          problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(raíz)"}: ${issue.message}`),
        }))
    }),
  )
