import { readFile } from "node:fs/promises"
import * as Effect from "effect/Effect"
import { z } from "zod"
import { ReviewActionSchema, type ReviewAction } from "./reviewAction.ts"
import { ReviewError } from "./ReviewError.ts"

/**
 * A decisions file (`decisiones.jsonl`): one JSON object a line, blank lines
 * ignored. Every bad line is reported (line number and field, never the
 * line's text), and a file with any bad line yields no action at all.
 */
const SPANISH = z.locales.es().localeError

/** The lines of a JSONL file of actions that `schema` checks (decisions, control verdicts), each with its line number. */
export const readActionFile = <A>(file: string, schema: z.ZodType<A>): Effect.Effect<{ line: number; action: A }[], ReviewError> =>
  Effect.tryPromise({
    try: () => readFile(file, "utf8"),
    catch: (error) =>
      new ReviewError({ reason: "archivo_decisiones", detail: `No se pudo leer el archivo de decisiones ${file} (${(error as NodeJS.ErrnoException).code ?? "error"}).` }),
  }).pipe(
    Effect.flatMap((content) => {
      const actions: { line: number; action: A }[] = []
      const errors: string[] = []
      content.split(/\r?\n/u).forEach((raw, index) => {
        const line = index + 1
        if (raw.trim() === "") return
        let json: unknown
        try {
          json = JSON.parse(raw)
        } catch {
          errors.push(`línea ${line}: no es un objeto JSON válido.`)
          return
        }
        const parsed = schema.safeParse(json, { error: SPANISH })
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = issue.path.join(".")
            errors.push(`línea ${line}: ${field ? `campo '${field}': ` : ""}${issue.message}`)
          }
          return
        }
        actions.push({ line, action: parsed.data })
      })
      if (errors.length > 0) {
        return Effect.fail(new ReviewError({ reason: "archivo_decisiones", detail: `${file}: no se aplicó ninguna decisión:\n  - ${errors.join("\n  - ")}` }))
      }
      if (actions.length === 0) return Effect.fail(new ReviewError({ reason: "archivo_decisiones", detail: `${file}: no contiene ninguna decisión.` }))
      return Effect.succeed(actions)
    }),
  )

export const readDecisionFile = (file: string): Effect.Effect<{ line: number; action: ReviewAction }[], ReviewError> =>
  readActionFile(file, ReviewActionSchema)
