import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { describe, expect, it } from "vitest"
import { loadPipelineConfig } from "../../src/domain/loadPipelineConfig.ts"
import { analyse } from "../../src/resolve/resolve.ts"

/** A pipeline naming a roster (`funcionarios`), written to a temporary folder with its CSV. */
const pipelineWith = (csv: string | null): string => {
  const dir = mkdtempSync(join(tmpdir(), "tacha-roster-"))
  if (csv !== null) writeFileSync(join(dir, "funcionarios.csv"), csv)
  const file = join(dir, "pipeline.json")
  writeFileSync(file, JSON.stringify({ name: "roster", version: "1", funcionarios: join(dir, "funcionarios.csv") }))
  return file
}

const ROSTER = "apellido;nombres;cargo;tribunal\nLedesma;Irma Graciela;Jueza;Tribunal Oral N° 9\nFunes;Oscar;Secretario;Tribunal Oral N° 9\n"

describe("the court's roster (funcionarios)", () => {
  it("keeps the roster's names in any order, case and accents, and their surnames alone", async () => {
    const config = await Effect.runPromise(loadPipelineConfig(pipelineWith(ROSTER)))
    const text =
      "En la audiencia estuvieron Irma Graciela Ledesma y el imputado Pedro Gómez.\n" +
      "Gómez negó el hecho; Ledesma le hizo saber sus derechos. Intervino OSCAR FUNES.\n" +
      "FUNES Oscar\n"
    const spans = await analyse(text, config)
    const action = (form: string) => spans.filter((s) => text.slice(s.start, s.end) === form).map((s) => s.action)
    expect(action("Irma Graciela Ledesma")).toEqual(["keep"])
    expect(action("Ledesma")).toEqual(["keep"])
    expect(action("OSCAR FUNES")).toEqual(["keep"])
    expect(action("FUNES Oscar")).toEqual(["keep"])
    expect(action("Pedro Gómez")).toEqual(["redact"])
  })

  it("does not keep a party who shares an official's name (the party cue decides)", async () => {
    const config = await Effect.runPromise(loadPipelineConfig(pipelineWith(ROSTER)))
    const text = "Declaró el imputado Oscar Funes, sin parentesco alguno con el tribunal."
    const spans = await analyse(text, config)
    expect(spans.filter((s) => text.slice(s.start, s.end) === "Oscar Funes").map((s) => s.action)).toEqual(["redact"])
  })

  it("refuses a pipeline whose roster is missing or lacks columns, naming the file and the cause", async () => {
    for (const [csv, cause] of [[null, "no se pudo leer el padrón de funcionarios"], ["nombre,cargo\nAna,Jueza\n", "faltan las columnas apellido, nombres, tribunal"]] as const) {
      const exit = await Effect.runPromiseExit(loadPipelineConfig(pipelineWith(csv)))
      expect(Exit.isFailure(exit)).toBe(true)
      const message = Exit.isFailure(exit) ? String(exit.cause) : ""
      expect(message).toContain("funcionarios")
      expect(message).toContain(cause)
    }
  })

  it("ships an example roster that loads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tacha-roster-"))
    const file = join(dir, "pipeline.json")
    writeFileSync(file, JSON.stringify({ name: "ejemplo", version: "1", funcionarios: "pipelines/funcionarios-ejemplo.csv" }))
    const config = await Effect.runPromise(loadPipelineConfig(file))
    expect(config.funcionarios).toBe("pipelines/funcionarios-ejemplo.csv")
    const text = "Fdo.: Mariana Costas"
    expect((await analyse(text, config)).map((s) => [text.slice(s.start, s.end), s.label, s.action])).toEqual([["Mariana Costas", "FUNCIONARIO", "keep"]])
  })
})
