import { realpath, stat } from "node:fs/promises"
import { createRequire } from "node:module"
import { dirname, extname, join, sep } from "node:path"
import { fileURLToPath } from "node:url"

/**
 * Files the server hands out as they are: downloads under `public/` (never a
 * path that leaves it, through `..`, encoded separators or symbolic links,
 * and never a hidden file), and the dashboard's own assets.
 */
export const CONTENT_TYPES: Record<string, string> = {
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".pdf": "application/pdf",
}

export const contentType = (path: string): string =>
  CONTENT_TYPES[extname(path).toLowerCase()] ?? (extname(path) === "" && path.endsWith("SHA256SUMS") ? "text/plain; charset=utf-8" : "application/octet-stream")

const SEGMENT = /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]*$/u

/**
 * The file under `root` that a raw URL path (after the route prefix) names,
 * or undefined: each segment is percent-decoded once and must be a plain
 * name (no "..", no separators, no leading dot, no control characters), and
 * the real path must still lie inside `root`.
 */
export const resolvePublicFile = async (root: string, rawPath: string): Promise<string | undefined> => {
  if (rawPath.length === 0 || rawPath.length > 500) return undefined
  const segments: string[] = []
  for (const raw of rawPath.split("/")) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return undefined
    }
    if (!SEGMENT.test(segment) || segment.includes("..")) return undefined
    segments.push(segment)
  }
  if (segments[0] === "private") return undefined
  try {
    const realRoot = await realpath(root)
    const real = await realpath(join(realRoot, ...segments))
    if (!real.startsWith(realRoot + sep)) return undefined
    return (await stat(real)).isFile() ? real : undefined
  } catch {
    return undefined
  }
}

const here = dirname(fileURLToPath(import.meta.url))

/** The dashboard's files, by URL path. */
export const DASHBOARD_ASSETS: Record<string, string> = {
  "/": join(here, "dashboard", "index.html"),
  "/index.html": join(here, "dashboard", "index.html"),
  "/assets/app.js": join(here, "dashboard", "app.js"),
  "/assets/app.css": join(here, "dashboard", "app.css"),
}

/**
 * Chart.js's UMD build from the project's dependencies (`chart.js` in
 * package.json; its exports map hides `dist/`, so it is found next to the
 * CommonJS entry point). Undefined when the package is not installed.
 */
export const chartLibraryPath = (): string | undefined => {
  try {
    const require = createRequire(import.meta.url)
    return join(dirname(require.resolve("chart.js")), "chart.umd.min.js")
  } catch {
    return undefined
  }
}
