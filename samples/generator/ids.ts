/** Identifier generators (valid check digits) and validators. */
import type { Rng } from "./prng.ts"

export const dotted = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".")

const CUIT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

export const cuitCheckDigit = (first10: string): number => {
  let sum = 0
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * (CUIT_WEIGHTS[i] as number)
  const r = 11 - (sum % 11)
  return r === 11 ? 0 : r
}

/** 11-digit CUIT/CUIL for a DNI (prefix 20 male, 27 female, 23 when the check digit would be 10). */
export const cuitFor = (dni: string, gender: "F" | "M"): string => {
  const body = dni.padStart(8, "0")
  let prefix = gender === "F" ? "27" : "20"
  let check = cuitCheckDigit(prefix + body)
  if (check === 10) {
    prefix = "23"
    check = cuitCheckDigit(prefix + body)
  }
  if (check === 10) {
    prefix = "24"
    check = cuitCheckDigit(prefix + body)
  }
  return prefix + body + String(check)
}

export const companyCuit = (rng: Rng): string => {
  for (;;) {
    const first = rng.pick(["30", "33", "30", "34"]) + rng.digits(8)
    const c = cuitCheckDigit(first)
    if (c !== 10) return first + String(c)
  }
}

export const isValidCuit = (s: string): boolean => {
  const d = s.replace(/\D/g, "")
  return d.length === 11 && cuitCheckDigit(d.slice(0, 10)) === Number(d[10])
}

const cbuCheck = (digits: string, weights: readonly number[]): number => {
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (weights[i % weights.length] as number)
  return (10 - (sum % 10)) % 10
}

const W1 = [7, 1, 3, 9, 7, 1, 3]
const W2 = [3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3]

/** 22-digit CBU (bank code given) or CVU (bank "000" + PSP code). */
export const makeCbu = (rng: Rng, bank: string, cvu = false): string => {
  const b1 = cvu ? "000" + rng.pick(["0003", "0007", "0015", "0031"]) : bank.padStart(3, "0") + rng.digits(4)
  const b2 = rng.digits(13)
  return b1 + String(cbuCheck(b1, W1)) + b2 + String(cbuCheck(b2, W2))
}

export const isValidCbu = (s: string): boolean => {
  const d = s.replace(/\D/g, "")
  if (d.length !== 22) return false
  return cbuCheck(d.slice(0, 7), W1) === Number(d[7]) && cbuCheck(d.slice(8, 21), W2) === Number(d[21])
}

export const formatDni = (rng: Rng, dni: string): string => (rng.chance(0.7) ? dotted(dni) : dni)

export const formatCuit = (rng: Rng, cuit: string): string =>
  rng.chance(0.75) ? `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}` : cuit

export const makeDni = (rng: Rng, birthYear: number): string => {
  // Roughly chronological DNI ranges; foreigners get 9x.xxx.xxx.
  const base = Math.max(5, Math.min(58, Math.round((birthYear - 1950) * 0.8 + 6)))
  return String(base * 1_000_000 + rng.int(0, 999_999))
}

/** Argentine phone numbers in the formats found in rulings. */
export const makePhone = (rng: Rng): string => {
  const a = rng.int(2, 7) + rng.digits(3)
  const b = rng.digits(4)
  const mobile = rng.chance(0.75)
  if (!mobile) {
    return rng.pick([`(011) 4${a.slice(1)}-${b}`, `4${a.slice(1)}-${b}`, `011 4${a.slice(1)}-${b}`, `+54 11 4${a.slice(1)} ${b}`, `(0221) 4${a.slice(1, 3)}-${b}`])
  }
  const m = `${rng.int(2, 6)}${rng.digits(3)}`
  return rng.pick([
    `11-${m}-${b}`,
    `11 ${m}-${b}`,
    `(11) ${m}-${b}`,
    `15-${m}-${b}`,
    `15 ${m} ${b}`,
    `+54 9 11 ${m}-${b}`,
    `+5491${"1" + m + b}`,
    `11${m}${b}`,
    `(011) 15-${m}-${b}`,
    `+54 9 11 ${m} ${b}`,
    `011-15-${m}${b}`,
  ])
}

export const makePlate = (rng: Rng): string => {
  const L = "ABCDEFGHIJKLMNOPRSTUVWXYZ"
  return rng.pick([
    () => `${rng.letters(2, L.slice(0, 7))} ${rng.digits(3)} ${rng.letters(2, L)}`, // Mercosur AB 123 CD
    () => `${rng.letters(2, L.slice(0, 7))}${rng.digits(3)}${rng.letters(2, L)}`,
    () => `${rng.letters(3, L)} ${rng.digits(3)}`, // old ABC 123
    () => `${rng.letters(3, L)}-${rng.digits(3)}`,
    () => `${rng.letters(3, L)}${rng.digits(3)}`,
    () => `${rng.letters(1, L.slice(0, 3))}${rng.digits(3)}${rng.letters(3, L)}`, // new motorcycle A123BCD
    () => `${rng.digits(3)} ${rng.letters(3, L)}`, // old motorcycle 123 ABC
  ])()
}

export const makePassport = (rng: Rng): string =>
  rng.pick([
    () => `AA${rng.letters(1, "ABCDEFG")}${rng.digits(6)}`, // current Argentine
    () => `${rng.digits(8)}N`, // old Argentine
    () => `${rng.letters(1, "ABCP")}${rng.digits(7)}`,
    () => `${rng.letters(2)}${rng.digits(7)}`,
  ])()

export const makeIp = (rng: Rng): string =>
  rng.chance(0.85)
    ? `${rng.pick([181, 186, 190, 200, 201, 152, 24, 190, 179])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
    : `2800:${rng.int(16, 999).toString(16)}:${rng.int(4096, 65535).toString(16)}::${rng.int(1, 4095).toString(16)}`

export const makeBankAccount = (rng: Rng): string =>
  rng.pick([
    () => `${rng.digits(4)}-${rng.digits(6)}/${rng.digits(1)}`,
    () => `${rng.digits(3)}-${rng.digits(9)}-${rng.digits(1)}`,
    () => `${rng.digits(10)}`,
    () => `${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)}`, // card
  ])()

export const makeEvidenceFile = (rng: Rng, n: number): string =>
  rng.pick([
    () => `foto${n}.jpg`,
    () => `IMG_2023${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(10, 28))}_${rng.digits(6)}.jpg`,
    () => `VID-2024${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(10, 28))}-WA00${rng.digits(2)}.mp4`,
    () => `captura_whatsapp_${n}.png`,
    () => `Screenshot_2023-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(10, 28))}-${rng.digits(2)}-${rng.digits(2)}-${rng.digits(2)}.png`,
    () => `audio_${n}.opus`,
    () => `PTT-2024${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(10, 28))}-WA00${rng.digits(2)}.opus`,
    () => `informe_camaras_${n}.pdf`,
  ])()

export const makeCuij = (rng: Rng, year: number): string =>
  `${rng.pick(["J", "J", "J", "I"])}-01-${rng.digits(8)}-${rng.digits(1)}/${year}-${rng.digits(1)}`

export const makeCpa = (rng: Rng): string => `C${rng.int(1000, 1440)}${rng.letters(3, "ABCDEFGHJKLMNOPQRSTUVWXYZ")}`
