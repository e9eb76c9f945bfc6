import { createHmac } from "node:crypto"
import type { Operator } from "../domain/PipelineConfig.ts"
import type { ResolvedSpan } from "../detect/Detector.ts"
import type { PseudonymTable } from "./pseudonyms.ts"

/** Everything an operator may look at to build one replacement. */
export interface OperatorInput {
  readonly span: ResolvedSpan
  /** The mention's text in the ruling. */
  readonly original: string
  /** The canonical form of the entity (its longest mention), for initials. */
  readonly canonical: string
  readonly pseudonyms: PseudonymTable
}

const tagText = (operator: { readonly text?: string | undefined }, span: ResolvedSpan) => operator.text ?? span.label

/** Initials of a name, "PEREZ, Juan Carlos" → "J.C.P.". */
export const initialsOf = (name: string): string => {
  const [before, after] = name.includes(",") ? name.split(",", 2) : [name, ""]
  const words = `${after ?? ""} ${before ?? ""}`
    .split(/[\s.]+/u)
    .filter((word) => /^\p{Lu}/u.test(word) || /^\p{Ll}{3,}/u.test(word))
    .filter((word) => !/^(de|del|la|las|los|y)$/iu.test(word))
  const letters = words.map((word) => word[0]!.toUpperCase())
  return letters.length > 0 ? letters.join(".") + "." : "N.N."
}

const hashKey = (keyEnv: string): string => {
  const key = process.env[keyEnv]
  if (!key) throw new Error(`falta la clave de hash: defina la variable de entorno ${keyEnv}`)
  return key
}

/**
 * The replacement for one redacted mention. Exhaustive over operator types,
 * so a new operator that is not implemented here does not compile.
 */
export const applyOperator = (operator: Operator, input: OperatorInput): string => {
  const { span, original } = input
  switch (operator.type) {
    case "tag":
      return `[${tagText(operator, span)}]`
    case "pseudonym":
      return operator.style === "initials"
        ? initialsOf(input.canonical)
        : `[${tagText(operator, span)} ${input.pseudonyms.numberOf(span)}]`
    case "mask": {
      const visible = operator.keepLast > 0 ? original.slice(-operator.keepLast) : ""
      const hidden = original.slice(0, original.length - visible.length).replace(/[^\s.\-/]/gu, operator.char)
      return hidden + visible
    }
    case "remove":
      return ""
    case "hash": {
      const digest = createHmac("sha256", hashKey(operator.keyEnv))
        .update(input.pseudonyms.keyOf(span))
        .digest("hex")
        .slice(0, operator.length)
      return `[${span.label} ${digest}]`
    }
  }
}
