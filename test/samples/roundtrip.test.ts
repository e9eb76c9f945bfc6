/**
 * The committed samples read by the project's own readers: every gold annotation must align to the
 * extracted text, and a perfect redaction of the aligned spans must score P = R = 1 with no leaks.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { alignItems } from "../../src/eval/align.ts"
import { evaluate } from "../../src/eval/evaluate.ts"
import type { GoldDocument } from "../../src/eval/evaluate.ts"
import { compactKey } from "../../src/eval/textMatch.ts"
import { extractDocument } from "../../src/ingest/extract.ts"
import { composeText } from "../../src/normalise/composeText.ts"
import { writeFixture } from "../eval/helpers.ts"

const samplesDir = join(import.meta.dirname, "..", "..", "samples")
const gold = readFileSync(join(samplesDir, "gold.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as GoldDocument)

describe("samples through the readers", () => {
  it("align completely and score perfectly when redacted exactly", async () => {
    const outputs = []
    for (const [i, g] of gold.entries()) {
      const doc = await Effect.runPromise(extractDocument(readFileSync(join(samplesDir, g.file)), g.file, { maxFileBytes: 50_000_000 }))
      const text = composeText(doc)
      const aligned = alignItems(g.text, text, g.spans)
      for (const a of aligned) {
        expect(a.at, `${g.file}: ${a.item.text}`).toBeDefined()
        expect(compactKey(text.slice(a.at!.start, a.at!.end))).toBe(compactKey(a.item.text))
      }
      const entities = aligned.map((a) => ({ start: a.at!.start, end: a.at!.end, label: a.item.label, action: "redact" as const }))
      outputs.push({ id: `d${i}`, source: g.file, text, entities })
    }
    const { goldPath, outDir } = writeFixture(gold, outputs)
    const r = await evaluate(goldPath, outDir)
    expect(r.alignment.unaligned).toEqual([])
    expect(r.micro.exact.recall).toBe(1)
    expect(r.micro.exact.precision).toBe(1)
    expect(r.leak.rate).toBe(0)
    expect(r.overRedaction.rate).toBe(0)
  })
})
