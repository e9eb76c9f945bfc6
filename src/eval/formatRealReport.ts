import type { RealTextReport } from "./realText.ts"

/** Spanish report of the real-text figures: counts and file names, never document text. */

const pct = (part: number, whole: number): string => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`)
const list = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(", ")

export const formatRealReport = (r: RealTextReport): string => {
  const out: string[] = []
  const held = r.documents - r.published
  out.push(`Resoluciones: ${r.documents}; publicadas ${r.published} (${pct(r.published, r.documents)}), no publicadas ${held}`)
  if (held) out.push(`  no publicadas por causa: ${list(r.held)}`)
  if (Object.keys(r.heldByFinding).length) out.push(`  retenidas por hallazgo del control (resoluciones): ${list(r.heldByFinding)}`)
  out.push(`Revisadas (con auditoría): ${r.checked}; con datos personales ${r.withPersonalData}, publicadas ${r.withPersonalDataPublished} (${pct(r.withPersonalDataPublished, r.withPersonalData)})`)
  out.push(`Funcionarios reconocidos: ${r.officialsKept} menciones visibles, ${r.officialsRedacted} ocultadas`)
  out.push(`Firmantes (bloque de firma): ${r.signersKept} de ${r.signers} visibles (${pct(r.signersKept, r.signers)})`)
  out.push(`  otras menciones de los firmantes: ${r.signerMentionsKept} de ${r.signerMentions} visibles (${pct(r.signerMentionsKept, r.signerMentions)})`)
  out.push(`DNI (números tras "DNI"): ${r.dniRedacted} de ${r.dni} ocultados (${pct(r.dniRedacted, r.dni)}); legibles en textos públicos: ${r.dniInPublic}`)
  if (r.signerMisses.length) out.push(`  con firmantes ocultados: ${r.signerMisses.join(", ")}`)
  if (r.dniMisses.length) out.push(`  con DNI sin ocultar: ${r.dniMisses.join(", ")}`)
  return out.join("\n")
}
