import { z } from "zod"
import { LABELS, type Label } from "./Label.ts"

/**
 * A court's pipeline configuration (`pipelines/*.json`). Configuration is
 * data: which labels are redacted or kept, how each is replaced, which
 * detectors run, and the per-document limits.
 */

const LabelSchema = z.enum(LABELS)

export const OperatorSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("tag"),
    /** Text inside the brackets; defaults to the label. */
    text: z.string().optional(),
  }).describe("Reemplaza por una etiqueta fija: [DNI]"),
  z.object({
    type: z.literal("pseudonym"),
    /** "numbered": [PERSONA 1]; "initials": J.C.P. */
    style: z.enum(["numbered", "initials"]).default("numbered"),
    text: z.string().optional(),
  }).describe("Seudónimo consistente por entidad dentro de la resolución"),
  z.object({
    type: z.literal("mask"),
    char: z.string().length(1).default("*"),
    /** How many trailing characters stay visible (e.g. last digits of an account). */
    keepLast: z.number().int().min(0).max(4).default(0),
  }).describe("Enmascara los caracteres"),
  z.object({ type: z.literal("remove") }).describe("Elimina el texto"),
  z.object({
    type: z.literal("hash"),
    /** Name of the environment variable holding the secret key; the key never lives in config. */
    keyEnv: z.string().default("TACHA_HASH_KEY"),
    length: z.number().int().min(6).max(64).default(10),
  }).describe("Hash con clave (HMAC-SHA256), estable entre resoluciones"),
])
export type Operator = z.infer<typeof OperatorSchema>

export const NerConfigSchema = z.object({
  enabled: z.boolean().default(true),
  /** Model folder, relative to the repository root or absolute. */
  model: z.string().default("models/tacha-ner-es"),
  /** Prefer the int8 model when present. */
  quantized: z.boolean().default(true),
  /** Minimum score for a model span to be used. */
  threshold: z.number().min(0).max(1).default(0.5),
})

export const PipelineConfigSchema = z.object({
  $schema: z.string().optional(),
  name: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  /** What happens to each label. Labels not listed use `defaultAction`. */
  actions: z.partialRecord(LabelSchema, z.enum(["redact", "keep"])).default({}),
  defaultAction: z.enum(["redact", "keep"]).default("redact"),
  /** Replacement operator per label. Labels not listed use `defaultOperator`. */
  operators: z.partialRecord(LabelSchema, OperatorSchema).default({}),
  defaultOperator: OperatorSchema.default({ type: "tag" }),
  detectors: z.object({
    /** Rule families to switch off by name (e.g. "rules/plates"). */
    disabled: z.array(z.string()).default([]),
    ner: NerConfigSchema.optional(),
  }).default({ disabled: [] }),
  limits: z.object({
    maxFileBytes: z.number().int().positive().default(50 * 1024 * 1024),
    /** Hard limit per document: its worker thread is terminated past it (failure "timeout"). */
    timeoutMs: z.number().int().positive().default(120_000),
    /** V8 heap (old generation) of each document worker, in MB; exceeding it fails the document with "out_of_memory". */
    workerMemoryMb: z.number().int().min(64).max(16_384).default(2048),
  }).default({ maxFileBytes: 50 * 1024 * 1024, timeoutMs: 120_000, workerMemoryMb: 2048 }),
  /** Documents analysed at once, each in its own worker thread. */
  concurrency: z.number().int().min(1).max(32).default(2),
  /**
   * Publication rules: categories of ruling recognised by keywords or cited
   * norms (accent-, case- and whitespace-insensitive, on word boundaries). A
   * "block" category is never published; a "stricter" one is published only
   * after also redacting the labels in `redact`. See src/publish/gate.ts.
   */
  publication: z.object({
    categories: z.array(z.object({
      /** Stable code, e.g. "menores"; appears in gate findings, never text. */
      name: z.string().regex(/^[a-z0-9_]+$/),
      description: z.string().optional(),
      /** Words, phrases or norms ("menor de edad", "art. 119", "ley 26.061"). */
      keywords: z.array(z.string().min(2)).min(1),
      policy: z.enum(["block", "stricter"]),
      /** Labels redacted in addition to the pipeline's actions (policy "stricter"). */
      redact: z.array(LabelSchema).default([]),
    })).default([
      {
        name: "delitos_sexuales",
        description: "Delitos contra la integridad sexual (arts. 119 a 133 del Código Penal): no se publican.",
        keywords: ["abuso sexual", "integridad sexual", "art. 119", "artículo 119", "arts. 119", "grooming", "art. 131", "artículo 131"],
        policy: "block",
        redact: [],
      },
      {
        name: "menores",
        description: "Intervienen niñas, niños o adolescentes (Ley 26.061): se publica con una política más estricta.",
        keywords: ["menor de edad", "menores de edad", "niña", "niño", "niñas", "niños", "adolescente", "adolescentes", "ley 26.061"],
        policy: "stricter",
        redact: ["PERSONA", "DIRECCION", "LUGAR", "FECHA_PERSONAL", "EDAD", "PATENTE", "EXPEDIENTE"],
      },
    ]),
    /**
     * How the catalogue (data.json) presents the publisher: where public/ is
     * served and whom to contact. Unset fields keep tacha's placeholders,
     * which a real publication must replace.
     */
    catalogue: z.object({
      baseUrl: z.url().regex(/\/$/, "debe terminar en /").optional(),
      title: z.string().min(1).optional(),
      description: z.string().min(1).optional(),
      publisher: z.object({ name: z.string().min(1), mbox: z.email() }).optional(),
      contactPoint: z.object({ fn: z.string().min(1), hasEmail: z.email() }).optional(),
      accrualPeriodicity: z.string().regex(/^(?:R\/P(?:\d+[YMWD]|T\d+H)|EVENTUAL)$/).optional(),
    }).strict().default({}),
  }).prefault({}),
}).strict()

export type PipelineConfig = z.infer<typeof PipelineConfigSchema>

export const actionFor = (config: PipelineConfig, label: Label): "redact" | "keep" =>
  config.actions[label] ?? (label === "FUNCIONARIO" ? "keep" : config.defaultAction)

export const operatorFor = (config: PipelineConfig, label: Label): Operator =>
  config.operators[label] ?? config.defaultOperator
