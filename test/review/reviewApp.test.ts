import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { networkInterfaces, tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { PROJECT_ROOT } from "../../src/domain/loadPipelineConfig.ts"
import { publishApproved } from "../../src/review/publishApproved.ts"
import { outputServices, runWith, savedConfig } from "../store/services.ts"
import { startReviewServer } from "../../src/review/server.ts"
import { HELD_WITH_EXPERT, PLAIN_RULING } from "./rulings.ts"

/**
 * The review app in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core, as the dashboard test): a clerk logs in, opens the held
 * ruling, hides the gate's finding, keeps an official the pipeline hid,
 * adds and undoes a mention by selecting text, and approves; `publicar`
 * then publishes it with the hidden form unreadable in public/. Requests
 * without the code get 401, another Host 421, a session POST without the
 * CSRF code 403, and the app listens on loopback only. Set
 * TACHA_REQUIRE_BROWSER=1 (CI) to fail instead of skipping without Chromium;
 * TACHA_REVIEW_SCREENSHOT=<file.png> saves the ruling view and
 * TACHA_CONTROL_SCREENSHOT=<file.png> the control view (README).
 * A second batch, with `revision.muestra` 1, fills the quality-control
 * queue: the clerk marks one sampled ruling correct and one with a missed
 * span, which `publicar` re-publishes corrected; the published rate follows.
 */
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const exec = promisify(execFile)

interface Page {
  goto(url: string): Promise<unknown>
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T>
  fill(selector: string, value: string): Promise<void>
  click(selector: string): Promise<void>
  selectOption(selector: string, value: string): Promise<unknown>
  keyboard: { press(key: string): Promise<void> }
  screenshot(options: { path: string; fullPage: boolean }): Promise<Buffer>
  on(event: "pageerror", listener: (error: unknown) => void): void
}
interface Browser {
  newPage(): Promise<Page>
  close(): Promise<void>
}
interface Playwright {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: { executablePath: string; args: string[]; headless: boolean; viewport: { width: number; height: number } },
    ): Promise<Browser>
  }
}

const loadPlaywright = (): Playwright | undefined => {
  try {
    return createRequire(import.meta.url)("playwright-core") as Playwright
  } catch {
    return undefined
  }
}

const playwright = loadPlaywright()
const available = playwright !== undefined && existsSync(CHROMIUM)
if (!available && process.env["TACHA_REQUIRE_BROWSER"] === "1") throw new Error(`browser test needs playwright-core and ${CHROMIUM}`)

const TOKEN = "codigo-de-prueba-" + Math.random().toString(36).slice(2)
const PERSONAL = ["Mercado", "MERCADO", "22.333.444", "77123", "Juan Carlos"]

/** Poll the page until `check` holds (CDP evaluate: the page's CSP forbids eval). */
const until = async (page: Page, check: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 20_000
  while (!(await page.evaluate(check))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe.skipIf(!available)("review app in headless Chromium", () => {
  let base: string
  let out: string
  let server: Awaited<ReturnType<typeof startReviewServer>>
  let controlOut: string
  let controlServer: Awaited<ReturnType<typeof startReviewServer>>
  let browser: Browser
  let profile: string

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "tacha-review-app-"))
    await mkdir(join(base, "in"))
    await writeFile(join(base, "in", "retenida.txt"), HELD_WITH_EXPERT)
    out = join(base, "out")
    const args = [join(PROJECT_ROOT, "src", "bin.ts"), "run", join(base, "in"), "--out", out, "--pipeline", join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json")]
    await exec(process.execPath, args, { cwd: PROJECT_ROOT }).catch(() => undefined)
    const config = await savedConfig(out)
    server = await startReviewServer({ outDir: out, config, port: 0, host: "127.0.0.1", token: TOKEN })
    // The control batch: two rulings published automatically, both drawn.
    await mkdir(join(base, "control"))
    await writeFile(join(base, "control", "a.txt"), PLAIN_RULING)
    await writeFile(join(base, "control", "b.txt"), PLAIN_RULING.replace("lesiones leves", "amenazas"))
    const pipeline = JSON.parse(await readFile(join(PROJECT_ROOT, "pipelines", "caba-penal-reglas.json"), "utf8"))
    await writeFile(join(base, "todo.json"), JSON.stringify({ ...pipeline, $schema: undefined, revision: { muestra: 1 } }))
    controlOut = join(base, "out-control")
    await exec(process.execPath, [join(PROJECT_ROOT, "src", "bin.ts"), "run", join(base, "control"), "--out", controlOut, "--pipeline", join(base, "todo.json")], { cwd: PROJECT_ROOT })
    const controlConfig = await savedConfig(controlOut)
    controlServer = await startReviewServer({ outDir: controlOut, config: controlConfig, port: 0, host: "127.0.0.1", token: TOKEN })
    profile = await mkdtemp(join(tmpdir(), "tacha-chromium-"))
    browser = await playwright!.chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 820 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await controlServer?.close()
    if (profile) await rm(profile, { recursive: true, force: true })
  })

  it("answers nothing without the code, nothing to another Host, and only on loopback", async () => {
    for (const path of ["/", "/api/cola", "/app.js", "/api/resoluciones/x"]) expect((await fetch(server.url + path)).status, path).toBe(401)
    expect((await fetch(server.url + "/api/cola", { headers: { authorization: "Bearer otro" } })).status).toBe(401)
    expect((await fetch(server.url + "/api/cola", { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200)
    expect((await fetch(server.url + "/api/cola", { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, origin: "http://otro.example" } })).status).toBe(403)
    // A page elsewhere that makes its name resolve to 127.0.0.1 is refused (DNS rebinding).
    const { request } = await import("node:http")
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: "127.0.0.1", port: server.port, path: "/api/cola", headers: { host: "otro.example", authorization: `Bearer ${TOKEN}` } }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      }).on("error", reject).end()
    })
    expect(status).toBe(421)
    const config = await savedConfig(out)
    await expect(startReviewServer({ outDir: out, config, port: 0, host: "0.0.0.0", token: TOKEN })).rejects.toThrow(/sólo escucha en la interfaz local/u)
    // This machine's other addresses do not answer.
    const external = Object.values(networkInterfaces()).flat().find((address) => address && !address.internal && address.family === "IPv4")
    if (external) {
      const answered = await fetch(`http://${external.address}:${server.port}/`, { signal: AbortSignal.timeout(3000) }).then(() => true, () => false)
      expect(answered).toBe(false)
    }
  })

  it("a clerk hides the finding, keeps the official, approves; publicar publishes it without the hidden form", async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on("pageerror", (error) => errors.push(String(error)))
    await page.goto(server.url + "/")
    await page.fill("#token", TOKEN)
    await page.fill("#revisor", "Secretaría de prueba")
    await page.click("button[type=submit]")
    await until(page, () => document.body.dataset["estado"] === "listo", "the queue")
    expect(await page.evaluate(() => document.getElementById("progreso")!.textContent)).toBe("Hechas: 0 · Quedan: 1")
    // A POST with the session cookie but without the CSRF code is refused.
    expect(await page.evaluate(() => fetch("/api/resoluciones/x/deshacer", { method: "POST" }).then((response) => response.status))).toBe(403)

    await page.click("button.revisar")
    await until(page, () => !document.getElementById("resolucion")!.hidden && document.querySelectorAll("#hallazgos li").length > 0, "the ruling")
    expect(await page.evaluate(() => document.querySelectorAll("#texto .hallazgo").length)).toBeGreaterThan(0)
    expect(await page.evaluate(() => (document.getElementById("aprobar") as HTMLButtonElement).disabled)).toBe(true)

    // Keep the expert's name, which the pipeline hid: click the mark, label it an official, keep it visible.
    await page.evaluate(() => {
      const mark = Array.from(document.querySelectorAll<HTMLElement>("#texto [data-span]")).find((node) => node.textContent === "Ramiro Quintana")
      mark!.click()
    })
    await page.selectOption("#etiqueta-seleccion", "FUNCIONARIO")
    await page.click("#mantener-seleccion")
    await until(page, () => document.getElementById("vista-previa")!.textContent!.includes("Ramiro Quintana"), "the kept name in the preview")

    const shot = process.env["TACHA_REVIEW_SCREENSHOT"]
    if (shot) await page.screenshot({ path: shot, fullPage: false })
    // Hide the finding ("Mercado" of "Mercado Central").
    await page.click("#hallazgos .ocultar-hallazgo")
    await until(page, () => document.querySelectorAll("#hallazgos li").length === 0, "no findings left")
    expect(await page.evaluate(() => document.getElementById("vista-previa")!.textContent!.includes("Mercado"))).toBe(false)

    // Add a mention by selecting text, then undo it with the keyboard.
    await page.evaluate(() => {
      const holder = Array.from(document.querySelectorAll<HTMLElement>("#texto [data-start]")).find((node) => node.textContent!.includes("Córdoba"))!
      const text = holder.firstChild!
      const at = text.textContent!.indexOf("Córdoba")
      const range = document.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + "Córdoba".length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      document.getElementById("texto")!.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }))
    })
    await page.selectOption("#etiqueta-seleccion", "LUGAR")
    await page.click("#ocultar-seleccion")
    await until(page, () => !document.getElementById("vista-previa")!.textContent!.includes("Córdoba"), "the added mention hidden")
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press("z")
    await until(page, () => document.getElementById("vista-previa")!.textContent!.includes("Córdoba"), "the undo")
    expect(await page.evaluate(() => document.querySelectorAll("#decisiones li.deshecha").length)).toBe(1)

    await page.click("#aprobar")
    await until(page, () => !document.getElementById("cola-vacia")!.hidden, "the empty queue")
    expect(await page.evaluate(() => document.getElementById("progreso")!.textContent)).toBe("Hechas: 1 · Quedan: 0")
    expect(errors).toEqual([])

    const config = await savedConfig(out)
    const summary = await runWith(outputServices(out, config), publishApproved(new Date("2026-01-01T00:00:00Z")))
    expect(summary.published).toBe(1)
    const [name] = await readdir(join(out, "public", "resoluciones"))
    const published = await readFile(join(out, "public", "resoluciones", name!), "utf8")
    expect(published).toContain("Ramiro Quintana")
    expect(published).toContain("Sala II de la Cámara")
    // Nothing personal anywhere in public/ (texts, tables, catalogue, LEEME).
    const files = (await readdir(join(out, "public"), { recursive: true })).filter((file) => /\.(txt|csv|json|md)$/u.test(file))
    for (const file of files) {
      const content = await readFile(join(out, "public", file), "utf8")
      for (const value of PERSONAL) expect(content.includes(value), `${file}`).toBe(false)
    }
    // The reviewer and every decision are in the private audit record only.
    const audit = JSON.parse(await readFile(join(out, "private", "audit", name!.replace(/\.txt$/u, ".json")), "utf8"))
    expect(audit.review.history.filter((entry: { reviewer: string | null }) => entry.reviewer === "Secretaría de prueba").length).toBe(5)
    expect(files.some((file) => file.includes("revision"))).toBe(false)
  }, 120_000)

  it("quality control: a clerk marks one sampled ruling correct and one with a missed span; publicar re-publishes it and the rate follows", async () => {
    expect((await fetch(controlServer.url + "/api/control")).status).toBe(401)
    const page = await browser.newPage()
    const errors: string[] = []
    page.on("pageerror", (error) => errors.push(String(error)))
    await page.goto(controlServer.url + "/")
    await page.fill("#token", TOKEN)
    await page.fill("#revisor", "Control de prueba")
    await page.click("button[type=submit]")
    await until(page, () => document.body.dataset["estado"] === "listo", "the app")
    await page.click("#ir-control")
    await until(page, () => document.querySelectorAll("#tabla-control button.controlar").length === 2, "the control queue")
    expect(await page.evaluate(() => document.getElementById("progreso")!.textContent)).toBe("Controladas: 0 · Quedan: 2")
    const [correct, missed] = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>("#tabla-control button.controlar")).map((node) => node.dataset["id"]!))

    await page.click("#tabla-control button.controlar")
    await until(page, () => !document.getElementById("control-resolucion")!.hidden && document.querySelectorAll("#control-texto .oculta").length > 0, "the sampled ruling")
    expect(await page.evaluate(() => document.getElementById("control-publico")!.textContent!.includes("Mercado"))).toBe(false)
    await page.click("#control-correcta")
    await until(page, () => document.querySelectorAll("#tabla-control button.controlar").length === 1, "one left")

    await page.click("#tabla-control button.controlar")
    await until(page, () => !document.getElementById("control-resolucion")!.hidden, "the second sampled ruling")
    // The reviewer finds "Sala II" should have been hidden (to exercise the mechanism): select it, label it, mark it missed.
    await page.evaluate(() => {
      const holder = Array.from(document.querySelectorAll<HTMLElement>("#control-texto [data-start]")).find((node) => node.textContent!.includes("Sala II"))!
      const text = holder.firstChild!
      const at = text.textContent!.indexOf("Sala II")
      const range = document.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + "Sala II".length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      document.getElementById("control-texto")!.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }))
    })
    await page.selectOption("#control-etiqueta", "LUGAR")
    await page.click("#marcar-omitida")
    await until(page, () => document.querySelectorAll("#control-errores li").length === 1, "the listed error")
    const shot = process.env["TACHA_CONTROL_SCREENSHOT"]
    if (shot) await page.screenshot({ path: shot, fullPage: false })
    expect(await page.evaluate(() => (document.getElementById("control-correcta") as HTMLButtonElement).disabled)).toBe(true)
    await page.click("#control-guardar")
    await until(page, () => !document.getElementById("control-vacia")!.hidden, "the empty control queue")
    expect(await page.evaluate(() => document.getElementById("progreso")!.textContent)).toMatch(/^Controladas: 2 · Quedan: 0 · Corrección guardada y resolución retirada/u)
    expect(errors).toEqual([])

    const config = await savedConfig(controlOut)
    expect((await runWith(outputServices(controlOut, config), publishApproved(new Date("2026-01-02T00:00:00Z")))).published).toBe(1)
    expect(await readFile(join(controlOut, "public", "resoluciones", `${missed}.txt`), "utf8")).not.toContain("Sala II")
    expect(await readFile(join(controlOut, "public", "resoluciones", `${correct}.txt`), "utf8")).toContain("Sala II")
    const [header, row] = (await readFile(join(controlOut, "public", "estadisticas", "control-de-calidad-por-ejecucion.csv"), "utf8")).trim().split("\r\n")
    const values = Object.fromEntries(header!.split(",").map((name, i) => [name, row!.split(",")[i]]))
    expect(values).toMatchObject({ sorteadas: "2", controladas: "2", correctas: "1", con_omisiones: "1", tasa_error: "0.5" })
  }, 120_000)
})
