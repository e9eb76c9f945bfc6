import * as Data from "effect/Data"
import * as Runtime from "effect/Runtime"

/**
 * The shape of an error on one file of the output folder: the file (relative
 * to the folder's parent) and the system's cause (a code such as EACCES, or
 * an error's class), never the file's content; exit code 2 and a hint for
 * the clerk. Each kind says what failed and what to do in its own words.
 */
export const FileError = <Tag extends string>(tag: Tag, what: (file: string, cause: string) => string, hint: string) =>
  class extends Data.TaggedError(tag)<{ readonly file: string; readonly cause: string }> {
    override readonly [Runtime.errorExitCode] = 2
    override get message(): string {
      return what(this.file, this.cause)
    }
    get hint(): string {
      return hint
    }
  }
