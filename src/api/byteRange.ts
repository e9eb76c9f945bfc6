/**
 * HTTP byte ranges and validators for published files (RFC 9110 §13-14), so
 * that a researcher's DuckDB, pandas or browser can read the footer and the
 * columns it needs of a remote Parquet file instead of downloading it whole,
 * and revalidate a cached copy without downloading it again.
 */

/** The strong validator the server sends for a file: size and modification time. */
export const fileEtag = (size: number, modifiedMs: number): string => `"${size.toString(16)}-${Math.trunc(modifiedMs).toString(16)}"`

/** `If-None-Match` matches when it lists the file's validator (weak comparison) or is `*`. */
export const notModified = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (ifNoneMatch === undefined) return false
  const bare = etag.replace(/^W\//, "")
  return ifNoneMatch.split(",").some((tag) => {
    const candidate = tag.trim()
    return candidate === "*" || candidate.replace(/^W\//, "") === bare
  })
}

export interface ByteRange {
  /** First byte, inclusive. */
  readonly start: number
  /** Last byte, inclusive. */
  readonly end: number
}

/**
 * The one range a `Range` header asks for within a file of `size` bytes:
 * a range to send (206), "unsatisfiable" (416), or undefined to send the
 * whole file (no header, another unit, several ranges, or a malformed one:
 * RFC 9110 lets a server ignore those).
 */
export const requestedRange = (header: string | undefined, size: number): ByteRange | "unsatisfiable" | undefined => {
  const m = header === undefined ? null : /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header)
  if (!m || (m[1] === "" && m[2] === "")) return undefined
  if (m[1] === "") {
    // Suffix: the last N bytes.
    const length = Number(m[2])
    if (length === 0 || size === 0) return "unsatisfiable"
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (m[2] !== "" && Number(m[2]) < start) return undefined
  if (start >= size) return "unsatisfiable"
  return { start, end }
}
