"use strict"
// The review app (served by src/review/server.ts). Builds every node with
// textContent: the ruling's text never goes through innerHTML.

const state = { csrf: null, ruling: null, current: 0, selection: null }
const $ = (id) => document.getElementById(id)

const MOTIVOS = { gate_blocked: "retenida por el control final", review_required: "aprobación obligatoria" }
const CAUSAS = {
  forma_redactada: "forma ocultada que reaparece",
  identificador_residual: "identificador que quedó visible",
  categoria_bloqueada: "categoría que no se publica",
  detector_asincrono: "detector que no se pudo verificar",
}
const ACCIONES = { ocultar: "Ocultar", mantener: "Mantener visible" }

async function api(path, options = {}) {
  const headers = {}
  if (options.body) headers["content-type"] = "application/json"
  if (state.csrf) headers["x-csrf-token"] = state.csrf
  const response = await fetch(path, { ...options, headers, credentials: "same-origin" })
  const body = await response.json().catch(() => ({}))
  if (response.status === 401) {
    window.location.reload()
    throw new Error("La sesión venció.")
  }
  if (!response.ok) throw new Error(body && body.error ? body.error.mensaje : "Error " + response.status)
  return body
}

function element(tag, text, className) {
  const node = document.createElement(tag)
  if (text !== undefined && text !== null) node.textContent = text
  if (className) node.className = className
  return node
}

function button(text, className, onClick) {
  const node = element("button", text, className)
  node.type = "button"
  node.addEventListener("click", onClick)
  return node
}

function say(message) {
  const node = $("mensaje")
  node.textContent = message || ""
  node.hidden = !message
}

function causesText(causes) {
  return Object.entries(causes || {}).map(([cause, n]) => (CAUSAS[cause] || cause) + ": " + n).join(", ")
}

function fillSelect(select, values, first) {
  const chosen = select.value
  select.replaceChildren(element("option", first))
  select.firstChild.value = ""
  for (const value of values) {
    const option = element("option", value)
    option.value = value
    select.append(option)
  }
  select.value = values.includes(chosen) ? chosen : ""
}

async function loadQueue() {
  const params = new URLSearchParams()
  if ($("filtro-juzgado").value) params.set("juzgado", $("filtro-juzgado").value)
  if ($("filtro-causa").value) params.set("causa", $("filtro-causa").value)
  const queue = await api("/api/cola?" + params)
  $("progreso").textContent = "Hechas: " + queue.progreso.hechas + " · Quedan: " + queue.progreso.quedan
  fillSelect($("filtro-juzgado"), queue.juzgados, "Todos")
  fillSelect($("filtro-causa"), queue.causas, "Todas")
  const rows = queue.pendientes.map((ruling) => {
    const row = element("tr")
    row.append(element("td", ruling.archivo), element("td", ruling.juzgado || "—"), element("td", MOTIVOS[ruling.motivo] || ruling.motivo || "—"),
      element("td", causesText(ruling.causas) || "—"))
    const cell = element("td")
    const open = button("Revisar", "revisar", () => openRuling(ruling.id))
    open.dataset.id = ruling.id
    cell.append(open)
    row.append(cell)
    return row
  })
  $("tabla-cola").tBodies[0].replaceChildren(...rows)
  $("cola-vacia").hidden = rows.length > 0
  showOnly("cola")
  setTab("retenidas")
  state.ruling = null
  control.ruling = null
}

async function openRuling(id) {
  state.ruling = await api("/api/resoluciones/" + encodeURIComponent(id))
  state.current = 0
  state.selection = null
  say("")
  showOnly("resolucion")
  render()
  $("texto").focus()
}

/** Segments of the text between every span and finding boundary, each with what covers it. */
function segments(ruling) {
  const cuts = new Set([0, ruling.texto.length])
  for (const span of ruling.spans) cuts.add(span.inicio).add(span.fin)
  for (const finding of ruling.hallazgos) if (finding.fin > finding.inicio) cuts.add(finding.inicio).add(finding.fin)
  const points = [...cuts].sort((a, b) => a - b)
  const result = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]
    const end = points[i + 1]
    const covering = ruling.spans.map((span, index) => ({ span, index })).filter(({ span }) => span.inicio <= start && end <= span.fin)
    const top = covering.find(({ span }) => span.accion === "oculta") || covering[0]
    const finding = ruling.hallazgos.findIndex((found) => found.fin > found.inicio && found.inicio <= start && end <= found.fin)
    result.push({ start, end, top, finding })
  }
  return result
}

function renderText() {
  const ruling = state.ruling
  const nodes = segments(ruling).map(({ start, end, top, finding }) => {
    const node = element("span", ruling.texto.slice(start, end))
    node.dataset.start = String(start)
    if (top) {
      const span = top.span
      node.classList.add("marca", span.accion)
      if (span.solo_modelo) node.classList.add("modelo")
      if (span.puntaje_bajo) node.classList.add("dudosa")
      node.dataset.span = String(top.index)
      node.title = span.etiqueta + " · " + (span.accion === "oculta" ? "oculto" : "visible") + " · " + span.detector +
        (span.reemplazo ? " → " + span.reemplazo : "")
    }
    if (finding >= 0) {
      node.classList.add("marca", "hallazgo")
      node.dataset.hallazgo = String(finding)
      if (finding === state.current) node.classList.add("actual")
    }
    return node
  })
  $("texto").replaceChildren(...nodes)
}

function render() {
  const ruling = state.ruling
  $("titulo-resolucion").textContent = ruling.archivo + (ruling.juzgado ? " — " + ruling.juzgado : "")
  $("estado-resolucion").textContent = ruling.estado === "aprobada" ? "aprobada (se publica con 'tacha publicar')" : "pendiente de revisión"
  if (state.current >= ruling.hallazgos.length) state.current = Math.max(0, ruling.hallazgos.length - 1)
  renderText()
  $("vista-previa").textContent = ruling.vista_previa
  const findings = ruling.hallazgos.map((finding, index) => {
    const item = element("li", null, index === state.current ? "actual" : "")
    item.dataset.i = String(index)
    const placed = finding.fin > finding.inicio
    item.append(element("span", (finding.etiqueta || finding.categoria || "—") + " · " + (CAUSAS[finding.causa] || finding.causa) +
      (placed ? ": «" + ruling.texto.slice(finding.inicio, finding.fin) + "» " : " ")))
    if (placed) {
      item.append(
        button("Ocultar", "ocultar-hallazgo", () => decideFinding(index, "ocultar", false)),
        button("Ocultar todas", "ocultar-forma", () => decideFinding(index, "ocultar", true)),
        button("Mantener visible", "mantener-hallazgo", () => decideFinding(index, "mantener", false)),
      )
    }
    return item
  })
  $("hallazgos").replaceChildren(...findings)
  $("sin-hallazgos").hidden = findings.length > 0
  $("decisiones").replaceChildren(...ruling.decisiones.map((decision) => {
    const item = element("li", (ACCIONES[decision.accion] || decision.accion) + " «" + decision.texto + "» como " + decision.etiqueta +
      (decision.alcance === "forma" ? " (todas las menciones)" : "") + " — " + (decision.revisor || "—") + ", " + new Date(decision.fecha).toLocaleString("es-AR"),
      decision.deshecha ? "deshecha" : "")
    return item
  }))
  $("aprobar").disabled = !ruling.publicable
  const labels = $("etiqueta-seleccion")
  if (labels.options.length === 0) {
    for (const label of ruling.etiquetas) {
      const option = element("option", label.descripcion + " (" + label.codigo + ")")
      option.value = label.codigo
      labels.append(option)
    }
  }
  showSelection()
}

async function decide(action) {
  try {
    state.ruling = await api("/api/resoluciones/" + encodeURIComponent(state.ruling.id) + "/acciones", { method: "POST", body: JSON.stringify(action) })
    state.selection = null
    say("")
    render()
  } catch (error) {
    say(error.message)
  }
}

function decideFinding(index, accion, everyMention) {
  const finding = state.ruling.hallazgos[index]
  if (!finding || finding.fin <= finding.inicio) return
  const etiqueta = finding.etiqueta || undefined
  if (everyMention) return decide({ accion, texto: state.ruling.texto.slice(finding.inicio, finding.fin), etiqueta })
  return decide({ accion, inicio: finding.inicio, fin: finding.fin, etiqueta })
}

/** Offset in the ruling's text of a point of the page's selection. */
function textOffset(node, offset) {
  const holder = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node)?.closest("[data-start]")
  if (!holder) return null
  return Number(holder.dataset.start) + (node.nodeType === Node.TEXT_NODE ? offset : 0)
}

function takeSelection() {
  const selection = window.getSelection()
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return
  const range = selection.getRangeAt(0)
  if (!$("texto").contains(range.commonAncestorContainer)) return
  let start = textOffset(range.startContainer, range.startOffset)
  let end = textOffset(range.endContainer, range.endOffset)
  if (start === null || end === null) return
  const text = state.ruling.texto
  while (start < end && /\s/u.test(text[start])) start++
  while (end > start && /\s/u.test(text[end - 1])) end--
  if (end <= start) return
  state.selection = { inicio: start, fin: end }
  showSelection()
}

function showSelection() {
  const bar = $("acciones-seleccion")
  const chosen = state.selection
  bar.hidden = !chosen
  if (!chosen) return
  $("seleccion-descripcion").textContent = "Mención elegida: «" + state.ruling.texto.slice(chosen.inicio, chosen.fin) + "»"
  if (chosen.etiqueta) $("etiqueta-seleccion").value = chosen.etiqueta
}

function selectSpan(index) {
  const span = state.ruling.spans[index]
  if (!span) return
  state.selection = { inicio: span.inicio, fin: span.fin, etiqueta: span.etiqueta }
  showSelection()
}

function moveFinding(step) {
  const count = state.ruling.hallazgos.length
  if (count === 0) return
  state.current = (state.current + step + count) % count
  render()
  const mark = document.querySelector("#texto .actual")
  if (mark) mark.scrollIntoView({ block: "center" })
}

async function approve() {
  try {
    await api("/api/resoluciones/" + encodeURIComponent(state.ruling.id) + "/acciones", { method: "POST", body: JSON.stringify({ accion: "aprobar" }) })
    await loadQueue()
  } catch (error) {
    say(error.message)
  }
}

function bind() {
  $("filtro-juzgado").addEventListener("change", () => loadQueue())
  $("filtro-causa").addEventListener("change", () => loadQueue())
  $("volver").addEventListener("click", () => loadQueue())
  $("salir").addEventListener("click", async () => {
    await fetch("/salir", { method: "POST", headers: { "x-csrf-token": state.csrf || "" } })
    window.location.reload()
  })
  $("texto").addEventListener("mouseup", takeSelection)
  $("texto").addEventListener("click", (event) => {
    const mark = event.target.closest && event.target.closest("[data-span]")
    if (mark && window.getSelection().isCollapsed) selectSpan(Number(mark.dataset.span))
  })
  const chosenLabel = () => $("etiqueta-seleccion").value
  $("ocultar-seleccion").addEventListener("click", () => decide({ accion: "ocultar", ...range(), etiqueta: chosenLabel() }))
  $("ocultar-forma-seleccion").addEventListener("click", () =>
    decide({ accion: "ocultar", texto: state.ruling.texto.slice(state.selection.inicio, state.selection.fin), etiqueta: chosenLabel() }))
  $("mantener-seleccion").addEventListener("click", () => decide({ accion: "mantener", ...range(), etiqueta: chosenLabel() }))
  $("cancelar-seleccion").addEventListener("click", () => {
    state.selection = null
    showSelection()
  })
  $("deshacer").addEventListener("click", async () => {
    try {
      state.ruling = await api("/api/resoluciones/" + encodeURIComponent(state.ruling.id) + "/deshacer", { method: "POST" })
      state.selection = null
      render()
    } catch (error) {
      say(error.message)
    }
  })
  $("aprobar").addEventListener("click", approve)
  $("rechazar").addEventListener("click", async () => {
    const motivo = $("motivo").value.trim()
    if (!motivo) return say("Escriba el motivo del rechazo.")
    try {
      await api("/api/resoluciones/" + encodeURIComponent(state.ruling.id) + "/acciones", { method: "POST", body: JSON.stringify({ accion: "rechazar", motivo }) })
      $("motivo").value = ""
      await loadQueue()
    } catch (error) {
      say(error.message)
    }
  })
  document.addEventListener("keydown", (event) => {
    if (!state.ruling || event.ctrlKey || event.metaKey || event.altKey) return
    if (event.target.closest && event.target.closest("input, select, textarea")) return
    const keys = {
      j: () => moveFinding(1),
      k: () => moveFinding(-1),
      o: () => decideFinding(state.current, "ocultar", false),
      t: () => decideFinding(state.current, "ocultar", true),
      m: () => decideFinding(state.current, "mantener", false),
      z: () => $("deshacer").click(),
      a: () => !$("aprobar").disabled && approve(),
      Escape: () => loadQueue(),
    }
    const run = keys[event.key]
    if (run) {
      event.preventDefault()
      run()
    }
  })
}

// Quality control: sampled published rulings, each marked correct or with the spans found in error.

const control = { ruling: null, marks: [], selection: null }
const CONTROL_MARKS = { omitida: "Omitida (debía ocultarse)", sobreocultada: "Ocultada de más (debía quedar visible)" }

function showOnly(id) {
  for (const section of ["cola", "resolucion", "control-cola", "control-resolucion"]) $(section).hidden = section !== id
}

function setTab(name) {
  $("ir-retenidas").setAttribute("aria-pressed", String(name === "retenidas"))
  $("ir-control").setAttribute("aria-pressed", String(name === "control"))
}

function sayControl(message) {
  const node = $("control-mensaje")
  node.textContent = message || ""
  node.hidden = !message
}

async function loadControlQueue() {
  const queue = await api("/api/control")
  $("progreso").textContent = "Controladas: " + queue.progreso.controladas + " · Quedan: " + queue.progreso.quedan
  const rows = queue.pendientes.map((ruling) => {
    const row = element("tr")
    row.append(element("td", ruling.archivo), element("td", ruling.juzgado || "—"), element("td", String(ruling.ejecucion)))
    const cell = element("td")
    const open = button("Controlar", "controlar", () => openControl(ruling.id))
    open.dataset.id = ruling.id
    cell.append(open)
    row.append(cell)
    return row
  })
  $("tabla-control").tBodies[0].replaceChildren(...rows)
  $("control-vacia").hidden = rows.length > 0
  showOnly("control-cola")
  setTab("control")
  state.ruling = null
  control.ruling = null
}

async function openControl(id) {
  control.ruling = await api("/api/control/" + encodeURIComponent(id))
  control.marks = []
  control.selection = null
  sayControl("")
  showOnly("control-resolucion")
  renderControl()
  $("control-texto").focus()
}

function renderControl() {
  const ruling = control.ruling
  $("titulo-control-resolucion").textContent = ruling.archivo + (ruling.juzgado ? " — " + ruling.juzgado : "") + " · ejecución " + ruling.ejecucion
  const cuts = new Set([0, ruling.texto.length])
  for (const span of ruling.spans) cuts.add(span.inicio).add(span.fin)
  for (const mark of control.marks) cuts.add(mark.inicio).add(mark.fin)
  const points = [...cuts].sort((a, b) => a - b)
  const nodes = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]
    const end = points[i + 1]
    const node = element("span", ruling.texto.slice(start, end))
    node.dataset.start = String(start)
    const covering = ruling.spans.map((span, index) => ({ span, index })).filter(({ span }) => span.inicio <= start && end <= span.fin)
    const top = covering.find(({ span }) => span.accion === "oculta") || covering[0]
    if (top) {
      node.classList.add("marca", top.span.accion)
      node.dataset.span = String(top.index)
      node.title = top.span.etiqueta + " · " + top.span.accion + (top.span.reemplazo ? " → " + top.span.reemplazo : "")
    }
    const mark = control.marks.find((found) => found.inicio <= start && end <= found.fin)
    if (mark) node.classList.add("marca", mark.accion)
    nodes.push(node)
  }
  $("control-texto").replaceChildren(...nodes)
  $("control-publico").textContent = ruling.publico
  $("control-errores").replaceChildren(...control.marks.map((mark, index) => {
    const item = element("li", CONTROL_MARKS[mark.accion] + ": «" + ruling.texto.slice(mark.inicio, mark.fin) + "»" +
      (mark.etiqueta ? " como " + mark.etiqueta : "") + (mark.forma ? " (todas las menciones)" : "") + " ")
    item.append(button("Quitar", "quitar", () => {
      control.marks.splice(index, 1)
      renderControl()
    }))
    return item
  }))
  $("control-sin-errores").hidden = control.marks.length > 0
  $("control-correcta").disabled = control.marks.length > 0
  $("control-guardar").disabled = control.marks.length === 0
  const labels = $("control-etiqueta")
  if (labels.options.length === 0) {
    for (const label of ruling.etiquetas) {
      const option = element("option", label)
      option.value = label
      labels.append(option)
    }
    labels.value = "PERSONA"
  }
  const chosen = control.selection
  $("control-seleccion").hidden = !chosen
  if (chosen) {
    $("control-seleccion-descripcion").textContent = "Mención elegida: «" + ruling.texto.slice(chosen.inicio, chosen.fin) + "»"
    $("marcar-sobreocultada").disabled = !chosen.oculta
    $("marcar-omitida").disabled = Boolean(chosen.oculta)
    $("marcar-omitida-forma").disabled = Boolean(chosen.oculta)
  }
}

function takeControlSelection() {
  const selection = window.getSelection()
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return
  const range = selection.getRangeAt(0)
  if (!$("control-texto").contains(range.commonAncestorContainer)) return
  let start = textOffset(range.startContainer, range.startOffset)
  let end = textOffset(range.endContainer, range.endOffset)
  if (start === null || end === null) return
  const text = control.ruling.texto
  while (start < end && /\s/u.test(text[start])) start++
  while (end > start && /\s/u.test(text[end - 1])) end--
  if (end <= start) return
  control.selection = { inicio: start, fin: end, oculta: false }
  renderControl()
}

function markControl(accion, forma) {
  const chosen = control.selection
  if (!chosen) return
  const etiqueta = accion === "omitida" ? $("control-etiqueta").value : undefined
  control.marks.push({ accion, inicio: chosen.inicio, fin: chosen.fin, etiqueta, forma })
  control.selection = null
  renderControl()
}

async function submitControl(correct) {
  const ruling = control.ruling
  const acciones = correct ? [{ accion: "correcta" }] : control.marks.map((mark) =>
    mark.forma
      ? { accion: mark.accion, texto: ruling.texto.slice(mark.inicio, mark.fin), etiqueta: mark.etiqueta }
      : { accion: mark.accion, inicio: mark.inicio, fin: mark.fin, ...(mark.etiqueta ? { etiqueta: mark.etiqueta } : {}) }
  )
  try {
    const result = await api("/api/control/" + encodeURIComponent(ruling.id), { method: "POST", body: JSON.stringify({ acciones }) })
    await loadControlQueue()
    if (result.con_errores > 0) {
      $("progreso").textContent += " · Corrección guardada" + (result.retiradas > 0 ? " y resolución retirada" : "") + ": se publica con 'tacha publicar'."
    }
  } catch (error) {
    sayControl(error.message)
  }
}

function bindControl() {
  $("ir-retenidas").addEventListener("click", () => loadQueue())
  $("ir-control").addEventListener("click", () => loadControlQueue())
  $("control-volver").addEventListener("click", () => loadControlQueue())
  $("control-texto").addEventListener("mouseup", takeControlSelection)
  $("control-texto").addEventListener("click", (event) => {
    const mark = event.target.closest && event.target.closest("[data-span]")
    if (!mark || !window.getSelection().isCollapsed) return
    const span = control.ruling.spans[Number(mark.dataset.span)]
    control.selection = { inicio: span.inicio, fin: span.fin, oculta: span.accion === "oculta" }
    renderControl()
  })
  $("marcar-omitida").addEventListener("click", () => markControl("omitida", false))
  $("marcar-omitida-forma").addEventListener("click", () => markControl("omitida", true))
  $("marcar-sobreocultada").addEventListener("click", () => markControl("sobreocultada", false))
  $("control-cancelar").addEventListener("click", () => {
    control.selection = null
    renderControl()
  })
  $("control-correcta").addEventListener("click", () => submitControl(true))
  $("control-guardar").addEventListener("click", () => submitControl(false))
  document.addEventListener("keydown", (event) => {
    if (!control.ruling || event.ctrlKey || event.metaKey || event.altKey) return
    if (event.target.closest && event.target.closest("input, select, textarea")) return
    if (event.key === "c" && !$("control-correcta").disabled) {
      event.preventDefault()
      submitControl(true)
    } else if (event.key === "Escape") {
      event.preventDefault()
      loadControlQueue()
    }
  })
}

function range() {
  return { inicio: state.selection.inicio, fin: state.selection.fin }
}

async function start() {
  try {
    const session = await api("/api/sesion")
    state.csrf = session.csrf
    $("revisor").textContent = session.revisor
    bind()
    bindControl()
    await loadQueue()
    document.body.dataset.estado = "listo"
  } catch (error) {
    say(error.message)
    document.body.dataset.estado = "error"
  }
}

start()
