"""What the id fields of a form can choose from: the case's people, its conditions, the kaart.

Only who may stand in a place is offered there (contract §2, Roles): no professional as the
network's aanspreekpunt, only a professional who set a condition for the akkoord, children
where they may act, and for consent only those of twelve and older.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: fields that hold references, by (model, field): what may be chosen there
ROLES: dict[tuple[str, str], str] = {
    ("Toestemming", "door"): "toestemming",
    ("Aanmelding", "aanmelder"): "persoon",
    ("Voorwaarde", "gesteld_door"): "professional",
    ("Casus", "hoofdpersoon"): "persoon",
    ("Afspraak", "wie"): "lid",
    ("Afspraak", "controle"): "persoon",
    ("Afspraak", "voorwaarden"): "voorwaarde",
    ("Afspraak", "hulp"): "voorziening",
    ("Plan", "aanspreekpunt"): "netwerk",
    ("Evaluatie", "bijeenroeper"): "persoon",
    ("Akkoord", "door"): "akkoord",
    ("Verspreiding", "aan"): "lid",
}


@dataclass
class Choice:
    value: str
    label: str


@dataclass
class Context:
    """Who and what the id fields can choose from: the case's people, conditions, the kaart."""

    personen: list[dict[str, Any]] = field(default_factory=list)
    kinderen: list[dict[str, Any]] = field(default_factory=list)
    voorwaarden: list[dict[str, Any]] = field(default_factory=list)
    services: list[Choice] = field(default_factory=list)
    languages: list[Choice] = field(default_factory=list)
    consent_date: str = ""
    #: in version 2 and later: what each agreement of the previous version said, by id
    previous: dict[str, str] = field(default_factory=dict)

    def known_ids(self) -> set[str]:
        """Every id a field of the case could refer to."""
        found = {
            str(e["id"]) for e in (*self.personen, *self.kinderen, *self.voorwaarden) if e.get("id")
        }
        return found | {c.value for c in self.services}

    @classmethod
    def from_casus(cls, data: Any, services: list[Choice], languages: list[Choice]) -> Context:
        data = data if isinstance(data, dict) else {}

        def entries(key: str) -> list[dict[str, Any]]:
            items = data.get(key)
            return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []

        consent = data.get("toestemming")
        when = consent.get("datum") if isinstance(consent, dict) else None
        return cls(
            entries("personen"),
            entries("kinderen"),
            entries("voorwaarden"),
            services,
            languages,
            when if isinstance(when, str) else "",
        )

    def choices(self, role: str) -> list[Choice]:
        people = [_person_choice(p) for p in self.personen if p.get("id")]
        children = [
            Choice(str(k["id"]), f"{k.get('naam') or k['id']} (kind)")
            for k in self.kinderen
            if k.get("id")
        ]
        if role == "persoon":
            return people
        if role == "lid":
            return people + children
        if role == "toestemming":
            return people + [
                c
                for c, k in zip(children, self.kinderen, strict=False)
                if _twelve(k, self.consent_date)
            ]
        if role == "netwerk":
            return [
                _person_choice(p)
                for p in self.personen
                if p.get("id") and p.get("kring") != "professional"
            ]
        if role in ("professional", "akkoord"):
            pros = [p for p in self.personen if p.get("id") and p.get("kring") == "professional"]
            setters = {v.get("gesteld_door") for v in self.voorwaarden}
            if role == "akkoord" and setters & {p["id"] for p in pros}:
                pros = [p for p in pros if p["id"] in setters]
            return [_person_choice(p) for p in pros]
        if role == "voorwaarde":
            return [
                Choice(str(v["id"]), f"{v['id']}: {short(str(v.get('tekst') or ''))}")
                for v in self.voorwaarden
                if v.get("id")
            ]
        if role == "voorziening":
            return self.services
        return []


def _person_choice(person: dict[str, Any]) -> Choice:
    details = ", ".join(str(person[k]) for k in ("relatie", "kring") if person.get(k))
    name = person.get("naam") or person["id"]
    return Choice(str(person["id"]), f"{name} ({details})" if details else str(name))


def _twelve(child: dict[str, Any], on: str) -> bool:
    born = child.get("geboortedatum")
    try:
        birth, day = date.fromisoformat(str(born)), date.fromisoformat(on)
    except ValueError:
        return True  # unknown age: offered, and the rules say whether it is allowed
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day)) >= 12


def short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
