import type { Span } from "../../domain/Span.ts"
import type { Detector } from "../Detector.ts"
import { escapeRegex, fold, foldKeepingOffsets } from "../fold.ts"

/**
 * Codes after a personal label → IDENTIFICADOR: a criminal record
 * ("Prio. N° 1.234.567", "prontuario", "Prontuario Policial P.F.A. N° …",
 * "legajo del Registro Nacional de Reincidencia N° U-2345678"), a police officer's badge ("placa
 * 45312", "credencial"), a medical record ("historia clínica N°"), a health
 * insurance member number ("afiliado N° 150-334412-07"), a phone's IMEI
 * ("IMEI N° 356938035643809", "IMEI 1: 35-693803-564380-9": it leads to the
 * line and its holder as a plate leads to a car's owner), a police officer's
 * personnel number ("LP 11.204"), a driving licence, a private lawyer's
 * registration with the bar ("T° 98 F° 412 CPACF"), and whatever labels
 * the pipeline adds (`detectors.identifiers`, e.g. "matrícula"). A prisoner's
 * or employee's file is personal too ("legajo N° 44.871 del Servicio
 * Penitenciario Federal", "legajo personal"); a bare "legajo" is a case file
 * (EXPEDIENTE), not this.
 *
 * Labels are matched without regard to case or accents; the code is what
 * follows "N°", "Nro.", "número" or ":" — letters, digits, dots, dashes and
 * slashes with at least three digits.
 */

export const DEFAULT_IDENTIFIER_LABELS: readonly string[] = [
  "prontuario", "prio.", "pront.", "legajo personal", "legajo penitenciario",
  // A prisoner's personal file in the prison service ("L.P.P. nº 402.118": legajo personal penitenciario).
  "l.p.p.", "legajo personal penitenciario",
  // The federal prison service's single personal file ("Legajo Personal Único (LPU) N° 312.455", "LPU N° …").
  "legajo personal unico", "lpu",
  "placa", "credencial", "chapa", "historia clinica", "h.c.", "hc",
  "afiliado", "afiliada", "nro. de afiliado", "numero de afiliado", "carnet", "ficha", "imei",
  // A record's registry ("Prontuario Policial R.H. N°"), the national registry of criminal records' file.
  "prontuario policial", "r.h.", "registro nacional de reincidencia", "reincidencia",
  "licencia de conducir", "licencia de conductor", "registro de conducir",
  // Devices a court hands a party (an ankle monitor, the victim's alert button) and an insured person's policy.
  "tobillera", "tobillera electronica", "dispositivo", "dispositivo de alerta", "boton antipanico", "poliza",
]

/** The label as a folded-text pattern: spaces flexible, dots optional. */
const labelPattern = (label: string): string =>
  fold(label).split(" ").map((word) => escapeRegex(word).replace(/\\\./g, String.raw`\.?`)).join(String.raw`\s*`)

/** A dual-SIM phone's slot between the label and its code: "IMEI 1: …", "IMEI 2: …" (a colon follows, or it is the code's first digit). */
const SLOT = String.raw`(?:\s+[12](?=\s*:))?`
/**
 * Between the label and its number: the force or body that keeps the record, in initials ("Prontuario Policial
 * P.F.A. N° …"), or the label's own short name in brackets ("Legajo Personal Único (LPU) N° …").
 */
const KEEPER = String.raw`(?:\s+(?:(?:\p{L}\.){2,5}|\(\p{L}{2,6}\))(?=\s*(?:n\s?[°º.o]|numero|nro|num)))?`
const NUMBER_WORD = String.raw`(?:\s*(?:n\s?[°º.o]|numero|nro\.?|num\.?)\s*)?\s*:?\s*`
/** Letters (0-3), then digits with dots, dashes or slashes; a code ends on a letter or digit. */
const CODE = String.raw`(?<v>[a-z]{0,3}[\s-]?\d(?:[\d./-]*\d)?(?:[/-]?[a-z]{1,3}(?![\p{L}]))?)`
/** A personal file: the code followed by the prison service or the police force that keeps it. */
const PERSONAL_FILE = new RegExp(
  String.raw`(?<![\p{L}])legajo${NUMBER_WORD}${CODE}(?=\s*(?:,\s*)?(?:del|de\s+la)\s+(?:servicio\s+penitenciario|s\.?\s?p\.?\s?[fb]\b|policia|unidad\s+penitenciaria))`,
  "gu",
)

/**
 * A police officer's personnel number after the officer's name: "el Cabo Morales, LP 11.204", "(L.P. 4521)".
 * Only there: "de la LP 9459", "art. 8, Lp. 10.555" are provincial laws (Córdoba's "Ley Provincial").
 */
const POLICE_NUMBER = /(?<=\p{L}{3}[ \t]*[,(][ \t]*)l\.?\s?p\.?\s*(?:n\s?[°º.o]\s*)?(?<v>\d{1,3}(?:\.?\d{3})*)(?![\d\p{L}])/gu

/** A lawyer's registration: volume and page of the bar's register, "(T° 98 F° 412 CPACF)", "Tº 45, Fº 112 del C.P.A.C.F.". */
const BAR_REGISTRATION = /(?<![\p{L}])(?<v>t\s?[°º]\s*\d{1,4}\s*,?\s*f\s?[°º]\s*\d{1,4})(?=\s*,?\s*(?:del?\s+)?(?:c\.?\s?p\.?\s?a\.?\s?c\.?\s?f|c\.?\s?a\.?\s?s\.?\s?i|c\.?\s?a\.?\s?l\.?\s?p|colegio\s+(?:publico\s+)?de\s+(?:la\s+)?abogad))/gu

const digits = (code: string): number => code.replace(/\D/g, "").length

export const identifier = (labels: readonly string[] = DEFAULT_IDENTIFIER_LABELS): Detector => {
  const cues = new RegExp(
    String.raw`(?<![\p{L}])(?:${[...labels].sort((a, b) => b.length - a.length).map(labelPattern).join("|")})(?![\p{L}])${KEEPER}${SLOT}${NUMBER_WORD}${CODE}`,
    "gu",
  )
  return {
    name: "rules/identifier",
    labels: ["IDENTIFICADOR"],
    detect: (text) => {
      const folded = foldKeepingOffsets(text)
      const out: Span[] = []
      for (const [re, evidence] of [[cues, "label"], [PERSONAL_FILE, "personal-file"], [POLICE_NUMBER, "police-number"], [BAR_REGISTRATION, "bar-registration"]] as const) {
        re.lastIndex = 0
        for (const m of folded.matchAll(re)) {
          const raw = m.groups!["v"]!.replace(/[./-]+$/, "")
          if (digits(raw) < 3) continue
          // "placa de video 2019", "ficha 12/03/2020": a date is not a code.
          if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(raw)) continue
          const start = m.index + m[0].length - m.groups!["v"]!.length + (m.groups!["v"]!.length - m.groups!["v"]!.trimStart().length)
          const value = raw.trimStart()
          out.push({ start, end: start + value.length, label: "IDENTIFICADOR", score: 0.9, detector: "rules/identifier", evidence })
        }
      }
      return out
    },
  }
}
