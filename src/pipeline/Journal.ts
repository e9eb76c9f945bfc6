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
  // Appends are serialised so concurrent documents never interleave lines;
  // those that arrive while a flush is under way are written and flushed
  // together with one datasync, each resolving once its line is on disk.
  let queued: { readonly line: string; readonly done: () => void; readonly failed: (error: unknown) => void }[] = []
  let tail: Promise<void> = Promise.resolve()
  const flush = async (): Promise<void> => {
    const batch = queued
    queued = []
    try {
      await handle.write(batch.map((entry) => entry.line).join(""))
      await handle.datasync()
      for (const entry of batch) entry.done()
    } catch (error) {
      for (const entry of batch) entry.failed(error)
    }
  }
  return {
    append: (entry) =>
      new Promise<void>((done, failed) => {
        queued.push({ line: JSON.stringify(entry) + "\n", done, failed })
        if (queued.length === 1) tail = tail.then(flush)
      }),
    close: async () => {
      await tail
      await handle.close()
    },
  }
}
