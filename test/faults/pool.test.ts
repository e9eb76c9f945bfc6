import { describe, expect, it } from "vitest"
import { PipelineConfigSchema } from "../../src/domain/PipelineConfig.ts"
import type { AnalysisRequest } from "../../src/pipeline/contract/AnalysisRequest.ts"
import type { Detector } from "../../src/detect/Detector.ts"
import { createDocumentPool } from "../../src/pipeline/DocumentPool.ts"

/**
 * The worker pool's limits, with a stand-in worker (misbehavingWorker.ts)
 * whose behaviour the job's file name picks: spin, allocate, exit, or answer.
 */
const config = PipelineConfigSchema.parse({ name: "t", version: "1", limits: { timeoutMs: 1500, workerMemoryMb: 64 }, concurrency: 2 })
const job = (relative: string): AnalysisRequest => ({ id: relative, relative, sha256: "0".repeat(64), metadata: {}, pipeline: "1".repeat(64), source: { kind: "bytes", bytes: new Uint8Array([1]) } })

describe("document worker pool", () => {
  it("stops a spinning document (timeout), a greedy one (out_of_memory) and a crashing one (worker_failed), and goes on with fresh workers", async () => {
    const pool = createDocumentPool({ size: 2, config, entry: new URL("./misbehavingWorker.ts", import.meta.url) })
    try {
      const started = Date.now()
      const names = ["spin", "ok-1", "oom", "ok-2", "exit", "ok-3", "spin", "ok-4"]
      const results = await Promise.all(names.map((name) => pool.run(job(name))))
      // Every answer names its request, whoever produced it (the worker or the pool).
      expect(results.map((result) => result.id)).toEqual(names)
      const outcomes = results.map((result) => result.outcome)
      expect(outcomes.map((outcome) => (outcome.ok || outcome.reason === "no_text" ? "ok" : outcome.reason))).toEqual([
        "timeout", "ok", "out_of_memory", "ok", "worker_failed", "ok", "timeout", "ok",
      ])
      expect(Date.now() - started).toBeLessThan(10_000)
      // Each killed worker was replaced: 2 to start, then one per casualty (at most).
      expect(pool.started()).toBeGreaterThanOrEqual(4)
      expect(pool.started()).toBeLessThanOrEqual(6)
    } finally {
      await pool.close()
    }
  }, 20_000)

  it("forwards detector calls to the main thread (the NER model lives there)", async () => {
    const calls: string[] = []
    const extra = [{ name: "ner/stand-in", labels: ["PERSONA"] as const, detect: (text: string) => {
      calls.push(text)
      return Promise.resolve([{ start: 0, end: 4, label: "PERSONA" as const, score: 0.9, detector: "ner/stand-in" }])
    } }]
    const pool = createDocumentPool({ size: 1, config, extra, entry: new URL("./misbehavingWorker.ts", import.meta.url) })
    try {
      const { outcome } = await pool.run(job("detect"))
      expect(outcome).toMatchObject({ ok: false, reason: "excluded_category", detail: "1 span(s) from ner/stand-in" })
      expect(calls).toEqual(["texto de prueba"])
    } finally {
      await pool.close()
    }
  })

  it("starts its workers before its detectors have loaded, and hands a document out once they are there", async () => {
    const calls: string[] = []
    let loaded: (detectors: readonly Detector[]) => void = () => {}
    const loading = new Promise<readonly Detector[]>((resolve) => {
      loaded = resolve
    })
    const pool = createDocumentPool({ size: 2, config, extra: loading, entry: new URL("./misbehavingWorker.ts", import.meta.url) })
    try {
      pool.warm()
      pool.warm()
      expect(pool.started()).toBe(2)
      let settled = false
      const answered = pool.run(job("detect")).then((result) => {
        settled = true
        return result
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(settled).toBe(false)
      loaded([{ name: "ner/tardío", labels: ["PERSONA"], detect: (text: string) => {
        calls.push(text)
        return Promise.resolve([])
      } }])
      expect((await answered).outcome).toMatchObject({ ok: false, reason: "excluded_category", detail: "0 span(s) from ner/tardío" })
      expect(calls).toEqual(["texto de prueba"])
      // The warmed workers took the document: none was started for it.
      expect(pool.started()).toBe(2)
    } finally {
      await pool.close()
    }
  })

  it("takes only answers to the request it sent, under the contract's schema", async () => {
    const pool = createDocumentPool({ size: 1, config, entry: new URL("./misbehavingWorker.ts", import.meta.url) })
    try {
      for (const [name, detail] of [["other-id", "respuesta a otro documento"], ["malformed", "respuesta inválida: outcome.ok"]]) {
        const result = await pool.run(job(name!))
        expect(result.id).toBe(name)
        expect(result.outcome).toEqual({ ok: false, reason: "worker_failed", detail })
      }
      expect((await pool.run(job("ok"))).outcome).toEqual({ ok: false, reason: "no_text", detail: "ok" })
    } finally {
      await pool.close()
    }
  })
})
