#!/usr/bin/env node
// The `tacha` command, in plain JavaScript so that any Node.js (20 included)
// can start it.
// - In the project's folder (a clone, `npm link`, `npx --prefix <project>`),
//   tacha is the TypeScript in src/, run by Node 22's type stripping: in this
//   process when this Node strips types, otherwise under the Node 22 the
//   project brings (the `node` devDependency).
// - Installed as a package, tacha is the JavaScript compiled to dist/ (Node
//   refuses to strip types under node_modules), run by this Node.
import { spawn } from "node:child_process"
import { existsSync, realpathSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = join(dirname(realpathSync(fileURLToPath(import.meta.url))), "..")
const source = join(root, "src", "bin.ts")
const compiled = join(root, "dist", "bin.js")
const [major, minor] = process.versions.node.split(".").map(Number)
const atLeast = (wantMajor, wantMinor) => major > wantMajor || (major === wantMajor && minor >= wantMinor)

const fail = (lines) => {
  process.stderr.write(lines.map((line) => `${line}\n`).join(""))
  process.exit(2)
}

const projectNode = () => {
  const candidates = [join(root, "node_modules", "node", "bin", "node")]
  try {
    candidates.push(join(dirname(createRequire(join(root, "package.json")).resolve("node/package.json")), "bin", "node"))
  } catch {
    // Not installed next to the project: only the first candidate remains.
  }
  return candidates.find((path) => existsSync(path))
}

const runSource = async () => {
  // Type stripping is on by default from Node 22.18.
  if (atLeast(22, 18)) return import(pathToFileURL(source).href)
  const node = projectNode()
  if (node === undefined) {
    fail([
      `Error: tacha necesita Node.js 22.18 o posterior y este es ${process.version}.`,
      `Corra "npm install" en ${root} (instala el Node 22 del proyecto) o instale Node.js 22.`,
    ])
  }
  // Input paths stay relative to where the clerk stands: the child keeps this working directory.
  const child = spawn(node, [source, ...process.argv.slice(2)], { stdio: "inherit" })
  // Ctrl-C at a terminal reaches the child directly (same process group): this process only waits
  // for it to stop cleanly. A SIGTERM or SIGHUP sent to this process alone is passed on.
  process.on("SIGINT", () => {})
  for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal))
  child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 1)))
}

const runCompiled = () => {
  // The oldest Node the compiled tacha and its libraries (pdf.js) run on.
  if (!atLeast(20, 16)) fail([`Error: tacha necesita Node.js 20.16 o posterior y este es ${process.version}.`, "Instale una versión más nueva de Node.js."])
  return import(pathToFileURL(compiled).href)
}

if (existsSync(source)) await runSource()
else if (existsSync(compiled)) await runCompiled()
else fail([`Error: falta tacha en ${root}: no están ni src/bin.ts ni dist/bin.js.`, `Vuelva a instalar el paquete, o corra "npm run build" en esa carpeta.`])
