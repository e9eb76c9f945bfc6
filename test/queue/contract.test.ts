import { createHash } from "node:crypto"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { describe, expect, it } from "vitest"
import { z } from "zod"
import { AnalysisRequestJson, AnalysisRequestSchema, type AnalysisRequest } from "../../src/pipeline/contract/AnalysisRequest.ts"
import { AnalysisResultJson, AnalysisResultSchema, answers, resultFor } from "../../src/pipeline/contract/AnalysisResult.ts"
import { loadPipelineConfig, PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { configFingerprint } from "../../src/pipeline/configFingerprint.ts"
import { createDocumentPool } from "../../src/pipeline/DocumentPool.ts"
import { maskCredentials, parseQueueAddress } from "../../src/queue/QueueAddress.ts"

const request: AnalysisRequest = {
  id: "res-0123456789ab",
  relative: "2024/sentencia.pdf",
  sha256: "a".repeat(64),
  metadata: { court: "Juzgado PCyF N° 10", date: "2024-03-12" },
  pipeline: "b".repeat(64),
  source: { kind: "bytes", bytes: new Uint8Array([0, 1, 2, 250, 255, 37, 80, 68, 70]) },
}

describe("the worker contract", () => {
  it("carries a request's bytes through JSON unchanged, and refuses what is not base64", () => {
    const wire = JSON.parse(JSON.stringify(z.encode(AnalysisRequestJson, request)))
    expect(wire.source).toEqual({ kind: "bytes", bytes: "AAEC+v8lUERG" })
    const back = AnalysisRequestJson.parse(wire)
    expect(back).toEqual(request)
    expect(AnalysisRequestSchema.parse(back)).toEqual(request)
    expect(AnalysisRequestJson.safeParse({ ...wire, source: { kind: "bytes", bytes: "no es base64!" } }).success).toBe(false)
    expect(AnalysisRequestJson.safeParse({ ...wire, sha256: "abc" }).success).toBe(false)
    // A shared-folder request carries no bytes.
    expect(AnalysisRequestJson.parse({ ...wire, source: { kind: "path", path: "2024/sentencia.pdf" } }).source).toEqual({ kind: "path", path: "2024/sentencia.pdf" })
  })

  it("carries a result's document through JSON as base64, unchanged", () => {
    const record = {
      id: request.id, source: request.relative, format: "pdf" as const, sha256: request.sha256, text: "VISTOS: la causa.", metadata: { id: request.id },
      entities: [], pipeline: { name: "p", version: "1", sha256: request.pipeline }, tool: { name: "tacha" as const, version: "0.1.0" },
    }
    const result = resultFor(request, {
      ok: true, record, publicText: "VISTOS: la causa.", gatePass: { publicSha256: "d".repeat(64), pipelineSha256: request.pipeline, categories: [] },
      document: { extension: "pdf", bytes: new Uint8Array([37, 80, 68, 70, 45, 0, 255]) },
    })
    const wire = JSON.parse(JSON.stringify(z.encode(AnalysisResultJson, result)))
    expect(wire.outcome.document).toEqual({ extension: "pdf", bytes: "JVBERi0A/w==" })
    expect(AnalysisResultJson.parse(wire)).toEqual(result)
    // Between threads the bytes stay bytes; a JSON answer with a document the schema cannot read is refused.
    expect(AnalysisResultSchema.safeParse(wire).success).toBe(false)
    expect(AnalysisResultJson.safeParse({ ...wire, outcome: { ...wire.outcome, document: { extension: "rtf", bytes: "AA==" } } }).success).toBe(false)
  })

  it("takes a result only when it answers the same document, bytes and pipeline, with a known failure reason", () => {
    const result = resultFor(request, { ok: false, reason: "timeout", detail: "más de 120000 ms" })
    expect(AnalysisResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result)
    expect(answers(result, request)).toBe(true)
    expect(answers(result, { ...request, sha256: "c".repeat(64) })).toBe(false)
    expect(answers(result, { ...request, pipeline: "c".repeat(64) })).toBe(false)
    expect(answers(result, { ...request, id: "res-otro" })).toBe(false)
    expect(AnalysisResultSchema.safeParse({ ...result, outcome: { ok: false, reason: "se_me_ocurrio" } }).success).toBe(false)
  })
})

describe("--cola addresses", () => {
  const parse = (given: string, env: NodeJS.ProcessEnv = {}) => Effect.runSyncExit(parseQueueAddress(given, env))

  it("reads host, port, database, user and password, and never shows the password", () => {
    const exit = parse("redis://tacha:s3cr%40to@cola.interna:6380/2")
    expect(Exit.isSuccess(exit) && exit.value).toEqual({
      shown: "redis://***@cola.interna:6380/2",
      options: { host: "cola.interna", port: 6380, db: 2, username: "tacha", password: "s3cr@to" },
    })
    const tls = parse("rediss://cola.interna")
    expect(Exit.isSuccess(tls) && tls.value.options).toEqual({ host: "cola.interna", port: 6379, db: 0, tls: {} })
  })

  it("takes the password from TACHA_COLA_CLAVE when the URL has none (the URL's wins)", () => {
    const fromEnv = parse("redis://127.0.0.1:6379", { TACHA_COLA_CLAVE: "de-entorno" })
    expect(Exit.isSuccess(fromEnv) && fromEnv.value).toEqual({ shown: "redis://127.0.0.1:6379", options: { host: "127.0.0.1", port: 6379, db: 0, password: "de-entorno" } })
    const fromUrl = parse("redis://:de-url@127.0.0.1:6379", { TACHA_COLA_CLAVE: "de-entorno" })
    expect(Exit.isSuccess(fromUrl) && fromUrl.value.options.password).toBe("de-url")
  })

  it("refuses what is not a redis:// address, masking credentials in the message", () => {
    for (const given of ["http://u:clave@servidor:6379", "cola.interna:6379", "redis://:clave@servidor:6379/base"]) {
      const exit = parse(given)
      expect(Exit.isFailure(exit)).toBe(true)
      const message = Exit.isFailure(exit) ? String((exit.cause.reasons[0] as { error?: Error }).error?.message) : ""
      expect(message).toMatch(/^no se pudo usar la cola --cola .*: la dirección no es válida/u)
      expect(message).not.toContain("clave@")
    }
    expect(maskCredentials("redis://u:p@h:1")).toBe("redis://***@h:1")
  })
})

describe("a document worker reading from a shared input folder", () => {
  it("analyses the listed bytes only: a changed copy, a path outside the folder or no folder at all is a named failure", async () => {
    const config = await Effect.runPromise(loadPipelineConfig(join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")))
    const root = await mkdtemp(join(tmpdir(), "tacha-compartida-"))
    const text = "Buenos Aires, 3 de mayo de 2024.\nVISTOS: la causa N° 1234/2024 seguida contra Juan Pérez, DNI 22.333.444.\nRESUELVO: sobreseer.\n"
    await writeFile(join(root, "r1.txt"), text)
    const sha256 = createHash("sha256").update(text).digest("hex")
    const asked = (path: string, sha = sha256): AnalysisRequest =>
      ({ id: "res-1", relative: "r1.txt", sha256: sha, metadata: {}, pipeline: configFingerprint(config), source: { kind: "path", path } })
    const pool = createDocumentPool({ size: 1, config, inputRoot: root })
    const without = createDocumentPool({ size: 1, config })
    try {
      const read = await pool.run(asked("r1.txt"))
      expect(read.outcome.ok).toBe(true)
      expect(read.outcome.ok && read.outcome.publicText).not.toContain("22.333.444")
      expect((await pool.run(asked("r1.txt", "f".repeat(64)))).outcome).toEqual({ ok: false, reason: "processing_error", detail: "la copia compartida difiere del documento listado" })
      expect((await pool.run(asked("../r1.txt"))).outcome).toEqual({ ok: false, reason: "outside_input" })
      expect((await pool.run(asked("falta.txt"))).outcome).toMatchObject({ ok: false, reason: "missing_file" })
      expect((await without.run(asked("r1.txt"))).outcome).toMatchObject({ ok: false, reason: "missing_file" })
    } finally {
      await pool.close()
      await without.close()
      await rm(root, { recursive: true, force: true })
    }
  }, 60_000)
})
