import { describe, expect, it } from "vitest"
import { formatDuration, progressBar, progressLine } from "../../src/pipeline/progressBar.ts"

const recorder = (isTTY: boolean) => {
  const written: string[] = []
  return { stream: { isTTY, write: (text: string) => written.push(text) > 0 }, written }
}

describe("progress", () => {
  it("states done/total, rate and time left in Spanish", () => {
    expect(progressLine(10, 40, 5000)).toBe("10/40 documentos (25 %), 2 documentos/s, faltan aprox. 15 s")
    expect(progressLine(40, 40, 8000)).toBe("40/40 documentos (100 %), 5 documentos/s")
    expect(progressLine(0, 40, 3000)).toBe("0/40 documentos (0 %)")
    expect(formatDuration(59_000)).toBe("59 s")
    expect(formatDuration(150_000)).toBe("3 min")
    expect(formatDuration(4_800_000)).toBe("1 h 20 min")
  })

  it("off a terminal, writes one line per interval and a last one, never a carriage return", () => {
    const { stream, written } = recorder(false)
    let now = 0
    const bar = progressBar({ stream, intervalMs: 5000, now: () => now })
    bar.update(0, 10)
    for (let done = 1; done <= 10; done++) {
      now += 1200
      bar.update(done, 10)
    }
    bar.finish()
    // 12 s in all: lines at 6 s (5 done) and 12 s (10 done); finish adds nothing new.
    expect(written).toEqual([
      "  Progreso: 5/10 documentos (50 %), 0,8 documentos/s, faltan aprox. 6 s\n",
      "  Progreso: 10/10 documentos (100 %), 0,8 documentos/s\n",
    ])
    expect(written.join("")).not.toContain("\r")
  })

  it("off a terminal, a batch shorter than the interval still gets its last line", () => {
    const { stream, written } = recorder(false)
    let now = 0
    const bar = progressBar({ stream, intervalMs: 5000, now: () => now })
    bar.update(0, 2)
    now = 1000
    bar.update(1, 2)
    now = 2000
    bar.update(2, 2)
    bar.finish()
    expect(written).toEqual(["  Progreso: 2/2 documentos (100 %), 1 documentos/s\n"])
  })

  it("on a terminal, redraws one line in place", () => {
    const { stream, written } = recorder(true)
    let now = 0
    const bar = progressBar({ stream, now: () => now })
    bar.update(0, 4)
    now = 2000
    bar.update(2, 4)
    bar.finish()
    expect(written[1]).toMatch(/^\r {2}\[#{15} {15}\] 2\/4 documentos \(50 %\), 1 documentos\/s, faltan aprox\. 2 s/u)
    expect(written.at(-1)).toBe("\n")
  })
})
