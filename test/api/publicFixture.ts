import { execFile } from "node:child_process"
import { access, mkdir, mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"

/**
 * A real output folder for the API tests: three small rulings with personal
 * data (and one broken file, so the run has a failure) go through the real
 * pipeline (`tacha run`), which publishes the datasets. A `secreto.txt` is planted in `private/` to check it is never served.
 */
export const PERSONAL = [
  "Ramiro Ezequiel Quiroga", "Quiroga", "30.456.789", "Av. Corrientes 1234",
  "Valentina Soledad Ibarra", "Ibarra", "11 5555-1234", "Horacio Lemos", "Lemos",
]
export const PRIVATE_MARKER = "SECRETO-PRIVADO-NO-SERVIR"

const ruling = (n: number, court: number, date: string, kind: string, offence: string) => [
  `PODER JUDICIAL DE LA CIUDAD AUTÓNOMA DE BUENOS AIRES`,
  `JUZGADO DE PRIMERA INSTANCIA EN LO PENAL, CONTRAVENCIONAL Y DE FALTAS N° ${court}`,
  `${kind}`,
  `Ciudad Autónoma de Buenos Aires, ${date}.`,
  `VISTOS: la causa seguida contra Ramiro Ezequiel QUIROGA, DNI 30.456.789, con domicilio en Av. Corrientes 1234, piso 3° "B", de esta ciudad, por el delito de ${offence} (resolución ${n}).`,
  `La denunciante, Sra. Valentina Soledad Ibarra, teléfono 11 5555-1234, relató que Quiroga la amenazó. Declaró como testigo Horacio Lemos.`,
  `RESUELVO: I. ${n === 2 ? "ABSOLVER" : "CONDENAR"} a Ramiro Ezequiel Quiroga.`,
  `Fdo.: Dra. Mariana Costas, Jueza.`,
].join("\n\n") + "\n"

const exists = (path: string) => access(path).then(() => true, () => false)

export interface PublicFixture {
  readonly inputDir: string
  readonly outDir: string
  readonly publicDir: string
}

/** `tacha run` over the fixture's inputs; exit code 1 only says some documents failed (roto.pdf), the others are published. */
const runBatch = (input: string, outDir: string) =>
  promisify(execFile)(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), "run", input, "--out", outDir], { cwd: PROJECT_ROOT })
    .catch((error: { code?: number }) => {
      if (error.code !== 1) throw error
    })

export const makePublicFixture = async (): Promise<PublicFixture> => {
  const base = await mkdtemp(join(tmpdir(), "tacha-api-"))
  const input = join(base, "entrada")
  const outDir = join(base, "salida")
  await mkdir(input, { recursive: true })
  await writeFile(join(input, "r1.txt"), ruling(1, 5, "12 de marzo de 2024", "SENTENCIA", "amenazas (art. 149 bis del Código Penal)"))
  await writeFile(join(input, "r2.txt"), ruling(2, 7, "3 de junio de 2023", "SENTENCIA", "lesiones leves (art. 89 del Código Penal)"))
  await writeFile(join(input, "r3.txt"), ruling(3, 5, "20 de agosto de 2024", "AUTO", "daño (art. 183 del Código Penal)"))
  await writeFile(join(input, "roto.pdf"), "%PDF-1.7\nesto no es un PDF")
  await runBatch(input, outDir)
  const publicDir = join(outDir, "public")
  // `tacha run` publishes; a fixture without the datasets would make every API test meaningless.
  if (!(await exists(join(publicDir, "resoluciones.parquet")))) throw new Error("tacha run no publicó los conjuntos de datos")
  await writeFile(join(outDir, "private", "secreto.txt"), `${PRIVATE_MARKER} ${PERSONAL.join(" ")}\n`)
  return { inputDir: input, outDir, publicDir }
}

/**
 * A second `tacha run` over the same inputs plus a fourth ruling: the
 * published processing statistics then hold two runs (the first three
 * rulings are reused, not redone).
 */
export const addSecondRun = async (fixture: PublicFixture): Promise<void> => {
  await writeFile(join(fixture.inputDir, "r4.txt"), ruling(4, 7, "5 de mayo de 2024", "AUTO", "hostigamiento (art. 52 del Código Contravencional)"))
  await runBatch(fixture.inputDir, fixture.outDir)
}
