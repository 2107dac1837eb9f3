"""Pydantic models of the three file types: casus, plan and sociale kaart.

Class docstrings and field descriptions are Dutch: they are what coordinators read, in the
JSON Schema (editor tooltips) and in the handbook's field reference.
"""

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
