import { mkdir, open, type FileHandle } from "node:fs/promises"
import { dirname } from "node:path"
import type { FailureReason } from "../domain/IngestFailure.ts"

/**
 * The run journal, `private/journal.jsonl`: one line per document state
 * change, flushed to disk before the batch moves on, so that after a crash
 * one can tell what was finished. Entries name files and causes only.
 */
export type JournalEntry =
  | { readonly state: "started"; readonly run: string; readonly at: string; readonly total: number }
  | { readonly state: "done"; readonly run: string; readonly file: string; readonly id: string; readonly sha256: string; readonly reused: boolean }
  | { readonly state: "failed"; readonly run: string; readonly file: string; readonly reason: FailureReason }
  | { readonly state: "finished"; readonly run: string; readonly at: string; readonly done: number; readonly failed: number }

export interface Journal {
  readonly append: (entry: JournalEntry) => Promise<void>
  readonly close: () => Promise<void>
}

export const openJournal = async (path: string): Promise<Journal> => {
  await mkdir(dirname(path), { recursive: true })
  // A run killed in the middle of an append leaves a partial last line: end
  // it, so that the next entry starts on a line of its own.
  const handle: FileHandle = await open(path, "a+")
  const { size } = await handle.stat()
  if (size > 0) {
    const last = Buffer.alloc(1)
    await handle.read(last, 0, 1, size - 1)
    if (last[0] !== 0x0a) await handle.write("\n")
  }
  // Appends are serialised so concurrent documents never interleave lines.
  let tail: Promise<void> = Promise.resolve()
  return {
    append: (entry) => {
      tail = tail.then(async () => {
        await handle.write(JSON.stringify(entry) + "\n")
        await handle.datasync()
      })
      return tail
    },
    close: async () => {
      await tail
      await handle.close()
    },
  }
}
