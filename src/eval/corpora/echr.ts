import type { GoldSpan } from "../evaluate.ts"
import type { ConvertedDocument } from "./types.ts"

/**
 * ECHR-es (Spanish translations of European Court of Human Rights judgments,
 * CoNLL-style `token label` lines, BIO tags, a blank line between paragraphs)
 * → plain-text documents plus gold spans in `tacha eval` format.
 *
 * Documents: a new judgment starts at a paragraph whose first token is the
 * upper-case heading "PROCEDIMIENTO". Text: tokens joined by one space, no
 * space before closing punctuation nor after an opening parenthesis, none
 * around "/" ("39428/98");
 * paragraphs separated by a blank line.
 *
 * Label mapping (ours ← ECHR): PERSONA ← PER; LUGAR ← LOC; EXPEDIENTE ← CODE
 * (application numbers "no 39428/98": the case file number, which the
 * pipeline redacts). A leading courtesy title is trimmed from PER ("Sr."). Left out of the gold (not personal data in our policy,
 * or no label of ours): DATETIME, ORG, DEM, MISC, QUANTITY. Note that LOC
 * includes countries ("Turquía"), which our policy keeps visible.
 */
export const ECHR_LABELS: Readonly<Record<string, string>> = { PER: "PERSONA", LOC: "LUGAR", CODE: "EXPEDIENTE" }

const NO_SPACE_BEFORE = /^[,.;:)\]?!%/]$/
const NO_SPACE_AFTER = /^[(\[¿¡/]$/
/** Courtesy titles the gold includes in PER ("Sr. Bünyamin İnan") and our policy leaves visible: trimmed. */
const HONORIFIC = /^(?:(?:Sr|Sra|Srta|Sres|Sras|D|Dña|Dr|Dra)\.?\s+)+/u

interface Token {
  readonly text: string
  readonly tag: string
}

const paragraphsOf = (tsv: string): Token[][] => {
  const out: Token[][] = []
  let cur: Token[] = []
  for (const raw of tsv.split(/\r?\n/)) {
    const line = raw.trimEnd()
    if (line.trim() === "") {
      if (cur.length) out.push(cur)
      cur = []
      continue
    }
    const cut = line.lastIndexOf(" ") >= 0 ? line.lastIndexOf(" ") : line.lastIndexOf("\t")
    if (cut <= 0) continue
    cur.push({ text: line.slice(0, cut).trim(), tag: line.slice(cut + 1).trim() })
  }
  if (cur.length) out.push(cur)
  return out
}

export const convertEchr = (tsv: string, prefix = "echr"): ConvertedDocument[] => {
  const docs: Token[][][] = []
  for (const p of paragraphsOf(tsv)) {
    if (docs.length === 0 || p[0]!.text === "PROCEDIMIENTO") docs.push([])
    docs[docs.length - 1]!.push(p)
  }
  return docs.map((paragraphs, i) => {
    let text = ""
    const spans: GoldSpan[] = []
    let open: { start: number; end: number; type: string } | undefined
    const close = (): void => {
      if (open && ECHR_LABELS[open.type]) {
        const cut = open.type === "PER" ? (HONORIFIC.exec(text.slice(open.start, open.end))?.[0].length ?? 0) : 0
        const start = open.start + cut
        if (open.end > start) spans.push({ start, end: open.end, label: ECHR_LABELS[open.type]!, text: text.slice(start, open.end) })
      }
      open = undefined
    }
    paragraphs.forEach((p, pi) => {
      close()
      if (pi > 0) text += "\n\n"
      let prev = ""
      p.forEach((t, ti) => {
        if (ti > 0 && !NO_SPACE_BEFORE.test(t.text) && !NO_SPACE_AFTER.test(prev)) text += " "
        const start = text.length
        text += t.text
        prev = t.text
        const [bio, type = ""] = t.tag.split("-", 2) as [string, string?]
        if (bio === "B" || (bio === "I" && open?.type !== type)) {
          close()
          open = { start, end: text.length, type }
        } else if (bio === "I" && open) open.end = text.length
        else close()
      })
    })
    close()
    const file = `${prefix}-${String(i + 1).padStart(3, "0")}.txt`
    return { file, gold: { file, text: text + "\n", spans, keep: [] } }
  })
}
