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
    /**
     * Labels after which a code is a personal identifier (IDENTIFICADOR):
     * replaces the default list of rules/identifier (prontuario, placa,
     * historia clínica, afiliado...); add "matrícula" where the court wants
     * registration numbers hidden. Case and accents are ignored.
     */
    identifiers: z.array(z.string().min(2)).min(1).optional(),
  }).default({ disabled: [] }),
  limits: z.object({
    maxFileBytes: z.number().int().positive().default(50 * 1024 * 1024),
    /** Hard limit per document: its worker thread is terminated past it (failure "timeout"). */
    timeoutMs: z.number().int().positive().default(120_000),
    /** V8 heap (old generation) of each document worker, in MB; exceeding it fails the document with "out_of_memory". */
    workerMemoryMb: z.number().int().min(64).max(16_384).default(2048),
  }).default({ maxFileBytes: 50 * 1024 * 1024, timeoutMs: 120_000, workerMemoryMb: 2048 }),
  /**
   * The court's roster: a CSV (apellido, nombres, cargo, tribunal) whose
   * names are officials wherever they appear. Relative to the repository
   * root, or absolute. See src/detect/rules/roster.ts.
   */
  funcionarios: z.string().min(1).optional(),
  /**
   * OCR of scanned pages (PDF pages without a usable text layer, PNG, JPEG,
   * TIFF images) with tesseract.js and the Spanish model from node_modules,
   * offline. See src/ingest/ocr/.
   */
  ocr: z.object({
    /** Off: a scanned PDF fails with "needs_ocr" and images are refused. */
    enabled: z.boolean().default(true),
    /** Resolution PDF pages are rendered at for OCR. */
    dpi: z.number().int().min(72).max(600).default(300),
    /** Pages OCR'd at once within one document (tesseract worker threads per document worker). */
    workers: z.number().int().min(1).max(8).default(2),
    /** Pages of one document that may be OCR'd; more fail the document with "too_many_pages". */
    maxPages: z.number().int().positive().default(60),
    /** Pixels of one page image; a PDF page is rendered smaller to fit, a larger image fails with "image_too_large". */
    maxPixelsPerPage: z.number().int().positive().default(40_000_000),
    /** Mean OCR confidence (0 to 100) below which a document is held for review ("ocr_baja_confianza"). */
    minConfidence: z.number().min(0).max(100).default(70),
  }).prefault({}),
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
        description:
          "Delitos contra la integridad sexual (arts. 119 a 133 del Código Penal): se publican con una política más estricta (las estadísticas de violencia de género las necesitan); \"policy\": \"block\" no los publica.",
        keywords: [
          "abuso sexual", "integridad sexual", "art. 119", "artículo 119", "arts. 119", "acceso carnal", "grooming", "art. 131",
          "artículo 131", "corrupción de menores",
        ],
        policy: "stricter",
        redact: ["PERSONA", "DIRECCION", "LUGAR", "FECHA_PERSONAL", "EDAD", "PATENTE", "EXPEDIENTE"],
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
    /** The anonymised documents (`public/documentos/`): embedded images are blanked unless kept (court logos). */
    documents: z.object({
      keepImages: z.boolean().default(false),
    }).strict().prefault({}),
    catalogue: z.object({
      baseUrl: z.url().regex(/\/$/, "debe terminar en /").optional(),
      title: z.string().min(1).optional(),
      description: z.string().min(1).optional(),
      publisher: z.object({ name: z.string().min(1), mbox: z.email() }).optional(),
      contactPoint: z.object({ fn: z.string().min(1), hasEmail: z.email() }).optional(),
      accrualPeriodicity: z.string().regex(/^(?:R\/P(?:\d+[YMWD]|T\d+H)|EVENTUAL)$/).optional(),
    }).strict().default({}),
  }).prefault({}),
  /**
   * Human review (src/review/): the court's lists that reviewers' decisions
   * teach (`tacha revision listas` writes them). Paths are CSV files,
   * relative to the working folder or absolute; unset, they live in the
   * output folder's `private/listas/`. `muestra`: the quality-control sample.
   */
  revision: z.object({
    /** Forms reviewers always hid (columns juzgado, forma, etiqueta; an empty juzgado is every court). */
    listaOcultar: z.string().min(1).optional(),
    /** Officials' names reviewers kept visible (columns juzgado, forma). */
    listaFuncionarios: z.string().min(1).optional(),
    /**
     * Share of each batch's automatically published rulings drawn for
     * quality control (0 to 1; 0 turns it off). The draw is reproducible,
     * seeded by the batch's fingerprint (src/store/controlSample.ts).
     */
    muestra: z.number().min(0).max(1).default(0.05),
  }).strict().prefault({}),
}).strict()

export type PipelineConfig = z.infer<typeof PipelineConfigSchema>

export const actionFor = (config: PipelineConfig, label: Label): "redact" | "keep" =>
  config.actions[label] ?? (label === "FUNCIONARIO" ? "keep" : config.defaultAction)

export const operatorFor = (config: PipelineConfig, label: Label): Operator =>
  config.operators[label] ?? config.defaultOperator
