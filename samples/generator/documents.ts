/** Ruling templates: head, VISTOS / RESULTA / CONSIDERANDO / RESUELVO, hearing records, signatures. */
import { K, P, seg, type Seg, TextBuilder } from "./builder.ts"
import { BANKS, CAR_MAKES, CASE_LAW, CONTRAV_PENALTIES, CONVENTIONS, CRIMES, DOCTRINE, MOTO_MAKES, PENALTIES, SCHOOLS, WORKPLACES, money, numberWords, type Crime } from "./content.ts"
import type { Gazetteers } from "./data.ts"
import { companyCuit, dotted, formatCuit, formatDni, makeBankAccount, makeCbu, makeCuij, makeEvidenceFile, makeIp, makePassport, makePhone, makePlate } from "./ids.ts"
import { address, age, art, daysBefore, firstMention, formatDate, intersection, iso, laterMention, longDate, makeOfficial, makePerson, MONTHS, name, official, officialT, randomDate, sr, type Official, type Person, type SimpleDate } from "./people.ts"
import type { Rng } from "./prng.ts"

export const RULING_TYPES = [
  "sentencia-condenatoria",
  "sentencia-absolutoria",
  "acta-audiencia",
  "medida-proteccion",
  "embargo",
  "sobreseimiento",
  "suspension-juicio-prueba",
  "allanamiento",
  "prision-preventiva",
] as const
export type RulingType = (typeof RULING_TYPES)[number]

export interface Ctx {
  readonly rng: Rng
  readonly gz: Gazetteers
  readonly b: TextBuilder
  readonly type: RulingType
  readonly date: SimpleDate
  readonly factDate: SimpleDate
  readonly courtNumber: number
  readonly secretaria: number
  readonly court: string
  readonly judge: Official
  readonly secretary: Official
  readonly fiscal: Official
  readonly fiscalia: number
  readonly defensor: Official
  readonly defensoria: number
  readonly privateLawyer?: Person
  readonly imp: Person
  readonly vic: Person
  readonly witnesses: Person[]
  readonly children: Person[]
  readonly crime: Crime
  readonly cuij: string
  readonly causa: string
  readonly caseNumbers: string[]
  readonly penalty: string
  captionText: string
  fileCounter: number
}

const pick = <T,>(c: Ctx, xs: readonly T[]): T => c.rng.pick(xs)

export const makeCtx = (rng: Rng, gz: Gazetteers, type: RulingType): Ctx => {
  const date = randomDate(rng, 2019, 2025)
  const factDate = daysBefore(date, rng.int(20, 500))
  const crime = type === "medida-proteccion" ? pick({ rng } as Ctx, CRIMES.filter((c) => c.vg)) : rng.pick(CRIMES)
  const imp = makePerson(rng, gz, date.y, { gender: crime.vg ? (rng.chance(0.9) ? "M" : "F") : undefined })
  const vic = makePerson(rng, gz, date.y, { gender: crime.vg ? (imp.gender === "M" ? "F" : "M") : undefined })
  const nChildren = crime.vg || crime.kind === "alimentos" ? rng.int(1, 3) : rng.chance(0.15) ? 1 : 0
  const children = Array.from({ length: nChildren }, () => makePerson(rng, gz, date.y, { minAge: 1, maxAge: 16, surnames: rng.chance(0.7) ? [imp.surnames[0] as string, vic.surnames[0] as string] : imp.surnames }))
  const witnesses = Array.from({ length: rng.int(1, 3) }, () => makePerson(rng, gz, date.y))
  const courtNumber = rng.int(1, 31)
  const secretaria = rng.int(1, 31)
  const cuij = makeCuij(rng, daysBefore(factDate, -3).y)
  const causa = `${rng.int(1000, 99999)}/${factDate.y}`
  const caseNumbers = [cuij, causa]
  return {
    rng, gz, b: new TextBuilder(), type, date, factDate, courtNumber, secretaria,
    court: `Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° ${courtNumber}`,
    judge: makeOfficial(rng, gz), secretary: makeOfficial(rng, gz), fiscal: makeOfficial(rng, gz), fiscalia: rng.int(1, 40),
    defensor: makeOfficial(rng, gz), defensoria: rng.int(1, 24),
    ...(rng.chance(0.35) ? { privateLawyer: makePerson(rng, gz, date.y, { minAge: 30 }) } : {}),
    imp, vic, witnesses, children, crime, cuij, causa, caseNumbers, captionText: "", fileCounter: 1,
    penalty: rng.pick(crime.contravencion ? CONTRAV_PENALTIES : PENALTIES),
  }
}

// ---------------------------------------------------------------- pieces

const tribunal = (c: Ctx): Seg => K(c.rng.chance(0.7) ? c.court : c.court.toUpperCase(), "TRIBUNAL")
const norma = (s: string): Seg => K(s, "NORMA")
const cita = (s: string): Seg => K(s, "CITA")
const monto = (s: string): Seg => K(s, "MONTO")
const judgeWord = (o: Official): string => (o.gender === "F" ? "Jueza" : "Juez")
const secWord = (o: Official): string => (o.gender === "F" ? "Secretaria" : "Secretario")
const fiscalWord = (o: Official): string => (o.gender === "F" ? "Fiscal" : "Fiscal")
const defWord = (o: Official): string => (o.gender === "F" ? "Defensora Oficial" : "Defensor Oficial")
const elLa = (o: Official | Person): string => (o.gender === "F" ? "la" : "el")

/** "34 años de edad": the whole phrase is the EDAD span (as detectors usually mark it). */
const ageEdad = (p: Person): Seg => P(`${p.age} años de edad`, "EDAD")

const dni = (c: Ctx, p: Person): Seg => [pick(c, ["DNI N° ", "D.N.I. ", "DNI ", "DNI nro. ", "documento nacional de identidad N° "]), P(formatDni(c.rng, p.dni), "DNI")]
const cuil = (c: Ctx, p: Person): Seg => [pick(c, ["CUIL N° ", "C.U.I.L. ", "CUIT ", "CUIL "]), P(formatCuit(c.rng, p.cuit), "CUIT_CUIL")]
const phone = (c: Ctx, p: Person): Seg => P(p.phone, "TELEFONO")
const nextFile = (c: Ctx): Seg => P(makeEvidenceFile(c.rng, c.fileCounter++), "ARCHIVO")
const caseNo = (s: string): Seg => P(s, "EXPEDIENTE")

const birthData = (c: Ctx, p: Person): Seg => {
  const born = art(p, "nacido", "nacida")
  const place: Seg = p.birthplace.province && p.birthplace.province !== p.birthplace.name
    ? [P(p.birthplace.name, "LUGAR"), pick(c, [", provincia de ", ", ", " ("]), P(p.birthplace.province, "LUGAR")]
    : P(p.birthplace.name, "LUGAR")
  const tail = JSON.stringify(place).includes('" ("') ? ")" : ""
  return c.rng.pick([
    seg`${born} el ${P(formatDate(c.rng, p.birth), "FECHA_PERSONAL")} en ${place}${tail}`,
    seg`${born} en ${place}${tail} el día ${P(formatDate(c.rng, p.birth), "FECHA_PERSONAL")}`,
    seg`de ${ageEdad(p)}, ${born} el ${P(formatDate(c.rng, p.birth), "FECHA_PERSONAL")}`,
    seg`${born} el ${P(formatDate(c.rng, p.birth), "FECHA_PERSONAL")} en ${place}${tail}, de ${ageEdad(p)}`,
  ])
}

/** "Juan Pérez, argentino, DNI ..., nacido el ... en ..., con domicilio en ..." */
const personalData = (c: Ctx, p: Person, opts: { mention?: Seg; full?: boolean } = {}): Seg => {
  const parts: Seg[] = [opts.mention ?? firstMention(c.rng, p), ", "]
  const items: Seg[] = []
  items.push(p.nationality)
  const foreignPassport = p.nationality !== "argentino" && p.nationality !== "argentina" && c.rng.chance(0.5)
  items.push(foreignPassport ? seg`pasaporte N° ${P(makePassport(c.rng), "PASAPORTE")}` : dni(c, p))
  if (opts.full !== false) {
    items.push(birthData(c, p))
    if (c.rng.chance(0.5)) items.push(seg`de estado civil ${pick(c, [art(p, "soltero", "soltera"), art(p, "casado", "casada"), art(p, "divorciado", "divorciada")])}`)
    if (c.rng.chance(0.6)) items.push(seg`de ocupación ${p.occupation}`)
    if (c.rng.chance(0.4)) items.push(cuil(c, p))
    if (c.rng.chance(0.35)) {
      const father = makePerson(c.rng, c.gz, c.date.y, { gender: "M", surnames: p.surnames, minAge: 45 })
      const mother = makePerson(c.rng, c.gz, c.date.y, { gender: "F", minAge: 45 })
      items.push(seg`hij${art(p, "o", "a")} de ${name.full(father)} y de ${name.full(mother)}`)
    }
  }
  items.push(seg`con domicilio ${pick(c, ["real ", "", "constituido "])}en ${address(c.rng, p.address)}`)
  if (c.rng.chance(0.5)) items.push(seg`teléfono ${phone(c, p)}`)
  if (c.rng.chance(0.3)) items.push(seg`correo electrónico ${P(p.email, "EMAIL")}`)
  items.forEach((it, i) => parts.push(it, i < items.length - 1 ? ", " : ""))
  return parts
}

const childMention = (c: Ctx, ch: Person): Seg =>
  c.rng.pick([
    seg`${art(ch, "el niño", "la niña")} ${name.initials(ch)}, de ${ageEdad(ch)}`,
    seg`${art(ch, "su hijo", "su hija")} ${name.full(ch)} (${age(ch)})`,
    seg`${art(ch, "el menor", "la menor")} ${name.given(ch)}, de ${age(ch)}`,
    seg`${art(ch, "el niño", "la niña")} ${name.initialsSpaced(ch)}, ${art(ch, "nacido", "nacida")} el ${P(formatDate(c.rng, ch.birth), "FECHA_PERSONAL")}`,
  ])

const childrenList = (c: Ctx): Seg => {
  const out: Seg[] = []
  c.children.forEach((ch, i) => out.push(i === 0 ? "" : i === c.children.length - 1 ? " y " : ", ", childMention(c, ch)))
  return out
}

const officer = (c: Ctx, prep: "a" | "por"): Seg => {
  const p = makePerson(c.rng, c.gz, c.date.y, { minAge: 24, maxAge: 55 })
  const head = prep === "a" ? art(p, "al Oficial", "a la Oficial") : art(p, "por el Oficial", "por la Oficial")
  return seg`${head} ${pick(c, ["", "Inspector ", "Mayor ", "Primero "])}${c.rng.chance(0.5) ? name.full(p) : name.givenCapsSurname(p)}`
}

const factTime = (c: Ctx): string => `${c.rng.int(0, 23)}:${pick(c, ["00", "15", "30", "45", "10"])}`

// ---------------------------------------------------------------- head

const head = (c: Ctx): void => {
  const { b, rng } = c
  if (rng.chance(0.5)) b.add(pick(c, ["PODER JUDICIAL DE LA CIUDAD AUTÓNOMA DE BUENOS AIRES\n", "Poder Judicial de la Ciudad de Buenos Aires\n"]))
  b.w`${tribunal(c)}\n`
  b.w`${K(pick(c, [`SECRETARÍA N° ${c.secretaria}`, `Secretaría N° ${c.secretaria}`, `Secretaría única`]), "TRIBUNAL")}\n`
  const impCaption = rng.pick([name.capsLastFirst, name.capsLastFirst, name.lastFirst, name.allCaps])(c.imp)
  const caption: Seg = rng.pick([
    seg`${impCaption} s/ infr. ${norma(c.crime.norma)}`,
    seg`${impCaption} s/ ${c.crime.nombre}`,
    seg`Legajo de juicio en autos “${impCaption} s/ ${norma(c.crime.norma)} - ${c.crime.nombre}”`,
    seg`Incidente de ${c.type === "embargo" ? "embargo" : "medidas cautelares"} en autos ${impCaption} s/ infr. ${norma(c.crime.norma)}`,
  ])
  const before = b.offset
  const quoted = JSON.stringify(caption).includes("“")
  b.w`${pick(c, ["Causa N° ", "Expte. N° ", "Legajo N° ", "Caso N° "])}${caseNo(c.causa)} - ${quoted ? caption : seg`“${caption}”`}\n`
  c.captionText = b.text().slice(before).trim()
  b.w`CUIJ: ${caseNo(c.cuij)}\n`
  if (rng.chance(0.4)) {
    const ipp = `${rng.pick(["IPP N° ", "MPF N° ", "Legajo MPF "])}`
    const num = rng.pick([`${rng.int(10000, 999999)}/${c.factDate.y}`, `MPF${rng.digits(8)}`])
    c.caseNumbers.push(num)
    b.w`${ipp}${caseNo(num)}\n`
  }
  b.add("\n")
  if (c.type !== "acta-audiencia") b.w`${pick(c, ["Buenos Aires, ", "Ciudad Autónoma de Buenos Aires, ", "Buenos Aires, "])}${K(rng.chance(0.8) ? longDate(c.date) : `${c.date.d} de ${MONTHS[c.date.m - 1]} de ${c.date.y}`, "FECHA_RESOLUCION")}.\n\n`
}

// ---------------------------------------------------------------- facts

const facts = (c: Ctx): Seg => {
  const { rng, imp, vic } = c
  const fd = formatDate(rng, c.factDate)
  const where = rng.chance(0.6) ? seg`en el domicilio sito en ${address(rng, vic.address)}` : seg`en la intersección de ${intersection(rng, c.gz)}`
  const victim = firstMention(rng, vic)
  const impM = laterMention(rng, imp)
  switch (c.crime.kind) {
    case "amenazas":
    case "hostigamiento":
      return rng.pick([
        seg`el día ${fd}, aproximadamente a las ${factTime(c)} horas, ${where}, ${impM} amenazó a su ex pareja ${victim} diciéndole “te voy a matar, no vas a ver más a los chicos”, mientras golpeaba la puerta de ingreso`,
        seg`entre el ${fd} y el día de la denuncia, ${impM} envió a ${victim} reiterados mensajes intimidatorios desde el abonado ${P(imp.phone, "TELEFONO")}, con frases como “te voy a prender fuego la casa”`,
        seg`el ${fd}, ${where}, ${impM} intimidó a ${victim}, con quien mantuvo una relación de pareja durante ${rng.int(2, 15)} años, exhibiéndole un cuchillo y refiriéndole “si me denunciás sos boleta”`,
      ])
    case "lesiones":
      return rng.pick([
        seg`el ${fd}, alrededor de las ${factTime(c)} horas, ${where}, ${impM} tomó del cuello a ${victim} y le propinó golpes de puño en el rostro, ocasionándole lesiones de carácter leve constatadas por el médico legista`,
        seg`el día ${fd} ${impM} empujó a ${victim} contra la pared ${where}, provocándole un hematoma en el brazo izquierdo que demandó un tiempo de curación menor a un mes`,
      ])
    case "danio":
      return seg`el ${fd}, ${where}, ${impM} rompió a patadas el vidrio del ${pick(c, CAR_MAKES)} dominio ${P(makePlate(rng), "PATENTE")}, propiedad de ${victim}`
    case "usurpacion":
      return seg`desde el ${fd}, ${impM} ocupa, mediante clandestinidad, el inmueble sito en ${address(rng, vic.address)}, cuya titularidad corresponde a ${victim}, habiendo cambiado la cerradura de ingreso`
    case "armas":
      return seg`el ${fd}, en el marco del allanamiento practicado en ${address(rng, imp.address)}, se halló en poder de ${impM} un revólver calibre .38 marca Taurus, numeración ${rng.digits(6)}, sin contar con la autorización legal correspondiente`
    case "alimentos":
      return seg`desde el mes de ${MONTHS[c.factDate.m - 1] as string} de ${c.factDate.y}, ${impM} se ha sustraído de prestar los medios indispensables para la subsistencia de sus hijos (${childrenList(c)}), pese a los reclamos de ${victim}, y no ha depositado la cuota alimentaria en la ${pick(c, ["caja de ahorro", "cuenta"])} N° ${P(makeBankAccount(rng), "CUENTA_BANCARIA")} (CBU ${P(makeCbu(rng, pick(c, c.gz.bankCodes)), "CBU")}) del ${pick(c, BANKS)}`
    case "resistencia":
      return seg`el ${fd}, ${where}, ${impM} se resistió a la detención dispuesta por personal de la Policía de la Ciudad, propinando golpes de puño ${officer(c, "a")}`
    case "drogas":
      return seg`el ${fd}, ${where}, ${impM} tenía en su poder ${rng.int(5, 60)} envoltorios de nylon con clorhidrato de cocaína y la suma de ${monto(money(rng, 5000, 90000))}, circunstancias que permiten inferir su destino de comercialización`
    case "ebriedad":
      return seg`el ${fd}, a las ${factTime(c)} horas, ${impM} conducía el ${pick(c, rng.chance(0.5) ? MOTO_MAKES : CAR_MAKES)} dominio ${P(makePlate(rng), "PATENTE")} por ${intersection(rng, c.gz)} con una graduación alcohólica de ${rng.int(6, 25) / 10} g/l`
    case "informatico":
      return seg`el ${fd}, ${impM} ingresó sin autorización a la cuenta de Instagram ${P("@" + vic.handle, "USUARIO_RED")} perteneciente a ${victim}, desde la dirección IP ${P(makeIp(rng), "IP")}, y publicó fotografías íntimas de aquella`
  }
}

// ---------------------------------------------------------------- evidence

const evidenceItems = (c: Ctx): Seg[] => {
  const { rng, imp, vic } = c
  const items: Seg[] = [
    seg`la denuncia formulada por ${laterMention(rng, vic)} ante la ${pick(c, ["Oficina de Violencia Doméstica de la CSJN", "Comisaría Vecinal 4-A", "Unidad de Orientación y Denuncia", "Oficina Central Receptora de Denuncias"])}`,
    seg`las capturas de pantalla de los mensajes de WhatsApp enviados desde el abonado ${P(imp.phone, "TELEFONO")} al teléfono ${P(vic.phone, "TELEFONO")} (archivos ${nextFile(c)} y ${nextFile(c)})`,
    seg`el informe de la empresa ${pick(c, ["Telecom Argentina S.A.", "Telefónica Móviles Argentina S.A.", "AMX Argentina S.A."])} que da cuenta de que el abonado ${P(makePhone(rng), "TELEFONO")} se encuentra registrado a nombre de ${name.full(imp)}`,
    seg`el perfil de Facebook ${P(`https://www.facebook.com/${imp.handle}`, "URL")} y la cuenta de Instagram ${P("@" + imp.handle, "USUARIO_RED")}, desde la cual se enviaron mensajes a ${P("@" + vic.handle, "USUARIO_RED")}`,
    seg`el informe de Meta Platforms Inc. según el cual la cuenta asociada al correo ${P(imp.email, "EMAIL")} registró inicios de sesión desde la IP ${P(makeIp(rng), "IP")}`,
    seg`las fotografías de las lesiones (${nextFile(c)}, ${nextFile(c)}, ${nextFile(c)})`,
    seg`el video ${nextFile(c)} aportado por ${art(vic, "el denunciante", "la denunciante")}, publicado en ${P(`https://www.tiktok.com/@${imp.handle}/video/${rng.digits(19)}`, "URL")}`,
    seg`el informe del Registro Nacional de la Propiedad Automotor sobre el rodado dominio ${P(makePlate(rng), "PATENTE")}`,
    seg`la declaración testimonial de ${firstMention(rng, c.witnesses[0] as Person)}, ${dni(c, c.witnesses[0] as Person)}, vecin${art(c.witnesses[0] as Person, "o", "a")} del lugar`,
    seg`el informe interdisciplinario de riesgo elaborado por la OVD, que calificó la situación como de riesgo ${pick(c, ["alto", "medio", "altísimo", "moderado"])}`,
    seg`la filmación de las cámaras del Centro de Monitoreo Urbano (archivo ${nextFile(c)})`,
    seg`el correo electrónico remitido desde ${P(imp.email, "EMAIL")} a ${P(vic.email, "EMAIL")}`,
  ]
  return rng.shuffle(items).slice(0, rng.int(4, 8))
}

// ---------------------------------------------------------------- sections

const vistos = (c: Ctx): void => {
  const { b, rng } = c
  b.add(pick(c, ["VISTOS:\n", "VISTOS: ", "Y VISTOS:\n", "AUTOS Y VISTOS:\n"]))
  b.para`${pick(c, ["Los presentes autos registrados", "La presente causa registrada", "El legajo registrado"])} bajo el N° ${caseNo(c.causa)} del registro de este ${tribunal(c)}, ${pick(c, ["a fin de resolver", "para resolver", "en los que corresponde expedirse sobre"])} ${typePurpose(c)} respecto de ${personalData(c, c.imp)}.`
  if (rng.chance(0.6)) b.para`Interviene en representación del Ministerio Público Fiscal ${elLa(c.fiscal)} ${fiscalWord(c.fiscal)} ${officialT(c.fiscal)}, titular de la ${K(`Fiscalía PCyF N° ${c.fiscalia}`, "TRIBUNAL")}, y ejerce la defensa ${c.privateLawyer ? seg`${art(c.privateLawyer, "el letrado particular Dr.", "la letrada particular Dra.")} ${name.full(c.privateLawyer)} (${P(`T° ${rng.int(20, 130)} F° ${rng.int(1, 999)}`, "IDENTIFICADOR")} CPACF)` : seg`${elLa(c.defensor)} ${defWord(c.defensor)} ${officialT(c.defensor)}, a cargo de la ${K(`Defensoría PCyF N° ${c.defensoria}`, "TRIBUNAL")}`}.`
}

const typePurpose = (c: Ctx): string =>
  ({
    "sentencia-condenatoria": "la situación procesal en el marco del acuerdo de juicio abreviado",
    "sentencia-absolutoria": "tras la audiencia de debate celebrada",
    "acta-audiencia": "",
    "medida-proteccion": "la solicitud de medidas de protección formulada en los términos de la Ley 26.485",
    embargo: "el pedido de embargo preventivo formulado por la Fiscalía",
    sobreseimiento: "el pedido de sobreseimiento formulado por la defensa",
    "suspension-juicio-prueba": "la solicitud de suspensión del proceso a prueba",
    allanamiento: "el requerimiento de allanamiento formulado por la Fiscalía",
    "prision-preventiva": "el pedido de prisión preventiva formulado por el Ministerio Público Fiscal",
  })[c.type]

const resulta = (c: Ctx): void => {
  const { b, rng } = c
  b.add(pick(c, ["Y RESULTA:\n", "RESULTA:\n", "I. ANTECEDENTES\n"]))
  b.para`${pick(c, ["I. Que", "1°) Que", "I.- Que"])}, ${pick(c, ["conforme surge del requerimiento de juicio", "según la imputación formulada por la Fiscalía", "de acuerdo con la hipótesis acusatoria"])}, ${facts(c)}.`
  b.para`${pick(c, ["II. Que", "2°) Que", "II.- Que"])} ${art(c.vic, "el damnificado", "la damnificada")}, ${personalData(c, c.vic, { mention: name.full(c.vic), full: rng.chance(0.6) })}, ${pick(c, ["relató", "manifestó", "refirió", "expresó"])} que ${vicStory(c)}.`
  const ev = evidenceItems(c)
  const evSeg: Seg[] = []
  ev.forEach((e, i) => evSeg.push(i === 0 ? "" : i === ev.length - 1 ? " y " : "; ", e))
  b.para`${pick(c, ["III. Que", "3°) Que", "III.- Que"])} ${pick(c, ["obran en el legajo los siguientes elementos de prueba:", "la Fiscalía ofreció como prueba", "se incorporaron al legajo"])} ${evSeg}.`
  if (rng.chance(0.6)) {
    const w = c.witnesses[c.witnesses.length - 1] as Person
    b.para`${pick(c, ["IV. Que", "4°) Que", "IV.- Que"])} ${pick(c, ["prestó declaración testimonial", "declaró en calidad de testigo", "compareció como testigo"])} ${personalData(c, w, { mention: firstMention(rng, w), full: rng.chance(0.4) })}, quien expuso que ${pick(c, ["escuchó gritos provenientes del departamento lindero", (c.imp.gender === "F" ? "vio a la imputada" : "vio al imputado") + " salir corriendo del lugar", "acompañó a la víctima a realizar la denuncia", "conoce a las partes desde hace años"])}${rng.chance(0.5) ? seg` y que ${laterMention(rng, c.imp)} ${pick(c, ["solía", "acostumbraba"])} ${pick(c, ["insultar", "amenazar", "controlar el celular de"])} a ${laterMention(rng, c.vic)}` : ""}.`
  }
}

const vicStory = (c: Ctx): Seg => {
  const { rng, imp, vic } = c
  return rng.pick([
    seg`convivió con ${laterMention(rng, imp)} desde el ${P(formatDate(rng, daysBefore(c.factDate, rng.int(800, 4000))), "FECHA_PERSONAL")} hasta la separación, y que de esa unión nacieron ${c.children.length > 0 ? childrenList(c) : "dos hijos"}`,
    seg`desde la separación recibe llamadas al ${P(vic.phone, "TELEFONO")} y mensajes en Instagram desde la cuenta ${P("@" + imp.handle, "USUARIO_RED")}`,
    seg`trabaja en ${pick(c, WORKPLACES)} y que ${laterMention(rng, imp)} la espera a la salida, a la altura de ${intersection(rng, c.gz)}`,
    seg`${laterMention(rng, imp)} se presentó en el barrio de ${P(pick(c, ["Flores", "Constitución", "Villa Lugano", "Barracas", "Mataderos", "Palermo", "Almagro"]), "LUGAR")} donde reside su madre, ${name.full(makePerson(rng, c.gz, c.date.y, { gender: "F", minAge: 50, surnames: vic.surnames }))}, exigiendo verla`,
    seg`tiene miedo por ella y por ${c.children.length > 0 ? childrenList(c) : "su familia"}, que concurren a la ${P(pick(c, SCHOOLS), "LUGAR")}`,
  ])
}

/** Optional paragraphs shared by several ruling types (drawn independently). */
const extraParagraphs = (c: Ctx): void => {
  const { b, rng, imp, vic } = c
  if (c.children.length > 0 && rng.chance(0.6)) {
    const asesor = makeOfficial(rng, c.gz)
    b.para`Tomó intervención la ${K(`Asesoría Tutelar N° ${rng.int(1, 4)}`, "TRIBUNAL")}, a cargo de ${elLa(asesor)} ${asesor.title} ${official(asesor)}, en representación de ${childrenList(c)}, ${pick(c, ["quien no formuló objeciones", "quien solicitó se extremen los recaudos de protección", "quien adhirió a lo solicitado por la Fiscalía"])}.`
  }
  if (rng.chance(0.45)) {
    const psy = makePerson(rng, c.gz, c.date.y, { minAge: 30 })
    b.para`${pick(c, ["Obra en autos", "Se cuenta con", "Se agregó"])} el informe ${art(psy, "del Lic.", "de la Lic.")} en Psicología ${name.full(psy)}, del Cuerpo de Investigaciones Judiciales, quien entrevistó a ${laterMention(rng, vic)} el ${formatDate(rng, daysBefore(c.date, rng.int(5, 60)))} y concluyó que presenta ${pick(c, ["indicadores compatibles con situaciones de violencia sostenida", "un relato coherente y sin fisuras", "sintomatología ansiosa asociada a los hechos"])}.`
  }
  if (rng.chance(0.5)) {
    const partner = makePerson(rng, c.gz, c.date.y, { gender: imp.gender === "M" ? "F" : "M" })
    b.para`Al ejercer su defensa material, ${laterMention(rng, imp)} ${pick(c, ["manifestó", "refirió", "sostuvo"])} que ${pick(c, ["nunca amenazó a nadie", "se trató de una discusión de pareja", "solo quería ver a sus hijos", "no recuerda lo ocurrido porque había bebido"])}. Agregó que actualmente vive con su pareja, ${name.full(partner)}, en el barrio de ${P(pick(c, ["Villa Lugano", "Flores", "Barracas", "Mataderos", "Constitución", "La Boca", "Villa Soldati", "Parque Patricios"]), "LUGAR")}, y que puede ser contactad${art(imp, "o", "a")} al ${P(imp.phone, "TELEFONO")}.`
  }
  if (rng.chance(0.4)) {
    b.para`${pick(c, ["Según el informe del Registro Nacional de Reincidencia", "Conforme surge del certificado de antecedentes"])}, ${laterMention(rng, imp)} ${rng.chance(0.5) ? "no registra antecedentes penales" : seg`registra una condena dictada en la causa N° ${caseNo(`${rng.int(1000, 9999)}/${c.date.y - rng.int(3, 9)}`)} del ${K(`Tribunal Oral en lo Criminal y Correccional N° ${rng.int(1, 30)}`, "TRIBUNAL")}, a la pena de 3 años de prisión en suspenso`}.`
  }
}

const considerando = (c: Ctx): void => {
  const { b, rng } = c
  b.add(pick(c, ["Y CONSIDERANDO:\n", "CONSIDERANDO:\n", "II. FUNDAMENTOS\n"]))
  b.para`${pick(c, ["I.", "1°)", "Primero:"])} ${pick(c, ["Que", "Corresponde señalar que", "Liminarmente, cabe destacar que"])} la conducta atribuida a ${laterMention(rng, c.imp)} encuadra, en principio, en la figura de ${c.crime.nombre} prevista en ${c.crime.norma.startsWith("arts.") ? "los" : c.crime.norma.startsWith("art.") ? "el" : "la"} ${norma(c.crime.norma)}, ${pick(c, ["conforme lo ha sostenido la doctrina", "tal como enseña la doctrina", "según lo señala calificada doctrina"])} (${cita(pick(c, DOCTRINE))}).`
  if (c.crime.vg || rng.chance(0.3)) {
    b.para`${pick(c, ["II.", "2°)", "Segundo:"])} Que el caso debe ser analizado con perspectiva de género, a la luz de la ${norma("Ley 26.485")} de Protección Integral a las Mujeres y de la ${norma(pick(c, CONVENTIONS))}, que obligan al Estado a actuar con la debida diligencia reforzada (${cita(pick(c, CASE_LAW))}).`
  }
  b.para`${pick(c, ["III.", "3°)", "Tercero:"])} Que ${considerandoCore(c)}`
  if (rng.chance(0.5)) b.para`Asimismo, ${pick(c, ["la Corte Suprema ha dicho", "se ha sostenido", "la jurisprudencia tiene dicho"])} que ${pick(c, ["el principio de inocencia exige certeza para condenar", "la suspensión del juicio a prueba no procede en casos de violencia contra la mujer", "el imputado debe ser oído"])} (${cita(pick(c, CASE_LAW))}; ${cita(pick(c, CASE_LAW))}).`
  if (rng.chance(0.5)) b.para`Finalmente, se hace saber a las partes que podrán ${pick(c, ["recurrir la presente dentro del plazo de 10 días", "interponer recurso de apelación en el plazo de tres (3) días", "solicitar su revisión en el plazo de 5 días hábiles"])} (${norma(pick(c, ["art. 279 CPPCABA", "arts. 279 y 280 CPPCABA", "art. 48 de la Ley 12"]))}).`
}

const considerandoCore = (c: Ctx): Seg => {
  const { rng, imp, vic } = c
  const impM = laterMention(rng, imp)
  switch (c.type) {
    case "sentencia-condenatoria":
      return seg`${impM} reconoció su participación en el hecho y prestó conformidad con la pena de ${c.penalty}, acuerdo que resulta ajustado a las pautas de los ${norma("arts. 40 y 41 CP")}, valorando que ${art(imp, "el imputado", "la imputada")} tiene ${age(imp)}, carece de antecedentes y posee trabajo estable.`
    case "sentencia-absolutoria":
      return seg`la prueba producida en el debate no permite alcanzar el grado de certeza requerido; los dichos de ${laterMention(rng, vic)} no encontraron corroboración y ${art(c.witnesses[0] as Person, "el testigo", "la testigo")} ${name.full(c.witnesses[0] as Person)} no presenció el hecho, por lo que rige el ${norma("art. 2 CPPCABA")} (in dubio pro reo).`
    case "medida-proteccion":
      return seg`se encuentran reunidos los requisitos de verosimilitud y peligro en la demora (${norma("art. 26 de la Ley 26.485")}): ${laterMention(rng, vic)} refirió episodios reiterados, el informe de riesgo fue calificado como alto y ${impM} conoce el domicilio de la víctima.`
    case "embargo":
      return seg`a fin de garantizar la eventual reparación del daño y las costas, resulta procedente el embargo preventivo sobre bienes de ${impM} (${norma("art. 192 CPPCABA")}), hasta cubrir la suma de ${monto(money(rng, 50000, 2500000))}.`
    case "sobreseimiento":
      return seg`${art(vic, "el denunciante", "la denunciante")} ${laterMention(rng, vic)} no ratificó la denuncia y no existen otros elementos que permitan sostener la imputación contra ${impM}, por lo que corresponde el sobreseimiento (${norma("art. 195, inc. b, CPPCABA")}).`
    case "suspension-juicio-prueba":
      return seg`${impM} ofreció reparar el daño con la suma de ${monto(money(rng, 10000, 300000))}, la Fiscalía prestó conformidad y no se verifica ninguno de los impedimentos del ${norma("art. 76 bis CP")}; el plazo de prueba se fija en un (1) año.`
    case "allanamiento":
      return seg`existen motivos bastantes para presumir que en el inmueble habitado por ${impM} se encuentran elementos vinculados al hecho (${norma("art. 108 CPPCABA")}), conforme las tareas de inteligencia realizadas ${officer(c, "por")}, LP ${P(String(rng.int(1000, 9999)), "IDENTIFICADOR")}.`
    case "prision-preventiva":
      return seg`se verifican riesgos procesales: ${impM} carece de arraigo, registra una causa anterior (N° ${caseNo(`${rng.int(1000, 60000)}/${c.date.y - rng.int(1, 4)}`)}) y desobedeció la prohibición de acercamiento dispuesta en favor de ${laterMention(rng, vic)} (${norma("arts. 185 y 186 CPPCABA")}).`
    case "acta-audiencia":
      return seg`${impM} fue debidamente asistido.`
  }
}

const resuelvo = (c: Ctx): void => {
  const { b, rng, imp, vic } = c
  b.add(pick(c, ["Por ello, RESUELVO:\n", "Por todo lo expuesto, RESUELVO:\n", "En consecuencia, el Tribunal RESUELVE:\n", "RESUELVO:\n"]))
  const impCaps = rng.pick([name.allCaps, name.capsLastFirst, name.givenCapsSurname])(imp)
  const items: Seg[] = []
  switch (c.type) {
    case "sentencia-condenatoria":
      items.push(seg`CONDENAR a ${impCaps}, ${dni(c, imp)}, de las demás condiciones personales obrantes en autos, a la pena de ${c.penalty}, por ser autor${art(imp, "", "a")} penalmente responsable del delito de ${c.crime.nombre} (${norma(c.crime.norma)}), con costas`)
      items.push(seg`IMPONER a ${laterMention(rng, imp)} por el plazo de dos (2) años las siguientes reglas de conducta (${norma("art. 27 bis CP")}): fijar residencia en ${address(rng, imp.address, false)}; abstenerse de tomar contacto con ${name.full(vic)} por cualquier medio; y realizar un curso sobre ${pick(c, ["masculinidades", "violencia de género", "resolución pacífica de conflictos"])}`)
      break
    case "sentencia-absolutoria":
      items.push(seg`ABSOLVER a ${impCaps}, ${dni(c, imp)}, en orden al hecho por el que fuera acusad${art(imp, "o", "a")}, calificado como ${c.crime.nombre} (${norma(c.crime.norma)}), sin costas`)
      items.push(seg`LEVANTAR las medidas cautelares dispuestas respecto de ${laterMention(rng, imp)}`)
      break
    case "medida-proteccion":
      items.push(seg`ORDENAR la prohibición de acercamiento de ${impCaps}, ${dni(c, imp)}, a ${name.full(vic)}, a su domicilio de ${address(rng, vic.address)} y a su lugar de trabajo, en un radio de ${pick(c, ["200", "300", "500"])} metros, por el plazo de ${pick(c, ["90", "120", "180", "60"])} días (${norma("art. 26, inc. a.1, Ley 26.485")})`)
      items.push(seg`PROHIBIR a ${laterMention(rng, imp)} todo contacto con ${laterMention(rng, vic)} y con ${c.children.length > 0 ? childrenList(c) : "su grupo familiar"}, por vía telefónica (en particular al abonado ${P(vic.phone, "TELEFONO")}), WhatsApp, correo electrónico (${P(vic.email, "EMAIL")}) o redes sociales (${P("@" + vic.handle, "USUARIO_RED")})`)
      items.push(seg`HACER ENTREGA a ${laterMention(rng, vic)} de un dispositivo de alerta (botón antipánico) y notificar a la ${pick(c, ["Comisaría Vecinal 7-B", "Comisaría Vecinal 1-C", "Comisaría Vecinal 12-A"])}, a fin de que realice rondines por el domicilio de ${art(vic, "la víctima", "la víctima")}`)
      break
    case "embargo": {
      const bank = pick(c, BANKS)
      const cbu = makeCbu(rng, pick(c, c.gz.bankCodes), rng.chance(0.25))
      items.push(seg`TRABAR EMBARGO PREVENTIVO sobre los bienes de ${impCaps}, ${cuil(c, imp)}, hasta cubrir la suma de ${monto(money(rng, 50000, 3000000))}`)
      items.push(seg`ORDENAR al ${bank} la retención de los fondos depositados en la ${pick(c, ["caja de ahorro", "cuenta corriente", "cuenta sueldo"])} N° ${P(makeBankAccount(rng), "CUENTA_BANCARIA")}, ${pick(c, ["CBU", "CBU N°", "CVU"])} ${P(cbu, "CBU")}, de titularidad de ${laterMention(rng, imp)}`)
      items.push(seg`LIBRAR oficio a ${pick(c, ["Mercado Pago (Mercadolibre S.R.L.", "Ualá (Bancar Technologies Ltd.", "Naranja X (Tarjeta Naranja S.A.U."])}, CUIT ${P(formatCuit(rng, companyCuit(rng)), "CUIT_CUIL")}) a fin de que informe los saldos de las cuentas vinculadas al ${pick(c, ["CUIL", "DNI"])} de ${laterMention(rng, imp)}`)
      if (rng.chance(0.5)) items.push(seg`TRABAR EMBARGO sobre el automotor dominio ${P(makePlate(rng), "PATENTE")}, ${pick(c, CAR_MAKES)}, inscripto a nombre de ${laterMention(rng, imp)}`)
      break
    }
    case "sobreseimiento":
      items.push(seg`SOBRESEER a ${impCaps}, ${dni(c, imp)}, en orden al hecho investigado en el presente legajo, calificado como ${c.crime.nombre} (${norma(c.crime.norma)}), dejando constancia de que la formación del proceso no afecta el buen nombre y honor de que hubiere gozado`)
      break
    case "suspension-juicio-prueba":
      items.push(seg`SUSPENDER EL PROCESO A PRUEBA respecto de ${impCaps}, ${dni(c, imp)}, por el término de un (1) año (${norma("art. 76 bis CP")} y ${norma("art. 205 CPPCABA")})`)
      items.push(seg`IMPONER como reglas de conducta: fijar residencia en ${address(rng, imp.address, false)}; realizar ${pick(c, ["48", "60", "96", "120"])} horas de tareas comunitarias en ${pick(c, ["el comedor comunitario “Los Pibitos”", "la Parroquia Santa Cruz", "Cáritas Argentina", "el Hospital Garrahan"])}; y abonar ${monto(money(rng, 5000, 200000))} a ${art(vic, "el damnificado", "la damnificada")} mediante transferencia al ${pick(c, ["CBU", "CVU"])} ${P(makeCbu(rng, pick(c, c.gz.bankCodes)), "CBU")}`)
      break
    case "allanamiento": {
      const target = rng.chance(0.5) ? imp.address : { ...imp.address, kind: "villa" as const, villa: pick(c, ["Villa 31", "Villa 1-11-14", "Barrio Padre Carlos Mugica", "Villa 21-24"]), manzana: rng.int(1, 120), casa: rng.int(1, 50) }
      items.push(seg`ORDENAR EL ALLANAMIENTO del inmueble sito en ${address(rng, target)}, habitado por ${impCaps}${imp.alias ? seg` (alias “${P(imp.alias, "PERSONA")}”)` : ""}, a realizarse entre las ${pick(c, ["6:00", "7:00", "8:00"])} y las 20:00 horas por personal de la División ${pick(c, ["Investigaciones Comunales 4", "Delitos Complejos", "Violencia Familiar"])} de la Policía de la Ciudad`)
      items.push(seg`DISPONER el secuestro de teléfonos celulares, en particular el equipo vinculado al abonado ${P(imp.phone, "TELEFONO")} (IMEI ${P(rng.digits(15), "IDENTIFICADOR")}), computadoras, armas y del rodado ${pick(c, MOTO_MAKES)} dominio ${P(makePlate(rng), "PATENTE")}`)
      items.push(seg`AUTORIZAR la extracción de la información contenida en la cuenta ${P(imp.email, "EMAIL")} y en el perfil ${P(`https://www.instagram.com/${imp.handle}/`, "URL")}`)
      break
    }
    case "prision-preventiva":
      items.push(seg`DICTAR LA PRISIÓN PREVENTIVA de ${impCaps}, ${dni(c, imp)}, ${pick(c, ["alias", "apodado"])} “${P(imp.alias ?? "el Chino", "PERSONA")}”, en orden al delito de ${c.crime.nombre} (${norma(c.crime.norma)})`)
      items.push(seg`MANTENER su alojamiento en el ${pick(c, ["Complejo Penitenciario Federal de la CABA", "Complejo Penitenciario Federal I de Ezeiza", "Centro de Contraventores"])} y hacer saber que el plazo de 10 días para recurrir comenzará a correr desde la notificación`)
      break
    case "acta-audiencia":
      break
  }
  items.push(
    rng.chance(0.5)
      ? seg`${pick(c, ["Regístrese, notifíquese", "Notifíquese"])} a ${laterMention(rng, vic)} por intermedio de la ${pick(c, ["Oficina de Asistencia a la Víctima y al Testigo (OFAVyT)", "Dirección de Acompañamiento a la Víctima"])} y, oportunamente, archívese`
      : seg`${pick(c, ["Regístrese, notifíquese a las partes", "Regístrese, notifíquese, comuníquese", "Notifíquese"])} y, oportunamente, archívese`,
  )
  const romans = ["I", "II", "III", "IV", "V", "VI", "VII"]
  items.forEach((it, i) => b.para`${romans[i] as string}. ${it}.`)
}

const signatures = (c: Ctx): void => {
  const { b, rng } = c
  if (rng.chance(0.5)) {
    b.w`Fdo.: ${officialT(c.judge)} – ${judgeWord(c.judge)}\n`
    b.w`Ante mí: ${officialT(c.secretary)} – ${secWord(c.secretary)}\n`
  } else {
    b.w`${official(c.judge, true)}\n${judgeWord(c.judge).toUpperCase()}\n\n`
    b.w`${official(c.secretary, true)}\n${secWord(c.secretary).toUpperCase()}\n`
  }
}

// ---------------------------------------------------------------- hearing record

const acta = (c: Ctx): void => {
  const { b, rng, imp, vic } = c
  const startHour = rng.int(9, 15)
  const timeStart = `${startHour}:${pick(c, ["00", "15", "30", "45"])}`
  b.para`${pick(c, ["ACTA DE AUDIENCIA", "ACTA DE AUDIENCIA DE JUICIO ABREVIADO", "AUDIENCIA (art. 173 CPPCABA)", "ACTA – AUDIENCIA DE MEDIDAS CAUTELARES"])}`
  b.para`En la Ciudad Autónoma de Buenos Aires, a los ${K(`${c.date.d} días del mes de ${MONTHS[c.date.m - 1]} de ${c.date.y}`, "FECHA_RESOLUCION")}, siendo las ${timeStart} horas, se constituye en la Sala de Audiencias del ${tribunal(c)}, ${elLa(c.judge)} ${judgeWord(c.judge)} ${officialT(c.judge)}, junto ${c.secretary.gender === "F" ? "a la Secretaria" : "al Secretario"} ${officialT(c.secretary)}, a fin de celebrar la audiencia fijada en la presente causa. Comparecen: ${elLa(c.fiscal)} ${fiscalWord(c.fiscal)} ${officialT(c.fiscal)}; ${elLa(c.defensor)} ${defWord(c.defensor)} ${officialT(c.defensor)}; ${art(imp, "el imputado", "la imputada")} ${personalData(c, imp, { full: rng.chance(0.5) })}; y ${art(vic, "el denunciante", "la denunciante")} ${name.full(vic)}, ${dni(c, vic)}${rng.chance(0.4) ? seg`, acompañad${art(vic, "o", "a")} por ${art(c.witnesses[0]!, "su hermano", "su hermana")} ${name.full(c.witnesses[0]!)}` : ""}.`
  b.para`Abierto el acto, ${elLa(c.judge)} ${judgeWord(c.judge)} explica ${art(imp, "al imputado", "a la imputada")} el motivo de la audiencia. Concedida la palabra a la Fiscalía, ${elLa(c.fiscal)} Dr${c.fiscal.gender === "F" ? "a" : ""}. ${K(c.fiscal.name.split(" ").slice(-1)[0] as string, "FUNCIONARIO")} describe el hecho: ${facts(c)}. Solicita ${pick(c, ["se imponga la pena de " + pick(c, PENALTIES), "se disponga la prohibición de acercamiento por el plazo de 90 días", "se fije una caución real de $ 150.000", "se suspenda el proceso a prueba por el plazo de 1 año"])}.`
  b.para`${pick(c, ["Acto seguido", "A continuación", "Seguidamente"])}, la defensa manifiesta que ${laterMention(rng, imp)} ${pick(c, ["presta conformidad", "se opone a lo solicitado", "ofrece reparar el daño con la suma de $ 40.000", "solicita un cuarto intermedio"])}. Consultad${art(vic, "o", "a")} ${laterMention(rng, vic)}, refiere que ${vicStory(c)}.`
  b.para`Oídas las partes, ${elLa(c.judge)} ${judgeWord(c.judge)} RESUELVE: ${pick(c, ["HACER LUGAR a lo solicitado por la Fiscalía", "RECHAZAR el planteo de la defensa", "SUSPENDER EL PROCESO A PRUEBA por el término de un (1) año", "ORDENAR la prohibición de acercamiento en un radio de 300 metros"])}${rng.chance(0.5) ? seg` respecto de ${laterMention(rng, imp)}, quien deberá informar todo cambio de domicilio y mantener actualizado su teléfono ${P(imp.phone, "TELEFONO")}` : ""}. Los fundamentos quedan registrados en soporte audiovisual (archivo ${nextFile(c)}). Las partes quedan notificadas en este acto.`
  b.para`No siendo para más, siendo las ${startHour + rng.int(1, 3)}:${pick(c, ["05", "20", "40", "55"])} horas, se da por finalizado el acto, firmando los comparecientes previa lectura y ratificación, por ante mí, de lo que doy fe.`
}

export interface Composed {
  readonly b: TextBuilder
  readonly ctx: Ctx
  readonly footnoteStart?: number
}

/** Compose a ruling of the given type. */
export const compose = (c: Ctx, footnote: boolean): Composed => {
  head(c)
  if (c.type === "acta-audiencia") {
    acta(c)
  } else {
    vistos(c)
    resulta(c)
    extraParagraphs(c)
    considerando(c)
    resuelvo(c)
  }
  signatures(c)
  let footnoteStart: number | undefined
  if (footnote) {
    const b = c.b
    b.add("\n")
    footnoteStart = b.offset
    b.w`1 ${c.rng.pick([
      seg`Declaración de ${name.full(c.witnesses[0]!)} del ${formatDate(c.rng, daysBefore(c.date, 30))}, obrante a fs. ${c.rng.int(10, 200)}.`,
      seg`Conforme el informe de la ${pick(c, ["Lic.", "perito psicóloga", "trabajadora social"])} ${name.full(makePerson(c.rng, c.gz, c.date.y, { gender: "F", minAge: 30 }))} sobre ${laterMention(c.rng, c.vic)}.`,
      seg`Ver ${cita(pick(c, DOCTRINE))}; en igual sentido, ${cita(pick(c, CASE_LAW))}, citado por ${art(c.imp, "el imputado", "la imputada")} ${laterMention(c.rng, c.imp)}.`,
    ])}\n`
  }
  return { b: c.b, ctx: c, ...(footnoteStart !== undefined ? { footnoteStart } : {}) }
}



