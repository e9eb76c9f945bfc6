// Tablero de resoluciones anonimizadas: lee la API de sólo lectura y dibuja con Chart.js (servido localmente).
"use strict"

const PALETA = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#5B5B5B", "#8C6D1F"]
const MAX_SERIES = 6
const POR_PAGINA = 20
const numero = new Intl.NumberFormat("es-AR")

const api = async (ruta) => {
  const respuesta = await fetch(ruta, { headers: { accept: "application/json" } })
  const cuerpo = await respuesta.json()
  if (!respuesta.ok) throw new Error(cuerpo?.error?.mensaje ?? `Error ${respuesta.status}`)
  return cuerpo
}

const el = (etiqueta, texto, atributos = {}) => {
  const nodo = document.createElement(etiqueta)
  if (texto !== undefined && texto !== null) nodo.textContent = String(texto)
  for (const [nombre, valor] of Object.entries(atributos)) nodo.setAttribute(nombre, valor)
  return nodo
}

/** Series por `clave`, con las MAX_SERIES más grandes y el resto sumado en "Otros". */
const seriesApiladas = (filas, eje, clave) => {
  const xs = [...new Set(filas.map((fila) => fila[eje]))].sort()
  const totales = new Map()
  for (const fila of filas) totales.set(fila[clave], (totales.get(fila[clave]) ?? 0) + fila.cantidad_resoluciones)
  const principales = [...totales.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_SERIES).map(([nombre]) => nombre)
  const nombres = totales.size > MAX_SERIES ? [...principales, "Otros"] : principales
  const datos = new Map(nombres.map((nombre) => [nombre, xs.map(() => 0)]))
  for (const fila of filas) {
    const nombre = principales.includes(fila[clave]) ? fila[clave] : "Otros"
    datos.get(nombre)[xs.indexOf(fila[eje])] += fila.cantidad_resoluciones
  }
  return {
    labels: xs.map(String),
    datasets: nombres.map((nombre, i) => ({ label: acortar(nombre), data: datos.get(nombre), backgroundColor: PALETA[i % PALETA.length] })),
  }
}

const acortar = (texto) => String(texto).replace("Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas", "Juzgado PCyF")

const dibujar = (id, tipo, data, { plugins, ...opciones } = {}) => {
  const lienzo = document.getElementById(id)
  const grafico = new Chart(lienzo, {
    type: tipo,
    data,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: "es-AR",
      ...opciones,
      plugins: { legend: { position: "bottom", labels: { color: "#1a1a1a" } }, ...plugins },
    },
  })
  lienzo.dataset.listo = "si"
  return grafico
}

const apilado = { scales: { x: { stacked: true, ticks: { color: "#1a1a1a" } }, y: { stacked: true, beginAtZero: true, ticks: { color: "#1a1a1a", precision: 0 } } } }

const graficoJuzgados = async () => {
  const { resultados } = await api("/api/v1/estadisticas?agrupar=anio,juzgado")
  dibujar("grafico-juzgado", "bar", seriesApiladas(resultados, "anio", "juzgado"), apilado)
  return resultados
}

const graficoTipos = async () => {
  const { resultados } = await api("/api/v1/estadisticas?agrupar=anio,tipo")
  dibujar("grafico-tipo", "bar", seriesApiladas(resultados, "anio", "tipo"), apilado)
  return resultados
}

const graficoCategorias = async () => {
  const { resultados } = await api("/api/v1/estadisticas?agrupar=categoria")
  const filas = resultados.filter((fila) => fila.cantidad_datos_ocultados > 0).sort((a, b) => b.cantidad_datos_ocultados - a.cantidad_datos_ocultados)
  dibujar("grafico-categoria", "bar", {
    labels: filas.map((fila) => fila.descripcion_categoria ?? fila.categoria),
    datasets: [{ label: "Menciones ocultadas", data: filas.map((fila) => fila.cantidad_datos_ocultados), backgroundColor: PALETA[0] }],
  }, { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { color: "#1a1a1a" } }, y: { ticks: { color: "#1a1a1a" } } } })
}

const porcentaje = (valor) => `${(valor * 100).toLocaleString("es-AR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`

/** The measured error rate per run, with its 95 % Wilson interval (estadisticas/control-de-calidad-por-ejecucion.csv). */
const tablaCalidad = (control) => {
  if (!control || control.length === 0) {
    document.getElementById("calidad-vacio").hidden = false
    return
  }
  const tabla = document.getElementById("tabla-calidad")
  const cuerpo = tabla.querySelector("tbody")
  for (const fila of control) {
    const tr = el("tr")
    const tasa = fila.tasa_error === null || fila.tasa_error === undefined
      ? "sin controlar"
      : `${porcentaje(fila.tasa_error)} (${porcentaje(fila.ic95_inferior)} a ${porcentaje(fila.ic95_superior)})`
    tr.append(
      el("td", `Ejecución ${fila.orden}`),
      el("td", `${numero.format(fila.sorteadas)} de ${numero.format(fila.publicadas_automaticamente)}`),
      el("td", numero.format(fila.controladas)),
      el("td", numero.format(fila.con_errores)),
      el("td", numero.format(fila.con_omisiones)),
      el("td", tasa),
    )
    cuerpo.append(tr)
  }
  tabla.hidden = false
}

const graficoProceso = async () => {
  const { disponible, ejecuciones, fallos, control } = await api("/api/v1/estadisticas/procesamiento")
  tablaCalidad(control)
  if (!disponible || ejecuciones.length === 0) {
    document.getElementById("proceso-vacio").hidden = false
    document.getElementById("grafico-proceso").closest(".grafico").hidden = true
    return
  }
  // Runs are numbered by `orden` (chronological; the API sorts by it): their ids
  // are fingerprints, not names, so the id only appears in the tooltip, to
  // match the row in procesamiento-por-ejecucion.csv.
  const nombreEjecucion = new Map(ejecuciones.map((fila) => [fila.id_ejecucion, `Ejecución ${fila.orden}`]))
  dibujar("grafico-proceso", "bar", {
    labels: ejecuciones.map((fila) => nombreEjecucion.get(fila.id_ejecucion)),
    datasets: [
      { label: "Procesados", data: ejecuciones.map((fila) => fila.documentos_procesados), backgroundColor: PALETA[2] },
      { label: "Fallidos", data: ejecuciones.map((fila) => fila.documentos_fallidos), backgroundColor: PALETA[5] },
    ],
  }, {
    ...apilado,
    plugins: { tooltip: { callbacks: { afterTitle: ([punto]) => `Identificador: ${ejecuciones[punto.dataIndex].id_ejecucion}` } } },
  })
  if (fallos.length > 0) {
    const tabla = document.getElementById("tabla-fallos")
    const cuerpo = tabla.querySelector("tbody")
    for (const fila of fallos) {
      const tr = el("tr")
      tr.append(el("td", nombreEjecucion.get(fila.id_ejecucion) ?? fila.id_ejecucion), el("td", fila.descripcion_causa ? `${fila.descripcion_causa} (${fila.causa})` : fila.causa), el("td", numero.format(fila.documentos)))
      cuerpo.append(tr)
    }
    tabla.hidden = false
  }
}

const llenarOpciones = (id, valores) => {
  const select = document.getElementById(id)
  for (const valor of [...new Set(valores)].sort((a, b) => String(a).localeCompare(String(b), "es"))) select.append(el("option", acortar(valor), { value: valor }))
}

let desde = 0

const buscar = async () => {
  const formulario = new FormData(document.getElementById("buscador"))
  const parametros = new URLSearchParams()
  for (const [nombre, valor] of formulario) if (String(valor).trim() !== "") parametros.set(nombre, String(valor).trim())
  parametros.set("limite", String(POR_PAGINA))
  parametros.set("desde", String(desde))
  const estado = document.getElementById("estado-busqueda")
  const cuerpo = document.querySelector("#tabla-resoluciones tbody")
  try {
    const pagina = await api(`/api/v1/resoluciones?${parametros}`)
    cuerpo.replaceChildren()
    for (const fila of pagina.resultados) {
      const tr = el("tr")
      const enlace = el("a", "Ver texto", { href: `/api/v1/resoluciones/${encodeURIComponent(fila.id)}?formato=txt` })
      const celdaTexto = el("td")
      celdaTexto.append(enlace)
      if (fila.archivo_documento) {
        const formato = String(fila.archivo_documento).split(".").pop().toUpperCase()
        celdaTexto.append(" · ", el("a", `Documento (${formato})`, { href: `/datos/${fila.archivo_documento}`, download: "" }))
      }
      if (fila.fragmento) celdaTexto.append(el("div", fila.fragmento, { class: "fragmento" }))
      tr.append(el("td", fila.fecha ?? "—"), el("td", acortar(fila.juzgado ?? "—")), el("td", fila.tipo ?? "—"), el("td", fila.materia ?? "—"), el("td", fila.resultado ?? "—"), celdaTexto)
      cuerpo.append(tr)
    }
    const hasta = pagina.desde + pagina.cantidad
    estado.textContent = pagina.total === 0 ? "No se encontraron resoluciones." : `Resoluciones ${numero.format(pagina.desde + 1)} a ${numero.format(hasta)} de ${numero.format(pagina.total)}.`
    document.getElementById("anterior").disabled = pagina.desde === 0
    document.getElementById("siguiente").disabled = hasta >= pagina.total
  } catch (error) {
    estado.textContent = `No se pudo buscar: ${error.message}`
  }
}

const iniciar = async () => {
  document.getElementById("buscador").addEventListener("submit", (evento) => {
    evento.preventDefault()
    desde = 0
    void buscar()
  })
  document.getElementById("anterior").addEventListener("click", () => { desde = Math.max(0, desde - POR_PAGINA); void buscar() })
  document.getElementById("siguiente").addEventListener("click", () => { desde += POR_PAGINA; void buscar() })
  try {
    if (typeof Chart === "undefined") throw new Error("no se pudo cargar la biblioteca de gráficos")
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily
    const [juzgados, tipos] = await Promise.all([graficoJuzgados(), graficoTipos(), graficoCategorias(), graficoProceso()])
    llenarOpciones("f-juzgado", juzgados.map((fila) => fila.juzgado))
    llenarOpciones("f-tipo", tipos.map((fila) => fila.tipo))
    const total = juzgados.reduce((suma, fila) => suma + fila.cantidad_resoluciones, 0)
    document.getElementById("resumen").textContent = `${numero.format(total)} resoluciones publicadas con juzgado y fecha conocidos.`
    await buscar()
    document.body.dataset.estado = "listo"
  } catch (error) {
    document.getElementById("resumen").textContent = `No se pudieron cargar los datos: ${error.message}`
    document.body.dataset.estado = "error"
  }
}

void iniciar()
