/**
 * CSV per RFC 4180: comma separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break, quotes doubled. Missing values are
 * written as empty fields (the one declared rule for missing values).
 */
export type CsvValue = string | number | null | undefined

const field = (value: CsvValue): string => {
  if (value === null || value === undefined) return ""
  const text = String(value)
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text
}

export const toCsv = <Row extends Record<string, CsvValue>>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string =>
  [columns.join(","), ...rows.map((row) => columns.map((column) => field(row[column])).join(","))]
    .map((line) => line + "\r\n")
    .join("")
