"""Pydantic models of the three file types: casus, plan and sociale kaart."""

from .casus import Casus, Kind, Persoon, Voorwaarde
from .kaart import Categorie, Categorieen, Kaart, Organisatie, Voorziening
from .plan import Afspraak, Plan

__all__ = [
    "Afspraak",
    "Casus",
    "Categorie",
    "Categorieen",
    "Kaart",
    "Kind",
    "Organisatie",
    "Persoon",
    "Plan",
    "Voorwaarde",
    "Voorziening",
]
