/**
 * A one-line progress bar on standard error, drawn only on a terminal so
 * that logs and pipes stay clean.
 */
export const progressBar = (stream: NodeJS.WriteStream = process.stderr) => {
  if (!stream.isTTY) return { update: (_done: number, _total: number) => {}, finish: () => {} }
  const width = 30
  return {
    update: (done: number, total: number) => {
      const filled = total === 0 ? width : Math.round((done / total) * width)
      stream.write(`\r  [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} documentos`)
    },
    finish: () => stream.write("\n"),
  }
}
