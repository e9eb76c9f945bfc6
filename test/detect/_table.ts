import { expect, it } from "vitest"
import type { Label } from "../../src/domain/Label.ts"
import type { Detector } from "../../src/detect/Detector.ts"

/** The substrings a detector finds with a given label (min score 0.5, as the resolver applies). */
export const found = async (d: Detector, text: string, label: Label): Promise<string[]> =>
  (await d.detect(text)).filter((s) => s.label === label && s.score >= 0.5).map((s) => text.slice(s.start, s.end))

/** Table of positives: every expected substring is found exactly (as a span). */
export const positives = (d: Detector, label: Label, rows: readonly (readonly [string, ...string[]])[]) => {
  for (const [text, ...expected] of rows) {
    it(`finds ${expected.join(" | ")} in «${text}»`, async () => {
      const got = await found(d, text, label)
      for (const e of expected) expect(got).toContain(e)
    })
  }
}

/** Table of hard negatives: nothing of that label is found. */
export const negatives = (d: Detector, label: Label, rows: readonly string[]) => {
  for (const text of rows) {
    it(`finds no ${label} in «${text}»`, async () => {
      expect(await found(d, text, label)).toEqual([])
    })
  }
}
