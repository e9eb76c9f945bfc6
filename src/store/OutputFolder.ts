import { access, rm } from "node:fs/promises"
import { join, relative } from "node:path"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { writeFileAtomic } from "../publish/writeFileAtomic.ts"
import { FileError } from "./FileError.ts"
import { ReviewError } from "../review/ReviewError.ts"

/**
 * A file of the output folder that could not be written or removed. The
 * message names the file and the system's cause (a code such as EACCES or
 * ENOSPC), never its content; every write is atomic, so the file keeps its
 * earlier content.
 */
export class OutputWriteError extends FileError(
  "OutputWriteError",
  (file, cause) => `no se pudo escribir ${file} (${cause}); el archivo conserva su contenido anterior.`,
  "Verifique el permiso de escritura y el espacio libre en la carpeta de salida, y vuelva a correr el comando.",
) {}

/** The system's cause of a file error, as a code (EACCES, ENOSPC...) or the error's class. */
export const causeOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.name : "error")

/**
 * The output folder of a command (`--out`): where its public outputs
 * (`public/`: texts, documents, datasets, catalogue) and private ones
 * (`private/`: audit records, review records, the store, the journal, the
 * failure list) live, and the one writer of its files. Wired once per
 * command in the CLI's main (src/cli/main.ts); nothing is created until
 * something is written.
 */
export class OutputFolder extends Context.Service<OutputFolder, {
  /** The folder, absolute. */
  readonly dir: string
  readonly publicDir: string
  readonly privateDir: string
  /** A path under `public/` ("/"-separated parts). */
  readonly publicPath: (...parts: readonly string[]) => string
  /** A path under `private/`. */
  readonly privatePath: (...parts: readonly string[]) => string
  /** Write a file whole or not at all (see writeFileAtomic); creates its folder. */
  readonly write: (path: string, data: string | Uint8Array) => Effect.Effect<void, OutputWriteError>
  /** Remove a file when it is there. */
  readonly remove: (path: string) => Effect.Effect<void, OutputWriteError>
}>()("tacha/store/OutputFolder") {
  /** The folder at `outDir`, which need not exist yet (`tacha run` creates it). */
  static readonly layer = (outDir: string) => Layer.succeed(OutputFolder)(makeOutputFolder(outDir))

  /**
   * The folder of an earlier `tacha run` (`publicar`, `revision`, `revisar`):
   * it must hold the run's private outputs, else the command stops before
   * anything else.
   */
  static readonly layerExisting = (outDir: string) =>
    Layer.effect(
      OutputFolder,
      Effect.tryPromise({
        try: () => access(join(outDir, "private")),
        catch: () =>
          new ReviewError({ reason: "sin_salida", detail: `No existe ${join(outDir, "private")}: indique la carpeta de salida de 'tacha run' con --out.` }),
      }).pipe(Effect.as(makeOutputFolder(outDir))),
    )
}

const makeOutputFolder = (dir: string): OutputFolder["Service"] => {
  const publicDir = join(dir, "public")
  const privateDir = join(dir, "private")
  // Messages name files relative to the folder's parent, as the clerk typed it: out/public/data.json.
  const shown = (path: string) => relative(join(dir, ".."), path) || path
  return {
    dir,
    publicDir,
    privateDir,
    publicPath: (...parts) => join(publicDir, ...parts),
    privatePath: (...parts) => join(privateDir, ...parts),
    write: (path, data) =>
      Effect.tryPromise({ try: () => writeFileAtomic(path, data), catch: (error) => new OutputWriteError({ file: shown(path), cause: causeOf(error) }) }),
    remove: (path) =>
      Effect.tryPromise({ try: () => rm(path, { force: true }), catch: (error) => new OutputWriteError({ file: shown(path), cause: causeOf(error) }) }),
  }
}
