import JSZip from "jszip"
import { prng } from "../faults/cli.ts"
import { makeOdt } from "../ingest/fixtures.ts"
import { flipBits, ruling, rulingDocx, rulingPdf, rulingText } from "./corpus.ts"

/**
 * A seeded generator of mutated documents: good rulings in every format,
 * damaged the ways a fuzzing run found dangerous (XML parts with a closing
 * tag removed or cut short, 200 000-deep nesting, huge attributes, invalid
 * UTF-8, entity expansion and external entities, flipped bits, truncated
 * containers). The same seed gives the same files, so a failure replays.
 * Used by test/hostile/fuzz.test.ts (a small budget in CI) and by
 * bench/fuzz.ts (a longer run that also measures peak memory).
 */

export interface FuzzInput {
  /** File name, unique in the batch: "<n>-<mutation>.<ext>". */
  readonly name: string
  readonly bytes: Uint8Array
  readonly mutation: string
}

/** Phrases of every ruling's body: its first and last paragraphs. A published text must keep them all. */
export const BODY_MARKERS = ["VISTOS", "RESUELVO", "Fdo."] as const

type Random = () => number

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
const encoder = new TextEncoder()

/** XML damage: each returns the new part (a string, or bytes for encoding damage). */
const XML_MUTATIONS: Readonly<Record<string, (xml: string, random: Random) => string | Uint8Array>> = {
  "sin-cierre": (xml, random) => {
    const closers = [...xml.matchAll(/<\/[\w:]+>/gu)]
    const at = closers[Math.floor(random() * closers.length)]!
    return xml.slice(0, at.index) + xml.slice(at.index + at[0].length)
  },
  truncado: (xml, random) => xml.slice(0, Math.floor(xml.length * (0.5 + random() * 0.45))),
  anidado: (xml, random) => {
    const depth = 50_000 + Math.floor(random() * 150_000)
    const at = xml.indexOf("<", xml.indexOf(">", xml.length / 2))
    return xml.slice(0, at) + "<x:n>".repeat(depth) + "</x:n>".repeat(depth) + xml.slice(at)
  },
  "atributo-enorme": (xml, random) => {
    const size = (1 + Math.floor(random() * 20)) * 1024 * 1024
    const at = xml.indexOf(">", xml.length / 2)
    return `${xml.slice(0, at)} x:a="${"A".repeat(size)}"${xml.slice(at)}`
  },
  "utf8-invalido": (xml, random) => {
    const bytes = encoder.encode(xml)
    const text = xml.indexOf("VISTOS")
    const at = Buffer.byteLength(xml.slice(0, text >= 0 ? text : Math.floor(xml.length / 2))) + Math.floor(random() * 10)
    bytes[at] = pick(random, [0xff, 0xc3, 0x80, 0xfe])
    return bytes
  },
  "entidades-expansion": (xml) =>
    xml.replace(/^(<\?xml[^>]*\?>)?/u, (declaration) =>
      `${declaration}<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`),
  "entidad-externa": (xml) =>
    xml.replace(/^(<\?xml[^>]*\?>)?/u, (declaration) => `${declaration}<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>`),
  "raiz-doble": (xml) => `${xml}<otra/>`,
}

/** Damage to HTML: the same kinds, as a browser-forgiving page would carry them. */
const HTML_MUTATIONS: Readonly<Record<string, (html: string, random: Random) => string | Uint8Array>> = {
  truncado: (html, random) => html.slice(0, Math.floor(html.length * (0.5 + random() * 0.45))),
  "sin-cierre-body": (html) => html.replace("</body>", "").replace("</html>", ""),
  "comentario-abierto": (html) => html.replace("<p>", "<!-- <p>"),
  anidado: (html, random) => html.replace("<body>", `<body>${"<div>".repeat(100_000 + Math.floor(random() * 100_000))}`),
  "atributo-enorme": (html, random) => html.replace("<body>", `<body data-x="${"A".repeat((1 + Math.floor(random() * 20)) * 1024 * 1024)}">`),
  "utf8-invalido": XML_MUTATIONS["utf8-invalido"]!,
  "entidades-expansion": (html) => html.replace("<!DOCTYPE html>", '<!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'),
}

/** Damage to plain text: encodings and control characters (a cut text file cannot be told from a whole one). */
const TEXT_MUTATIONS: Readonly<Record<string, (text: string, random: Random) => Uint8Array>> = {
  "utf8-invalido": (text, random) => {
    const bytes = encoder.encode(text)
    for (let i = 0; i < 3; i++) bytes[Math.floor(random() * bytes.length)] = 0xff
    return bytes
  },
  "bom-invalido": (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "latin1")]),
  "nul": (text, random) => {
    const bytes = encoder.encode(text)
    bytes[Math.floor(random() * bytes.length)] = 0
    return bytes
  },
  "latin1": (text) => Buffer.from(text, "latin1"),
}

const page = (n: number): string =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Resolución ${n}</title></head><body>${ruling(n).map((p) => `<p>${p}</p>`).join("")}</body></html>`

const odt = (n: number): Promise<Uint8Array> =>
  makeOdt(ruling(n).map((paragraph) => `<text:p>${paragraph}</text:p>`).join(""), "<style:header><text:p>Poder Judicial de la Ciudad</text:p></style:header>")

const mutatePart = async (container: Uint8Array, part: string, mutate: (xml: string) => string | Uint8Array): Promise<Uint8Array> => {
  const zip = await JSZip.loadAsync(container)
  zip.file(part, mutate(await zip.file(part)!.async("string")))
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })
}

/** `count` mutated documents for `seed`, formats and mutations in turn so that a small budget covers every kind. */
export const fuzzCorpus = async (seed: number, count: number): Promise<FuzzInput[]> => {
  const random = prng(seed)
  const inputs: FuzzInput[] = []
  const plans: (() => Promise<FuzzInput>)[] = []
  const xmlKinds = Object.keys(XML_MUTATIONS)
  const htmlKinds = Object.keys(HTML_MUTATIONS)
  const textKinds = Object.keys(TEXT_MUTATIONS)
  for (let i = 0; plans.length < count; i++) {
    const n = 100 + i
    const format = ["odt", "docx", "html", "txt", "odt", "docx", "zip", "pdf"][i % 8]!
    plans.push(async () => {
      switch (format) {
        case "odt":
        case "docx": {
          const mutation = xmlKinds[(Math.floor(i / 8) * 2 + (i % 8 >= 4 ? 1 : 0) + (format === "docx" ? 3 : 0)) % xmlKinds.length]!
          const part = format === "odt" ? "content.xml" : "word/document.xml"
          const base = format === "odt" ? await odt(n) : await rulingDocx(n)
          const bytes = await mutatePart(base, part, (xml) => XML_MUTATIONS[mutation]!(xml, random))
          return { name: `${i}-${mutation}.${format}`, bytes, mutation }
        }
        case "html": {
          const mutation = htmlKinds[Math.floor(i / 8) % htmlKinds.length]!
          const damaged = HTML_MUTATIONS[mutation]!(page(n), random)
          return { name: `${i}-${mutation}.html`, bytes: typeof damaged === "string" ? encoder.encode(damaged) : damaged, mutation }
        }
        case "txt": {
          const mutation = textKinds[Math.floor(i / 8) % textKinds.length]!
          return { name: `${i}-${mutation}.txt`, bytes: TEXT_MUTATIONS[mutation]!(rulingText(n), random), mutation }
        }
        case "zip": {
          // The container itself: cut, or bits flipped anywhere past the header.
          const base = random() < 0.5 ? await odt(n) : await rulingDocx(n)
          const ext = base.length > 0 && (await JSZip.loadAsync(base)).file("content.xml") ? "odt" : "docx"
          const cut = Math.floor(i / 8) % 2 === 0
          const bytes = cut ? base.slice(0, Math.floor(base.length * (0.3 + random() * 0.65))) : flipBits(base, 1 + Math.floor(random() * 16), Math.floor(random() * 1e9))
          return { name: `${i}-${cut ? "zip-cortado" : "zip-bits"}.${ext}`, bytes, mutation: cut ? "zip-cortado" : "zip-bits" }
        }
        default: {
          const base = await rulingPdf(n)
          const bytes = base.slice(0, Math.floor(base.length * (0.3 + random() * 0.6)))
          return { name: `${i}-pdf-cortado.pdf`, bytes, mutation: "pdf-cortado" }
        }
      }
    })
  }
  for (const plan of plans) inputs.push(await plan())
  return inputs
}
