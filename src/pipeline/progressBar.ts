/**
 * Progress on standard error: on a terminal, a bar redrawn in place;
 * otherwise (cron, a pipe, a log file) one line every `intervalMs` and a last
 * one at the end, so a long batch is never silent. Each line says documents
 * done of the total, the rate and the time left; nothing about content.
 */
export interface ProgressOptions {
  readonly stream?: Pick<NodeJS.WriteStream, "write" | "isTTY">
  /** Between two lines when not on a terminal. */
  readonly intervalMs?: number
  readonly now?: () => number
}

const number = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 1 })

/** "45 s", "3 min", "1 h 20 min". */
export const formatDuration = (ms: number): string => {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** "12/40 documentos (30 %), 3,2 documentos/s, faltan aprox. 9 s". */
export const progressLine = (done: number, total: number, elapsedMs: number): string => {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
  const parts = [`${done}/${total} documentos (${percent} %)`]
  if (done > 0 && elapsedMs > 0) {
    const rate = done / (elapsedMs / 1000)
    parts.push(`${number.format(rate)} documentos/s`)
    if (done < total) parts.push(`faltan aprox. ${formatDuration(((total - done) / rate) * 1000)}`)
  }
  return parts.join(", ")
}

export const progressBar = (options: ProgressOptions = {}) => {
  const stream = options.stream ?? process.stderr
  const now = options.now ?? Date.now
  const started = now()
  let last = { done: 0, total: 0 }
  if (stream.isTTY) {
    const width = 30
    return {
      update: (done: number, total: number) => {
        last = { done, total }
        const filled = total === 0 ? width : Math.round((done / total) * width)
        stream.write(`\r  [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${progressLine(done, total, now() - started)}\x1b[K`)
      },
      finish: () => {
        if (last.total > 0) stream.write("\n")
      },
    }
  }
  const intervalMs = options.intervalMs ?? 5000
  let lastLine = started
  let printed = -1
  const print = () => {
    stream.write(`  Progreso: ${progressLine(last.done, last.total, now() - started)}\n`)
    printed = last.done
    lastLine = now()
  }
  // Also on a timer, so that a slow document (or loading the model) does not silence the log.
  const timer = setInterval(() => {
    if (last.total > 0 && now() - lastLine >= intervalMs) print()
  }, intervalMs)
  timer.unref()
  return {
    update: (done: number, total: number) => {
      last = { done, total }
      if (now() - lastLine >= intervalMs) print()
    },
    finish: () => {
      clearInterval(timer)
      if (last.total > 0 && printed !== last.done) print()
    },
  }
}
