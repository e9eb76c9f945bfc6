import { mkdir, open, type FileHandle } from "node:fs/promises"
import { dirname, join, relative } from "node:path"
import { Context, Data, Effect, Layer, Runtime } from "effect"
import type { FailureReason } from "../domain/IngestFailure.ts"
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
export class JournalError extends Data.TaggedError("JournalError")<{
  readonly file: string
  readonly cause: string
}> {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `no se pudo escribir el diario de la ejecución ${this.file} (${this.cause}).`
  }
  get hint(): string {
    return "Verifique el permiso de escritura y el espacio libre en la carpeta de salida, y vuelva a correr el mismo comando: retoma lo que falta."
  }
}

/** How many times this process opened a journal file (one per `tacha run`). */
let opens = 0
export const journalOpens = (): number => opens

const openHandle = async (path: string): Promise<FileHandle> => {
  await mkdir(dirname(path), { recursive: true })
  // A run killed in the middle of an append leaves a partial last line: end
  // it, so that the next entry starts on a line of its own.
  const handle = await open(path, "a+")
  const { size } = await handle.stat()
  if (size > 0) {
    const last = Buffer.alloc(1)
    await handle.read(last, 0, 1, size - 1)
    if (last[0] !== 0x0a) await handle.write("\n")
  }
  return handle
}

/**
 * The output folder's journal as a service: opened on the first entry (a
 * command that refuses its input writes nothing) and closed when the
 * command's scope ends. Appends are serialised, so concurrent documents
 * never interleave lines. Wired once per `tacha run` in the CLI's main.
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
      let handle: Promise<FileHandle> | undefined
      let tail: Promise<void> = Promise.resolve()
      yield* Effect.addFinalizer(() =>
        Effect.promise(async () => {
          await tail.catch(() => undefined)
          await (await handle?.catch(() => undefined))?.close()
        })
      )
      return Journal.of({
        append: (entry) =>
          Effect.tryPromise({
            try: () => {
              tail = tail.then(async () => {
                handle ??= (opens++, openHandle(path))
                const opened = await handle
                await opened.write(JSON.stringify(entry) + "\n")
                await opened.datasync()
              })
              return tail
            },
            catch: failure,
          }),
      })
    }),
  )
}
