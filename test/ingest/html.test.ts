import { describe, expect, it } from "vitest"
import { htmlToText, readHtml } from "../../src/ingest/html.ts"
import { run, utf8 } from "./fixtures.ts"

describe("HTML reader", () => {
  it("turns blocks into paragraphs, drops scripts and styles, decodes entities", async () => {
    const html = `<!DOCTYPE html><html><head><title>Fallo</title><style>p { color: red }</style></head>
      <body><script>var nombre = "<p>Oculto</p>";</script>
      <h1>SENTENCIA</h1>
      <p>La imputada <b>Mar&iacute;a   Nu&ntilde;ez</b> &amp; su defensor&nbsp;&#8220;Dr. Pe&#xF1;a&#8221;<br>comparecieron.</p>
      <!-- comentario con Juan Pérez -->
      <ul><li>Uno</li><li>Dos</li></ul>
      <table><tr><td>DNI</td><td>12.345.678</td></tr></table>
      <pre>línea   1
línea 2</pre>
      </body></html>`
    const doc = await run(readHtml(utf8(html)))
    expect(doc.format).toBe("html")
    expect(doc.parts[0]?.text).toBe(
      "SENTENCIA\n\nLa imputada María Nuñez & su defensor \u201CDr. Peña\u201D\ncomparecieron.\n\nUno\n\nDos\n\nDNI 12.345.678\n\nlínea 1\nlínea 2",
    )
    expect(doc.parts[0]?.text).not.toMatch(/Oculto|color|Juan Pérez|Fallo/)
  })

  it("handles 100 000 nested elements without recursion", () => {
    const depth = 100_000
    const html = "<div>".repeat(depth) + "Texto profundo" + "</div>".repeat(depth)
    expect(htmlToText(html)).toBe("Texto profundo")
  })

  it("reads Windows-1252 HTML", async () => {
    const bytes = Uint8Array.from("<p>Peña</p>", (char) => char.charCodeAt(0))
    expect((await run(readHtml(bytes))).parts[0]?.text).toBe("Peña")
  })
})

describe("HTML quirks", () => {
  it("shows the body when <head> is never closed", () => {
    expect(htmlToText("<html><head><meta charset=utf-8><title>T</title><body><p>Visible</p>")).toBe("Visible")
  })
})
