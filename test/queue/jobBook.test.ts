import { Queue, QueueEvents, Worker } from "bullmq"
import { Redis } from "ioredis"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { AnalysisRequest } from "../../src/pipeline/contract/AnalysisRequest.ts"
import { resultFor, type AnalysisOutcome } from "../../src/pipeline/contract/AnalysisResult.ts"
import { createJobBook, jobKey } from "../../src/queue/JobBook.ts"
import { redisInstalled, startRedis, type RedisServer } from "./redisServer.ts"

/**
 * The coordinator's book of jobs on a real Redis, answered by a real BullMQ
 * worker: jobs added together go to Redis together, and each request is
 * settled once, by the answer to its own job, also when the event carrying
 * an answer was missed.
 */
const PASSWORD = "clave-libro-" + Math.random().toString(36).slice(2)
const PREFIX = "tacha"

const request = (n: number): AnalysisRequest => ({
  id: `res-${String(n).padStart(4, "0")}`,
  relative: `lote/${n}.txt`,
  sha256: n.toString(16).padStart(64, "0"),
  metadata: { court: "Juzgado PCyF N° 10", date: "2024-03-12" },
  pipeline: "b".repeat(64),
  source: { kind: "path", path: `lote/${n}.txt` },
})

/** What the stand-in analysis answers: a named failure that says which document it answered. */
const answerTo = (data: AnalysisRequest): AnalysisOutcome => ({ ok: false, reason: "processing_error", detail: `analizado ${data.id}` })

describe.skipIf(!redisInstalled())("the coordinator's book of jobs", () => {
  let redis: RedisServer
  const opened: { close: () => Promise<unknown> }[] = []
  const connection = () => new Redis({ host: "127.0.0.1", port: redis.port, password: PASSWORD, maxRetriesPerRequest: null })

  beforeAll(async () => {
    redis = await startRedis(PASSWORD)
  })
  afterAll(async () => {
    for (const closing of opened.reverse()) await closing.close().catch(() => {})
    await redis?.stop()
  })

  const queueOf = async (name: string, events: { autorun: boolean }) => {
    const queue = new Queue(name, { connection: connection(), prefix: PREFIX })
    const listening = new QueueEvents(name, { connection: connection(), prefix: PREFIX, autorun: events.autorun })
    opened.push(queue, listening)
    if (events.autorun) await listening.waitUntilReady()
    return { queue, events: listening }
  }

  it("adds the jobs of one turn together and settles each request once, with its own answer", async () => {
    const { queue, events } = await queueOf("lote-libro-1", { autorun: true })
    const book = createJobBook(queue, events)
    const batches: number[] = []
    const addBulk = queue.addBulk.bind(queue)
    queue.addBulk = (jobs) => (batches.push(jobs.length), addBulk(jobs))
    const seen: string[] = []
    const worker = new Worker<AnalysisRequest>("lote-libro-1", async (job) => {
      seen.push(job.id!)
      // One answer names another document: it is refused, not taken as that document's.
      if (job.data.id === "res-0003") return resultFor(request(4), answerTo(request(4)))
      return resultFor(job.data, answerTo(job.data))
    }, { connection: connection(), prefix: PREFIX, concurrency: 4 })
    opened.push(worker)

    const requests = Array.from({ length: 24 }, (_, n) => request(n))
    const outcomes = await Promise.all(requests.map((one) => book.submit(one, one)))
    book.stop()
    expect(batches).toEqual([24])
    expect(outcomes.map((outcome) => (outcome.ok ? "" : outcome.detail))).toEqual(
      requests.map((one) => (one.id === "res-0003" ? "respuesta inválida de la cola" : `analizado ${one.id}`)),
    )
    expect(book.answered()).toBe(24)
    expect(seen.sort()).toEqual(requests.map(jobKey).sort())
    // The worker's completion removed each job: no document stays in Redis as a job.
    for (const one of requests) expect(await redis.client.exists(`${PREFIX}:lote-libro-1:${jobKey(one)}`)).toBe(0)
  }, 30_000)

  it("trims each answer from the event stream once read: Redis keeps the answers not yet read, not every answer of the batch", async () => {
    const { queue, events } = await queueOf("lote-libro-3", { autorun: true })
    const eventsKey = queue.toKey("events")
    const book = createJobBook(queue, events, { trimEvents: (before) => redis.client.xtrim(eventsKey, "MINID", before) })
    // A long ruling's answer: its public text and document make it large.
    const long = "x".repeat(20_000)
    const worker = new Worker<AnalysisRequest>("lote-libro-3", async (job) => resultFor(job.data, { ok: false, reason: "processing_error", detail: `${job.data.id} ${long}` }), {
      connection: connection(),
      prefix: PREFIX,
      concurrency: 4,
    })
    opened.push(worker)
    const requests = Array.from({ length: 40 }, (_, n) => request(100 + n))
    const outcomes = await Promise.all(requests.map((one) => book.submit(one, one)))
    expect(outcomes.map((outcome) => (outcome.ok ? "" : outcome.detail?.split(" ")[0]))).toEqual(requests.map((one) => one.id))
    await new Promise((resolve) => setTimeout(resolve, 200))
    book.stop()
    // Without the trim the stream holds all 40 answers (its own limit is 10,000 events); with it, at most the last one read.
    const completed = (await redis.client.xrange(eventsKey, "-", "+")).filter(([, fields]) => fields.includes("completed"))
    expect(completed.length).toBeLessThanOrEqual(1)
  }, 30_000)

  it("looks up a job whose answer's event was missed, adds it again and settles it once", async () => {
    // Not listening yet: the first answer's event is never seen.
    const { queue, events } = await queueOf("lote-libro-2", { autorun: false })
    const book = createJobBook(queue, events, { sweepMs: 300 })
    const analysed: string[] = []
    const worker = new Worker<AnalysisRequest>("lote-libro-2", async (job) => {
      analysed.push(job.data.id)
      return resultFor(job.data, answerTo(job.data))
    }, { connection: connection(), prefix: PREFIX })
    opened.push(worker)

    let settled = 0
    const answer = book.submit(request(7), request(7)).then((outcome) => (settled++, outcome))
    const deadline = Date.now() + 10_000
    while (analysed.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(analysed).toEqual(["res-0007"])
    void events.run()
    await events.waitUntilReady()

    expect(await answer).toEqual(answerTo(request(7)))
    book.stop()
    // Analysed twice (the first answer was lost with its event), settled once.
    expect(analysed).toEqual(["res-0007", "res-0007"])
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(settled).toBe(1)
    expect(book.answered()).toBe(1)
  }, 30_000)
})
