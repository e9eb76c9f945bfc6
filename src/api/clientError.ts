import type { Duplex } from "node:stream"
import { ApiError, ERROR_STATUS, errorBody } from "./ApiError.ts"

/**
 * Requests Node's HTTP parser refuses before any route sees them (a URL or
 * headers past the size limit, malformed request lines) are answered with
 * the API's JSON error, not a bare reset. The rest of what the client is
 * still sending is read and dropped while the answer goes out, so closing
 * the socket does not reset the connection before the client reads it.
 */

/** How long a refused client may keep sending before the socket is destroyed. */
const DRAIN_MS = 2_000

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 431: "Request Header Fields Too Large" }

export const clientErrorOf = (code: string | undefined): ApiError =>
  code === "HPE_HEADER_OVERFLOW"
    ? new ApiError({ codigo: "solicitud_demasiado_grande", mensaje: "La solicitud supera el tamaño máximo de la dirección y los encabezados (16 KB)." })
    : new ApiError({ codigo: "solicitud_invalida", mensaje: "La solicitud HTTP está mal formada." })

export const answerClientError = (error: Error & { code?: string }, socket: Duplex): void => {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy()
    return
  }
  const apiError = clientErrorOf(error.code)
  const status = ERROR_STATUS[apiError.codigo]
  const body = JSON.stringify(errorBody(apiError))
  socket.on("data", () => {})
  socket.on("error", () => socket.destroy())
  socket.resume()
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  )
  setTimeout(() => socket.destroy(), DRAIN_MS).unref()
}
