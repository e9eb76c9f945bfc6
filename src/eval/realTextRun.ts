import { existsSync } from "node:fs"
import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { AuditRecordSchema } from "../domain/AuditRecord.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"
import type { Detector } from "../detect/Detector.ts"
import { ruleDetectors } from "../detect/registry.ts"
import { extractDocument } from "../ingest/extract.ts"
import { listInputs } from "../ingest/inputs.ts"
import { composeText } from "../normalise/composeText.ts"
import { publicationPolicy } from "../publish/gate.ts"
import { redactAndGate } from "../publish/redactAndGate.ts"
import { analyse } from "../resolve/resolve.ts"
import { checkDocument, summarise, type DocumentChecks, type RealTextReport, type RunOutcome } from "./realText.ts"

/**
 * Where the real-text figures come from: the output folder of `tacha run`
 * (its journal, failures and audit records), or the rulings themselves
 * analysed in process with the pipeline's analysis, redaction and gate
 * (nothing written), so that held rulings are measured too.
 */

const readJsonLines = async (file: string): Promise<unknown[]> =>
  existsSync(file)
    ? (await readFile(file, "utf8")).split("\n").filter((l) => l.trim()).flatMap((l) => {
      try {
        return [JSON.parse(l) as unknown]
      } catch {
        return []
      }
    })
    : []

/** Gate finding codes in a failure's cause: "... (forma_redactada:PERSONA, identificador_residual:URL)". */
const findingCodes = (cause: string): string[] => {
  const list = /\(([^()]*)\)\s*$/u.exec(cause)?.[1]
  return list ? list.split(",").map((s) => s.trim()).filter((s) => /^[a-z_]+:[A-Za-z_]+$/u.test(s)) : []
}

interface JournalLine {
  readonly state?: string
  readonly file?: string
  readonly reason?: string
}

/** The outcome of each ruling in the last run recorded in `private/journal.jsonl`. */
const lastRunOutcomes = async (out: string): Promise<Map<string, RunOutcome>> => {
  const lines = (await readJsonLines(join(out, "private", "journal.jsonl"))) as JournalLine[]
  const lastStart = lines.map((l) => l.state).lastIndexOf("started")
  const outcomes = new Map<string, RunOutcome>()
  for (const line of lines.slice(lastStart + 1)) {
    if (!line.file) continue
    if (line.state === "done") outcomes.set(line.file, { source: line.file, published: true })
    else if (line.state === "failed") outcomes.set(line.file, { source: line.file, published: false, reason: line.reason ?? "desconocida" })
  }
  const failures = (await readJsonLines(join(out, "private", "failures.jsonl"))) as Array<{ file?: string; reason?: string; cause?: string }>
  for (const f of failures) {
    if (!f.file) continue
    const known = outcomes.get(f.file)
    if (known?.published) continue
    outcomes.set(f.file, { source: f.file, published: false, reason: f.reason ?? known?.reason ?? "desconocida", findings: findingCodes(f.cause ?? "") })
  }
  return outcomes
}

/** The report of an output folder of `tacha run`: rulings with an audit record are checked. */
export const reportFromOutput = async (out: string): Promise<RealTextReport> => {
  const auditDir = join(out, "private", "audit")
  const outcomes = await lastRunOutcomes(out)
  const checks: DocumentChecks[] = []
  for (const name of (await readdir(auditDir)).filter((n) => n.endsWith(".json")).sort()) {
    const parsed = AuditRecordSchema.safeParse(JSON.parse(await readFile(join(auditDir, name), "utf8")))
    if (!parsed.success) continue
    const record = parsed.data
    const publicFile = join(out, "public", "resoluciones", `${record.id}.txt`)
    const publicText = existsSync(publicFile) ? await readFile(publicFile, "utf8") : undefined
    if (!outcomes.has(record.source)) outcomes.set(record.source, { source: record.source, published: publicText !== undefined })
    checks.push(checkDocument({ source: record.source, text: record.text, entities: record.entities, ...(publicText !== undefined ? { publicText } : {}) }))
  }
  return summarise([...outcomes.values()], checks)
}

/**
 * The report of the rulings in `input` analysed in process: every ruling is
 * checked, whatever the gate says; the gate's verdict gives "published".
 */
export const reportFromInput = async (input: string, config: PipelineConfig, extra: readonly Detector[] = []): Promise<RealTextReport> => {
  const listing = await Effect.runPromise(listInputs(input))
  const outcomes: RunOutcome[] = []
  const checks: DocumentChecks[] = []
  for (const entry of listing.entries) {
    if (entry.kind === "rejected") {
      outcomes.push({ source: entry.relative, published: false, reason: entry.reason })
      continue
    }
    const extracted = await Effect.runPromise(Effect.result(extractDocument(new Uint8Array(await readFile(entry.absolute)), entry.relative, config.limits)))
    if (extracted._tag === "Failure") {
      outcomes.push({ source: entry.relative, published: false, reason: extracted.failure.reason })
      continue
    }
    const text = composeText(extracted.success)
    const spans = await analyse(text, config, extra)
    const policy = publicationPolicy(text, config)
    if (!policy.publishable) {
      outcomes.push({ source: entry.relative, published: false, reason: "excluded_category" })
      checks.push(checkDocument({ source: entry.relative, text, entities: spans }))
      continue
    }
    // The pipeline's own redaction and gate (closure, healing, holds), so the figures are what `tacha run` would publish.
    const { redaction, gate } = redactAndGate(text, spans, policy, ruleDetectors(policy.config))
    outcomes.push(gate.publish
      ? { source: entry.relative, published: true }
      : { source: entry.relative, published: false, reason: "gate_blocked", findings: gate.findings.map((f) => `${f.cause}:${f.label ?? f.category ?? ""}`) })
    checks.push(checkDocument({ source: entry.relative, text, entities: redaction.entities, ...(gate.publish ? { publicText: redaction.text } : {}) }))
  }
  return summarise(outcomes, checks)
}
