#!/usr/bin/env node
// The `tacha` command, in plain JavaScript so that any Node.js (20 included)
// can start it. tacha itself is TypeScript run by Node 22's type stripping:
// when this Node strips types, src/bin.ts runs in this process; otherwise it
// runs under the Node 22 the project brings (the `node` devDependency).
import { spawn } from "node:child_process"
import { existsSync, realpathSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = join(dirname(realpathSync(fileURLToPath(import.meta.url))), "..")
const entry = join(root, "src", "bin.ts")
const [major, minor] = process.versions.node.split(".").map(Number)
// Type stripping is on by default from Node 22.18.
const strips = major > 22 || (major === 22 && minor >= 18)

const projectNode = () => {
  const candidates = [join(root, "node_modules", "node", "bin", "node")]
  try {
    candidates.push(join(dirname(createRequire(join(root, "package.json")).resolve("node/package.json")), "bin", "node"))
  } catch {
    // Not installed next to the project: only the first candidate remains.
  }
  return candidates.find((path) => existsSync(path))
}

if (strips) {
  await import(pathToFileURL(entry).href)
} else {
  const node = projectNode()
  if (node === undefined) {
    process.stderr.write(
      `Error: tacha necesita Node.js 22.18 o posterior y este es ${process.version}.\n` +
        `Corra "npm install" en ${root} (instala el Node 22 del proyecto) o instale Node.js 22.\n`,
    )
    process.exit(2)
  }
  // Input paths stay relative to where the clerk stands: the child keeps this working directory.
  const child = spawn(node, [entry, ...process.argv.slice(2)], { stdio: "inherit" })
  // Ctrl-C at a terminal reaches the child directly (same process group): this process only waits
  // for it to stop cleanly. A SIGTERM or SIGHUP sent to this process alone is passed on.
  process.on("SIGINT", () => {})
  for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal))
  child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 1)))
}
