import { z } from "zod"

/** Bytes as they pass between threads of one process (a structured clone keeps a Uint8Array). */
export const Bytes: z.ZodType<Uint8Array, Uint8Array> = z.instanceof(Uint8Array)

/** Bytes as base64 text, where a message travels as JSON (a queue). */
export const Base64Bytes = z.codec(z.base64(), Bytes, {
  decode: (text) => new Uint8Array(Buffer.from(text, "base64")),
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
})
