import { mkdir, mkdtemp, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import JSZip from "jszip"
import { describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { readPdf } from "../../src/ingest/pdf.ts"
import { composeText } from "../../src/normalise/composeText.ts"
import { generate, readTree, runTacha } from "./cli.ts"

/**
 * Detection gaps this test found (seed 23), owned by the detectors, not by
 * the pipeline: each is a gold string that reaches a public text. Listed so
 * that the test still catches every other leak; remove an entry once fixed.
 */
/** Gold strings a generated batch still leaks, each with why (empty: none known). */
const KNOWN_GAPS: ReadonlyMap<string, string> = new Map()

/**
 * Every personal-data string of a generated batch's gold annotations (length
 * ≥ 4) is searched in everything the run wrote outside private/: every public
 * file (Parquet included, its bytes read as UTF-8 and as Latin-1; documents
 * as their readers read them), standard
 * output and error, and whatever the run left in its temporary folder and
 * its cache folder (Node's compile cache). Withheld rulings are not published, so their strings simply must not show.
 */
describe("no personal data outside private/", () => {
  it("leaks none of the gold annotations into public files, the terminal or temporary files", async () => {
    const base = await mkdtemp(join(tmpdir(), "tacha-leaks-"))
    await generate(base, 30, 23, "txt,pdf,docx")
    const gold = (await readFile(join(base, "gold.jsonl"), "utf8")).trim().split("\n")
      .map((line) => JSON.parse(line) as { text: string; spans: { start: number; end: number; text: string }[] })
    // A string the rulings also use where it is not personal ("Buenos Aires"
    // of the court's city, a judge's surname shared with a party) proves
    // nothing by its presence: such strings are left out, as the gold shows
    // them outside every personal span.
    const masked = gold.map((ruling) => {
      let text = ruling.text
      for (const span of ruling.spans) text = text.slice(0, span.start) + "\u0000".repeat(span.end - span.start) + text.slice(span.end)
      return text
    }).join("\n")
    const secrets = [...new Set(gold.flatMap((ruling) => ruling.spans.map((span) => span.text)).filter((text) => text.length >= 4 && !masked.includes(text)))]
    expect(secrets.length).toBeGreaterThan(100)

    const temporary = join(base, "tmp")
    await mkdir(temporary)
    const cache = join(base, "cache")
    const env = { ...process.env, TMPDIR: temporary, TMP: temporary, TEMP: temporary, XDG_CACHE_HOME: cache, NODE_COMPILE_CACHE: undefined }
    const result = await runTacha([join(base, "rulings"), "--out", join(base, "out")], { env })
    expect(result.signal).toBeNull()
    expect([0, 1]).toContain(result.code)

    const haystacks: [string, string][] = [["stdout", result.stdout], ["stderr", result.stderr]]
    for (const [where, dir] of [["public", join(base, "out", "public")], ["tmp", temporary], ["cache", cache]] as const) {
      for (const [path, bytes] of await readTree(dir)) {
        // A PDF's compressed streams are read by its reader below; its cross-reference table, its streams' lengths
        // and where the table starts are byte counts ("0000006812 00000 n"), and its names are the writer's
        // ("/Helvetica-2668124169"): what is left is its strings, the metadata among them.
        // A SHA-256 digest (SHA256SUMS, the catalogue's checksums) is a hash of bytes: digits in it are chance ("…6812…").
        const raw = (encoding: BufferEncoding) => {
          const decoded = bytes.toString(encoding).replace(/\b[0-9a-f]{64}\b/gu, "")
          return path.endsWith(".pdf")
            ? decoded.replace(/stream\r?\n[\s\S]*?endstream/gu, "stream endstream").replace(/\bxref\b[\s\S]*?\btrailer\b/gu, "trailer")
              .replace(/startxref\s+\d+/gu, "startxref").replace(/\/Length\s+\d+/gu, "/Length").replace(/\/[^\s/<>[\]()]+/gu, "/")
            : decoded
        }
        haystacks.push([`${where}/${path} (utf8)`, raw("utf8")], [`${where}/${path} (latin1)`, raw("latin1")])
        // Documents are compressed: what a reader of each one can read, every member's text with the markup out (runs joined).
        if (/\.(?:docx|odt)$/u.test(path)) {
          const zip = await JSZip.loadAsync(bytes)
          for (const file of Object.values(zip.files)) if (!file.dir) haystacks.push([`${where}/${path}/${file.name}`, (await file.async("string")).replace(/<[^>]*>/gu, "")])
        }
        if (path.endsWith(".pdf")) haystacks.push([`${where}/${path} (texto)`, composeText(await Effect.runPromise(readPdf(new Uint8Array(bytes))))])
      }
    }
    // ONNX Runtime's telemetry (a device identifier and usage events, queued for upload) is off: nothing of it in the cache.
    expect(haystacks.filter(([where]) => where.startsWith("cache/Microsoft/"))).toEqual([])
    expect(haystacks.some(([where]) => where.endsWith(".parquet (utf8)"))).toBe(true)
    expect(haystacks.some(([where]) => where.includes("documentos/") && where.endsWith("word/document.xml"))).toBe(true)
    expect(haystacks.some(([where]) => where.includes("documentos/") && where.endsWith(".pdf (texto)"))).toBe(true)
    // Node's compile cache (src/cli/compileCache.ts, in the user's cache folder) holds compiled code: the
    // project's, whose strings include its lexicons (barrios, common surnames), and its libraries', where
    // a single word ("Mono") may be anything. There a secret counts when it is several words (a person's
    // full name, an address) that the project's code does not hold.
    const code = [...(await readTree(join(PROJECT_ROOT, "src"))).values()].map((bytes) => bytes.toString("utf8")).join("\n")
    const fromCode = (where: string, secret: string): boolean => where.startsWith("cache/tacha/compile-cache/") && (!/\s/u.test(secret) || code.includes(secret))
    expect(haystacks.some(([where]) => where.startsWith("cache/tacha/compile-cache/"))).toBe(true)
    const hits = secrets.filter((secret) => !KNOWN_GAPS.has(secret))
      .flatMap((secret) => haystacks.filter(([where, text]) => text.includes(secret) && !fromCode(where, secret)).map(([where]) => `${JSON.stringify(secret)} in ${where}`))
    expect(hits).toEqual([])
    // Whatever the detectors miss, the terminal and the temporary folder never carry text.
    const gapHits = [...KNOWN_GAPS.keys()].flatMap((secret) => haystacks.filter(([where, text]) => !where.startsWith("public/") && text.includes(secret)).map(([where]) => where))
    expect(gapHits).toEqual([])
  }, 120_000) // publication also builds and checks each ruling's document
})
