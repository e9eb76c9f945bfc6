import { existsSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startServer } from "../../src/api/server.ts"
import { addSecondRun, makePublicFixture, PERSONAL, PRIVATE_MARKER } from "./publicFixture.ts"

/**
 * The dashboard in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): the charts render (their canvases have painted pixels),
 * the table fills, runs are named "Ejecución N" in chronological order (two
 * runs here), and neither the page nor any API response it fetched holds
 * the personal data written into the inputs. Set
 * TACHA_REQUIRE_BROWSER=1 (CI) to fail instead of skipping when Chromium
 * or playwright-core is missing.
 */
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"

interface Page {
  goto(url: string): Promise<unknown>
  evaluate<T>(fn: () => T): Promise<T>
  screenshot(options: { path: string; fullPage: boolean }): Promise<Buffer>
  content(): Promise<string>
  on(event: "response", listener: (response: { url(): string; text(): Promise<string> }) => void): void
  on(event: "console" | "pageerror", listener: (message: unknown) => void): void
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

/** The little of Chart.js's chart object the test reads (the page loads Chart.js as a global). */
interface PageChart {
  readonly data: { readonly labels: readonly string[] }
  readonly tooltip: {
    setActiveElements(elements: readonly { datasetIndex: number; index: number }[], position: { x: number; y: number }): void
    readonly title: readonly string[]
  }
}

const loadPlaywright = (): Playwright | undefined => {
  try {
    // CommonJS require: resolves through the project's node_modules (and NODE_PATH).
    return createRequire(import.meta.url)("playwright-core") as Playwright
  } catch {
    return undefined
  }
}

const playwright = loadPlaywright()
const available = playwright !== undefined && existsSync(CHROMIUM)
if (!available && process.env["TACHA_REQUIRE_BROWSER"] === "1") {
  throw new Error(`browser test needs playwright-core and ${CHROMIUM}`)
}

describe.skipIf(!available)("dashboard in headless Chromium", () => {
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser
  let profile: string
  let shots: string

  beforeAll(async () => {
    const fixture = await makePublicFixture()
    await addSecondRun(fixture)
    server = await startServer({ publicDir: fixture.publicDir, port: 0, host: "127.0.0.1" })
    profile = await mkdtemp(join(tmpdir(), "tacha-chromium-"))
    shots = fixture.outDir
    // A fresh profile (--user-data-dir) per run, passed the way playwright wants it.
    browser = await playwright!.chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1400 },
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (profile) await rm(profile, { recursive: true, force: true })
  })

  it("renders the charts and the table, and shows no personal data", async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on("pageerror", (error) => errors.push(String(error)))
    const bodies: Promise<string>[] = []
    page.on("response", (response) => {
      if (response.url().startsWith(server.url)) bodies.push(response.text().catch(() => ""))
    })
    await page.goto(server.url + "/")
    // Poll with page.evaluate (CDP calls, not eval: the page's CSP forbids 'unsafe-eval').
    const deadline = Date.now() + 30_000
    let estado = ""
    while ((estado = await page.evaluate(() => document.body.dataset["estado"] ?? "")) === "cargando" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(estado).toBe("listo")
    await page.screenshot({ path: join(shots, "tablero.png"), fullPage: true })

    // Each chart's canvas has painted, non-white pixels.
    const painted = await page.evaluate(() => {
      const result: Record<string, number> = {}
      for (const id of ["grafico-juzgado", "grafico-tipo", "grafico-categoria", "grafico-proceso"]) {
        const canvas = document.getElementById(id) as HTMLCanvasElement
        const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height)
        let coloured = 0
        for (let i = 0; i < data.length; i += 16) {
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!]
          if (a > 0 && !(r > 240 && g > 240 && b > 240)) coloured++
        }
        result[id] = canvas.dataset["listo"] === "si" && canvas.width > 0 ? coloured : -1
      }
      return result
    })
    for (const [id, coloured] of Object.entries(painted)) expect(coloured, id).toBeGreaterThan(200)

    const rows = await page.evaluate(() => document.querySelectorAll("#tabla-resoluciones tbody tr").length)
    expect(rows).toBe(4)

    // Processing health: runs labelled by their order (chronological), the fingerprint id only in the tooltip.
    const runs: { id_ejecucion: string; orden: number }[] = (await (await fetch(`${server.url}/api/v1/estadisticas/procesamiento`)).json()).ejecuciones
    expect(runs.map((run) => run.orden)).toEqual([1, 2])
    const processChart = await page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(id: string): PageChart } }).Chart.getChart("grafico-proceso")
      const tooltips = chart.data.labels.map((_, index) => {
        chart.tooltip.setActiveElements([{ datasetIndex: 0, index }], { x: 0, y: 0 })
        return chart.tooltip.title
      })
      return { labels: chart.data.labels, tooltips }
    })
    expect(processChart.labels).toEqual(["Ejecución 1", "Ejecución 2"])
    expect(processChart.tooltips).toEqual(runs.map((run) => ["Ejecución " + run.orden, `Identificador: ${run.id_ejecucion}`]))
    // The failures table names runs the same way (roto.pdf failed in both); no id is shown on the page.
    const failureRuns = await page.evaluate(() => Array.from(document.querySelectorAll("#tabla-fallos tbody tr td:first-child"), (cell) => cell.textContent))
    expect(failureRuns).toEqual(["Ejecución 1", "Ejecución 2"])
    // Quality control: each run drew a sample (5 %, at least one) that nobody checked yet: no rate is claimed.
    const quality = await page.evaluate(() =>
      Array.from(document.querySelectorAll("#tabla-calidad tbody tr"), (row) => Array.from(row.querySelectorAll("td"), (cell) => cell.textContent))
    )
    expect(quality.map((row) => row[0])).toEqual(["Ejecución 1", "Ejecución 2"])
    for (const row of quality) expect(row.slice(2)).toEqual(["0", "0", "0", "sin controlar"])
    const visible = await page.evaluate(() => document.body.innerText)
    for (const run of runs) expect(visible).not.toContain(run.id_ejecucion)
    const link = await page.evaluate(() => document.querySelector("#tabla-resoluciones tbody a")?.getAttribute("href"))
    expect(link).toMatch(/^\/api\/v1\/resoluciones\/res-[0-9a-f]+\?formato=txt$/u)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es-AR")
    // Every form control has a label.
    expect(await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, select")).filter((control) => !document.querySelector(`label[for="${control.id}"]`)).length
    )).toBe(0)

    const html = await page.content()
    const fetched = (await Promise.all(bodies)).join("\n")
    expect(fetched.length).toBeGreaterThan(1000)
    for (const value of PERSONAL) {
      expect(html).not.toContain(value)
      expect(fetched).not.toContain(value)
    }
    expect(fetched).not.toContain(PRIVATE_MARKER)
    expect(errors).toEqual([])
  })
})
