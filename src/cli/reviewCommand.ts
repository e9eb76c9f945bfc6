import { userInfo } from "node:os"
import { resolve } from "node:path"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { Argument, Command, Flag } from "effect/cli"
import { readActionFile, readDecisionFile } from "../review/decisionFile.ts"
import { applyControlVerdicts, ControlActionSchema, controlMention, controlQueue } from "../review/qualityControl.ts"
import { applyActions, pendingRulings } from "../review/reviewQueue.ts"
import { exportCourtLists, learnedLists } from "../review/courtLists.ts"
import { withReviewStore } from "../review/reviewStore.ts"
import { Pipeline } from "../pipeline/Pipeline.ts"
import { OutputFolder } from "../store/OutputFolder.ts"
import { formatTable } from "./formatTable.ts"
import { pipelineFlag } from "./publishCommand.ts"

/**
 * `tacha revision listar|aplicar`: the review queue as data. `listar --formato
 * json` prints each pending ruling's findings with their text (the reviewer's
 * private tool: keep its output private); the table names only counts.
 * Each command works on its services (the output folder, checked to hold a
 * run's outputs; the pipeline; the store), wired in the CLI's main from
 * `--out` and `--pipeline`.
 */
const outFlag = Flag.String("out").pipe(Flag.withDescription("Carpeta de salida de 'tacha run' (por defecto: out)"), Flag.withDefault("out"))

/** Who decided, when a decisions line names nobody: `--revisor`, else the system user. */
export const defaultReviewer = (given: Option.Option<string>): string =>
  Option.getOrElse(given, () => {
    try {
      return userInfo().username || "desconocido"
    } catch {
      return "desconocido"
    }
  })

export const listCommand = Command.make(
  "listar",
  {
    out: outFlag,
    pipeline: pipelineFlag,
    formato: Flag.Literals("formato", ["tabla", "json"]).pipe(Flag.withDescription("tabla (sin texto de las resoluciones) o json (con el texto de cada hallazgo) (por defecto: tabla)"), Flag.withDefault("tabla")),
  },
  Effect.fn(function*({ formato }) {
    const { dir: outDir } = yield* OutputFolder
    const { config } = yield* Pipeline
    const pending = yield* pendingRulings(outDir, config)
    if (formato === "json") {
      const body = pending.map(({ status, record, findings }) => ({
        id: status.id,
        archivo: record.source,
        motivo: record.hold?.reason ?? status.holdReason ?? "gate_blocked",
        hallazgos: findings.map((finding) => ({
          inicio: finding.start,
          fin: finding.end,
          texto: record.text.slice(finding.start, finding.end),
          etiqueta: finding.label ?? finding.category ?? null,
          causa: finding.cause,
        })),
      }))
      return yield* Console.log(JSON.stringify(body, null, 2))
    }
    const rows = pending.map(({ status, record, findings }) => {
      const causes = new Map<string, number>()
      for (const finding of findings) causes.set(finding.cause, (causes.get(finding.cause) ?? 0) + 1)
      return [status.id, record.source, record.metadata.court ?? "", record.hold?.reason ?? "", [...causes].map(([cause, n]) => `${cause}: ${n}`).join(", ")]
    })
    yield* Console.log(formatTable(["id", "archivo", "juzgado", "motivo", "hallazgos"], rows))
    yield* Console.log(`(${pending.length} pendientes de revisión)`)
  }),
).pipe(Command.withDescription("Lista las resoluciones pendientes de revisión con los hallazgos del control final"))

export const applyCommand = Command.make(
  "aplicar",
  {
    file: Argument.String("decisiones").pipe(Argument.withDescription("Archivo JSONL de decisiones: {id, accion: ocultar|mantener|aprobar|rechazar, inicio?, fin?, etiqueta?, texto?, revisor?, motivo?}")),
    out: outFlag,
    pipeline: pipelineFlag,
    revisor: Flag.String("revisor").pipe(Flag.withDescription("Quién decide, cuando una línea no lo dice (por defecto: el usuario del sistema)"), Flag.optional),
  },
  Effect.fn(function*({ file, out, revisor }) {
    const { dir: outDir } = yield* OutputFolder
    const { config } = yield* Pipeline
    const actions = yield* readDecisionFile(resolve(file))
    const result = yield* applyActions(outDir, config, actions, defaultReviewer(revisor), new Date().toISOString())
    yield* Console.log(`Decisiones aplicadas: ${result.applied} (aprobadas: ${result.approved}, rechazadas: ${result.rejected}).`)
    if (result.approved > 0) yield* Console.log("Publique las aprobadas con 'tacha publicar --out " + out + "'.")
  }),
).pipe(Command.withDescription("Aplica un archivo de decisiones de revisión (todo o nada)"))

export const listsCommand = Command.make(
  "listas",
  { out: outFlag, pipeline: pipelineFlag },
  Effect.fn(function*() {
    const { dir: outDir } = yield* OutputFolder
    const { config } = yield* Pipeline
    const learned = yield* withReviewStore(outDir, learnedLists)
    const written = yield* exportCourtLists(outDir, config, learned)
    yield* Console.log(`Lista de formas a ocultar: ${written.hide} formas → ${written.paths.hide}`)
    yield* Console.log(`Lista de funcionarios:      ${written.officials} nombres → ${written.paths.officials}`)
    yield* Console.log("Contienen datos personales: guárdelas en una carpeta privada. Nómbrelas en la sección 'revision' del pipeline (listaOcultar, listaFuncionarios) para usarlas con otras salidas.")
  }),
).pipe(Command.withDescription("Escribe (CSV) lo que enseñan las decisiones: formas siempre ocultadas y funcionarios mantenidos, por juzgado"))

export const controlListCommand = Command.make(
  "listar",
  {
    out: outFlag,
    formato: Flag.Literals("formato", ["tabla", "json"]).pipe(
      Flag.withDescription("tabla (sin texto de las resoluciones) o json (con el texto analizado y cada mención: datos personales, guárdelo en privado)"),
      Flag.withDefault("tabla"),
    ),
  },
  Effect.fn(function*({ formato }) {
    const { dir: outDir } = yield* OutputFolder
    const { pending, done } = yield* controlQueue(outDir)
    if (formato === "json") {
      const body = pending.map(({ entry, record }) => ({
        id: entry.id,
        archivo: record.source,
        ejecucion: entry.runOrder,
        texto: record.text,
        menciones: record.entities.map(controlMention),
      }))
      return yield* Console.log(JSON.stringify(body, null, 2))
    }
    const rows = pending.map(({ entry, record }) => [
      entry.id,
      record.source,
      record.metadata.court ?? "",
      String(entry.runOrder),
      String(record.entities.filter((entity) => entity.action === "redact").length),
    ])
    yield* Console.log(formatTable(["id", "archivo", "juzgado", "ejecución", "ocultadas"], rows))
    yield* Console.log(`(${pending.length} pendientes de control; ${done} controladas)`)
  }),
).pipe(Command.withDescription("Lista las resoluciones sorteadas para el control de calidad que esperan veredicto"))

export const controlApplyCommand = Command.make(
  "aplicar",
  {
    file: Argument.String("veredictos").pipe(
      Argument.withDescription("Archivo JSONL de veredictos: {id, accion: correcta|omitida|sobreocultada, inicio?, fin?, texto?, etiqueta?, revisor?}"),
    ),
    out: outFlag,
    pipeline: pipelineFlag,
    revisor: Flag.String("revisor").pipe(Flag.withDescription("Quién controla, cuando una línea no lo dice"), Flag.optional),
  },
  Effect.fn(function*({ file, out, revisor }) {
    const { dir: outDir } = yield* OutputFolder
    const { config } = yield* Pipeline
    const actions = yield* readActionFile(resolve(file), ControlActionSchema)
    const result = yield* applyControlVerdicts(outDir, config, actions, defaultReviewer(revisor), new Date().toISOString())
    yield* Console.log(`Veredictos de control: ${result.correct} correctas, ${result.withErrors} con errores.`)
    if (result.withdrawn > 0) yield* Console.log(`Retiradas de public/ por omisiones: ${result.withdrawn} (el texto y el documento).`)
    if (result.withErrors > 0) yield* Console.log("Publique las correcciones con 'tacha publicar --out " + out + "'.")
    else yield* Console.log("Actualice la estadística pública con 'tacha publicar --out " + out + "'.")
  }),
).pipe(Command.withDescription("Aplica un archivo de veredictos del control de calidad (todo o nada)"))

/** The `revision` commands; the CLI's main (src/cli/main.ts) builds `tacha revision` from them, with their services. */
export const REVIEW_DESCRIPTION = "La cola de revisión como datos: listar pendientes, aplicar decisiones, exportar las listas del juzgado y el control de calidad"
export const CONTROL_DESCRIPTION = "El control de calidad por muestreo: listar las sorteadas y aplicar veredictos"
