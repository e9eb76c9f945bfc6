import { mkdir, open, rename, rm } from "node:fs/promises"
import { dirname, join, basename } from "node:path"
import { randomBytes } from "node:crypto"

/**
 * Write a file so that readers see either the old content or the whole new
 * content, never a truncated file: write a temporary sibling, flush it to
 * disk, then rename over the target (atomic on POSIX file systems).
 */
export const writeFileAtomic = async (path: string, data: string | Uint8Array): Promise<void> => {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`)
  try {
    // The folder is made only when missing: most writes go to one that exists.
    const handle = await open(temporary, "w", 0o644).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error
      await mkdir(dirname(path), { recursive: true })
      return open(temporary, "w", 0o644)
    })
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
