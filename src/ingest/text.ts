import { Effect } from "effect"
import { IngestFailure } from "../domain/IngestFailure.ts"
import { decodeText } from "./decodeText.ts"
import type { Reader } from "./Reader.ts"

/**
 * Plain text. The body is exactly the decoded file, not normalised in any
 * way: offsets downstream (spans, redaction) refer to this text.
 */
export const readText = (bytes: Uint8Array) =>
  Effect.suspend(() => {
    const decoded = decodeText(bytes)
    return decoded instanceof IngestFailure
      ? Effect.fail(decoded)
      : Effect.succeed({ format: "txt" as const, parts: [{ kind: "body" as const, text: decoded.text }], metadata: {} })
  })

export const textReader: Reader = {
  format: "txt",
  extensions: [".txt"],
  read: readText,
}
