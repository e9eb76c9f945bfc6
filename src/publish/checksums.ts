import { readdir } from "node:fs/promises"
import { join } from "node:path"
import { fileFacts } from "./catalogue.ts"

export const CHECKSUMS_FILE = "SHA256SUMS"

/** Every public file, "/"-separated and sorted by code unit; hidden (temporary) files and SHA256SUMS excluded. */
export const listPublicFiles = async (publicDir: string, under = ""): Promise<string[]> => {
  const entries = await readdir(join(publicDir, under), { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue
    const path = under === "" ? entry.name : `${under}/${entry.name}`
    if (entry.isDirectory()) files.push(...await listPublicFiles(publicDir, path))
    else if (entry.isFile() && path !== CHECKSUMS_FILE) files.push(path)
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** `SHA256SUMS` in the format `sha256sum -c` reads: "<hex>  <path>\n". */
export const checksums = async (publicDir: string): Promise<string> => {
  const files = await listPublicFiles(publicDir)
  const lines = await Promise.all(files.map(async (path) => `${(await fileFacts(publicDir, path)).sha256}  ${path}\n`))
  return lines.join("")
}
