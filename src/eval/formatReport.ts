/** Compact Spanish report of an evaluation. Shows no document text unless `showText` is set. */
import type { EvalReport, Score } from "./evaluate.ts"

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
const num = (x: number): string => x.toFixed(3)
const pad = (s: string, n: number): string => (s.length >= n ? s : s + " ".repeat(n - s.length))
const lpad = (s: string, n: number): string => (s.length >= n ? s : " ".repeat(n - s.length) + s)

const row = (name: string, gold: number, pred: number, e: Score, o: Score): string =>
  [pad(name, 16), lpad(String(gold), 6), lpad(String(pred), 6), lpad(num(e.precision), 7), lpad(num(e.recall), 7), lpad(num(e.f2), 7), lpad(num(o.precision), 7), lpad(num(o.recall), 7), lpad(num(o.f2), 7)].join(" ")

export const formatReport = (r: EvalReport, options: { showText?: boolean } = {}): string => {
  const out: string[] = []
  const d = r.documents
  out.push(`Documentos: ${d.gold} en la referencia, ${d.evaluated} evaluados, ${d.missing.length} faltantes en la salida`)
  if (d.missing.length) out.push(`  faltantes (contados como no detectados): ${d.missing.join(", ")}`)
  if (d.unmatchedOutputs.length) out.push(`  salidas sin referencia (ignoradas): ${d.unmatchedOutputs.length}`)
  if (d.withoutPublicText.length) out.push(`  sin texto público: ${d.withoutPublicText.join(", ")}`)
  out.push("")
  out.push([pad("etiqueta", 16), lpad("ref.", 6), lpad("pred.", 6), lpad("P exac", 7), lpad("R exac", 7), lpad("F2 ex", 7), lpad("P solap", 7), lpad("R solap", 7), lpad("F2 sol", 7)].join(" "))
  for (const l of r.labels) out.push(row(l.label, l.gold, l.predicted, l.exact, l.overlap))
  const gold = r.labels.reduce((a, l) => a + l.gold, 0)
  const pred = r.labels.reduce((a, l) => a + l.predicted, 0)
  out.push(row("TOTAL (micro)", gold, pred, r.micro.exact, r.micro.overlap))
  const pd = r.personalData
  out.push("")
  out.push(`Datos personales (sin tipo, solapamiento): P ${num(pd.precision)}  R ${num(pd.recall)}  F2 ${num(pd.f2)}`)
  out.push(`Tasa de fuga: ${pct(r.leak.rate)} (${r.leak.leaked} de ${r.leak.mentions} menciones no cubiertas)`)
  const leakLabels = Object.entries(r.leak.byLabel).filter(([, v]) => v.leaked > 0).sort(([a], [b]) => a.localeCompare(b))
  if (leakLabels.length) out.push(`  por etiqueta: ${leakLabels.map(([k, v]) => `${k} ${v.leaked}/${v.mentions}`).join(", ")}`)
  out.push(`Fuga textual (cadena aún legible en el texto público): ${pct(r.leak.surface.rate)} (${r.leak.surface.leaked} de ${r.leak.surface.checked})`)
  out.push(`Sobre-anonimización: ${pct(r.overRedaction.rate)} (${r.overRedaction.overRedacted} de ${r.overRedaction.items} elementos a conservar tapados)`)
  const kinds = Object.entries(r.overRedaction.byKind).filter(([, v]) => v.overRedacted > 0).sort(([a], [b]) => a.localeCompare(b))
  if (kinds.length) out.push(`  por tipo: ${kinds.map(([k, v]) => `${k} ${v.overRedacted}/${v.items}`).join(", ")}`)
  out.push(`  no visibles en el texto público: ${r.overRedaction.surface.missing} de ${r.overRedaction.surface.checked}`)
  out.push(`Alineación: ${r.alignment.aligned} anotaciones alineadas, ${r.alignment.unaligned.length} sin alinear; ${r.alignment.copies} tachaduras sobre copias (encabezados/pies) no contadas como falsos positivos`)
  const worst = r.perDocument.filter((p) => p.leaked > 0).sort((a, b) => b.leaked - a.leaked).slice(0, 5)
  if (worst.length) out.push(`Documentos con más fugas: ${worst.map((p) => `${p.file} (${p.leaked})`).join(", ")}`)
  if (options.showText) {
    for (const e of r.leak.examples.slice(0, 30)) out.push(`  fuga ${e.file} ${e.label}: ${e.text}`)
    for (const e of r.overRedaction.examples.slice(0, 30)) out.push(`  tapado ${e.file} ${e.label}: ${e.text}`)
    for (const e of r.alignment.unaligned.slice(0, 30)) out.push(`  sin alinear ${e.file} ${e.label}: ${e.text}`)
  }
  return out.join("\n")
}
