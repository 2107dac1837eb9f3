"""The sociale kaart (contract §4): local help per municipality, aligned with Open Referral HSDS."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, RootModel

from .fields import Datum, Email, Id, IdLijst, Leeftijd, Model, Postcode, Taal, Tekst, Telefoon, Url

Status = Literal["actief", "tijdelijk-gesloten", "gestopt"]


class Categorie(Model):
    """Een soort hulp (een onderwerp in categorieen.yml)."""

    id: Id = Field(description="Korte unieke naam van de categorie, bijvoorbeeld opvoeden.")
    naam: Tekst = Field(description="Naam van de categorie zoals bezoekers die lezen.")
    beschrijving: Tekst | None = Field(None, description="Wat onder deze categorie valt.")


class Categorieen(RootModel[list[Categorie]]):
    """De lijst met onderwerpen van de sociale kaart (categorieen.yml)."""

    root: list[Categorie] = Field(min_length=1)


class Organisatie(Model):
    """Een organisatie die voorzieningen biedt (HSDS: organization)."""

    id: Id = Field(description="Unieke id, over alle kaartbestanden heen.")
    naam: Tekst = Field(description="Naam van de organisatie.")
    beschrijving: Tekst | None = Field(
        None,
        description="Wat de organisatie doet, in gewone taal (de open data gebruiken anders de naam).",
    )
    website: Url | None = Field(None, description="Website van de organisatie.")
    telefoon: Telefoon | None = Field(None, description="Algemeen telefoonnummer.")
    email: Email | None = Field(None, description="Algemeen e-mailadres.")


class Adres(Model):
    """Een bezoekadres."""

    straat: Tekst = Field(description="Straat en huisnummer.")
    postcode: Postcode = Field(description="Postcode, bijvoorbeeld 8011 AB.")
    plaats: Tekst = Field(description="Plaats.")


class Locatie(Model):
    """Waar je een voorziening kunt bezoeken (HSDS: location)."""

    naam: Tekst | None = Field(None, description="Naam van de locatie.")
    adres: Adres | None = Field(None, description="Bezoekadres.")
    openingstijden: Tekst | None = Field(
        None, description="Openingstijden, bijvoorbeeld ma-vr 9.00-17.00."
    )


class Leeftijdsgrens(Model):
    """Voor welke leeftijden de voorziening is."""

    van: Leeftijd = Field(description="Vanaf deze leeftijd (jaren).")
    tot: Leeftijd = Field(description="Tot deze leeftijd (jaren).")


class Controle(Model):
    """Wanneer en door wie de gegevens zijn nagekeken."""

    datum: Datum = Field(description="Wanneer de gegevens voor het laatst zijn nagekeken.")
    door: Tekst = Field(description="Wie ze nakeek.")


class Voorziening(Model):
    """Een voorziening: hulp die je kunt krijgen (HSDS: service)."""

    id: Id = Field(
        description="Unieke id, over alle kaartbestanden heen; plannen verwijzen ernaar."
    )
    naam: Tekst = Field(description="Naam van de voorziening.")
    organisatie: Id = Field(description="Id van de organisatie die de voorziening biedt.")
    categorieen: IdLijst = Field(description="Ids van categorieën uit categorieen.yml.")
    beschrijving: Tekst = Field(description="Wat de voorziening doet, in gewone taal.")
    doelgroep: Tekst | None = Field(None, description="Voor wie de voorziening is.")
    leeftijd: Leeftijdsgrens | None = Field(
        None, description="Leeftijdsgrenzen in jaren: van en tot."
    )
    aanmelden: Tekst | None = Field(None, description="Hoe je je aanmeldt.")
    kosten: Tekst | None = Field(None, description="Wat het kost.")
    talen: list[Taal] = Field(
        default_factory=list, description="Talen waarin hulp mogelijk is (ISO 639-1)."
    )
    telefoon: Telefoon | None = Field(None, description="Telefoonnummer.")
    email: Email | None = Field(None, description="E-mailadres.")
    website: Url | None = Field(None, description="Website.")
    locaties: list[Locatie] = Field(default_factory=list, description="Adressen en openingstijden.")
    status: Status = Field("actief", description="actief, tijdelijk-gesloten of gestopt.")
    gecontroleerd: Controle = Field(
        description="Wanneer en door wie de gegevens het laatst zijn nagekeken."
    )


class Kaart(Model):
    """Een kaartbestand: de voorzieningen in één gemeente."""

    gemeente: Tekst = Field(description="Naam van de gemeente.")
    provincie: Tekst | None = Field(
        None,
        description="Provincie van de gemeente; nodig voor de open data (HSDS) als er adressen zijn.",
    )
    organisaties: list[Organisatie] = Field(default_factory=list, description="Organisaties.")
    voorzieningen: list[Voorziening] = Field(default_factory=list, description="Voorzieningen.")
