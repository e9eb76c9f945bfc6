import { createHash } from "node:crypto"
import { mkdir, mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { AuditRecord } from "../../src/domain/AuditRecord.ts"
import type { Label } from "../../src/domain/Label.ts"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"

export const config = PipelineConfigSchema.parse({
  name: "caba-penal-test",
  version: "2026.11.0",
  actions: { FUNCIONARIO: "keep" },
  operators: { PERSONA: { type: "pseudonym", style: "numbered" } },
})

export interface Mention {
  readonly surface: string
  readonly label: Label
  readonly action?: "redact" | "keep"
}

/**
 * A real audit record and its public text: every occurrence of each mention
 * is an entity; redacted ones are replaced by "[LABEL n]".
 */
export const makeRuling = (
  id: string,
  text: string,
  mentions: readonly Mention[],
  metadata: AuditRecord["metadata"] = {},
  source = `${id}.txt`,
): { record: AuditRecord; publicText: string } => {
  const found: Array<{ start: number; end: number; mention: Mention; n: number }> = []
  mentions.forEach((mention, n) => {
    for (let at = text.indexOf(mention.surface); at >= 0; at = text.indexOf(mention.surface, at + 1)) {
      found.push({ start: at, end: at + mention.surface.length, mention, n: n + 1 })
    }
  })
  found.sort((a, b) => a.start - b.start)
  let publicText = ""
  let cursor = 0
  const entities: AuditRecord["entities"] = found.map(({ start, end, mention, n }) => {
    const action = mention.action ?? "redact"
    const replacement = action === "redact" ? `[${mention.label} ${n}]` : null
    publicText += text.slice(cursor, start) + (replacement ?? mention.surface)
    cursor = end
    return { start, end, label: mention.label, text: mention.surface, score: 0.9, detector: "test", action, replacement }
  })
  publicText += text.slice(cursor)
  const record: AuditRecord = {
    id,
    source,
    format: "txt",
    sha256: createHash("sha256").update(text).digest("hex"),
    text,
    metadata: { ...metadata, id },
    entities,
    pipeline: { name: config.name, version: config.version, sha256: createHash("sha256").update(JSON.stringify(config)).digest("hex") },
    tool: { name: "tacha", version: "0.1.0" },
  }
  return { record, publicText }
}

/** Write what a batch leaves: the audit record and the public text. */
export const writeRuling = async (outDir: string, ruling: { record: AuditRecord; publicText: string }): Promise<void> => {
  await mkdir(join(outDir, "private", "audit"), { recursive: true })
  await mkdir(join(outDir, "public", "resoluciones"), { recursive: true })
  await writeFile(join(outDir, "private", "audit", `${ruling.record.id}.json`), JSON.stringify(ruling.record, null, 2) + "\n")
  await writeFile(join(outDir, "public", "resoluciones", `${ruling.record.id}.txt`), ruling.publicText)
}

export const tempOut = (): Promise<string> => mkdtemp(join(tmpdir(), "tacha-publish-"))

export const RULING_A = makeRuling(
  "caba-2026-0001",
  "Juzgado en lo Penal, Contravencional y de Faltas N° 10. Buenos Aires, 3 de marzo de 2026.\n\n" +
    "VISTOS: la causa seguida a Juan PÉREZ, DNI 30.123.456, por el delito de amenazas (art. 149 bis CP) " +
    "en perjuicio de Ana Gómez, domiciliada en Av. Rivadavia 1234.\n\nCONSIDERANDO: que Pérez reconoció las amenazas proferidas.\n\n" +
    "Por ello, RESUELVO: CONDENAR a Juan PÉREZ a la pena de seis meses de prisión en suspenso. Fdo. Dra. Laura Roca, jueza.",
  [
    { surface: "Juan PÉREZ", label: "PERSONA" },
    { surface: "Pérez", label: "PERSONA" },
    { surface: "30.123.456", label: "DNI" },
    { surface: "Ana Gómez", label: "PERSONA" },
    { surface: "Av. Rivadavia 1234", label: "DIRECCION" },
    { surface: "Laura Roca", label: "FUNCIONARIO", action: "keep" },
  ],
  { court: "Juzgado PCyF N° 10", date: "2026-03-03", type: "sentencia" },
)

export const RULING_B = makeRuling(
  "caba-2026-0002",
  "Juzgado en lo Penal, Contravencional y de Faltas N° 4. Buenos Aires, 15 de abril de 2026.\n\n" +
    "Se investigan lesiones leves (art. 89 CP) en un contexto de violencia de género (Ley 26.485) denunciadas por María López. " +
    "Las lesiones constan en el informe médico.\n\nPor ello, SE RESUELVE: SOBRESEER a Carlos Díaz y disponer una medida de protección.",
  [
    { surface: "María López", label: "PERSONA" },
    { surface: "Carlos Díaz", label: "PERSONA" },
  ],
  { court: "Juzgado PCyF N° 4", date: "2026-04-15", type: "auto" },
)

export const RULING_C = makeRuling(
  "caba-2026-0003",
  "Juzgado en lo Penal, Contravencional y de Faltas N° 10. Buenos Aires, 20 de marzo de 2026.\n\n" +
    "Daños (art. 183 CP) sobre el vehículo dominio AB123CD de Luis Sosa. El daño fue reparado.\n\n" +
    "RESUELVO: suspender el juicio a prueba por el término de un año.",
  [
    { surface: "AB123CD", label: "PATENTE" },
    { surface: "Luis Sosa", label: "PERSONA" },
  ],
  { court: "Juzgado PCyF N° 10", date: "2026-03-20", type: "auto" },
)

export const RUN = {
  startedAt: new Date("2026-05-01T10:00:00Z"),
  finishedAt: new Date("2026-05-01T10:05:00Z"),
  total: 4,
  failures: [{ file: "escaneado.pdf", reason: "needs_ocr" as const, cause: "PDF escaneado sin capa de texto: requiere OCR" }],
}
