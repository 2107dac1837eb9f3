"""HSDS service objects back into kaart entries, with a warning for whatever has no place there.

Every value is checked by the kaart's own models before it is kept; what they refuse (a
foreign postcode, a malformed phone number) is left out with a warning at its place in the JSON.
Our own export comes back whole: the kaart ids travel in it (see `mapping`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic
from ..models import Organisatie, Voorziening
from ..models.fields import ID_PATTERN
from .mapping import ID_SCHEME, ID_TAXONOMY, ID_TERM_CODE, STATUS_FROM_HSDS, VERIFIED_FIELD, hsds_id
from .source import JsonSource, Loc

Obj = dict[str, Any]
ID_RE = re.compile(ID_PATTERN)
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_LINKS = frozenset(
    {"id", "service_id", "location_id", "organization_id", "service_at_location_id", "link_id"}
    | {"phone_id", "contact_id", "taxonomy_term_id", "taxonomy_id", "resource_id"}
)
SERVICE_FIELDS = frozenset(
    {"name", "description", "url", "email", "status", "application_process", "fees_description"}
    | {"fees", "eligibility_description", "minimum_age", "maximum_age", "assured_date"}
    | {"assurer_email", "last_modified", "phones", "schedules", "service_at_locations"}
    | {"languages", "organization", "cost_options", "attributes"}
)
_ORGANIZATION = frozenset({"name", "description", "email", "website", "phones"})
SAL_FIELDS = frozenset({"schedules", "location"})
LOCATION_FIELDS = frozenset({"location_type", "name", "addresses", "schedules"})
ADDRESS_FIELDS = frozenset(
    {"address_1", "city", "state_province", "postal_code", "country", "address_type"}
)
SCHEDULE_FIELDS = frozenset({"description", "opens_at", "closes_at", "byday"})
_TERM = frozenset({"code", "name", "description", "taxonomy", "taxonomy_detail"})
_CONTACT_CODES = frozenset({"phone", "email", "url", "postcode"})


def make_id(text: str) -> str:
    """A kaart id from a name: 'Jeugd- en gezinsteam Zwolle' → 'jeugd-en-gezinsteam-zwolle'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


@dataclass
class Municipality:
    gemeente: str
    provincie: str | None = None
    organisaties: list[Obj] = field(default_factory=list)
    voorzieningen: list[Obj] = field(default_factory=list)


@dataclass
class Reverse:
    """Collects kaart entries from HSDS services, one service at a time."""

    source: JsonSource
    today: date
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    categories: dict[str, Obj] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _organisations: dict[str, Obj] = field(default_factory=dict)  # by HSDS id (or name)
    _placed: set[str] = field(default_factory=set)
    _terms: dict[str, str] = field(default_factory=dict)  # HSDS term key → category id
    _service_ids: set[str] = field(default_factory=set)
    _reported: set[str] = field(default_factory=set)

    # --- reporting --------------------------------------------------------------------------

    def warn(self, loc: Loc, code: str, message: str, *, at_key: bool = False) -> None:
        self.diagnostics.append(self.source.diagnostic(loc, code, message, at_key=at_key))

    def leftovers(self, obj: Obj, loc: Loc, used: Iterable[str]) -> None:
        """A warning for every filled-in field that the kaart has no place for."""
        known = _LINKS.union(used)
        for key, value in obj.items():
            if key not in known and value not in (None, "", [], {}):
                self.warn(
                    (*loc, key),
                    "unknown-key",
                    f"'{key}' heeft geen plaats in de sociale kaart en wordt niet overgenomen",
                    at_key=True,
                )

    def text(self, obj: Obj, key: str, loc: Loc) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.warn((*loc, key), "invalid-value", f"'{key}' is geen tekst; niet overgenomen")
            return None
        return value.strip() or None

    def objects(self, obj: Obj, key: str, loc: Loc) -> list[tuple[Obj, Loc]]:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.warn((*loc, key), "invalid-value", f"'{key}' is geen lijst; niet overgenomen")
            return []
        found = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                found.append((item, (*loc, key, i)))
            else:
                self.warn(
                    (*loc, key, i), "invalid-value", f"'{key}' bevat iets anders dan een object"
                )
        return found

    def checked(
        self, model: type[BaseModel], data: Obj, origins: dict[tuple[str | int, ...], Loc]
    ) -> Obj | None:
        """`data` as the model accepts it: refused optional values dropped, with a warning."""
        for _ in range(20):
            try:
                model.model_validate(data)
                return data
            except ValidationError as exc:
                errors = exc.errors(include_url=False)
            error = errors[0]  # one at a time: dropping a value may change the others
            loc = tuple(error["loc"])
            origin = next(
                (origins[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in origins), None
            )
            if origin is None or not _drop(data, loc):
                return None
            kind = error["type"]
            code = kind if kind in _CONTACT_CODES else "invalid-value"
            why = error["msg"] if kind in {*_CONTACT_CODES, "invalid_value"} else "ongeldige waarde"
            self.warn(origin, code, f"niet overgenomen: {why}")
        return None

    # --- organisations ----------------------------------------------------------------------

    def organisation(self, service: Obj, loc: Loc) -> str:
        org = service.get("organization")
        key = service.get("organization_id")
        if isinstance(org, dict):
            key = org.get("id") if isinstance(org.get("id"), str) else org.get("name")
            loc = (*loc, "organization")
        else:
            self.warn(
                loc,
                "missing-key",
                "de voorziening heeft geen organisatie ('organization'); ze komt onder "
                "'Onbekende organisatie'",
            )
            # services without one share one unknown organisation (one per organization_id),
            # kept apart from the keys of named organisations
            key = f"\0{key if isinstance(key, str) else ''}"
            org = {"name": "Onbekende organisatie"}
        key = str(key)
        if key not in self._organisations:
            self._organisations[key] = self._organisation_data(org, loc)
        return str(self._organisations[key]["id"])

    def _organisation_data(self, org: Obj, loc: Loc) -> Obj:
        name = self.text(org, "name", loc) or "Onbekende organisatie"
        kaart_id = None
        for identifier, _ in self.objects(org, "organization_identifiers", loc):
            if identifier.get("identifier_scheme") == ID_SCHEME:
                kaart_id = identifier.get("identifier")
        used = set(_ORGANIZATION)
        if isinstance(kaart_id, str) and ID_RE.match(kaart_id):
            used.add("organization_identifiers")
        else:
            kaart_id = make_id(name) or "organisatie"
        kaart_id = unique_id(kaart_id, {str(o["id"]) for o in self._organisations.values()})
        description = self.text(org, "description", loc)
        data: Obj = {"id": kaart_id, "naam": name}
        origins: dict[tuple[str | int, ...], Loc] = {}
        for field_name, value, origin in (
            ("beschrijving", description if description != name else None, (*loc, "description")),
            ("website", self.text(org, "website", loc), (*loc, "website")),
            ("telefoon", self.first_phone(org, loc), (*loc, "phones", 0, "number")),
            ("email", self.text(org, "email", loc), (*loc, "email")),
        ):
            if value is not None:
                data[field_name] = value
                origins[(field_name,)] = origin
        self.leftovers(org, loc, used)
        return self.checked(Organisatie, data, origins) or {"id": kaart_id, "naam": name}

    def first_phone(self, obj: Obj, loc: Loc) -> str | None:
        phones = self.objects(obj, "phones", loc)
        for _extra, extra_loc in phones[1:]:
            self.warn(
                extra_loc,
                "unknown-key",
                "de kaart bewaart één telefoonnummer; dit nummer wordt niet overgenomen",
            )
        if not phones:
            return None
        phone, phone_loc = phones[0]
        self.leftovers(phone, phone_loc, {"number"})
        return self.text(phone, "number", phone_loc)

    def place_organisation(self, kaart_id: str, municipality: Municipality) -> None:
        if kaart_id in self._placed:
            return
        self._placed.add(kaart_id)
        data = next(o for o in self._organisations.values() if o["id"] == kaart_id)
        municipality.organisaties.append(data)

    # --- categories -------------------------------------------------------------------------

    def category(self, term: Obj, loc: Loc) -> str | None:
        name = self.text(term, "name", loc)
        key = str(term.get("id") or name)
        if key in self._terms:
            return self._terms[key]
        if name is None:
            self.warn(loc, "missing-key", "een onderwerp zonder naam wordt niet overgenomen")
            return None
        code = term.get("code")
        category_id = code if isinstance(code, str) and ID_RE.match(code) else make_id(name)
        category_id = unique_id(category_id or "onderwerp", set(self.categories))
        description = self.text(term, "description", loc)
        entry: Obj = {"id": category_id, "naam": name}
        if description and description != name:
            entry["beschrijving"] = description
        self.categories[category_id] = entry
        self._terms[key] = category_id
        self.leftovers(term, loc, _TERM)
        return category_id


def unique_id(candidate: str, taken: set[str]) -> str:
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"


_REQUIRED = frozenset({"id", "naam", "organisatie", "categorieen", "beschrijving", "gecontroleerd"})


def _drop(data: Obj, loc: tuple[str | int, ...]) -> bool:
    """Remove the optional value at `loc`: a field, or a field of one location."""
    if not loc or loc[0] in _REQUIRED or loc[0] not in data:
        return False
    value = data[loc[0]]
    if isinstance(value, list) and len(loc) > 2 and isinstance(loc[1], int):
        item = value[loc[1]] if loc[1] < len(value) else None
        if isinstance(item, dict) and loc[2] in item:
            del item[loc[2]]
            return True
        return False
    del data[loc[0]]
    return True


def status_of(value: Any) -> str | None:
    return STATUS_FROM_HSDS.get(value) if isinstance(value, str) else None


def date_of(value: Any) -> date | None:
    match = _DATE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def is_id_term(term: Obj) -> bool:
    return term.get("taxonomy") == ID_TAXONOMY and term.get("code") == ID_TERM_CODE


def is_verification(entry: Obj) -> bool:
    return entry.get("field_name") == VERIFIED_FIELD and isinstance(entry.get("updated_by"), str)


def own_area_id(kaart_id: str) -> str:
    return hsds_id("voorziening", kaart_id, "gebied")


__all__ = ["Municipality", "Reverse", "Voorziening", "make_id"]
