/** Text builder: concatenates pieces and records exact offsets as it goes (never searches afterwards). */
import type { Label } from "../../src/domain/Label.ts"

export const KEEP_KINDS = ["FUNCIONARIO", "NORMA", "TRIBUNAL", "FECHA_RESOLUCION", "MONTO", "CITA"] as const
export type KeepKind = (typeof KEEP_KINDS)[number]

export interface GoldSpan {
  start: number
  end: number
  label: Exclude<Label, "FUNCIONARIO">
  text: string
}

export interface KeepSpan {
  start: number
  end: number
  kind: KeepKind
  text: string
}

/** A piece of text, optionally marked as personal data (label) or as something that must stay visible (kind). */
export type Seg =
  | string
  | number
  | { readonly s: string; readonly label: GoldSpan["label"] }
  | { readonly s: string; readonly kind: KeepKind }
  | readonly Seg[]

export const P = (s: string, label: GoldSpan["label"]): Seg => ({ s, label })
export const K = (s: string, kind: KeepKind): Seg => ({ s, kind })

export class TextBuilder {
  private readonly parts: string[] = []
  private length = 0
  readonly spans: GoldSpan[] = []
  readonly keep: KeepSpan[] = []

  get offset(): number {
    return this.length
  }

  add(seg: Seg): this {
    if (typeof seg === "string" || typeof seg === "number") {
      const s = String(seg)
      this.parts.push(s)
      this.length += s.length
    } else if (Array.isArray(seg)) {
      for (const s of seg as readonly Seg[]) this.add(s)
    } else {
      const piece = seg as { s: string; label?: GoldSpan["label"]; kind?: KeepKind }
      const start = this.length
      this.parts.push(piece.s)
      this.length += piece.s.length
      if (piece.s.length > 0) {
        if (piece.label) this.spans.push({ start, end: this.length, label: piece.label, text: piece.s })
        else if (piece.kind) this.keep.push({ start, end: this.length, kind: piece.kind, text: piece.s })
      }
    }
    return this
  }

  /** Tagged template: literal parts are plain text, interpolations are segments. */
  w = (strings: TemplateStringsArray, ...values: Seg[]): this => {
    for (let i = 0; i < strings.length; i++) {
      this.add(strings[i] as string)
      if (i < values.length) this.add(values[i] as Seg)
    }
    return this
  }

  /** A paragraph: the template plus a blank line. */
  para = (strings: TemplateStringsArray, ...values: Seg[]): this => {
    this.w(strings, ...values)
    return this.add("\n\n")
  }

  text(): string {
    return this.parts.join("")
  }
}

/** Tagged template producing a Seg (for composing sentences before adding them). */
export const seg = (strings: TemplateStringsArray, ...values: Seg[]): Seg => {
  const out: Seg[] = []
  for (let i = 0; i < strings.length; i++) {
    out.push(strings[i] as string)
    if (i < values.length) out.push(values[i] as Seg)
  }
  return out
}
