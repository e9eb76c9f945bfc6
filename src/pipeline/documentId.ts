import { createHash } from "node:crypto"

/**
 * A ruling's stable id. A manifest id wins; otherwise the id derives from the
 * source path relative to the input folder, so the same input gives the same
 * id on every run and a corrected file keeps its id. Hashing keeps names that
 * clerks put in file names out of public ids.
 */
export const documentId = (relativePath: string, manifestId?: string): string => {
  if (manifestId) return manifestId.normalize("NFC").replace(/[^A-Za-z0-9._-]+/gu, "-").toLowerCase()
  const digest = createHash("sha256").update(relativePath.split("\\").join("/").normalize("NFC")).digest("hex")
  return `res-${digest.slice(0, 12)}`
}
