import { readFile, rm } from "node:fs/promises"
import { join } from "node:path"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { z } from "zod"
import { AuditRecordSchema, type AuditRecord } from "../domain/AuditRecord.ts"
import { LABELS } from "../domain/Label.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import { heldRecordPath } from "../pipeline/processDocument.ts"
import { withdrawDocuments } from "../publish/documents/publishDocuments.ts"
import { writeFileAtomic } from "../publish/writeFileAtomic.ts"
import { controlEntries, recordVerdict, type ControlEntry, type ControlFinding } from "../store/controlSample.ts"
import type { SpanDecision } from "./decisions.ts"
import { reviewRuling } from "./heldRuling.ts"
import { checkAction, countCauses } from "./reviewAction.ts"
import { activeDecisions } from "./reviewQueue.ts"
import { ReviewError } from "./ReviewError.ts"
import { addDecision, setStatus, withReviewStore } from "./reviewStore.ts"

/**
 * The quality-control queue: rulings published automatically that a batch
 * drew for a person to check (src/store/controlSample.ts). A person marks
 * each as correct or lists what was missed (a span that should have been
 * hidden) or over-hidden (one that should have stayed visible). A listed
 * span becomes a review decision on the ruling: a missed one withdraws its
 * public text and document at once, and the ruling, approved with the
 * correction, is published again by `tacha publicar` (or the next `tacha
 * run`) with its datasets; its audit record keeps the history.
 */

/** One line of a control file (`tacha revision control aplicar`), or the app's POST. */
export const ControlActionSchema = z.object({
  id: z.string().min(1).max(200),
  accion: z.enum(["correcta", "omitida", "sobreocultada"]),
  inicio: z.number().int().min(0).optional(),
  fin: z.number().int().min(0).optional(),
  texto: z.string().min(1).max(500).optional(),
  etiqueta: z.enum(LABELS).optional(),
  revisor: z.string().trim().min(1).max(100).optional(),
}).strict()
export type ControlAction = z.infer<typeof ControlActionSchema>

export interface SourcedControlAction {
  readonly line: number
  readonly action: ControlAction
}

const auditPath = (outDir: string, id: string) => join(outDir, "private", "audit", `${id}.json`)

const readAudit = async (outDir: string, id: string): Promise<AuditRecord | null> => {
  try {
    return AuditRecordSchema.parse(JSON.parse(await readFile(auditPath(outDir, id), "utf8")))
  } catch {
    return null
  }
}

const readPublic = (outDir: string, id: string): Promise<string | null> =>
  readFile(join(outDir, "public", "resoluciones", `${id}.txt`), "utf8").catch(() => null)

export interface ControlItem {
  readonly entry: ControlEntry
  readonly record: AuditRecord
}

/** The sampled rulings still waiting for a verdict whose audit record is readable. */
export const controlQueue = (outDir: string): Effect.Effect<{ readonly pending: ControlItem[]; readonly done: number }, ReviewError> =>
  withReviewStore(outDir, async (connection) => {
    const entries = await controlEntries(connection)
    const pending: ControlItem[] = []
    for (const entry of entries) {
      if (entry.verdict !== null) continue
      const record = await readAudit(outDir, entry.id)
      if (record && record.sha256 === entry.sha256) pending.push({ entry, record })
    }
    return { pending, done: entries.filter((entry) => entry.verdict !== null).length }
  })

/** The entry a verdict on ruling `id` is for: its latest draw still without a verdict. */
const pendingEntry = async (connection: DuckDBConnection, id: string): Promise<ControlEntry | "decided" | null> => {
  const entries = (await controlEntries(connection)).filter((entry) => entry.id === id)
  return entries.find((entry) => entry.verdict === null) ?? (entries.length > 0 ? "decided" : null)
}

/** A mention of a sampled ruling as the control queue shows it (app and `revision control listar --formato json`). */
export const controlMention = (entity: AuditRecord["entities"][number]) => ({
  inicio: entity.start,
  fin: entity.end,
  etiqueta: entity.label,
  accion: entity.action === "redact" ? "oculta" : "visible",
})

/** What the app shows of a sampled ruling: the analysed text with every span, and the public text. */
export const controlView = (outDir: string, id: string) =>
  withReviewStore(outDir, async (connection) => {
    const entry = await pendingEntry(connection, id)
    const record = await readAudit(outDir, id)
    if (entry === null || entry === "decided" || !record) throw new ReviewError({ reason: "no_encontrada", detail: `La resolución ${id} no está en la cola de control.` })
    return {
      id,
      archivo: record.source,
      juzgado: record.metadata.court ?? null,
      ejecucion: entry.runOrder,
      texto: record.text,
      spans: record.entities.map((entity) => ({
        ...controlMention(entity),
        reemplazo: entity.replacement ?? null,
        detector: entity.detector,
      })),
      publico: (await readPublic(outDir, id)) ?? "",
      etiquetas: LABELS,
    }
  })

interface Verdict {
  readonly entry: ControlEntry
  readonly record: AuditRecord
  readonly correct: boolean
  readonly findings: ControlFinding[]
  readonly decisions: SpanDecision[]
  readonly reviewer: string
}

const invalid = (errors: readonly string[]) =>
  new ReviewError({ reason: "decision_invalida", detail: `No se aplicó ningún veredicto de control:\n  - ${errors.join("\n  - ")}` })

const overlapsRedaction = (record: AuditRecord, start: number, end: number) =>
  record.entities.some((entity) => entity.action === "redact" && entity.start < end && start < entity.end)
const insideRedaction = (record: AuditRecord, start: number, end: number) =>
  record.entities.some((entity) => entity.action === "redact" && entity.start <= start && end <= entity.end)

/**
 * Apply control verdicts, all or nothing. Per ruling: `correcta` alone, or
 * one line per span found (`omitida`: should have been hidden; `sobreocultada`:
 * should have stayed visible), each a mention (`inicio`, `fin`) or every
 * mention of `texto`. The corrections must leave the final check passing
 * (hide every mention of a form that appears elsewhere), as approving does.
 */
export const applyControlVerdicts = (
  outDir: string,
  config: PipelineConfig,
  actions: readonly SourcedControlAction[],
  reviewer: string,
  at: string,
): Effect.Effect<{ readonly correct: number; readonly withErrors: number; readonly withdrawn: number }, ReviewError> =>
  withReviewStore(outDir, async (connection) => {
    const errors: string[] = []
    const verdicts = new Map<string, Verdict>()
    const refused = new Set<string>()
    for (const { line, action } of actions) {
      const where = `línea ${line} (${action.id})`
      if (refused.has(action.id)) continue
      let verdict = verdicts.get(action.id)
      if (!verdict) {
        const entry = await pendingEntry(connection, action.id)
        const record = await readAudit(outDir, action.id)
        const problem = entry === null
          ? "no está en la muestra de control."
          : entry === "decided"
          ? "ya tiene veredicto de control."
          : !record || record.sha256 !== entry.sha256
          ? "su registro de auditoría falta o cambió desde el sorteo."
          : null
        if (problem || entry === null || entry === "decided" || !record) {
          errors.push(`${where}: ${problem}`)
          refused.add(action.id)
          continue
        }
        verdict = { entry, record, correct: false, findings: [], decisions: await activeDecisions(connection, action.id), reviewer: action.revisor ?? reviewer }
        verdicts.set(action.id, verdict)
      }
      if (action.accion === "correcta") {
        if (action.inicio !== undefined || action.fin !== undefined || action.texto !== undefined) errors.push(`${where}: 'correcta' no lleva posiciones ni texto.`)
        else verdicts.set(action.id, { ...verdict, correct: true })
        continue
      }
      const checked = checkAction(verdict.record, verdict.decisions, {
        id: action.id,
        accion: action.accion === "omitida" ? "ocultar" : "mantener",
        ...(action.inicio !== undefined ? { inicio: action.inicio } : {}),
        ...(action.fin !== undefined ? { fin: action.fin } : {}),
        ...(action.texto !== undefined ? { texto: action.texto } : {}),
        ...(action.etiqueta !== undefined ? { etiqueta: action.etiqueta } : {}),
      }, config)
      if (!checked.ok) {
        errors.push(`${where}: ${checked.error}`)
        continue
      }
      if (checked.action.kind !== "span") continue
      const decision = checked.action.decision
      if (decision.scope === "mencion" && action.accion === "omitida" && insideRedaction(verdict.record, decision.start, decision.end)) {
        errors.push(`${where}: esa mención ya está oculta.`)
        continue
      }
      if (decision.scope === "mencion" && action.accion === "sobreocultada" && !overlapsRedaction(verdict.record, decision.start, decision.end)) {
        errors.push(`${where}: esa mención no está oculta.`)
        continue
      }
      verdict.decisions.push(decision)
      verdict.findings.push({
        kind: action.accion,
        scope: decision.scope,
        start: decision.start,
        end: decision.end,
        label: decision.label,
        surface: decision.surface,
      })
    }
    for (const [id, verdict] of verdicts) {
      if (verdict.correct && verdict.findings.length > 0) {
        errors.push(`${id}: 'correcta' y errores a la vez; elija uno.`)
        continue
      }
      if (verdict.findings.length === 0) continue
      const reviewed = reviewRuling(verdict.record, verdict.decisions, config)
      if (reviewed.hold.length > 0) {
        const causes = Object.entries(countCauses(reviewed.hold)).map(([cause, n]) => `${cause}: ${n}`).join(", ")
        errors.push(`${id}: con esas correcciones el control final la retendría (${causes}); oculte con 'texto' cada mención de la forma.`)
      }
    }
    if (errors.length > 0) throw invalid(errors)

    // The corrected ruling waits under private/revision/ as approved: `tacha publicar` publishes it again.
    for (const [id, verdict] of verdicts) {
      if (verdict.findings.length === 0) continue
      const { review: _review, hold: _hold, ...rest } = verdict.record
      const held: AuditRecord = { ...rest, hold: { reason: "control_calidad", findings: [] } }
      await writeFileAtomic(heldRecordPath(outDir, id), JSON.stringify(held, null, 2) + "\n")
    }
    let correct = 0
    let withErrors = 0
    const withdrawn: string[] = []
    await connection.run("BEGIN TRANSACTION")
    try {
      for (const [id, verdict] of verdicts) {
        await recordVerdict(connection, verdict.entry, verdict.findings, verdict.reviewer, at)
        if (verdict.findings.length === 0) {
          correct++
          continue
        }
        withErrors++
        const { record } = verdict
        const newDecisions = verdict.decisions.slice(verdict.decisions.length - verdict.findings.length)
        for (const decision of newDecisions) await addDecision(connection, id, record.sha256, decision, verdict.reviewer, at)
        const missed = verdict.findings.filter((finding) => finding.kind === "omitida").length
        await setStatus(connection, {
          id,
          source: record.source,
          sha256: record.sha256,
          court: record.metadata.court ?? null,
          status: "aprobada",
          holdReason: "control_calidad",
          at,
          reviewer: verdict.reviewer,
          event: "corregida_en_control",
          detail: { omitidas: missed, sobreocultadas: verdict.findings.length - missed },
        })
        if (missed > 0) withdrawn.push(id)
      }
      await connection.run("COMMIT")
    } catch (error) {
      await connection.run("ROLLBACK")
      throw error
    }
    // A missed span is a leak: the public text and document go now, before publication replaces them.
    for (const id of withdrawn) await rm(join(outDir, "public", "resoluciones", `${id}.txt`), { force: true })
    await withdrawDocuments(outDir, withdrawn)
    return { correct, withErrors, withdrawn: withdrawn.length }
  })
