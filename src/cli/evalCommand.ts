import { stat } from "node:fs/promises"
import { join, resolve } from "node:path"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { Argument, Command } from "effect/cli"
import { evaluate } from "../eval/evaluate.ts"
import { formatReport } from "../eval/formatReport.ts"
import { EXIT, ExitWith, showPath, UserError } from "./userError.ts"

const isFolder = (path: string) => Effect.promise(() => stat(path).then((info) => info.isDirectory(), () => false))
const isFile = (path: string) => Effect.promise(() => stat(path).then((info) => info.isFile(), () => false))

export const evalCommand = Command.make(
  "eval",
  {
    gold: Argument.String("referencia").pipe(Argument.withDescription("Anotaciones de referencia (JSONL, p. ej. samples/gold.jsonl)")),
    out: Argument.String("salida").pipe(Argument.withDescription("Carpeta de salida de `tacha run` (la que contiene private/audit/)")),
  },
  Effect.fn(function*({ gold, out }) {
    const goldPath = resolve(gold)
    const outDir = resolve(out)
    if (!(yield* isFile(goldPath))) {
      return yield* new UserError({ message: `no existe el archivo de referencia ${showPath(gold, goldPath)}.`, hint: "Indique un JSONL de anotaciones, p. ej. samples/gold.jsonl." })
    }
    if (!(yield* isFolder(join(outDir, "private", "audit")))) {
      return yield* new UserError({
        message: `${showPath(out, outDir)} no es una salida de 'tacha run' (no tiene private/audit/).`,
        hint: "Indique la carpeta que pasó a tacha run con --out.",
      })
    }
    const report = yield* Effect.tryPromise({
      try: () => evaluate(goldPath, outDir),
      catch: (error) =>
        new UserError({
          message: `no se pudo leer la referencia ${showPath(gold, goldPath)}: ${error instanceof SyntaxError ? "una línea no es JSON válido" : error instanceof Error ? error.message : "error"}.`,
        }),
    })
    const { documents } = report
    if (documents.evaluated === 0) {
      return yield* new UserError({
        message: `ninguna resolución de ${showPath(out, outDir)} corresponde a la referencia ${showPath(gold, goldPath)}.`,
        hint: "Verifique que la salida sea la del mismo lote que anota la referencia.",
      })
    }
    yield* Console.log(formatReport(report))
    if (documents.missing.length > 0) {
      // The scores count them as missed; the exit code says the evaluation is not of the whole reference.
      yield* Console.error(`Atención: ${documents.missing.length} de ${documents.gold} documentos de la referencia no están en la salida.`)
      return yield* new ExitWith({ code: EXIT.incomplete })
    }
  }),
).pipe(Command.withDescription("Evalúa una salida contra anotaciones de referencia: precisión, cobertura, F2 y tasa de fuga"))
