import * as Data from "effect/Data"

/**
 * Every error the API answers, as data: one JSON shape for all of them,
 * `{ "error": { "codigo", "mensaje", "parametro"? } }`, with its HTTP status.
 */
export const ERROR_STATUS = {
  parametro_invalido: 400,
  parametro_desconocido: 400,
  solicitud_invalida: 400,
  solicitud_demasiado_grande: 431,
  no_encontrado: 404,
  metodo_no_permitido: 405,
  datos_no_disponibles: 503,
  error_interno: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export class ApiError extends Data.TaggedError("ApiError")<{
  readonly codigo: ErrorCode
  readonly mensaje: string
  readonly parametro?: string
}> {}

export const invalidParameter = (parametro: string, mensaje: string): ApiError =>
  new ApiError({ codigo: "parametro_invalido", mensaje, parametro })

export const notFound = (mensaje = "No existe el recurso pedido."): ApiError => new ApiError({ codigo: "no_encontrado", mensaje })

export const errorBody = (error: ApiError) => ({
  error: {
    codigo: error.codigo,
    mensaje: error.mensaje,
    ...(error.parametro === undefined ? {} : { parametro: error.parametro }),
  },
})
