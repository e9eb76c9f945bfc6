import { mkdir, open, type FileHandle } from "node:fs/promises"
import { dirname, join, relative } from "node:path"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { FailureReason } from "../domain/IngestFailure.ts"
import { FileError } from "../store/FileError.ts"
import { causeOf, OutputFolder } from "../store/OutputFolder.ts"

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

/** The journal could not be opened or written: the batch stops, its outputs so far stay as they are. */
export class JournalError extends FileError(
  "JournalError",
  (file, cause) => `no se pudo escribir el diario de la ejecución ${file} (${cause}).`,
  "Verifique el permiso de escritura y el espacio libre en la carpeta de salida, y vuelva a correr el mismo comando: retoma lo que falta.",
) {}

/** How many times this process opened a journal file (one per `tacha run`). */
let opens = 0
export const journalOpens = (): number => opens

/** One open journal file: appends in order, each resolving once on disk. */
export interface JournalFile {
  readonly append: (entry: JournalEntry) => Promise<void>
  readonly close: () => Promise<void>
}

export const openJournal = async (path: string): Promise<JournalFile> => {
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

/**
 * The output folder's journal as a service: opened on the first entry (a
 * command that refuses its input writes nothing) and closed when the
 * command's scope ends. Wired once per `tacha run` in the CLI's main.
 */
export class Journal extends Context.Service<Journal, {
  readonly append: (entry: JournalEntry) => Effect.Effect<void, JournalError>
}>()("tacha/pipeline/Journal") {
  static readonly layer = Layer.effect(
    Journal,
    Effect.gen(function*() {
      const folder = yield* OutputFolder
      const path = folder.privatePath("journal.jsonl")
      const failure = (error: unknown) => new JournalError({ file: relative(join(folder.dir, ".."), path), cause: causeOf(error) })
      let journal: Promise<JournalFile> | undefined
      yield* Effect.addFinalizer(() => Effect.promise(async () => (await journal?.catch(() => undefined))?.close().catch(() => undefined)))
      return Journal.of({
        append: (entry) =>
          Effect.tryPromise({
            try: async () => {
              journal ??= (opens++, openJournal(path))
              await (await journal).append(entry)
            },
            catch: failure,
          }),
      })
    }),
  )
}
