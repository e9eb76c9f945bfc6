import { describe } from "vitest"
import { email } from "../../src/detect/rules/email.ts"
import { handle } from "../../src/detect/rules/handle.ts"
import { ip } from "../../src/detect/rules/ip.ts"
import { url } from "../../src/detect/rules/url.ts"
import { negatives, positives } from "./_table.ts"

describe("rules/email", () => {
  positives(email, "EMAIL", [
    ["al correo juan.perez89@gmail.com le llegó", "juan.perez89@gmail.com"],
    ["(maria_gomez@hotmail.com.ar)", "maria_gomez@hotmail.com.ar"],
  ])
  negatives(email, "EMAIL", ["el usuario @juancho escribió", "arroba sin dominio juan@"])
})

describe("rules/ip", () => {
  positives(ip, "IP", [
    ["conectado desde la IP 190.210.33.4", "190.210.33.4"],
    ["dirección IPv6 2800:810:4f2:1a::3", "2800:810:4f2:1a::3"],
    // Small numbers are an address after an IP cue; a big octet is one anywhere.
    ["la IP asignada fue 10.0.0.15 según la empresa", "10.0.0.15"],
    ["accedió desde 181.47.2.9 a la cuenta", "181.47.2.9"],
  ])
  negatives(ip, "IP", ["DNI 30.123.456", "a las 10:30:00 hs", "versión 1.2.3", "el monto 1.234.567.890", "conforme el punto 14.2.3.1 del reglamento"])
})

describe("rules/url", () => {
  positives(url, "URL", [
    ["publicó en https://www.facebook.com/juan.perez.123 un mensaje", "https://www.facebook.com/juan.perez.123"],
    ["ver instagram.com/juancho89.", "instagram.com/juancho89"],
    // A news story's address names its people: not a reference site.
    ["según https://www.infobae.com/sociedad/policiales/detuvieron-a-juan-perez/", "https://www.infobae.com/sociedad/policiales/detuvieron-a-juan-perez/"],
  ])
  negatives(url, "URL", [
    "consultado en https://www.jusbaires.gob.ar/jurisprudencia",
    "el art. 149 bis, inc. 2",
    // Dictionaries, encyclopaedias and international bodies a ruling quotes.
    "según https://dle.rae.es/violencia y https://es.wikipedia.org/wiki/Grooming",
    "las pautas de https://www.who.int/es/news-room/fact-sheets",
  ])
})

describe("rules/handle", () => {
  positives(handle, "USUARIO_RED", [
    ["desde el perfil @juancho.perez89 publicó", "@juancho.perez89"],
    ["el usuario de Instagram «la_tana_22» lo amenazó", "la_tana_22"],
    ["su perfil de Facebook: juancitoperez escribió", "juancitoperez"],
    ["Su perfil de Facebook es \"andres.lucero.77\" y", "andres.lucero.77"],
    ["los mensajes del perfil «luciaflor.ramirez.58» fueron", "luciaflor.ramirez.58"],
    // A chat line's sender who is a user name; a user name run together.
    ["[14/05/2022 22:41] tomi_patin15: hola linda\n[14/05/2022 22:43] mbl.skate_: jaja", "tomi_patin15", "mbl.skate_"],
    ["el sistema operativo registraba el usuario \"LucasP\" y", "LucasP"],
  ])
  negatives(handle, "USUARIO_RED", [
    "escribió a juan.perez89@gmail.com",
    "un perfil de Facebook falso",
    // A quoted word without a user name's dot, underscore or digit.
    "el perfil «agresivo» del imputado",
    "el sistema registraba el usuario «Administrador» por defecto",
    "[14/05/2022 22:44] Héctor: hola",
  ])
})
