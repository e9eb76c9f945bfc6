/**
 * Preloaded with `node --import` into a `tacha run` under test: every thread
 * (main, document workers, tesseract's own) loads it, says so in the file
 * named by TACHA_NET_LOG, and has its network taken away: a TCP or TLS
 * connection, a DNS lookup or a fetch fails at once and is written down.
 */
import { appendFileSync } from "node:fs"
import dns from "node:dns"
import net from "node:net"
import { threadId } from "node:worker_threads"

const log = process.env["TACHA_NET_LOG"]
const note = (line: string): void => {
  if (log) appendFileSync(log, `${line}\n`)
}
note(`thread ${threadId}`)

const refuse = (what: string): Error => {
  note(`network ${what}`)
  return new Error(`network used: ${what}`)
}

net.Socket.prototype.connect = function connect(): never {
  throw refuse("socket")
} as typeof net.Socket.prototype.connect
dns.lookup = ((..._args: unknown[]) => {
  throw refuse("dns")
}) as unknown as typeof dns.lookup
globalThis.fetch = (() => Promise.reject(refuse("fetch"))) as typeof fetch
