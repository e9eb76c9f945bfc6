/**
 * Abbreviations rulings write as capitals, dotted or not ("T.S.J.", "TSJ",
 * "C.A."): courts, codes, law reports, company types, agencies. They look
 * like a person's initials ("F.E.A.") but never stand for a person. Letters
 * only, upper case: "T.S.J." and "TSJ" are both "TSJ". A public, closed list
 * of how Argentine rulings abbreviate; two-letter entries are only trusted
 * where the caller also checks the context (see their users).
 */
export const LEGAL_ABBREVIATIONS: ReadonlySet<string> = new Set(
  `DNI CABA CSJN CPP CPPN CPPCABA CCABA CCAF EEUU PFA SRL SAIC SACI SAICA SAICF SACIF SAIYC UFI UFIJ IPP MPF CUIJ ONU OEA CIDH CEDAW CTA AFIP ANSES RENAPER INADI SENAF CDN DCP PBA OVD JPCYF
  CUIL CUIT CUD CPA CPN CPCCN CCYC CCC CNCCC TSJ RNR RNPI PNA PSA GNA UBA ART DGN DGT EE UU SS VS VE CP CC DE UF PB SA SH SE PE PJ MP FN RN NN IN CN AN LL OC DT CA PD CF CS
  TO AC SC RA BO LC LE CI PP PS OK HS EU UE SAU SAS SCA SGR UTE
  SCBA SCJBA STJ TSJBA CSJ CNCIV CNCOM CNTRAB CNFED CNCP CFCP CNCRIM CNCRIMYCORREC CNACCF CAPCYF CNAT TOC TOF TOM JNPI JNPIC CPCC CPC CPCYC CPCCBA CPPBA LCT LCQ LDC CCCN CCYCN CCIV CCOM CPEN
  IVA NA JA ED DJ RCYS RDCO LLC LLNOA SAC PVE MPA AI ARBA DGR API IOSFA PAMI OSDE ANMAT ENARGAS ENRE BCRA CNV UIF INTA INTI SENASA AGIP ANAC
  SPF SPB CPACF CASI CALP CPPF CPF CPAF PFA PSA PCYF UFEM DOVIC OFAVI CIJ CCCF CFP TOCC TOCF JNCC JNCCF CNCC CFCP RNRE DNRPA SIFCOP LPP
  LS LTC LOMPF LOPJ LPU OFAVYT CD RSD`.split(/\s+/),
)

/** The abbreviation's letters ("T.S.J." → "TSJ"), or undefined when the token is not written in capitals. */
const letters = (token: string): string | undefined => {
  const bare = token.trim().replace(/[.\s]/g, "")
  return /^\p{Lu}{2,14}$/u.test(bare) ? bare : undefined
}

export const isLegalAbbreviation = (token: string): boolean => {
  const l = letters(token)
  return l !== undefined && LEGAL_ABBREVIATIONS.has(l)
}

/**
 * The letters of the tight dotted run of capitals ("D.N.I." → "DNI") that
 * [start, end) of `text` lies in, or "" when it lies in none (two letters
 * at least, no blanks).
 */
export const dottedRunAround = (text: string, start: number, end: number): string => {
  const before = /(?:\p{Lu}\.)*$/u.exec(text.slice(Math.max(0, start - 12), start))![0]
  const after = /^\.?(?:\p{Lu}\.?)*/u.exec(text.slice(end, end + 12))![0]
  const run = before + text.slice(start, end) + after
  return /^(?:\p{Lu}\.){2,}\p{Lu}?\.?$/u.test(run) ? run.replace(/\./gu, "") : ""
}
