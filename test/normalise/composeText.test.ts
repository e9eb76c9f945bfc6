import { describe, expect, it } from "vitest"
import { composeText } from "../../src/normalise/composeText.ts"

describe("composeText", () => {
  it("returns a single body part exactly as it is", () => {
    const text = "  Juan  Pérez\r\n\r\n\r\n"
    expect(composeText({ format: "txt", parts: [{ kind: "body", text }], metadata: {} })).toBe(text)
  })

  it("puts body parts first, then headers, footers and notes, separated by blank lines", () => {
    const text = composeText({
      format: "docx",
      parts: [
        { kind: "note", text: "Nota." },
        { kind: "header", text: "Encabezado." },
        { kind: "body", text: "Cuerpo uno." },
        { kind: "footer", text: "Pie." },
        { kind: "body", text: "Cuerpo dos." },
        { kind: "note", text: "  " },
      ],
      metadata: {},
    })
    expect(text).toBe("Cuerpo uno.\n\nCuerpo dos.\n\nEncabezado.\n\nPie.\n\nNota.")
  })

  it("is empty for a document without parts", () => {
    expect(composeText({ format: "pdf", parts: [], metadata: {} })).toBe("")
  })
})
