"""The plan file (`plan.yml`, `plan-2.yml` …, contract §3): what the network agreed."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import (
    MAX_AFSPRAKEN,
    Datum,
    Id,
    IdLijst,
    Model,
    Pad,
    Tekst,
    TekstLijst,
    Versie,
    Vlag,
)

Besluit = Literal["akkoord", "aanvullen", "niet-akkoord"]


class Afspraak(Model):
    """Eén afspraak: wat, wie, wanneer, wie het nagaat."""

    id: Id | None = Field(None, description="Korte unieke naam van de afspraak, bijvoorbeeld a1.")
    onderwerp: Tekst | None = Field(
        None, description="Thema; het afgedrukte plan groepeert de afspraken per onderwerp."
    )
    wat: Tekst = Field(description="Wat er gebeurt, in de woorden van de familie.")
    wie: IdLijst = Field(description="Wie het doet: een of meer ids van personen of kinderen.")
    wanneer: Tekst = Field(description="Wanneer of hoe vaak, in gewone woorden.")
    controle: Id | None = Field(None, description="Id van wie nagaat dat het gebeurt.")
    voorwaarden: IdLijst | None = Field(
        None, description="Ids van de veiligheidsvoorwaarden waarop deze afspraak een antwoord is."
    )
    hulp: Id | None = Field(None, description="Id van een voorziening uit de sociale kaart.")


class Evaluatie(Model):
    """Wanneer het netwerk opnieuw bij elkaar komt om naar het plan te kijken."""

    datum: Datum = Field(description="Datum van de evaluatie (jjjj-mm-dd).")
    bijeenroeper: Id | None = Field(
        None, description="Id van wie iedereen bijeenroept; standaard het aanspreekpunt."
    )


class Akkoord(Model):
    """Het besluit van de bevoegde professional over het plan."""

    door: Id = Field(description="Id van de professional die de voorwaarden stelde.")
    datum: Datum = Field(description="Datum van het besluit (jjjj-mm-dd).")
    besluit: Besluit = Field(description="akkoord, aanvullen of niet-akkoord.")
    toelichting: Tekst | None = Field(
        None, description="Uitleg bij het besluit; verplicht als het besluit niet akkoord is."
    )


class Verspreiding(Model):
    """Aan wie het plan is verstuurd, en wanneer."""

    datum: Datum = Field(description="Datum waarop het plan is verstuurd (jjjj-mm-dd).")
    aan: IdLijst = Field(description="Ids van wie het plan kregen.")


class Plan(Model):
    """Het planbestand: wat de familie en haar netwerk hebben afgesproken."""

    casusbestand: Pad = Field(
        "casus.yml",
        description="Pad naar het casusbestand, vanaf dit bestand; standaard casus.yml ernaast.",
    )
    fictief: Vlag | None = Field(
        None,
        description="Overschrijft 'fictief' van de casus; meestal weglaten (het plan erft het).",
    )
    versie: Versie = Field(1, description="Versie van het plan: 1, en 2, 3 … na een evaluatie.")
    datum: Datum = Field(description="De dag waarop het plan is gemaakt (jjjj-mm-dd).")
    vraag: Tekst = Field(description="De centrale vraag van de conferentie.")
    zorgen: TekstLijst = Field(
        default_factory=list, description="De zorgen, in de woorden van de familie."
    )
    wat_gaat_goed: TekstLijst = Field(
        default_factory=list, description="Wat goed gaat: de sterke kanten."
    )
    stem_van_het_kind: Tekst | None = Field(
        None, description="Wat het kind of de kinderen zelf zeiden te willen."
    )
    afspraken: list[Afspraak] = Field(
        min_length=1,
        max_length=MAX_AFSPRAKEN,
        description="De afspraken: wat, wie, wanneer, wie controleert.",
    )
    aanspreekpunt: Id = Field(
        description="Id van het aanspreekpunt uit het netwerk: bewaakt het plan en roept het netwerk "
        "bijeen als afspraken niet lukken."
    )
    als_het_anders_loopt: Tekst = Field(description="Wat iedereen doet als het plan niet werkt.")
    evaluatie: Evaluatie = Field(description="Wanneer het netwerk opnieuw bij elkaar komt.")
    akkoord: Akkoord | None = Field(
        None, description="Besluit van de professional; verplicht als de casus voorwaarden heeft."
    )
    verspreid: Verspreiding | None = Field(
        None, description="Aan wie het plan is verstuurd, en wanneer."
    )
