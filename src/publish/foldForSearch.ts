/**
 * Text folded for accent-, case- and whitespace-insensitive search, as the
 * publication gate and the ruling classifier compare it: NFD, no combining
 * marks, lower case, runs of whitespace as one space.
 */
export const foldForSearch = (text: string): string =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/gu, " ").trim()
