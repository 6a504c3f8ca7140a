"""Pydantic-Schemas der drei Dateiarten: Region, Vertrag, Programm.

Streng: unbekannte Schlüssel sind Fehler, Typen werden nicht umgedeutet
(eine Zahl ist kein Text). Zeitangaben werden von :mod:`netzwerk_cli.datum`
gelesen, damit ungenaue Daten ehrlich bleiben.

Ohne ``from __future__ import annotations``: Pydantic müsste sonst jede Annotation
als Text nachträglich auswerten (beim Start messbar teurer).
"""

import re
from datetime import date
from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    SerializerFunctionWrapHandler,
    WithJsonSchema,
    model_serializer,
)
from pydantic_core import PydanticCustomError

from .datum import DatumFehler, Zeitangabe, tag
from .webadresse import WEBADRESSE_MUSTER, will_webadresse

REGIERUNGSBEZIRKE = ("Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster")
ARTEN = ("Kreis", "kreisfreie Stadt")

Regierungsbezirk = Literal["Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster"]
Art = Literal["Kreis", "kreisfreie Stadt"]

# Kreisschlüssel (5 Ziffern) oder Gemeindeschlüssel (8): dieselbe Form trägt auch
# größere Programme; zu welchem Land die Schlüssel gehören, sagt programm.yaml (ags_praefix).
_AGS = re.compile(r"^[0-9]{5}([0-9]{3})?$")


def _ags(wert: Any) -> str:
    if isinstance(wert, str) and _AGS.match(wert):
        return wert
    if isinstance(wert, str):
        raise PydanticCustomError(
            "ags",
            "„{wert}“ ist kein amtlicher Schlüssel (AGS): fünf Ziffern (Kreis) oder acht (Gemeinde)",
            {"wert": wert},
        )
    raise PydanticCustomError("string_type", "Text erwartet", {})


def _zeitangabe(wert: Any) -> Zeitangabe:
    if isinstance(wert, Zeitangabe):
        return wert
    if isinstance(wert, bool) or not isinstance(wert, (str, int)):
        raise PydanticCustomError("string_type", "Text erwartet", {})
    try:
        return Zeitangabe.lies(wert)
    except DatumFehler as e:
        raise PydanticCustomError("datum", "{fehler}", {"fehler": str(e)}) from None


def _tag(wert: Any) -> date:
    if isinstance(wert, date):
        return wert
    if not isinstance(wert, str):
        raise PydanticCustomError("string_type", "Text erwartet", {})
    try:
        return tag(wert)
    except DatumFehler as e:
        raise PydanticCustomError("datum", "{fehler}", {"fehler": str(e)}) from None


_ZEITANGABE_SCHEMA: dict[str, Any] = {
    "description": "Zeitangabe: 2010-05-06, 2010-05, 2010, 'spätestens 2010-05-06', "
    "'frühestens 2019-08' oder 'zwischen 2019-03-15 und 2019-07-08'",
    "anyOf": [
        {
            "type": "string",
            "pattern": r"^\s*((sp(ä|ae)testens|fr(ü|ue)hestens)\s+\d{4}(-\d{1,2}(-\d{1,2})?)?"
            r"|zwischen\s+\d{4}(-\d{1,2}(-\d{1,2})?)?\s+und\s+\d{4}(-\d{1,2}(-\d{1,2})?)?"
            r"|\d{4}(-\d{1,2}(-\d{1,2})?)?)\s*$",
        },
        {"type": "integer", "minimum": 1900, "maximum": 2999},
    ],
}

AGS = Annotated[
    str,
    BeforeValidator(_ags),
    WithJsonSchema(
        {"type": "string", "pattern": r"^[0-9]{5}([0-9]{3})?$", "description": "Amtlicher Schlüssel"}
    ),
]
# PlainValidator: Pydantic baut kein Schema aus den Feldern der Klasse Zeitangabe, netz liest selbst
ZeitangabeFeld = Annotated[Zeitangabe, PlainValidator(_zeitangabe), WithJsonSchema(_ZEITANGABE_SCHEMA)]
Tag = Annotated[
    date,
    BeforeValidator(_tag),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "JJJJ-MM-TT"}),
]
Text = Annotated[str, Field(min_length=1)]
#: Schreibweise eines Höchstalters (kern.belege): Zahl und Einheit, „3y“, „3 Jahre“, „18m“,
#: „90d“. Ohne Schalter für Groß-/Kleinschreibung, damit dasselbe Muster im JSON Schema gilt.
ALTER_MUSTER = r"^\s*[1-9][0-9]{0,3}\s*(y|j|J|Jahr|Jahre|m|M|Monat|Monate|d|t|T|Tag|Tage)\s*$"

_ALTER = re.compile(ALTER_MUSTER)


def _hoechstalter(wert: Any) -> str:
    if isinstance(wert, str) and _ALTER.match(wert):
        return wert
    if isinstance(wert, str):
        raise PydanticCustomError(
            "hoechstalter",
            "„{wert}“ ist kein Höchstalter; erlaubt sind z. B. 3y, 3 Jahre, 18m, 18 Monate, 90d, 90 Tage",
            {"wert": wert},
        )
    raise PydanticCustomError("string_type", "Text erwartet", {})


HoechstalterFeld = Annotated[
    str,
    BeforeValidator(_hoechstalter),
    WithJsonSchema({"type": "string", "pattern": ALTER_MUSTER, "description": "Alter, z. B. 3y oder 18m"}),
]

# defer_build: die Prüfer entstehen erst beim ersten Prüfen; Befehle, die nichts prüfen
# (Hilfe, schema), bezahlen sie nicht.
_STRENG = ConfigDict(
    strict=True,
    extra="forbid",
    frozen=True,
    arbitrary_types_allowed=True,
    regex_engine="python-re",
    defer_build=True,
)


# --- Quellen: eine Webadresse oder Datei unter quellen/, als Text oder als Objekt geschrieben ---


def _zitat(wert: str) -> str:
    if not wert.strip():  # nur Leerraum ist so leer wie ""
        raise PydanticCustomError("zitat_leer", "darf nicht leer sein", {})
    return wert


_WEB = WEBADRESSE_MUSTER
# im Schema: eine Webadresse oder eine Datei unter quellen/ (netz selbst prüft in pruefen.quellen)
_ORT = r"^(https?://[!#-&(-;=?-\[\]-_a-~]+|quellen/\S+)$"


class Quelle(BaseModel):
    """Eine Quelle, die ihren Link überlebt: wo sie steht (``url``: eine Webadresse oder eine
    Datei unter ``quellen/``), wann sie erschien, mit dem Tag des Abrufs, einer archivierten
    Kopie und dem Satz, den sie belegt. Nur ``url`` ist Pflicht; netz erfindet weder Abrufdatum noch
    Archivadresse noch Erscheinungsdatum (siehe docs/quellen.md).

    Nach dem Lesen ist jede Quelle eine ``Quelle`` – in der YAML-Datei darf sie auch schlicht
    als Text stehen (``- https://…``); das ist dieselbe Quelle mit nur ``url``
    (:data:`QuelleFeld` liest, :meth:`schlicht` schreibt diese Form)."""

    model_config = _STRENG

    url: Text = Field(
        description="Webadresse der Quelle (https:// oder http://) oder Datei unter quellen/",
        json_schema_extra={"pattern": _ORT},
    )
    veroeffentlicht: ZeitangabeFeld | None = Field(
        default=None,
        description="Wann die Quelle veröffentlicht wurde, so genau, wie sie es sagt (wie bei Verträgen: "
        "2019-07-09, 2019-07, 2019, 'spätestens 2010-05-06', 'zwischen 2019-03-15 und 2019-07-08')",
    )
    abgerufen: Tag | None = Field(
        default=None, description="Tag, an dem die Seite gelesen wurde (JJJJ-MM-TT)"
    )
    archiv: Text | None = Field(
        default=None,
        description="Webadresse einer archivierten Kopie, z. B. https://web.archive.org/web/2024…/https://…",
        json_schema_extra={"pattern": _WEB},
    )
    zitat: (
        Annotated[
            str,
            AfterValidator(_zitat),
            WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"}),
        ]
        | None
    ) = Field(default=None, description="Der Satz der Quelle, der die Angabe stützt (wörtlich)")

    @property
    def ist_web(self) -> bool:
        """Will die Quelle eine Webadresse sein (http:// oder https://)? Ob sie eine gültige
        ist, sagt :func:`~.webadresse.ist_webadresse` (NZ602 in pruefen.quellen)."""
        return will_webadresse(self.url)

    def schlicht(self) -> str | None:
        """Die schlichte Schreibweise (nur die Adresse als Text), wenn die Quelle nichts weiter
        trägt – so schreiben netz' YAML und JSON sie wieder, wie sie meist in den Daten steht."""
        weiteres = (getattr(self, name) for name in type(self).model_fields if name != "url")
        return self.url if all(w is None for w in weiteres) else None

    @model_serializer(mode="wrap")
    def _schreiben(self, weiter: SerializerFunctionWrapHandler) -> Any:
        # model_dump (JSON der Befehle) schreibt sie wie die YAML-Datei: schlicht, wenn sie nur
        # eine Adresse ist – so bleibt „statistik_quelle“ in netz show --format json ein Text
        schlicht = self.schlicht()
        return schlicht if schlicht is not None else weiter(self)

    def __str__(self) -> str:
        # so erscheint eine Quelle in Texten, die nur eine Adresse erwarten (netz diff)
        return self.url if self.archiv is None else f"{self.url} (Archiv: {self.archiv})"


def _quelle(wert: Any) -> Any:
    """Die schlichte Schreibweise (Text) als Quelle mit nur ``url``; eine Zuordnung prüft das
    Modell. Alles andere ist „Text erwartet“ (wie bei jedem Textfeld)."""
    if isinstance(wert, str):
        if not wert:
            raise PydanticCustomError("string_too_short", "darf nicht leer sein", {"min_length": 1})
        # als Zuordnung an das Modell: pydantic-core baut die Quelle schneller als model_construct
        return {"url": wert}
    if isinstance(wert, (dict, Quelle)):
        return wert
    raise PydanticCustomError("string_type", "Text erwartet", {})


#: Eine Quelle, wo immer die Daten eine nennen – als Text oder als Objekt geschrieben,
#: gelesen immer als :class:`Quelle`.
QuelleFeld = Annotated[Quelle, BeforeValidator(_quelle, json_schema_input_type=Union[Text, Quelle])]  # noqa: UP007

# Früher trugen die beiden Schreibweisen Marken im Ort eines Schemafehlers; es gibt keine mehr.
QUELLEN_MARKEN: frozenset[str] = frozenset()


class Region(BaseModel):
    """Ein Kreis oder eine kreisfreie Stadt (eine Datei in ``regionen/``)."""

    model_config = _STRENG

    ags: AGS = Field(description="Amtlicher Kreisschlüssel, fünfstellig, in Anführungszeichen")
    name: Text = Field(description="Kurzname wie in der Destatis-Tabelle, z. B. 'Köln'")
    bezeichnung: Text = Field(description="Schreibweise des Ministeriums, z. B. 'Stadt Köln'")
    art: Art
    regierungsbezirk: Regierungsbezirk
    nuts3: Annotated[str, Field(pattern=r"^DEA[0-9A-F]{2}$")] | None = None
    einwohner: Annotated[int, Field(ge=0)] | None = None
    flaeche_km2: Annotated[float, Field(gt=0)] | None = None
    statistik_stand: Tag | None = None
    statistik_quelle: QuelleFeld | None = None
    # Gebietsstand: eine Region gilt von gueltig_ab bis gueltig_bis (beide eingeschlossen);
    # fehlt eine Grenze, gilt sie nach dieser Seite offen (so die heutigen Regionen).
    gueltig_ab: Tag | None = Field(default=None, description="Erster Tag, an dem es die Region gab")
    gueltig_bis: Tag | None = Field(default=None, description="Letzter Tag, an dem es die Region gab")
    vorgaenger: list[AGS] = Field(
        default_factory=list, description="Regionen, aus denen diese am Tag gueltig_ab hervorging"
    )
    nachfolger: list[AGS] = Field(
        default_factory=list, description="Regionen, in denen diese nach gueltig_bis aufging"
    )
    quellen: list[QuelleFeld] = Field(default_factory=list, description="Belege für Gebietsstand und Zahlen")
    bemerkung: Text | None = None

    def gilt_am(self, d: date) -> bool:
        """Gab es die Region am Tag ``d``?"""
        return (self.gueltig_ab is None or self.gueltig_ab <= d) and (
            self.gueltig_bis is None or d <= self.gueltig_bis
        )


class Ereignis(BaseModel):
    """Ein datiertes Ereignis eines Netzwerks: Fortsetzungsbeschluss oder Bildungskonferenz."""

    model_config = _STRENG

    datum: ZeitangabeFeld
    angekuendigt: bool = Field(
        default=False,
        description="Nur angekündigt oder geplant: keine Quelle sagt, dass es stattfand – "
        "zählt nicht als abgehalten (z. B. nicht für „keine Konferenz seit …“)",
    )
    quellen: list[QuelleFeld] = Field(default_factory=list)
    bemerkung: Text | None = None


class Bildungsbuero(BaseModel):
    """Die Geschäftsstelle des Netzwerks: wen man anruft."""

    model_config = _STRENG

    name: Text
    adresse: Text | None = None
    ansprechperson: Text | None = None
    telefon: Text | None = None
    email: Text | None = None
    web: Text | None = None
    quellen: list[QuelleFeld] = Field(default_factory=list)


class Lenkungskreis(BaseModel):
    model_config = _STRENG

    konstituiert: ZeitangabeFeld
    quellen: list[QuelleFeld] = Field(default_factory=list)
    bemerkung: Text | None = None


class Vertrag(BaseModel):
    """Ein Kooperationsvertrag (eine Datei in ``vertraege/``)."""

    model_config = _STRENG

    region: AGS = Field(description="AGS der Region, z. B. '05970'")
    unterzeichnet: ZeitangabeFeld
    umfasst: list[AGS] = Field(
        default_factory=list,
        description="Die Regionen, für die der Vertrag bei der Unterzeichnung geschlossen wurde, "
        "wenn es nicht (nur) „region“ war – z. B. die Vorgänger einer später gebildeten Region",
    )
    beginn: ZeitangabeFeld | None = None
    endet: ZeitangabeFeld | None = Field(
        default=None, description="Letzter Tag in Kraft (Kündigung, Auslaufen)"
    )
    ende_grund: Text | None = Field(default=None, description="Kündigung, Auslaufen …")
    ende_quellen: list[QuelleFeld] = Field(default_factory=list)
    quellen: list[QuelleFeld] = Field(default_factory=list)
    bemerkung: Text | None = None
    fortsetzungen: list[Ereignis] = Field(
        default_factory=list, description="Beschlüsse, den Vertrag fortzuführen (kein neuer Vertrag)"
    )
    bildungsbuero: Bildungsbuero | None = None
    lenkungskreis: Lenkungskreis | None = None
    bildungskonferenzen: list[Ereignis] = Field(default_factory=list)


class Ziel(BaseModel):
    model_config = _STRENG

    anzahl: Annotated[int, Field(ge=1)]
    bis: Tag
    quelle: QuelleFeld
    weitere_quellen: list[QuelleFeld] = Field(
        default_factory=list, description="Weitere Quellen, die dasselbe Ziel nennen"
    )
    bemerkung: Text | None = None


class Pruefpunkt(BaseModel):
    """Eine veröffentlichte Zahl oder Liste, gegen die die Vertragsdaten geprüft werden –
    wie eine Saldenbehauptung in hledger: die Quelle behauptet, die Daten müssen es zulassen.

    Zahlen: ``anzahl`` (genau), ``mindestens``, ``hoechstens``. Namen: ``regionen`` (die Quelle
    nennt sie als Regionen mit Netzwerk; mit ``vollstaendig`` ist die Liste abschließend, also
    die genaue Menge) und ``ohne`` (die Quelle nennt oder lässt sie als Regionen ohne Netzwerk).
    """

    model_config = _STRENG

    datum: ZeitangabeFeld | None = None
    anzahl: Annotated[int, Field(ge=0)] | None = None
    mindestens: Annotated[int, Field(ge=0)] | None = None
    hoechstens: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Obergrenze: höchstens so viele Regionen mit Netzwerk"
    )
    regierungsbezirk: Regierungsbezirk | None = None
    regionen: list[AGS] | None = Field(
        default=None, description="AGS der Regionen, die die Quelle mit Netzwerk aufführt"
    )
    vollstaendig: bool = Field(
        default=False, description="Die Liste in „regionen“ ist abschließend: sonst hat keine ein Netzwerk"
    )
    ohne: list[AGS] = Field(
        default_factory=list, description="AGS der Regionen, die laut Quelle kein Netzwerk haben"
    )
    aussage: Text
    quelle: QuelleFeld
    weitere_quellen: list[QuelleFeld] = Field(
        default_factory=list,
        description="Weitere Quellen derselben Aussage (z. B. eine, die die Zahl anders aufschlüsselt)",
    )
    pruefen: bool = True
    bemerkung: Text | None = None

    @property
    def prueft_etwas(self) -> bool:
        return (
            self.anzahl is not None
            or self.mindestens is not None
            or self.hoechstens is not None
            or self.regionen is not None
            or bool(self.ohne)
        )


class Programm(BaseModel):
    """Das Programm als Ganzes (``programm.yaml``)."""

    model_config = _STRENG

    name: Text
    regionen: Annotated[int, Field(ge=1)] = Field(description="Zahl der Regionen, z. B. 53")
    ags_praefix: Annotated[str, Field(pattern=r"^[0-9]{1,5}$")] | None = Field(
        default=None, description="Alle AGS beginnen so, z. B. '05' für Nordrhein-Westfalen"
    )
    erste_vertraege: Tag = Field(description="Tag der ersten Unterzeichnungen")
    ziel: Ziel
    geprueft_am: Tag | None = Field(
        default=None, description="Datenstand: an diesem Tag zuletzt vollständig mit den Quellen abgeglichen"
    )
    geprueft_durch: Text | None = Field(
        default=None, description="Wer oder was den Abgleich von „geprueft_am“ gemacht hat"
    )
    pruefpunkte_hoechstalter: HoechstalterFeld | None = Field(
        default=None,
        description="validate warnt, wenn der neueste landesweite Prüfpunkt älter ist, z. B. '3y', "
        "'18m', '90d' (Vorgabe 3y)",
    )
    pruefpunkte: list[Pruefpunkt] = Field(default_factory=list)


M = TypeVar("M", bound=BaseModel)

MODELLE: dict[str, type[BaseModel]] = {
    "region": Region,
    "vertrag": Vertrag,
    "programm": Programm,
}


# --- Schlichte Daten: JSON-taugliche Werte eines gültigen Modells (Fingerabdruck) ------


def als_daten(obj: BaseModel) -> dict[str, Any]:
    """Ein gültiges Modell als JSON-taugliche Daten (Zeitangaben als Text, Tage ISO)."""
    return {name: _als_daten(getattr(obj, name)) for name in obj.model_fields_set}


def _als_daten(wert: Any) -> Any:
    if isinstance(wert, Quelle):
        return wert.schlicht() or als_daten(wert)
    if isinstance(wert, BaseModel):
        return als_daten(wert)
    if isinstance(wert, Zeitangabe):
        return wert.text
    if isinstance(wert, date):
        return wert.isoformat()
    if isinstance(wert, list):
        return [_als_daten(w) for w in wert]
    return wert
