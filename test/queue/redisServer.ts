import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { createServer } from "node:net"
import { Redis } from "ioredis"

/** Helpers for the queue tests: a real redis-server on a free loopback port. */

export const redisInstalled = (): boolean => spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0

/** A TCP port nothing listens on now (the kernel's choice). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().once("error", reject).listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0))
    })
  })

export interface RedisServer {
  readonly port: number
  /** A client of the test's own (to look at the queues). */
  readonly client: Redis
  readonly stop: () => Promise<void>
}

/** redis-server on 127.0.0.1 with `password`, nothing saved to disk; resolves once it answers PING. */
export const startRedis = async (password: string): Promise<RedisServer> => {
  const port = await freePort()
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", password], { stdio: "ignore" })
  const client = new Redis({ host: "127.0.0.1", port, password, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 1 })
  client.on("error", () => {})
  const deadline = Date.now() + 15_000
  for (;;) {
    try {
      await client.connect()
      await client.ping()
      break
    } catch (error) {
      client.disconnect()
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    port,
    client,
    stop: async () => {
      client.disconnect()
      child.kill("SIGTERM")
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))
    },
  }
}
