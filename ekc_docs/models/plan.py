"""The plan file (`plan.yml`, `plan-2.yml` …, contract §3): what the network agreed."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

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
UITKOMSTEN = ("gelukt", "deels", "niet-gelukt")
#: the marker `ekc versie` writes where an outcome is still to be filled in
PLACEHOLDER = "«VERVANG»"


def _unfilled_is_none(value: Any) -> Any:
    """An outcome still holding the placeholder counts as no outcome yet (`review-incomplete`)."""
    return None if isinstance(value, str) and PLACEHOLDER in value else value


Uitkomst = Annotated[
    Literal["gelukt", "deels", "niet-gelukt"] | None, BeforeValidator(_unfilled_is_none)
]


class Afspraak(Model):
    """Eén afspraak: wat, wie, wanneer, wie het nagaat."""

    id: Id | None = Field(
        None,
        description="Korte unieke naam van de afspraak, bijvoorbeeld a1; zonder id heet een "
        "afspraak a1, a2 … naar haar plaats. Een afspraak houdt haar id in een volgende versie.",
    )
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


class Beoordeling(Model):
    """Hoe één afspraak van de vorige versie ging, volgens het netwerk."""

    id: Id = Field(description="Id van de afspraak in de vorige versie van het plan.")
    uitkomst: Uitkomst = Field(None, description="Hoe het ging: gelukt, deels of niet-gelukt.")
    toelichting: Tekst | None = Field(
        None, description="Wat er gebeurde, in de woorden van het netwerk."
    )


class Terugblik(Model):
    """De evaluatie van de vorige versie: verplicht vanaf versie 2."""

    datum: Datum = Field(description="De dag van de evaluatiebijeenkomst (jjjj-mm-dd).")
    afspraken: list[Beoordeling] = Field(
        default_factory=list,
        description="Eén regel per afspraak van de vorige versie, met haar uitkomst.",
    )
    wat_we_leerden: Tekst | None = Field(
        None, description="Wat het netwerk heeft geleerd, in eigen woorden."
    )


def implicit_id(position: int) -> str:
    """The id of an agreement without one: a1, a2, … by its place (0-based `position`)."""
    return f"a{position + 1}"


def agreement_ids(plan: Plan) -> list[str]:
    """The id of every agreement in order: its own, or the implicit one of its place."""
    return [a.id or implicit_id(i) for i, a in enumerate(plan.afspraken)]


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
    terugblik: Terugblik | None = Field(
        None,
        description="Hoe de vorige versie ging (vanaf versie 2): de uitkomst van elke afspraak "
        "en wat het netwerk leerde.",
    )
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
