/**
 * Minimal RFC 4180 CSV: quoted fields may hold separators, quotes ("") and
 * line breaks. The separator is "," or ";" (spreadsheets with a Spanish
 * locale save with ";"), chosen from the header line.
 */

export const detectSeparator = (headerLine: string): "," | ";" => {
  const commas = headerLine.split(",").length
  const semicolons = headerLine.split(";").length
  return semicolons > commas ? ";" : ","
}

/** Rows of fields, or a string saying why the CSV is malformed. */
export const csvRows = (source: string): readonly (readonly string[])[] | { readonly error: string } => {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source
  const firstLineEnd = text.search(/\r?\n/)
  const separator = detectSeparator(firstLineEnd === -1 ? text : text.slice(0, firstLineEnd))
  const rows: string[][] = []
  let row: string[] = []
  let field = ""
  let quoted = false
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (char === "\n") line++
        field += char
      }
    } else if (char === '"' && field.length === 0) {
      quoted = true
    } else if (char === separator) {
      row.push(field)
      field = ""
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++
      row.push(field)
      rows.push(row)
      row = []
      field = ""
      line++
    } else {
      field += char
    }
  }
  if (quoted) return { error: `comillas sin cerrar desde la línea ${line}` }
  if (field.length > 0 || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  // Blank lines are not rows.
  return rows.filter((fields) => fields.some((value) => value.trim().length > 0))
}
