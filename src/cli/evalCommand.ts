import { resolve } from "node:path"
import { Console, Effect } from "effect"
import { Argument, Command } from "effect/cli"
import { evaluate } from "../eval/evaluate.ts"
import { formatReport } from "../eval/formatReport.ts"

export const evalCommand = Command.make(
  "eval",
  {
    gold: Argument.String("gold").pipe(Argument.withDescription("Anotaciones de referencia (JSONL)")),
    out: Argument.String("salida").pipe(Argument.withDescription("Carpeta de salida de `tacha run`")),
  },
  Effect.fn(function*({ gold, out }) {
    const report = yield* Effect.promise(() => evaluate(resolve(gold), resolve(out)))
    yield* Console.log(formatReport(report))
  }),
).pipe(Command.withDescription("Evalúa una salida contra anotaciones de referencia: precisión, cobertura, F2 y tasa de fuga"))
