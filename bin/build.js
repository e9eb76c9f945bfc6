#!/usr/bin/env node
// Compiles src/ to JavaScript in dist/ for the published package (run by
// `npm run build` and by `npm pack` through `prepack`). Plain JavaScript so
// that any Node.js runs it. Node refuses to strip types from files under
// node_modules, so an installed tacha cannot run src/*.ts: it runs dist/.
import { execFileSync } from "node:child_process"
import { cpSync, readdirSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, extname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const dist = join(root, "dist")
rmSync(dist, { recursive: true, force: true })
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc")
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" })
// Files the code reads next to itself (the dashboard's and the review's HTML, CSS and JS).
const copyAssets = (dir) => {
  for (const entry of readdirSync(join(root, "src", dir), { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) copyAssets(path)
    else if (extname(entry.name) !== ".ts") cpSync(join(root, "src", path), join(dist, path))
  }
}
copyAssets("")
