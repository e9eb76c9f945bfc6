import { execFile } from "node:child_process"
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { promisify } from "node:util"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { publishOpenData } from "../../src/publish/publishOpenData.ts"
import { PublicationError } from "../../src/publish/PublicationError.ts"
import { storePath, withStore } from "../../src/store/openStore.ts"
import { outputServices, publishIn } from "../store/services.ts"
import { config, RULING_A, RULING_B, RUN, tempOut, writeRuling } from "./fixtures.ts"

const execute = promisify(execFile)

/** `tacha publicar --out <out>` in its own process: exit code and standard error. */
const publicar = async (out: string): Promise<{ code: number; stderr: string }> => {
  try {
    const { stderr } = await execute(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), "publicar", "--out", out], { cwd: PROJECT_ROOT })
    return { code: 0, stderr }
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string }
    return { code, stderr }
  }
}

/** Every file under `dir` with its bytes, temporary files included (there must be none). */
const tree = async (dir: string): Promise<Map<string, string>> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort()
  return new Map(await Promise.all(files.map(async (path) => [path, (await readFile(path)).toString("base64")] as const)))
}

const storeRows = (out: string) =>
  withStore(storePath(out), async ({ connection }) =>
    (await connection.runAndReadAll("SELECT (SELECT count(*) FROM runs)::INTEGER AS runs, (SELECT count(*) FROM rulings)::INTEGER AS rulings"))
      .getRowObjectsJS())

/** Words of the rulings' texts that must never reach an error message. */
const PERSONAL = ["PÉREZ", "Pérez", "Gómez", "30.123.456", "López", "Díaz"]

describe("publication failures are typed Spanish errors that leave the output as it was", () => {
  let out: string
  beforeEach(async () => {
    out = await tempOut()
    for (const ruling of [RULING_A, RULING_B]) await writeRuling(out, ruling)
    await publishIn({ outDir: out, config, run: RUN })
  })
  afterEach(() => rm(out, { recursive: true, force: true }))

  it("an unreadable audit record fails publication with a PublicationError naming the file; store and public files unchanged", async () => {
    const broken = join(out, "private", "audit", `${RULING_B.record.id}.json`)
    await writeFile(broken, '{"id": "caba-2026-0002", "texto": "Carlos Díaz"')
    const publicBefore = await tree(join(out, "public"))
    const storeBefore = await storeRows(out)

    const exit = await Effect.runPromiseExit(
      publishOpenData({ run: { ...RUN, finishedAt: new Date("2026-06-01T00:00:00Z") } }).pipe(Effect.provide(outputServices(out, config, []))),
    )
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Cause.squash((exit as Exit.Failure<unknown, unknown>).cause)
    expect(error).toBeInstanceOf(PublicationError)
    expect(error).toMatchObject({ _tag: "PublicationError", reason: "registro_ilegible", cause: "SyntaxError" })
    const message = (error as PublicationError).message
    expect(message).toContain(join("private", "audit", "caba-2026-0002.json"))
    expect(message).toMatch(/^el registro de auditoría .* no se puede leer o no sigue el esquema \(SyntaxError\); no se publicó/u)
    for (const word of PERSONAL) expect(message).not.toContain(word)

    // Nothing half-written: the public tree is byte for byte what it was (no temporary files), the store too.
    expect(await tree(join(out, "public"))).toEqual(publicBefore)
    expect(await storeRows(out)).toEqual(storeBefore)
  })

  it("a record that is JSON but not an audit record is named alike (hard negative of the parser's own message)", async () => {
    await writeFile(join(out, "private", "audit", `${RULING_A.record.id}.json`), JSON.stringify({ id: RULING_A.record.id, text: "Juan PÉREZ" }))
    const exit = await Effect.runPromiseExit(publishOpenData({ run: RUN }).pipe(Effect.provide(outputServices(out, config, []))))
    const error = Cause.squash((exit as Exit.Failure<unknown, unknown>).cause)
    expect(error).toMatchObject({ _tag: "PublicationError", reason: "registro_ilegible", cause: "ZodError" })
    for (const word of PERSONAL) expect((error as PublicationError).message).not.toContain(word)
  })

  it("tacha publicar reports it in one Spanish line with a hint, exit code 2, no stack trace", async () => {
    await writeFile(join(out, "private", "audit", `${RULING_B.record.id}.json`), "no es JSON: Carlos Díaz")
    const publicBefore = await tree(join(out, "public"))
    const { code, stderr } = await publicar(out)
    expect(code).toBe(2)
    const lines = stderr.trim().split("\n")
    expect(lines[0]).toBe(
      `Error: el registro de auditoría ${join(out.split("/").at(-1)!, "private", "audit", "caba-2026-0002.json")} no se puede leer o no sigue el esquema (SyntaxError); ` +
        "no se publicó: el almacén y los conjuntos de datos quedaron como estaban.",
    )
    expect(lines[1]).toMatch(/^Quite ese registro/u)
    expect(stderr).not.toMatch(/^\s+at /mu)
    for (const word of PERSONAL) expect(stderr).not.toContain(word)
    expect(await tree(join(out, "public"))).toEqual(publicBefore)
  })

  it("a public file that cannot be written names it and its cause; no temporary file stays behind", async () => {
    // data.json replaced by a folder: the atomic write cannot rename over it.
    await rm(join(out, "public", "data.json"))
    await mkdir(join(out, "public", "data.json", "ocupado"), { recursive: true })
    const { code, stderr } = await publicar(out)
    expect(code).toBe(2)
    expect(stderr.trim().split("\n")[0]).toBe(
      `Error: no se pudo escribir ${join(out.split("/").at(-1)!, "public", "data.json")} (EISDIR); el archivo conserva su contenido anterior.`,
    )
    expect(stderr).not.toMatch(/^\s+at /mu)
    const names = [...(await tree(join(out, "public"))).keys()]
    expect(names.filter((path) => path.endsWith(".tmp"))).toEqual([])
  })
})
