/** A realistic one-page ruling (invented people), used by the end-to-end test. */
export const RULING = `JUZGADO PENAL CONTRAVENCIONAL Y DE FALTAS N° 10 - SECRETARIA N°19
"PEREZ, Juan Carlos s/ infr. art. 149 bis CP"
CUIJ: J-01-00012345-6/2023-0

Ciudad Autónoma de Buenos Aires, 15 de marzo de 2024.

VISTOS:
La presente causa N° 12345/2023 (IPP 4567/2022) seguida contra Juan Carlos PÉREZ (DNI 30.123.456, argentino, de 34 años de edad, nacido el 3/5/1989 en Lanús, domiciliado en Av. Rivadavia 1234, piso 3° "B", CABA, CUIT 20-30123456-3), en orden al delito de amenazas (art. 149 bis del Código Penal).

Y CONSIDERANDO:
I. Que según el requerimiento del Fiscal Dr. Martín LÓPEZ, el día 10 de enero de 2023 el imputado amenazó a la Sra. María Laura GÓMEZ, su ex pareja, por mensajes de WhatsApp enviados desde el abonado 11 5432-1098 al número (011) 4567-8901, y desde el perfil de Instagram @juancho.perez89. La víctima, de 29 años, vive en la calle Bonpland 2150 del barrio de Palermo, junto a su hija, la menor S. P. G. (8).
II. Que la testigo Rosa Benítez declaró que Pérez le dijo a Gómez "te voy a matar". El vehículo del imputado, dominio AB 123 CD, fue visto en la intersección de Av. Corrientes y Callao. Se incorporaron las capturas captura1.png y VID-20230110-WA0003.mp4, y el correo juan.perez89@gmail.com.
III. Que la defensa particular, a cargo del Dr. Esteban Ruiz, solicitó la absolución. Cabe recordar que la ley 26.485 y la Ley N° 1472 (arts. 149 bis y 150 del Código Penal) protegen a la víctima (cfr. Zaffaroni, Derecho Penal, p. 123; CSJN "Vega Giménez", Fallos 328:3399; in re "Casal").
IV. Que el imputado deberá abonar una multa de $ 15.000,50 (pesos quince mil) dentro de 10 días, y se le impone la pena de 3 años de prisión en suspenso. El Sr. Pérez depositará en la cuenta N° 1234-5678/9 del Banco Ciudad; CBU 2850590940090418135201.

Por ello, RESUELVO:
1) CONDENAR a JUAN CARLOS PEREZ, de las demás condiciones personales obrantes en autos, a la pena de TRES AÑOS de prisión en suspenso.
2) REGISTRESE, NOTIFIQUESE.

Fdo.: Dra. Ana Suárez – Jueza
Ante mí: Dr. Pablo Fernández – Secretario
`
