import type { GoldSpan } from "../evaluate.ts"
import type { ConvertedDocument } from "./types.ts"

/**
 * MEDDOCAN (Spanish clinical case reports with synthetic personal data,
 * brat standoff: `name.txt` + `name.ann`, lines `T1<TAB>LABEL start end<TAB>text`)
 * → gold spans in `tacha eval` format. The text is used as is.
 *
 * Label mapping (ours ← MEDDOCAN):
 * - PERSONA ← NOMBRE_SUJETO_ASISTENCIA, NOMBRE_PERSONAL_SANITARIO
 * - DIRECCION ← CALLE
 * - LUGAR ← TERRITORIO (towns, provinces, postal codes)
 * - TELEFONO ← NUMERO_TELEFONO, NUMERO_FAX
 * - EMAIL ← CORREO_ELECTRONICO
 * - EDAD ← EDAD_SUJETO_ASISTENCIA
 * Left out: FECHAS (not all personal), PAIS (countries: our policy keeps
 * them visible), SEXO_SUJETO_ASISTENCIA, FAMILIARES_SUJETO_ASISTENCIA
 * (mostly kinship words, "su madre"), HOSPITAL, INSTITUCION, CENTRO_SALUD,
 * PROFESION, OTROS_SUJETO_ASISTENCIA, and the ID_* numbers (patient record,
 * insurance, professional licence, contact, employment): none of them is an
 * identifier type of ours (DNI, CUIT, pasaporte…). A redaction of one of
 * them (a rule that reads a licence number as a DNI) has no gold span, so it
 * counts as a false positive.
 */
export const MEDDOCAN_LABELS: Readonly<Record<string, string>> = {
  NOMBRE_SUJETO_ASISTENCIA: "PERSONA",
  NOMBRE_PERSONAL_SANITARIO: "PERSONA",
  CALLE: "DIRECCION",
  TERRITORIO: "LUGAR",
  NUMERO_TELEFONO: "TELEFONO",
  NUMERO_FAX: "TELEFONO",
  CORREO_ELECTRONICO: "EMAIL",
  EDAD_SUJETO_ASISTENCIA: "EDAD",
}

export const convertMeddocan = (name: string, text: string, ann: string): ConvertedDocument => {
  const spans: GoldSpan[] = []
  for (const line of ann.split(/\r?\n/)) {
    const m = /^T\d+\t(\S+) (\d+) (\d+)\t/.exec(line)
    if (!m) continue
    const label = MEDDOCAN_LABELS[m[1]!]
    if (!label) continue
    const start = Number(m[2])
    const end = Number(m[3])
    if (end <= start || end > text.length) continue
    spans.push({ start, end, label, text: text.slice(start, end) })
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end)
  const file = `${name}.txt`
  return { file, gold: { file, text, spans, keep: [] } }
}
