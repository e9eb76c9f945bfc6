import { describe, expect, it } from "vitest"
import { decodeEntities } from "../../src/ingest/entities.ts"
import { markupTokens } from "../../src/ingest/markupTokens.ts"
import { odfXmlText } from "../../src/ingest/odfXml.ts"
import { wordXmlText } from "../../src/ingest/wordXml.ts"

describe("markupTokens", () => {
  it("reads tags, attributes with '>' in quotes, comments, CDATA and stray '<'", () => {
    const tokens = [...markupTokens('<a title="x > y" b=\'1\'>t &lt; 3 < 4<!-- c --><![CDATA[<raw>]]><br/></A>')]
    expect(tokens).toEqual([
      { type: "open", name: "a", attributes: new Map([["title", "x > y"], ["b", "1"]]), selfClosing: false },
      { type: "text", text: "t &lt; 3 " },
      { type: "text", text: "<" },
      { type: "text", text: " 4" },
      { type: "cdata", text: "<raw>" },
      { type: "open", name: "br", attributes: new Map(), selfClosing: true },
      { type: "close", name: "a" },
    ])
  })

  it("keeps an unterminated tag as text", () => {
    expect([...markupTokens("texto <b sin cierre")]).toEqual([{ type: "text", text: "texto " }, { type: "text", text: "<b sin cierre" }])
  })
})

describe("decodeEntities", () => {
  it.each([
    ["Nu&ntilde;ez &amp; Pe&#241;a", "Nuñez & Peña"],
    ["&#x201C;cita&#x201D;", "\u201Ccita\u201D"],
    ["&#147;cita&#148;", "\u201Ccita\u201D"],
    ["&desconocido; &#0; &#xD800;", "&desconocido; &#0; &#xD800;"],
  ])("%j → %j", (input, expected) => expect(decodeEntities(input)).toBe(expected))
})

describe("wordXmlText", () => {
  it("skips separator footnotes, field codes and deleted text", () => {
    const xml = `<w:footnotes xmlns:w="x">
      <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
      <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
      <w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Dijo </w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:del><w:r><w:delText>borrado</w:delText></w:r></w:del><w:r><w:t>Ana&#160;Gil</w:t><w:tab/><w:t>fin</w:t></w:r></w:p></w:footnote>
    </w:footnotes>`
    expect(wordXmlText(xml, "w:footnote")).toEqual(["Dijo Ana Gil fin"])
  })

  it("reads comments one by one", () => {
    const xml = `<w:comments><w:comment w:id="0" w:author="Revisor"><w:p><w:r><w:t>Revisar a Juan Pérez</w:t></w:r></w:p></w:comment><w:comment w:id="1"><w:p/></w:comment></w:comments>`
    expect(wordXmlText(xml, "w:comment")).toEqual(["Revisar a Juan Pérez"])
  })
})

describe("odfXmlText", () => {
  it("returns comments as notes and skips their author and date", () => {
    const xml = `<office:body><office:text><text:p>Texto<office:annotation><dc:creator>Revisora</dc:creator><dc:date>2024-01-01</dc:date><text:p>Ojo con Luis Sosa</text:p></office:annotation> sigue.</text:p></office:text></office:body>`
    expect(odfXmlText(xml, new Set(["office:body"]))).toMatchObject({ main: ["Texto sigue."], notes: ["Ojo con Luis Sosa"] })
  })
})
