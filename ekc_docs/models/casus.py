"""The case file (`casus.yml`, contract §2): who is involved, written before the conference."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import (
    MAX_KINDEREN,
    MAX_PERSONEN,
    MAX_VOORWAARDEN,
    Datum,
    Email,
    Id,
    IdLijst,
    Model,
    Taal,
    Tekst,
    Telefoon,
    Vlag,
)

Kring = Literal["gezin", "familie", "vrienden", "buurt", "school", "professional"]
KRINGEN: tuple[str, ...] = Kring.__args__  # type: ignore[attr-defined]
Soort = Literal["familiegroepsplan", "persoonlijk-plan"]


class Toestemming(Model):
    """Toestemming van de ouder(s) met gezag."""

    door: IdLijst = Field(description="Wie toestemming gaf: een of meer ids van personen.")
    datum: Datum = Field(description="Datum van de toestemming (jjjj-mm-dd).")


class Aanmelding(Model):
    """De aanmelding."""

    datum: Datum = Field(description="Datum van de aanmelding (jjjj-mm-dd).")
    aanmelder: Id = Field(description="Id van de persoon die de conferentie aanvroeg.")
    aanleiding: Tekst = Field(
        description="Waarom de conferentie is aangevraagd, in de woorden van de aanmelder."
    )


class Coordinator(Model):
    """De onafhankelijke coördinator die de conferentie organiseert."""

    naam: Tekst = Field(description="Naam van de onafhankelijke coördinator.")
    telefoon: Telefoon | None = Field(None, description="Telefoonnummer van de coördinator.")
    email: Email | None = Field(None, description="E-mailadres van de coördinator.")


class Kind(Model):
    """Een kind om wie het familiegroepsplan gaat."""

    id: Id = Field(
        description="Korte unieke naam om naar dit kind te verwijzen, bijvoorbeeld daan."
    )
    naam: Tekst = Field(description="Voornaam van het kind, zoals die in het plan komt.")
    geboortedatum: Datum | None = Field(
        None, description="Geboortedatum (jjjj-mm-dd); bepaalt onder meer de evaluatietermijn."
    )


class Persoon(Model):
    """Iemand uit de kring rond het kind (de kinderen) of de hoofdpersoon."""

    id: Id = Field(
        description="Korte unieke naam om naar deze persoon te verwijzen, bijvoorbeeld ria."
    )
    naam: Tekst = Field(description="Naam zoals die in het plan komt.")
    relatie: Tekst = Field(
        description="Relatie tot het kind of de hoofdpersoon, in gewone woorden (oma, buurvrouw, mentor)."
    )
    kring: Kring = Field(
        description="De kring waarin deze persoon staat: gezin, familie, vrienden, buurt, school "
        "of professional."
    )
    telefoon: Telefoon | None = Field(None, description="Telefoonnummer, zoals je het belt.")
    email: Email | None = Field(None, description="E-mailadres.")
    organisatie: Tekst | None = Field(
        None,
        description="Organisatie waarvoor deze persoon werkt; verplicht bij kring professional.",
    )


class Voorwaarde(Model):
    """Een veiligheidsvoorwaarde van de bevoegde professional."""

    id: Id = Field(description="Korte unieke naam van de voorwaarde, bijvoorbeeld v1.")
    tekst: Tekst = Field(
        description="De voorwaarde, zo geschreven dat je kunt nagaan of eraan voldaan is."
    )
    gesteld_door: Id = Field(description="Id van de professional die de voorwaarde stelde.")


class Conferentie(Model):
    """Wanneer en waar de conferentie werd gehouden."""

    datum: Datum = Field(description="Datum van de conferentie (jjjj-mm-dd).")
    plaats: Tekst | None = Field(None, description="Waar de conferentie werd gehouden.")


class Casus(Model):
    """Het casusbestand: wie er bij de conferentie betrokken zijn."""

    casus: Id = Field(
        description="Het casusnummer: letters, cijfers, '-' en '_', bijvoorbeeld EKC-2026-0142."
    )
    fictief: Vlag = Field(
        False,
        description="true als alle gegevens verzonnen zijn (een voorbeeld dat gepubliceerd mag worden).",
    )
    soort: Soort = Field(
        "familiegroepsplan",
        description="familiegroepsplan (Jeugdwet, over kinderen) of persoonlijk-plan (Wmo, over een "
        "volwassene).",
    )
    taal: Taal = Field(
        "nl",
        description="Taal van het afgedrukte plan voor de familie (ISO 639-1-code, bijvoorbeeld nl).",
    )
    tolk: Tekst | None = Field(
        None, description="Taal van de tolk die bij de conferentie nodig is."
    )
    toestemming: Toestemming = Field(
        description="Wie van de ouders met gezag toestemming gaven voor de conferentie, en wanneer."
    )
    aanmelding: Aanmelding = Field(description="De aanmelding: wanneer, door wie en waarom.")
    coordinator: Coordinator = Field(description="De onafhankelijke coördinator.")
    kinderen: list[Kind] = Field(
        default_factory=list,
        max_length=MAX_KINDEREN,
        description="De kinderen om wie het gaat; verplicht (minstens één) bij een familiegroepsplan.",
    )
    hoofdpersoon: Id | None = Field(
        None,
        description="Bij een persoonlijk plan: de id van de volwassene om wie het plan draait.",
    )
    personen: list[Persoon] = Field(
        min_length=1,
        max_length=MAX_PERSONEN,
        description="Iedereen in de kring rond het kind of de hoofdpersoon.",
    )
    voorwaarden: list[Voorwaarde] = Field(
        default_factory=list,
        max_length=MAX_VOORWAARDEN,
        description="Veiligheidsvoorwaarden van de bevoegde professional waaraan het plan moet voldoen.",
    )
    conferentie: Conferentie | None = Field(None, description="Datum en plaats van de conferentie.")
