import { createHash } from "node:crypto"
import * as Effect from "effect/Effect"
import type { AuditRecord } from "../../../src/domain/AuditRecord.ts"
import type { ExtractedDocument } from "../../../src/domain/Document.ts"
import type { IngestFailure } from "../../../src/domain/IngestFailure.ts"
import type { Label } from "../../../src/domain/Label.ts"
import { composeText } from "../../../src/normalise/composeText.ts"

export interface Mention {
  readonly surface: string
  readonly label: Label
  readonly replacement: string | null
}

/**
 * The audit record an analysis would leave for `bytes`: the analysed text is
 * what the project's reader makes of the file; every occurrence of each
 * mention (earlier mentions win where they overlap) is an entity, redacted
 * with its replacement or kept when the replacement is null.
 */
export const recordFor = async (
  bytes: Uint8Array,
  read: (bytes: Uint8Array) => Effect.Effect<ExtractedDocument, IngestFailure>,
  mentions: readonly Mention[],
  id = "caba-2026-0001",
): Promise<{ record: AuditRecord; publicText: string }> => {
  const document = await Effect.runPromise(read(bytes))
  const text = composeText(document)
  const entities: AuditRecord["entities"] = []
  for (const mention of mentions) {
    for (let at = text.indexOf(mention.surface); at >= 0; at = text.indexOf(mention.surface, at + 1)) {
      const end = at + mention.surface.length
      if (entities.some((entity) => at < entity.end && entity.start < end)) continue
      entities.push({
        start: at, end, label: mention.label, text: mention.surface, score: 1, detector: "prueba",
        action: mention.replacement === null ? "keep" : "redact", replacement: mention.replacement,
      })
    }
  }
  entities.sort((a, b) => a.start - b.start)
  let publicText = ""
  let cursor = 0
  for (const entity of entities) {
    publicText += text.slice(cursor, entity.start) + (entity.replacement ?? entity.text)
    cursor = entity.end
  }
  publicText += text.slice(cursor)
  const record: AuditRecord = {
    id,
    source: `${id}.${document.format}`,
    format: document.format,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    text,
    metadata: { id, date: "2026-03-03" },
    entities,
    pipeline: { name: "prueba", version: "1", sha256: "0".repeat(64) },
    tool: { name: "tacha", version: "0.1.0" },
  }
  return { record, publicText }
}
