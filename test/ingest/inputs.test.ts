import { execFileSync } from "node:child_process"
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { listInputs } from "../../src/ingest/inputs.ts"
import { run } from "./fixtures.ts"

let base: string
let input: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "tacha-inputs-"))
  input = join(base, "entrada")
  await mkdir(join(input, "2024", "marzo"), { recursive: true })
  await mkdir(join(input, ".oculta"))
  await writeFile(join(base, "outside.txt"), "fuera")
  await writeFile(join(input, "b.txt"), "b")
  await writeFile(join(input, "a.pdf"), "a")
  await writeFile(join(input, "2024", "marzo", "c.docx"), "c")
  await writeFile(join(input, ".DS_Store"), "x")
  await writeFile(join(input, ".oculta", "d.txt"), "d")
  await symlink(join(base, "outside.txt"), join(input, "enlace-fuera.txt"))
  await symlink(join(input, "b.txt"), join(input, "enlace-dentro.txt"))
  await symlink(join(input, "2024"), join(input, "enlace-carpeta"))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe("listInputs on a folder", () => {
  it("walks recursively, sorted, skipping hidden files and not following links outside", async () => {
    const listing = await run(listInputs(input))
    expect(listing.source).toBe("folder")
    expect(listing.entries.map((entry) => [entry.relative, entry.kind === "file" ? "file" : entry.reason])).toEqual([
      ["2024/marzo/c.docx", "file"],
      ["a.pdf", "file"],
      ["b.txt", "file"],
      ["enlace-dentro.txt", "file"],
      ["enlace-fuera.txt", "outside_input"],
    ])
    const first = listing.entries[0]
    expect(first?.kind === "file" && first.absolute).toBe(join(input, "2024", "marzo", "c.docx"))
  })

  it("names a named pipe as not a file instead of reading it or dropping it, and so does a manifest row pointing to a folder", async () => {
    const folder = join(base, "con-tuberia")
    await mkdir(folder)
    await writeFile(join(folder, "a.txt"), "a")
    execFileSync("mkfifo", [join(folder, "tuberia.txt")])
    const listing = await run(listInputs(folder))
    expect(listing.entries.map((entry) => [entry.relative, entry.kind === "file" ? "file" : entry.reason])).toEqual([
      ["a.txt", "file"],
      ["tuberia.txt", "not_a_file"],
    ])
    await mkdir(join(folder, "sub"))
    const manifest = join(folder, "manifiesto.csv")
    await writeFile(manifest, "archivo\nsub\ntuberia.txt\n")
    const rows = await run(listInputs(manifest))
    expect(rows.entries.map((entry) => [entry.relative, entry.kind === "file" ? "file" : entry.reason])).toEqual([
      ["sub", "not_a_file"],
      ["tuberia.txt", "not_a_file"],
    ])
  })

  it("fails with a typed error for a missing input", async () => {
    const error = await Effect.runPromise(Effect.flip(listInputs(join(base, "no-existe"))))
    expect(error._tag).toBe("InputError")
    expect(error.reason).toBe("input_not_found")
  })
})

describe("listInputs on a manifest", () => {
  it("reads a CSV manifest with metadata and rejects bad rows with a reason", async () => {
    const manifest = join(input, "manifiesto.csv")
    await writeFile(
      manifest,
      [
        "archivo;juzgado;fecha;tipo;id",
        'a.pdf;"Juzgado PCyF N° 10; Secretaría 19";2024-03-12;sentencia;R-1',
        "2024\\marzo\\c.docx;;;;",
        "no-existe.txt;;;;",
        "../outside.txt;;;;",
        `${join(base, "outside.txt")};;;;`,
        "enlace-fuera.txt;;;;",
        "b.txt;;12/03/2024;;",
        ";Juzgado;;;",
        "a.pdf;;;;",
      ].join("\r\n"),
    )
    const listing = await run(listInputs(manifest))
    expect(listing.source).toBe("manifest")
    expect(listing.root).toBe(input)
    const summary = listing.entries.map((entry) => (entry.kind === "file" ? ["file", entry.relative] : [entry.reason, entry.relative]))
    expect(summary).toEqual([
      ["file", "a.pdf"],
      ["file", "2024/marzo/c.docx"],
      ["missing_file", "no-existe.txt"],
      ["outside_input", "../outside.txt"],
      ["outside_input", join(base, "outside.txt")],
      ["outside_input", "enlace-fuera.txt"],
      ["manifest_invalid", "b.txt"],
      ["manifest_invalid", "#9"],
      ["manifest_invalid", "a.pdf"],
    ])
    const first = listing.entries[0]
    expect(first?.kind === "file" ? first.metadata : undefined).toEqual({
      court: "Juzgado PCyF N° 10; Secretaría 19",
      date: "2024-03-12",
      type: "sentencia",
      id: "R-1",
    })
    const rejected = listing.entries[6]
    expect(rejected?.kind === "rejected" ? rejected.detail : undefined).toContain("fila 8")
  })

  it("reads a JSON manifest with English keys", async () => {
    const manifest = join(input, "manifiesto.json")
    await writeFile(manifest, JSON.stringify([{ file: "b.txt", court: "Cámara, Sala II", date: "2023-04-03", type: "auto", id: 7 }, { file: "../outside.txt" }, "basura"]))
    const listing = await run(listInputs(manifest))
    expect(listing.entries).toEqual([
      { kind: "file", absolute: join(input, "b.txt"), relative: "b.txt", metadata: { court: "Cámara, Sala II", date: "2023-04-03", type: "auto", id: "7" } },
      { kind: "rejected", relative: "../outside.txt", reason: "outside_input", detail: "elemento 2" },
      { kind: "rejected", relative: "#3", reason: "manifest_invalid", detail: "elemento 3: falta el archivo" },
    ])
  })

  it("fails as a whole for a malformed manifest", async () => {
    const cases: readonly [string, string][] = [
      ["roto.json", "{ no es json"],
      ["objeto.json", '{"archivo": "a.pdf"}'],
      ["sin-columna.csv", "nombre,fecha\na.pdf,2024-01-01"],
      ["comillas.csv", 'archivo\n"a.pdf'],
    ]
    for (const [name, content] of cases) {
      await writeFile(join(base, name), content)
      const error = await Effect.runPromise(Effect.flip(listInputs(join(base, name))))
      expect(error.reason, name).toBe("manifest_malformed")
    }
  })
})
