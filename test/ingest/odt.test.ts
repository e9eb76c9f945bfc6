import { describe, expect, it } from "vitest"
import { readOdt } from "../../src/ingest/odt.ts"
import { composeText } from "../../src/normalise/composeText.ts"
import { failureOf, makeOdt, makeZip, run, utf8 } from "./fixtures.ts"

describe("ODT reader", () => {
  it("reads paragraphs, spaces, tabs, line breaks, footnotes, headers and footers", async () => {
    const bytes = await makeOdt(
      '<text:h text:outline-level="1">SENTENCIA</text:h>' +
        '<text:p>La imputada <text:span text:style-name="T1">Carla</text:span> Díaz<text:s text:c="3"/>compareció' +
        '<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>' +
        "<text:note-body><text:p>Según declaró Pedro Ruiz.</text:p></text:note-body></text:note>" +
        " ante el juzgado.</text:p>" +
        "<text:p>Columna<text:tab/>valor<text:line-break/>siguiente línea &amp; fin</text:p>",
      "<style:header><text:p>Causa contra Ana Torres</text:p></style:header><style:footer><text:p>Dr. Luis Sosa</text:p></style:footer>",
    )
    const doc = await run(readOdt(bytes))
    expect(doc.format).toBe("odt")
    const body = doc.parts.find((part) => part.kind === "body")?.text
    expect(body).toBe("SENTENCIA\n\nLa imputada Carla Díaz compareció ante el juzgado.\n\nColumna valor\nsiguiente línea & fin")
    expect(doc.parts).toContainEqual({ kind: "note", text: "Según declaró Pedro Ruiz." })
    expect(doc.parts).toContainEqual({ kind: "header", text: "Causa contra Ana Torres" })
    expect(doc.parts).toContainEqual({ kind: "footer", text: "Dr. Luis Sosa" })
    expect(composeText(doc)).toContain("Ana Torres")
  })

  it("fails with not_a_zip or corrupt_document for broken packages", async () => {
    expect((await failureOf(readOdt(utf8("no es un zip")))).reason).toBe("not_a_zip")
    expect((await failureOf(readOdt(await makeZip({ "mimetype": "x" })))).reason).toBe("corrupt_document")
  })
})
