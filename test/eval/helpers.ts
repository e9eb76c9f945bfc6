import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { AuditEntity, GoldDocument } from "../../src/eval/evaluate.ts"

export interface FakeOutput {
  id: string
  source: string
  text: string
  entities: AuditEntity[]
  /** Defaults to the text with redacted entities replaced by [LABEL]. */
  publicText?: string
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "tacha-eval-"))

/** Replace redacted ranges (right to left) by "[LABEL]". */
export const redact = (text: string, entities: readonly AuditEntity[]): string => {
  let out = text
  const sorted = entities.filter((e) => (e.action ?? "redact") === "redact").sort((a, b) => b.start - a.start)
  let limit = Infinity
  for (const e of sorted) {
    if (e.end > limit) continue
    out = out.slice(0, e.start) + `[${e.label}]` + out.slice(e.end)
    limit = e.start
  }
  return out
}

export const writeFixture = (gold: GoldDocument[], outputs: FakeOutput[]): { goldPath: string; outDir: string } => {
  const dir = tempDir()
  const goldPath = join(dir, "gold.jsonl")
  writeFileSync(goldPath, gold.map((g) => JSON.stringify(g)).join("\n") + "\n")
  const outDir = join(dir, "out")
  mkdirSync(join(outDir, "private", "audit"), { recursive: true })
  mkdirSync(join(outDir, "public", "resoluciones"), { recursive: true })
  for (const o of outputs) {
    const entities = o.entities.map((e) => ({ score: 1, detector: "test", replacement: `[${e.label}]`, text: o.text.slice(e.start, e.end), ...e }))
    writeFileSync(join(outDir, "private", "audit", `${o.id}.json`), JSON.stringify({ id: o.id, source: o.source, text: o.text, entities }))
    writeFileSync(join(outDir, "public", "resoluciones", `${o.id}.txt`), o.publicText ?? redact(o.text, o.entities))
  }
  return { goldPath, outDir }
}

/** Build a gold document from pieces: strings are plain, [text, label] are spans, [text, "keep:KIND"] keep items. */
export const goldFrom = (file: string, pieces: (string | [string, string])[]): GoldDocument => {
  let text = ""
  const spans: GoldDocument["spans"] = []
  const keep: GoldDocument["keep"] = []
  for (const p of pieces) {
    if (typeof p === "string") {
      text += p
      continue
    }
    const [s, tag] = p
    const start = text.length
    text += s
    if (tag.startsWith("keep:")) keep.push({ start, end: text.length, kind: tag.slice(5), text: s })
    else spans.push({ start, end: text.length, label: tag, text: s })
  }
  return { file, text, spans, keep }
}
