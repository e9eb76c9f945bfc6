"""Synthetic Buenos Aires court-ruling text with PERSONA / LUGAR / DIRECCION
spans, built from the name and street gazetteers in ../shared/data.

Names are split by rank: every 10th first name and surname is held out of
training and used only for the held-out evaluation set (`split="eval"`).
"""
import json
import math
import os
import random
import unicodedata

from common import DATA

ACCENTED = {w.lower().translate(str.maketrans("áéíóúÁÉÍÓÚ", "aeiouAEIOU")): w for w in """
González Rodríguez Gómez Fernández López Martínez Pérez García Sánchez Romero Díaz Álvarez Ramírez
Benítez Gutiérrez Hernández Méndez Núñez Domínguez Vázquez Suárez Giménez Jiménez Acuña Ibáñez
Velázquez Rodríguez Báez Chávez Godoy Ríos Sosa Peña Muñoz Ortíz Quiróz Juárez Gaitán Rolón Galván
Maldonado Cabrera Ledesma Agüero Villalba Ojeda Cáceres Ramón Giménez Duarte Montenegro Andrés Martín
José María Inés Sebastián Julián Joaquín Agustín Nicolás Tomás Lucía Sofía Mónica Verónica Ángel
Raúl Héctor Víctor Óscar Rubén Germán Simón Belén Iván Adrián Fabián Damián Cristián Hernán
Valentín Benjamín Máximo Matías Elías Jesús Ángela Zoé Noemí Dalmacio Ruiz Estéfano Ramírez Lázaro
Ángeles Rocío Araceli Débora Aníbal Efraín Leonardo Gastón Nahuel Tobías Lautaro Milagros Dámaso
Cortés Páez Báez Ordóñez Ibáñez Bolívar Perón Echeverría Avellaneda Alcorta Sarmiento Belgrano
""".split()}

BARRIOS = """Agronomía Almagro Balvanera Barracas Belgrano Boedo Caballito Chacarita Coghlan Colegiales
Constitución Flores Floresta La_Boca La_Paternal Liniers Mataderos Monte_Castro Monserrat Nueva_Pompeya
Núñez Palermo Parque_Avellaneda Parque_Chacabuco Parque_Chas Parque_Patricios Puerto_Madero Recoleta
Retiro Saavedra San_Cristóbal San_Nicolás San_Telmo Vélez_Sarsfield Versalles Villa_Crespo Villa_del_Parque
Villa_Devoto Villa_General_Mitre Villa_Lugano Villa_Luro Villa_Ortúzar Villa_Pueyrredón Villa_Real
Villa_Riachuelo Villa_Santa_Rita Villa_Soldati Villa_Urquiza Barrio_Padre_Mugica Villa_31 Villa_1-11-14
Barrio_Rivadavia Villa_20 Barrio_Ramón_Carrillo Villa_21-24 Barrio_Piletones""".split()
BARRIOS = [b.replace("_", " ") for b in BARRIOS]
ABROAD = """Paraguay Bolivia Perú Uruguay Chile Brasil Venezuela Colombia Asunción Lima La_Paz Montevideo
Santiago_de_Chile Caracas Bogotá Cochabamba Encarnación Santa_Cruz_de_la_Sierra Madrid Rosario Córdoba
Mendoza Mar_del_Plata La_Plata Ushuaia""".split()
ABROAD = [b.replace("_", " ") for b in ABROAD]

COURTS = ["Tribunal Oral en lo Criminal y Correccional N° {n}", "Juzgado Nacional en lo Criminal y Correccional N° {n}",
          "Juzgado de Primera Instancia en lo Penal, Contravencional y de Faltas N° {n}",
          "Cámara de Apelaciones en lo Penal, Penal Juvenil, Contravencional y de Faltas, Sala {r}",
          "Cámara Nacional de Apelaciones en lo Criminal y Correccional, Sala {r}",
          "Fiscalía en lo Penal, Contravencional y de Faltas N° {n}", "Defensoría Oficial N° {n}",
          "Unidad Fiscal Sudeste", "Unidad Fiscal Norte", "Ministerio Público Fiscal de la Ciudad Autónoma de Buenos Aires",
          "Tribunal Superior de Justicia", "Juzgado Nacional de Menores N° {n}", "Comisaría Vecinal {n}-{a}",
          "Policía de la Ciudad", "Cuerpo de Investigaciones Judiciales", "Oficina de Asistencia a la Víctima y al Testigo"]
LAWS = ["art. 189 bis del Código Penal", "artículo 164 del C.P.", "ley 23.737", "art. 149 bis del CP",
        "arts. 45 y 166 inc. 2° del Código Penal", "art. 161 del Código Procesal Penal de la Ciudad",
        "ley 1472 (Código Contravencional)", "art. 52 del Código Contravencional", "art. 18 de la Constitución Nacional",
        "ley 26.485 de Protección Integral a las Mujeres", "art. 76 bis del Código Penal", "art. 311 del CPPCABA"]
POPULAR = """Corrientes|Rivadavia|Santa Fe|Cabildo|Lavalle|Florida|Callao|Córdoba|Pueyrredón|Belgrano|Independencia|San Juan|
Entre Ríos|Jujuy|Juan B. Justo|Álvarez Thomas|Directorio|Avellaneda|Boedo|Scalabrini Ortiz|Coronel Díaz|Las Heras|del Libertador|
Nazca|Segurola|Juan Bautista Alberdi|Eva Perón|Sáenz|Perito Moreno|Larrazábal|Piedras|Tacuarí|Bolívar|Defensa|Perú|Chile|México|
Hipólito Yrigoyen|Alsina|Moreno|Paseo Colón|Azopardo|Garay|Caseros|Brasil|Humberto Primo|Carlos Calvo|Estados Unidos|Mitre|
Montes de Oca|Almirante Brown|Olavarría|Gaona|Emilio Castro|Lacarra|Mariano Acosta|Dellepiane|Roca|27 de Febrero|Cruz|Medrano|
Díaz Vélez|Acoyte|Directorio|Gral. Paz|General Paz|Triunvirato|Monroe|Crámer|Elcano|Forest|Warnes|Jorge Newbery|Dorrego|
Juramento|Mendoza|Sarmiento|Tucumán|Uruguay|Talcahuano|Paraná|Riobamba|Ayacucho|Junín|Viamonte|Tte. Gral. Perón|Maipú|Esmeralda|
Suipacha|Reconquista|25 de Mayo|Leandro N. Alem|Balcarce|Chacabuco|Venezuela|Salta|Solís|Entre Ríos|La Rioja|Catamarca|
Saavedra|Lima|Pichincha|Castelli|Urquiza|Jean Jaures|Anchorena|Billinghurst|Bulnes|Mario Bravo|Gascón|Guardia Vieja""".replace("\n", "").split("|")
MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
LOWER_WORDS = {"de", "del", "la", "las", "los", "y", "el", "en"}


def _read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and l.strip().isalpha() or (l.strip() and " " in l.strip())]


def _title(s):
    out = []
    for i, w in enumerate(s.split()):
        lw = w.lower()
        if i > 0 and lw in LOWER_WORDS:
            out.append(lw)
        else:
            out.append(ACCENTED.get(lw, lw[:1].upper() + lw[1:]))
    return " ".join(out)


class Gaz:
    def __init__(self, split):
        g = os.path.join(DATA, "gazetteers")
        names = [l.strip() for l in open(os.path.join(g, "nombres-arg/names.csv"), encoding="utf-8")]
        lasts = [l.strip() for l in open(os.path.join(g, "nombres-arg/lastnames.csv"), encoding="utf-8")]
        names = [n for n in names[:40000] if n.replace(" ", "").isalpha() and len(n) > 1]
        lasts = [n for n in lasts[:60000] if n.replace(" ", "").replace("'", "").isalpha() and len(n) > 1]
        keep = (lambda i: i % 10 != 0) if split == "train" else (lambda i: i % 10 == 0)
        self.names = [_title(n) for i, n in enumerate(names) if keep(i)]
        self.lasts = [_title(n) for i, n in enumerate(lasts) if keep(i)]
        streets = []
        for line in open(os.path.join(g, "georef-ar/caba_streets.json"), encoding="utf-8"):
            o = json.loads(line)
            if "nombre" in o and o["nombre"]:
                streets.append((o.get("tipo") or "CALLE", _title(o["nombre"]), o.get("altura_inicial") or 1,
                                o.get("altura_final") or 3000))
        self.streets = [s for i, s in enumerate(streets) if keep(i) or split == "train" and i % 10 == 0 and random.random() < 0]
        locs = []
        for line in open(os.path.join(g, "georef-ar/localidades.json"), encoding="utf-8"):
            o = json.loads(line)
            if "nombre" in o:
                locs.append((o["nombre"], o["provincia"]["nombre"]))
        self.locs = [l for i, l in enumerate(locs) if keep(i)]
        self.provs = sorted({p for _, p in locs})

    def zipf(self, lst, rng):
        n = len(lst)
        if rng.random() < 0.7:
            i = int(math.exp(rng.uniform(0, math.log(min(n, 3000))))) - 1
        else:
            i = rng.randrange(n)
        return lst[min(i, n - 1)]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").replace("\u0303", "")


class Doc:
    """Text builder that records spans."""

    def __init__(self):
        self.parts = []
        self.spans = []
        self.n = 0

    def add(self, s, label=None):
        if label and s:
            self.spans.append((self.n, self.n + len(s), label))
        self.parts.append(s)
        self.n += len(s)

    def text(self):
        return "".join(self.parts)


class Gen:
    def __init__(self, split, seed):
        self.rng = random.Random(seed)
        self.g = Gaz(split)

    # --- entity surface forms -------------------------------------------
    def person(self, style=None):
        r, g = self.rng, self.g
        firsts = [g.zipf(g.names, r) for _ in range(1 if r.random() < 0.45 else 2)]
        lasts = [g.zipf(g.lasts, r) for _ in range(1 if r.random() < 0.7 else 2)]
        if r.random() < 0.04:
            firsts = ["María de los Ángeles"] if r.random() < 0.5 else ["María del Carmen"]
        if r.random() < 0.03:
            lasts = [lasts[0], "de", g.zipf(g.lasts, r)]
        f, l = " ".join(firsts), " ".join(lasts)
        style = style or r.choices(["fl", "L,f", "LF", "FL_UP", "l", "f.l", "fl_up_l", "lf"], [40, 18, 6, 6, 12, 5, 8, 5])[0]
        if style == "fl":
            s = f + " " + l
        elif style == "L,f":
            s = (l.upper() if r.random() < 0.6 else l) + ", " + f
        elif style == "LF":
            s = l.upper() + " " + f.upper()
        elif style == "FL_UP":
            s = (f + " " + l).upper()
        elif style == "l":
            s = l
        elif style == "f.l":
            s = " ".join(x[0] + "." for x in firsts) + " " + l
        elif style == "fl_up_l":
            s = f + " " + l.upper()
        else:
            s = l + " " + f
        return s

    def first_only(self):
        return self.g.zipf(self.g.names, self.rng)

    def street_name(self):
        r = self.rng
        if r.random() < 0.4:
            return r.choice(POPULAR), "AVENIDA" if r.random() < 0.4 else "CALLE", 1, 6000
        tipo, name, a0, a1 = r.choice(self.g.streets)
        w = name.split()
        if len(w) == 2 and r.random() < 0.5 and not any(x in LOWER_WORDS for x in w) and not w[0][0].isdigit():
            name = w[1] + " " + w[0]  # georef stores "Fader Fernando"; streets are said "Fernando Fader"
        return name, tipo, a0, a1

    def street(self, number=True):
        """-> (prefix outside the span, span text)."""
        r = self.rng
        name, tipo, a0, a1 = self.street_name()
        try:
            num = r.randint(int(a0), max(int(a0) + 1, int(a1 or 3000)))
        except Exception:
            num = r.randint(1, 5000)
        pre = {"AVENIDA": r.choice(["Av. ", "Avenida ", "avenida ", "Avda. ", "AV. ", ""]),
               "PASAJE": r.choice(["Pasaje ", "pasaje ", "Pje. "])}.get(tipo, r.choice(["", "", "calle ", "Calle "]))
        outside = ""
        if pre.lower().startswith(("calle", "avenida")) and r.random() < 0.5:
            outside, pre = pre, ""
        s = pre + name
        if number:
            s += " " + r.choice([str(num), str(num), f"n° {num}", f"N° {num}", f"nro. {num}", f"{num:,}".replace(",", "."), f"Nº {num}"])
            if r.random() < 0.3:
                s += r.choice([f", piso {r.randint(1, 14)}°", f", {r.randint(1, 14)}° piso", f", piso {r.randint(1, 14)}, depto. \"{r.choice('ABCDEFGH')}\"",
                               f" {r.randint(1, 14)}° \"{r.choice('ABCDEF')}\"", f", departamento {r.randint(1, 30)}", f", dpto. {r.randint(1, 9)}{r.choice('ABCD')}"])
        return outside, s

    def villa_addr(self):
        r = self.rng
        return r.choice([f"Manzana {r.randint(1, 40)}, Casa {r.randint(1, 120)}", f"Manzana {r.randint(1, 40)} casa {r.randint(1, 120)}",
                         f"Mza. {r.randint(1, 40)}, Casa {r.randint(1, 120)}", f"Casa {r.randint(1, 120)}, Manzana {r.randint(1, 40)}"])

    def place(self):
        r, g = self.rng, self.g
        k = r.random()
        if k < 0.45:
            return r.choice(BARRIOS)
        if k < 0.8:
            return r.choice(g.locs)[0]
        if k < 0.9:
            return r.choice(g.provs)
        return r.choice(ABROAD)

    def num(self, a=1, b=99):
        return str(self.rng.randint(a, b))

    def date(self):
        r = self.rng
        return r.choice([f"{r.randint(1, 28)} de {r.choice(MONTHS)} de {r.randint(1950, 2025)}",
                         f"{r.randint(1, 28)}/{r.randint(1, 12)}/{r.randint(1950, 2025)}",
                         f"{r.randint(1, 28)}.{r.randint(1, 12)}.{r.randint(10, 25)}"])

    def dni(self):
        n = self.rng.randint(10_000_000, 48_000_000)
        return self.rng.choice([f"{n:,}".replace(",", "."), str(n)])

    def court(self):
        r = self.rng
        return r.choice(COURTS).format(n=r.randint(1, 30), r=r.choice(["I", "II", "III", "IV", "V", "VI", "1", "2", "3"]), a=r.choice("ABC"))

    # --- sentences --------------------------------------------------------
    def sentence(self, d, cast):
        """Append one sentence using templates; `cast` = persons of the case."""
        r = self.rng
        P = lambda: r.choice(cast) if r.random() < 0.5 else self.person()
        T = r.randrange(34)
        a = d.add
        role = lambda: r.choice(["el imputado", "la imputada", "el acusado", "la damnificada", "el damnificado",
                                 "la denunciante", "el testigo", "la testigo", "el Sr.", "la Sra.", "el señor", "la señora",
                                 "el menor", "la niña", "el niño", "el oficial", "la agente", "el cabo", "el sargento", "el preventor",
                                 "el encausado", "la víctima", "su pareja", "su hermano", "su madre", "la progenitora", "el vecino"])
        if T == 0:
            a(f"Que {role()} "); a(P(), "PERSONA"); a(f", DNI {self.dni()}, de {r.randint(18, 80)} años, con domicilio en ")
            self._addr(d); a(", ")
            if r.random() < 0.7:
                a("barrio " if r.random() < 0.3 else ""); a(self.place(), "LUGAR"); a(", ")
            a("manifestó que " + r.choice(["no tenía nada que agregar.", "se negaba a declarar.", "los hechos ocurrieron tal como fueron descriptos.", "desconocía a la persona mencionada."]))
        elif T == 1:
            a(f"En la ciudad de Buenos Aires, a los {self.num(1, 30)} días del mes de {r.choice(MONTHS)} de {self.num(2015, 2025)}, se reúnen los integrantes del {self.court()}, Dres. ")
            a(self.person("fl"), "PERSONA"); a(", "); a(self.person("fl"), "PERSONA"); a(" y "); a(self.person("fl"), "PERSONA")
            a(", para resolver en la causa caratulada \""); a(self.person("L,f"), "PERSONA"); a(f" s/ {r.choice(['robo', 'lesiones', 'amenazas', 'infracción ley 23.737', 'hurto', 'daño', 'portación de arma de fuego', 'homicidio'])}\".")
        elif T == 2:
            a("Se encuentra acreditado que el día "); a(self.date()); a(", siendo aproximadamente las " + f"{r.randint(0, 23)}:{r.randint(0, 59):02d} horas, ")
            a(role() + " "); a(P(), "PERSONA"); a(" se encontraba en la intersección de ")
            o1, s1 = self.street(number=False); o2, s2 = self.street(number=False)
            a("las calles " if r.random() < 0.3 else ""); a(s1 + " y " + s2, "DIRECCION")
            a(" de esta ciudad, " + r.choice(["cuando fue abordado por dos sujetos.", "oportunidad en la que fue detenido.", "donde se produjo el altercado."]))
        elif T == 3:
            a("Prestó declaración testimonial "); a(P(), "PERSONA"); a(", quien refirió que conocía a "); a(P(), "PERSONA")
            a(" desde hacía " + self.num(2, 20) + " años y que vivían juntos en ")
            self._addr(d); a(".")
        elif T == 4:
            a("La defensa oficial, a cargo de la Dra. " if r.random() < 0.5 else "El Dr. "); a(self.person(r.choice(["fl", "f.l"])), "PERSONA")
            a(f", solicitó la {r.choice(['absolución', 'nulidad del procedimiento', 'suspensión del juicio a prueba', 'excarcelación', 'morigeración de la prisión preventiva'])} de su asistido ")
            a(P(), "PERSONA"); a(f" en los términos del {r.choice(LAWS)}.")
        elif T == 5:
            a("Nacido el " + self.date() + " en "); a(self.place(), "LUGAR"); a(", hijo de "); a(self.person("fl"), "PERSONA"); a(" y de ")
            a(self.person("fl"), "PERSONA"); a(f", de estado civil {r.choice(['soltero', 'casado', 'divorciado', 'viudo'])}, de ocupación {r.choice(['albañil', 'comerciante', 'desocupado', 'empleado', 'estudiante', 'remisero'])}.")
        elif T == 6:
            a(f"Conforme surge del acta de detención de fs. {self.num(1, 300)}, el personal de la {self.court()} procedió a la detención de ")
            a(P(), "PERSONA"); a(" en la puerta del inmueble sito en "); self._addr(d); a(".")
        elif T == 7:
            a(f"Por ello, el {self.court()} RESUELVE: I. CONDENAR a "); a(P().upper() if r.random() < 0.5 else P(), "PERSONA")
            a(f", de las demás condiciones personales obrantes en autos, a la pena de {self.num(1, 12)} años de prisión, por ser autor penalmente responsable del delito previsto en el {r.choice(LAWS)}.")
        elif T == 8:
            a("Regístrese, notifíquese y oportunamente archívese. "); a(self.person(r.choice(["fl", "FL_UP"])), "PERSONA"); a(r.choice([" Juez", " Jueza", ", Juez de Cámara", " - Secretario", ", Prosecretaria Coadyuvante", " Juez de Primera Instancia"]))
        elif T == 9:
            a("Ante mí: "); a(self.person("fl"), "PERSONA"); a(r.choice([", Secretaria.", ", Secretario.", ". Secretario Letrado."]))
        elif T == 10:
            a(f"A preguntas de la fiscalía, {r.choice(['la testigo', 'el testigo', 'la denunciante'])} "); a(self.first_only(), "PERSONA")
            a(" dijo que " + r.choice(["su hijo", "su ex pareja", "el vecino del fondo"]) + ", de nombre "); a(self.first_only(), "PERSONA")
            a(", la había amenazado en reiteradas oportunidades en el domicilio de "); self._addr(d); a(".")
        elif T == 11:
            a(f"Llegan las presentes actuaciones a conocimiento de esta Sala en virtud del recurso de apelación interpuesto por {r.choice(['la defensa', 'el Ministerio Público Fiscal', 'la querella'])} contra la resolución dictada el {self.date()}.")
        elif T == 12:
            a(f"Que el {r.choice(LAWS)} establece que la pena será de {self.num(1, 6)} a {self.num(6, 15)} años, por lo que corresponde confirmar la resolución recurrida.")
        elif T == 13:
            a("Se recibió declaración a "); a(P(), "PERSONA"); a(f", titular del DNI {self.dni()}, domiciliada en "); self._addr(d); a(", ")
            a(r.choice(["Piso ", "piso "]) + self.num(1, 12) + ", de la localidad de "); a(self.place(), "LUGAR"); a(", provincia de "); a(r.choice(self.g.provs), "LUGAR"); a(".")
        elif T == 14:
            a(f"En el marco del legajo de investigación N° {self.num(1000, 99999)}/{self.num(2015, 2025)}, la Fiscalía dispuso el allanamiento de la vivienda ubicada en ")
            if r.random() < 0.4:
                a(self.villa_addr(), "DIRECCION"); a(" del "); a(r.choice(BARRIOS[-8:]), "LUGAR")
            else:
                self._addr(d)
            a(", de esta ciudad.")
        elif T == 15:
            a(f"Teléfono de contacto: 11-{self.num(4000, 6999)}-{self.num(1000, 9999)}. Correo electrónico informado por "); a(P(), "PERSONA"); a(".")
        elif T == 16:
            a("La Sra. "); a(self.person("fl"), "PERSONA"); a(" manifestó que se domicilia junto a sus hijos "); a(self.first_only(), "PERSONA"); a(f" ({self.num(3, 17)}) y ")
            a(self.first_only(), "PERSONA"); a(f" ({self.num(3, 17)}) en "); a(self.place(), "LUGAR"); a(".")
        elif T == 17:
            a(f"Así, los Dres. "); a(self.person("fl"), "PERSONA"); a(" y "); a(self.person("fl"), "PERSONA"); a(" dijeron:")
        elif T == 18:
            a(f"La Corte Suprema de Justicia de la Nación sostuvo en Fallos {self.num(200, 345)}:{self.num(100, 3000)} que el derecho de defensa en juicio exige que el imputado sea oído.")
        elif T == 19:
            a("Resultó víctima "); a(P(), "PERSONA"); a(", quien circulaba por "); self._addr(d, number=r.random() < 0.5); a(" a bordo de su vehículo.")
        elif T == 20:
            a(f"Que el {self.court()} resolvió, con fecha {self.date()}, declarar la incompetencia y remitir las actuaciones a la justicia de ")
            a(r.choice(self.g.provs), "LUGAR"); a(".")
        elif T == 21:
            a("Del informe socioambiental surge que "); a(P(), "PERSONA"); a(" reside desde hace " + self.num(1, 20) + " años en el barrio "); a(r.choice(BARRIOS), "LUGAR")
            a(", junto a su pareja "); a(self.person("fl"), "PERSONA"); a(".")
        elif T == 22:
            a("Imputado: "); a(self.person(r.choice(["L,f", "LF", "FL_UP"])), "PERSONA"); a(f" (DNI {self.dni()}), argentino, nacido el {self.date()}, domiciliado en ")
            self._addr(d); a(", "); a(self.place(), "LUGAR"); a(".")
        elif T == 23:
            a("Contra la decisión interpusieron recurso de casación los Dres. "); a(self.person("fl"), "PERSONA"); a(" y "); a(self.person("f.l"), "PERSONA")
            a(f", defensores de {r.choice(['la imputada', 'el imputado'])}.")
        elif T == 24:
            a(f"En cuanto a la calificación legal, la conducta encuadra en el {r.choice(LAWS)}, en calidad de autor.")
        elif T == 25:
            a("El agente "); a(self.person(r.choice(["fl", "l"])), "PERSONA"); a(f", de la {self.court()}, relató que al llegar al lugar observó a "); a(P(), "PERSONA")
            a(" que corría en dirección a "); self._addr(d, number=False); a(".")
        elif T == 26:
            a(f"Que la parte querellante, representada por el Dr. "); a(self.person("fl"), "PERSONA"); a(f", constituyó domicilio en "); self._addr(d); a(", " + r.choice(["CABA", "C.A.B.A."]) + ".")
        elif T == 27:
            a("Los hechos ocurrieron en la localidad de "); a(self.place(), "LUGAR"); a(", partido de "); a(self.place(), "LUGAR"); a(".")
        elif T == 28:
            a(f"Visto el expediente {self.num(1000, 99999)}/{self.num(2018, 2025)} caratulado \""); a(self.person("L,f"), "PERSONA"); a(" y otros s/ " + r.choice(["lesiones leves", "robo agravado", "amenazas coactivas"]) + "\", y CONSIDERANDO:")
        elif T == 29:
            a(P(), "PERSONA"); a(" " + r.choice(["negó los hechos que se le imputan.", "se abstuvo de declarar.", "reconoció haber estado en el lugar.", "aceptó la propuesta de reparación."]))
        elif T == 30:
            a(f"Por todo lo expuesto, el Tribunal, por mayoría, RESUELVE: CONFIRMAR el auto de fs. {self.num(10, 300)} en todo cuanto fuera materia de recurso.")
        elif T == 31:
            a("Que la niña "); a(self.first_only(), "PERSONA"); a(f", de {self.num(4, 16)} años, fue escuchada en Cámara Gesell el {self.date()}, donde relató que "); a(self.first_only(), "PERSONA"); a(" la tocaba.")
        elif T == 32:
            a("Al momento de la requisa se le secuestró un teléfono celular y la suma de $" + self.num(100, 90000) + ", conforme el acta suscripta por los testigos "); a(self.person("fl"), "PERSONA"); a(" y "); a(self.person("fl"), "PERSONA"); a(".")
        else:
            a(f"Que la {r.choice(['Dra.', 'Sra. jueza', 'jueza'])} "); a(self.person(r.choice(["fl", "l"])), "PERSONA"); a(" dijo: Adhiero al voto de mi colega preopinante por compartir sus fundamentos.")

    def _addr(self, d, number=True):
        o, s = self.street(number)
        d.add(o)
        d.add(s, "DIRECCION")

    def document(self):
        r = self.rng
        cast = [self.person() for _ in range(r.randint(1, 4))]
        # surname-only back references to cast members
        d = Doc()
        d.add(r.choice(["", "", f"Buenos Aires, {self.date()}.\n\n", "VISTOS:\n", f"Causa N° {self.num(1000, 99999)}/{self.num(2018, 2025)}\n"]))
        nsent = r.randint(4, 30)
        para = r.randint(2, 6)
        for i in range(nsent):
            self.sentence(d, cast)
            d.add("\n\n" if (i + 1) % para == 0 else " ")
        return noise(d.text(), d.spans, r)


OCR = {"l": "1", "1": "l", "O": "0", "o": "0", "e": "c", "c": "e", "m": "rn", "rn": "m", "i": "í", "a": "á", "n": "ñ", "s": "5", "S": "5", "B": "8"}


def noise(text, spans, r):
    """Apply document-level noise keeping spans aligned: case, accents, OCR
    substitutions, line breaks inside entities, CRLF."""
    chars = list(text)
    lab = [None] * len(chars)
    for k, (s, e, l) in enumerate(spans):
        for i in range(s, e):
            lab[i] = (k, l)
    p_ocr = r.choice([0, 0, 0, 0, 0.003, 0.01])
    strip = r.random() < 0.15
    upper_doc = r.random() < 0.06
    crlf = r.random() < 0.1
    break_names = r.random() < 0.25
    emoji = r.random() < 0.1  # chat transcripts: symbols the vocabulary lacks become [UNK]
    out, olab = [], []
    for i, c in enumerate(chars):
        t = c
        if upper_doc:
            t = t.upper()
        if strip and t in "áéíóúÁÉÍÓÚ":
            t = strip_accents(t)
        if p_ocr and r.random() < p_ocr and t in OCR:
            t = OCR[t]
        if t == " " and lab[i] is not None and break_names and r.random() < 0.15:
            t = "\n"
        if t == "\n" and crlf:
            t = "\r\n"
        if emoji and t == " " and lab[i] is None and r.random() < 0.03:
            t = " " + "".join(chr(r.randint(0x1F300, 0x1FAFF)) for _ in range(r.randint(1, 3))) + " "
        for ch in t:
            out.append(ch)
            olab.append(lab[i])
    new = "".join(out)
    # rebuild spans
    res = {}
    for i, x in enumerate(olab):
        if x is None:
            continue
        k, l = x
        if k in res:
            res[k][1] = i + 1
        else:
            res[k] = [i, i + 1, l]
    sp = sorted((s, e, l) for s, e, l in res.values())
    return new, sp


def generate(split, n, seed):
    g = Gen(split, seed)
    docs = []
    for _ in range(n):
        t, sp = g.document()
        docs.append({"text": t, "spans": sp, "src": "synth"})
    return docs


if __name__ == "__main__":
    import sys
    for d in generate("train", int(sys.argv[1]) if len(sys.argv) > 1 else 2, 1):
        print(d["text"])
        for s, e, l in d["spans"]:
            print("  ", l, repr(d["text"][s:e]))
