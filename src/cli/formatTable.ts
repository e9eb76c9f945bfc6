/** A plain-text table for the terminal: columns padded to their widest cell, long cells cut. */
export const formatTable = (columns: readonly string[], rows: readonly (readonly unknown[])[], maxWidth = 60): string => {
  const cell = (value: unknown): string => {
    const text = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value)
    const flat = text.replace(/\s+/gu, " ")
    return flat.length > maxWidth ? flat.slice(0, maxWidth - 1) + "…" : flat
  }
  const cells = rows.map((row) => row.map(cell))
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]?.length ?? 0)))
  const line = (values: readonly string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join("  ").trimEnd()
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n")
}
