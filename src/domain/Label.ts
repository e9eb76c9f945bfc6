/**
 * The label taxonomy. Labels are data shown to the court (audit files,
 * dataset columns), so their codes are Spanish; each carries whether it is
 * personal data by default and the column-name stem used in published counts.
 */
export const LABELS = [
  "PERSONA",
  "DNI",
  "CUIT_CUIL",
  "PASAPORTE",
  "IDENTIFICADOR",
  "TELEFONO",
  "EMAIL",
  "IP",
  "URL",
  "USUARIO_RED",
  "PATENTE",
  "CBU",
  "CUENTA_BANCARIA",
  "ARCHIVO",
  "EXPEDIENTE",
  "DIRECCION",
  "LUGAR",
  "FECHA_PERSONAL",
  "EDAD",
  "FUNCIONARIO",
] as const

export type Label = (typeof LABELS)[number]

export interface LabelInfo {
  /** Spanish description for dictionaries, summaries and the dashboard. */
  readonly descripcion: string
  /** Stem of the published count column: `cantidad_<stem>`. */
  readonly column: string
}

export const LABEL_INFO: Record<Label, LabelInfo> = {
  PERSONA: { descripcion: "Nombre de persona", column: "personas" },
  DNI: { descripcion: "Documento Nacional de Identidad", column: "dni" },
  CUIT_CUIL: { descripcion: "CUIT o CUIL", column: "cuit_cuil" },
  PASAPORTE: { descripcion: "Número de pasaporte", column: "pasaportes" },
  IDENTIFICADOR: { descripcion: "Otro identificador personal (prontuario, placa policial, historia clínica, afiliado, legajo personal)", column: "identificadores" },
  TELEFONO: { descripcion: "Número de teléfono", column: "telefonos" },
  EMAIL: { descripcion: "Correo electrónico", column: "correos" },
  IP: { descripcion: "Dirección IP", column: "ip" },
  URL: { descripcion: "Dirección web", column: "urls" },
  USUARIO_RED: { descripcion: "Usuario de red social", column: "usuarios_red" },
  PATENTE: { descripcion: "Dominio (patente) de vehículo", column: "patentes" },
  CBU: { descripcion: "CBU o CVU", column: "cbu" },
  CUENTA_BANCARIA: { descripcion: "Cuenta bancaria o tarjeta", column: "cuentas" },
  ARCHIVO: { descripcion: "Nombre de archivo de prueba", column: "archivos" },
  EXPEDIENTE: { descripcion: "Número de causa (CUIJ, IPP, expediente)", column: "expedientes" },
  DIRECCION: { descripcion: "Domicilio o dirección postal", column: "direcciones" },
  LUGAR: { descripcion: "Lugar que ubica a una persona", column: "lugares" },
  FECHA_PERSONAL: { descripcion: "Fecha personal (nacimiento u otra)", column: "fechas_personales" },
  EDAD: { descripcion: "Edad de una persona", column: "edades" },
  FUNCIONARIO: { descripcion: "Magistrado o funcionario en su rol", column: "funcionarios" },
}

export const isLabel = (value: string): value is Label => (LABELS as readonly string[]).includes(value)
