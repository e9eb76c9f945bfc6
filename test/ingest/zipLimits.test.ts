import { describe, expect, it } from "vitest"
import { readDocx } from "../../src/ingest/docx.ts"
import { readOdt } from "../../src/ingest/odt.ts"
import { MAX_XML_DEPTH, MAX_XML_TAG_CHARS } from "../../src/ingest/xmlWellFormed.ts"
import { MAX_MEMBER_BYTES, MAX_UNCOMPRESSED_BYTES } from "../../src/ingest/zipArchive.ts"
import { composeText } from "../../src/normalise/composeText.ts"
import { makeDocx } from "../fixtures/makeDocuments.ts"
import { bombDocx, ruling, zipWith } from "../hostile/corpus.ts"
import { failureOf, makeOdt, run } from "./fixtures.ts"

/**
 * What bounds the memory of reading an office package, beyond the V8 heap
 * limit of a document worker (which does not count inflated buffers): the
 * declared and the actual inflated size of each part, the nesting depth and
 * the size of one tag. Each refusal names its cause in Spanish; a large but
 * honest document still reads.
 */

const paragraphs = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${i + 1}. ${ruling(i).slice(1, 4).join(" ")}`)

describe("office packages: memory bounds", () => {
  it("a part that inflates to more than it declares is refused, even under the per-part cap", async () => {
    // The package is checked (CRC and sizes, streamed) when it is opened: a lying part fails there.
    const lying = bombDocx(2 * 1024 * 1024, 1000)
    const failure = await failureOf(readDocx(lying))
    expect(failure.reason).toBe("corrupt_document")
    expect(failure.detail).toBe("ZIP ilegible")
    // The hard negative: the same part, honest about its size, reads.
    expect(composeText(await run(readDocx(bombDocx(2 * 1024 * 1024)))).length).toBe(2 * 1024 * 1024)
  })

  it("a package declaring more than the total cap is refused before inflating anything", async () => {
    const failure = await failureOf(readOdt(zipWith("content.xml", Buffer.from("<a/>"), MAX_UNCOMPRESSED_BYTES + 1)))
    expect(failure.reason).toBe("corrupt_document")
    expect(failure.detail).toMatch(/^tamaño descomprimido declarado \d+ MB, máximo 200 MB$/u)
  })

  it("an honest part past the per-part cap is refused while inflating, with the part named", async () => {
    const failure = await failureOf(readDocx(bombDocx(MAX_MEMBER_BYTES + 1)))
    expect(failure.reason).toBe("corrupt_document")
    expect(failure.detail).toBe("word/document.xml supera 32 MB descomprimido")
  }, 30_000)

  it("nesting and tag size: the limit itself reads, one past it is refused (ODT)", async () => {
    const nested = (depth: number) => `${"<text:section>".repeat(depth)}<text:p>${ruling(1).join(" ")}</text:p>${"</text:section>".repeat(depth)}`
    // content.xml already opens office:document-content, office:body and office:text.
    const withinDepth = await makeOdt(nested(MAX_XML_DEPTH - 10))
    expect(composeText(await run(readOdt(withinDepth)))).toContain("RESUELVO")
    expect((await failureOf(readOdt(await makeOdt(nested(MAX_XML_DEPTH))))).detail).toBe(`content.xml: XML mal formado, anidamiento de más de ${MAX_XML_DEPTH} niveles`)
    const attribute = (size: number) => `<text:p text:style-name="${"A".repeat(size)}">${ruling(1).join(" ")}</text:p>`
    expect(composeText(await run(readOdt(await makeOdt(attribute(MAX_XML_TAG_CHARS - 64)))))).toContain("RESUELVO")
    expect((await failureOf(readOdt(await makeOdt(attribute(MAX_XML_TAG_CHARS)))))).toMatchObject({
      reason: "corrupt_document",
      detail: "content.xml: XML mal formado, etiqueta demasiado larga (atributos desmedidos)",
    })
  })

  it("a large honest DOCX (thousands of paragraphs, header and footer) still reads in full", async () => {
    const body = paragraphs(6000)
    const bytes = await makeDocx(body, { header: "Poder Judicial de la Ciudad", footer: "Página" })
    const text = composeText(await run(readDocx(bytes)))
    expect(text.length).toBeGreaterThan(1_000_000)
    expect(text).toContain("6000. VISTOS")
    expect(text).toContain("Poder Judicial de la Ciudad")
  }, 60_000)
})
