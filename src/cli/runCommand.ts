import { existsSync } from "node:fs"
import { stat } from "node:fs/promises"
import { isAbsolute, join, relative, resolve } from "node:path"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import { Argument, Command, Flag } from "effect/cli"
import { DEFAULT_PIPELINE, PROJECT_ROOT } from "../domain/loadPipelineConfig.ts"
import type { InputError } from "../ingest/InputError.ts"
import { listInputs, type InputListing } from "../ingest/inputs.ts"
import { Analyser } from "../pipeline/Analyser.ts"
import { Pipeline } from "../pipeline/Pipeline.ts"
import { formatSummary, heldCount } from "../pipeline/formatSummary.ts"
import { progressBar } from "../pipeline/progressBar.ts"
import { runBatch } from "../pipeline/runBatch.ts"
import { StopSignal } from "./StopSignal.ts"
import { connectQueue, queueFlag } from "./workerCommand.ts"
import { EXIT, ExitWith, showPath, UserError } from "./userError.ts"

/** Some documents failed or were held: outputs of the others are kept, the exit code says so. */
export class BatchIncomplete extends Data.TaggedError("BatchIncomplete")<{ readonly failed: number }> {
  override readonly [Runtime.errorExitCode] = EXIT.incomplete
  override readonly [Runtime.errorReported] = false
}

const where = (given: string) => showPath(given, resolve(given))

/** Why the input cannot be listed, naming it and saying what to do. */
const inputProblem = (given: string) => (error: InputError): UserError => {
  const named = where(given)
  const cwd = `las rutas relativas parten de la carpeta actual (${process.cwd()})`
  switch (error.reason) {
    case "input_not_found":
      return new UserError({ message: `no existe la entrada ${named}.`, hint: `Indique una carpeta de resoluciones o un manifiesto .csv o .json; ${cwd}.` })
    case "unsupported_manifest":
      return new UserError({ message: `la entrada ${named} no es una carpeta ni un manifiesto .csv o .json.`, hint: "Indique la carpeta que contiene las resoluciones o un manifiesto con la columna archivo." })
    case "manifest_malformed":
      return new UserError({ message: `el manifiesto ${named} está mal formado${error.detail ? `: ${error.detail}` : ""}.`, hint: "Debe tener encabezado con la columna archivo (y opcionalmente juzgado, fecha, tipo, id)." })
    case "input_unreadable":
      return new UserError({ message: `no se pudo leer la entrada ${named}${error.detail ? ` (${error.detail})` : ""}.`, hint: "Verifique que exista y que tenga permiso de lectura." })
  }
}

/**
 * A pipeline file as given, relative to where the clerk stands; when there is
 * none there, one of the project's own (`pipelines/caba-penal-reglas.json` or
 * just `caba-penal-reglas.json` work from any folder). Without `--pipeline`,
 * the default pipeline.
 */
export const runPipelineFile = (given: Option.Option<string>): string =>
  Option.match(given, {
    onNone: () => DEFAULT_PIPELINE,
    onSome: (file) => {
      const candidates = [resolve(file), join(PROJECT_ROOT, file), join(PROJECT_ROOT, "pipelines", file)]
      return candidates.find((path) => existsSync(path)) ?? file
    },
  })

const isWithin = (parent: string, child: string): boolean => {
  const path = relative(parent, child)
  return path === "" || (!path.startsWith("..") && !isAbsolute(path))
}

/** The output folder must be a folder (or not exist yet) outside a folder input. */
const checkOutFolder = (given: string, listing: InputListing) =>
  Effect.gen(function*() {
    const outDir = resolve(given)
    const info = yield* Effect.promise(() => stat(outDir).catch(() => undefined))
    if (info && !info.isDirectory()) {
      return yield* new UserError({ message: `la salida --out ${where(given)} es un archivo, no una carpeta.`, hint: "Indique con --out una carpeta (se crea si no existe)." })
    }
    if (listing.source === "folder" && isWithin(listing.root, outDir)) {
      return yield* new UserError({
        message: `la salida --out ${where(given)} está dentro de la carpeta de entrada.`,
        hint: "Elija una carpeta de salida fuera de la entrada: si no, la próxima corrida procesaría sus propias salidas.",
      })
    }
    return outDir
  })

export const runCommand = Command.make(
  "run",
  {
    input: Argument.String("entrada").pipe(
      Argument.withDescription("Carpeta de resoluciones (se recorre recursivamente) o manifiesto CSV/JSON, relativa a la carpeta actual"),
    ),
    out: Flag.String("out").pipe(
      Flag.withMetavar("carpeta"),
      Flag.withDescription("Carpeta de salida, obligatoria: public/ (lo que se publica) y private/ (auditoría); se crea si no existe"),
    ),
    pipeline: Flag.String("pipeline").pipe(
      Flag.withMetavar("archivo"),
      Flag.withDescription("Configuración del pipeline: un archivo propio o uno del proyecto (por defecto: pipelines/caba-penal.json; sólo reglas: pipelines/caba-penal-reglas.json)"),
      Flag.optional,
    ),
    revision: Flag.Literals("revision", ["retenidas", "todas"]).pipe(
      Flag.withDescription("Qué resoluciones esperan la aprobación de una persona: las que retiene el control final (retenidas) o todas (por defecto: retenidas)"),
      Flag.withDefault("retenidas"),
    ),
    cola: queueFlag.pipe(
      Flag.withDescription("Coordina el lote desde una cola Redis (redis://servidor:puerto): los documentos los analizan los trabajadores (tacha trabajador) y este proceso escribe todas las salidas"),
      Flag.optional,
    ),
    entradaCompartida: Flag.Boolean("entrada-compartida").pipe(
      Flag.withDescription("Con --cola: los trabajadores leen los documentos de la misma entrada montada en su máquina (tacha trabajador --entrada) en vez de recibirlos por la cola"),
      Flag.withDefault(false),
    ),
  },
  Effect.fn(function*({ input, out, revision, cola, entradaCompartida }) {
    // Everything is checked before any folder is created: the pipeline (loaded
    // with the command's services, src/cli/main.ts), the input, the folder.
    const { config } = yield* Pipeline
    const listing = yield* listInputs(resolve(input)).pipe(Effect.mapError(inputProblem(input)))
    if (listing.entries.length === 0) {
      return yield* new UserError({
        code: EXIT.nothingToDo,
        message: `nada que hacer: la entrada ${where(input)} no contiene documentos.`,
        hint: "No se escribió nada. Verifique la carpeta o el manifiesto.",
      })
    }
    const outDir = yield* checkOutFolder(out, listing)
    if (entradaCompartida && Option.isNone(cola)) {
      return yield* new UserError({ message: "--entrada-compartida sólo vale con --cola.", hint: "Agregue --cola redis://servidor:puerto, o quite --entrada-compartida." })
    }
    const queue = Option.isSome(cola) ? yield* connectQueue(cola.value) : undefined
    const analyser = queue === undefined
      ? Analyser.layer(config)
      : Layer.unwrap(Effect.promise(() => import("../queue/QueueAnalyser.ts")).pipe(
        Effect.map(({ queueAnalyserLayer }) => queueAnalyserLayer(config, queue, { outDir, sharedInput: entradaCompartida })),
      ))

    const stop = yield* StopSignal
    const unlisten = stop.listen(() =>
      process.stderr.write("\nInterrupción pedida: se terminan los documentos en curso y se publica lo hecho (Ctrl-C otra vez corta ya).\n")
    )
    const bar = progressBar()
    yield* Console.log(`Procesando ${input} → ${out} (${listing.entries.length} documentos, pipeline ${config.name} ${config.version})`)
    if (queue !== undefined) {
      yield* Console.log(`Coordinador de la cola ${queue.address.shown}: los documentos los analizan los trabajadores (tacha trabajador --cola ...).`)
    }
    const summary = yield* runBatch({
      input: resolve(input),
      listing,
      onProgress: bar.update,
      shouldStop: stop.requested,
      reviewAll: revision === "todas",
    }).pipe(Effect.provide(analyser), Effect.ensuring(Effect.sync(() => {
      bar.finish()
      unlisten()
    })))
    yield* Console.log(formatSummary(summary))
    if (summary.stopped) {
      yield* Console.error(
        `Lote interrumpido: ${summary.attempted} de ${summary.total} documentos procesados; public/ quedó completo y consistente con ellos.\n` +
          `Para seguir, vuelva a correr el mismo comando: retoma lo que falta sin rehacer lo hecho.`,
      )
      return yield* new ExitWith({ code: EXIT.interrupted })
    }
    // Rulings the publication policy excludes on purpose are listed, but they
    // are the policy working, not a failed batch.
    const failed = summary.failures.filter((failure) => failure.reason !== "excluded_category").length + summary.withheld.length
    if (failed > 0) {
      const held = heldCount(summary)
      yield* Console.error(
        `Atención: ${failed} documento(s) no se procesaron o quedaron retenidos${held > 0 ? ` (${held} retenidos para revisión)` : ""}; ver ${join(out, "private", "failures.jsonl")}.`,
      )
      return yield* new BatchIncomplete({ failed })
    }
  }, Effect.scoped),
).pipe(Command.withDescription("Anonimiza un lote de resoluciones y escribe las salidas públicas y privadas"))
