import { readFile, stat } from "node:fs/promises"
import * as Effect from "effect/Effect"
import { IngestFailure } from "../domain/IngestFailure.ts"
import type { PipelineConfig } from "../domain/PipelineConfig.ts"

/**
 * A document's bytes, read by the batch (processDocument.ts) or by a worker
 * from a shared input folder (documentWorker.ts). Size first: a huge file is
 * refused before it is read into memory. A path that became a pipe or a
 * folder since it was listed is refused too: reading a pipe could block
 * forever.
 */
export const readDocumentBytes = (path: string, limits: PipelineConfig["limits"]) =>
  Effect.tryPromise({
    try: async () => {
      const info = await stat(path)
      if (!info.isFile()) return new IngestFailure({ reason: "not_a_file" })
      if (info.size > limits.maxFileBytes) return new IngestFailure({ reason: "too_large" })
      return new Uint8Array(await readFile(path))
    },
    catch: (error) =>
      new IngestFailure({
        reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing_file" : "processing_error",
        detail: (error as NodeJS.ErrnoException).code,
      }),
  }).pipe(Effect.flatMap((read) => (read instanceof IngestFailure ? Effect.fail(read) : Effect.succeed(read))))
