import { readFile } from "node:fs/promises"
import { dirname, isAbsolute, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Runtime from "effect/Runtime"
import { z } from "zod"
import { readRoster } from "../detect/rules/roster.ts"
import { PipelineConfigSchema, type PipelineConfig } from "./PipelineConfig.ts"

/** The repository root, from which bundled pipelines and models are found. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..")

export const DEFAULT_PIPELINE = join(PROJECT_ROOT, "pipelines", "caba-penal.json")

/** The roster's file (`funcionarios`): relative to the repository root, as the NER model's folder is. */
export const rosterPath = (file: string): string => (isAbsolute(file) ? file : join(PROJECT_ROOT, file))

/** A pipeline file that cannot be read or does not follow the schema. */
export class PipelineConfigError extends Data.TaggedError("PipelineConfigError")<{
  readonly file: string
  readonly problems: readonly string[]
}> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `Configuración de pipeline inválida en ${this.file}:\n  - ${this.problems.join("\n  - ")}`
  }
  get hint(): string {
    return "Corrija el archivo o indique otro con --pipeline (los incluidos están en pipelines/)."
  }
}

/** Where JSON.parse stopped, as a person counts lines and columns (from 1). */
const syntaxPosition = (content: string, error: unknown): string => {
  const match = /position (\d+)/u.exec(error instanceof Error ? error.message : "")
  if (match === null) return "no es JSON válido"
  const before = content.slice(0, Number(match[1]))
  const line = before.split("\n").length
  const column = before.length - before.lastIndexOf("\n")
  return `no es JSON válido: error de sintaxis en la línea ${line}, columna ${column}`
}

const readProblem = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code
  return code === "ENOENT" ? "el archivo no existe" : code === "EISDIR" ? "es una carpeta, no un archivo" : `no se pudo leer (${code ?? "error"})`
}

/** How many times this process loaded a pipeline file (the Pipeline service keeps it at one per command). */
let loads = 0
export const pipelineLoads = (): number => loads

export const loadPipelineConfig = (file: string = DEFAULT_PIPELINE): Effect.Effect<PipelineConfig, PipelineConfigError> =>
  Effect.tryPromise({
    try: () => (loads++, readFile(file, "utf8")),
    catch: (error) => new PipelineConfigError({ file, problems: [readProblem(error)] }),
  }).pipe(
    Effect.flatMap((content) =>
      Effect.try({
        try: () => JSON.parse(content) as unknown,
        catch: (error) => new PipelineConfigError({ file, problems: [syntaxPosition(content, error)] }),
      })
    ),
    Effect.flatMap((json) => {
      // Zod's own messages, in Spanish; the schema's custom messages already are.
      const parsed = PipelineConfigSchema.safeParse(json, { error: z.locales.es().localeError })
      if (parsed.success && parsed.data.funcionarios) {
        const roster = readRoster(rosterPath(parsed.data.funcionarios))
        if ("error" in roster) return Effect.fail(new PipelineConfigError({ file, problems: [`funcionarios: ${roster.error}`] }))
      }
      return parsed.success
        ? Effect.succeed(parsed.data)
        : Effect.fail(new PipelineConfigError({
          file,
          problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(raíz)"}: ${issue.message}`),
        }))
    }),
  )
