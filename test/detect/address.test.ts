import { describe } from "vitest"
import { address } from "../../src/detect/rules/address.ts"
import { place } from "../../src/detect/rules/place.ts"
import { negatives, positives } from "./_table.ts"

describe("rules/address", () => {
  positives(address, "DIRECCION", [
    ["domiciliado en Av. Rivadavia 1234, piso 3° \"B\", CABA", "Av. Rivadavia 1234, piso 3° \"B\""],
    ["con domicilio real en Bonpland 2150", "Bonpland 2150"],
    ["vive en la calle Juan B. Justo 4500", "calle Juan B. Justo 4500"],
    ["sito en Avenida de Mayo 760 3° B", "Avenida de Mayo 760 3° B"],
    ["frente a Corrientes 3456", "Corrientes 3456"],
    ["código postal C1425ABC", "C1425ABC"],
    ["en la intersección de Av. Corrientes y Callao", "Av. Corrientes y Callao"],
    ["en la esquina de Lavalle y Esmeralda", "Lavalle y Esmeralda"],
    ["reside en el Barrio 31, Manzana 99, Casa 16", "Barrio 31, Manzana 99, Casa 16"],
    ["pasaje Bollini 2250", "pasaje Bollini 2250"],
    ["frente a Florentino Ameghino 850", "Florentino Ameghino 850"],
    ["lo vieron en San Martín 1200", "San Martín 1200"],
    // A street named with a particle; a block's building before the floor.
    ["domiciliado en la avenida del Libertador 5470, piso 11, departamento \"A\", de esta ciudad", "avenida del Libertador 5470, piso 11, departamento \"A\""],
    ["con domicilio en Av. Boedo 840, Torre 2, piso 4°, departamento 18", "Av. Boedo 840, Torre 2, piso 4°, departamento 18"],
  ])
  negatives(address, "DIRECCION", [
    "arts. 149 bis y 150 del Código Penal",
    "la Ley 26.485 de protección integral",
    "el Juzgado N° 10 dictó sentencia",
    "Ciudad Autónoma de Buenos Aires, 15 de marzo de 2024",
    "la Ley Sarmiento 1420 fue citada",
    "El 1 de noviembre de 2004, el demandante fue detenido.",
    "La 2ª audiencia se celebró sin público.",
    "De 3 testigos, dos declararon.",
    "la avenida del Libertador fue cortada",
    "el Consejo de la Magistratura 2024",
  ])
})

describe("rules/place", () => {
  positives(place, "LUGAR", [
    ["nacido el 3/5/1989 en Lanús, domiciliado", "Lanús"],
    ["oriundo de Santiago del Estero", "Santiago del Estero"],
    ["vecino de Villa Lugano", "Villa Lugano"],
    ["nacido el 3/5/1990 en Bauer y Sigel, provincia de Santa Fe", "Bauer y Sigel"],
    ["domiciliado en la localidad de Quilmes", "Quilmes"],
    ["vive en el barrio de Flores", "Flores"],
  ])
  negatives(place, "LUGAR", [
    "Ciudad Autónoma de Buenos Aires, 15 de marzo de 2024",
    "domiciliado en la Ciudad Autónoma de Buenos Aires",
    "domiciliado en Av. Rivadavia 1234",
    "nacido en Argentina",
  ])
})
