/**
 * A closed standard output or error (`tacha run … | head`, a worker whose
 * parent went away) must not stop a batch: what tacha prints there is a
 * report, the work is in the output folder. Without a listener Node throws
 * the pipe's EPIPE as an unhandled error, in the middle of the batch; with
 * this one, what would have been printed after the pipe closed is dropped.
 * Any other error on these streams still ends the process.
 */
export const ignoreClosedOutput = (): void => {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error
    })
  }
}
