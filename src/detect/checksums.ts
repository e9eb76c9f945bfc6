/** Check-digit validators for Argentine identifiers and payment numbers. */

const digitsOf = (s: string): number[] => [...s.replace(/\D/g, "")].map(Number)

/** CUIT/CUIL: 11 digits, mod-11 check digit with weights 5432765432. */
export const isValidCuit = (value: string): boolean => {
  const d = digitsOf(value)
  if (d.length !== 11) return false
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
  const sum = w.reduce((acc, wi, i) => acc + wi * d[i]!, 0)
  const r = 11 - (sum % 11)
  const check = r === 11 ? 0 : r === 10 ? 9 : r
  return check === d[10]
}

const blockOk = (d: number[], weights: number[]): boolean => {
  const sum = weights.reduce((acc, wi, i) => acc + wi * d[i]!, 0)
  return (10 - (sum % 10)) % 10 === d[weights.length]
}

/** CBU/CVU: 22 digits in two blocks (8 + 14), each with its own check digit. */
export const isValidCbu = (value: string): boolean => {
  const d = digitsOf(value)
  if (d.length !== 22) return false
  return blockOk(d.slice(0, 8), [7, 1, 3, 9, 7, 1, 3]) && blockOk(d.slice(8), [3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3])
}

/** Luhn check for payment cards (13–19 digits). */
export const isValidLuhn = (value: string): boolean => {
  const d = digitsOf(value)
  if (d.length < 13 || d.length > 19) return false
  let sum = 0
  for (let i = 0; i < d.length; i++) {
    let x = d[d.length - 1 - i]!
    if (i % 2 === 1) {
      x *= 2
      if (x > 9) x -= 9
    }
    sum += x
  }
  return sum % 10 === 0
}
