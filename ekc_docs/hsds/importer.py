"""`ekc import hsds`: a list of HSDS services becomes kaart files, one per municipality.

Nothing is written unless the input is usable; what cannot be carried over is reported where it
stands in the JSON. The written kaart is read back through the kaart's own checks first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Severity, display_path, sort_diagnostics
from ..models import Voorziening
from ..models.fields import known_languages
from .kaart_files import is_imported, kaart_texts, verify
from .output import check_targets, folder_problem, write_atomically
from .reverse import (
    ADDRESS_FIELDS,
    ID_RE,
    LOCATION_FIELDS,
    SAL_FIELDS,
    SCHEDULE_FIELDS,
    SERVICE_FIELDS,
    Municipality,
    Obj,
    Reverse,
    date_of,
    is_id_term,
    is_verification,
    make_id,
    own_area_id,
    status_of,
    unique_id,
)
from .schema_check import schema_warnings
from .source import JsonSource, Loc, read_json

UNSORTED = {"id": "overig", "naam": "Nog niet ingedeeld"}
UNKNOWN_MUNICIPALITY = "Onbekende gemeente"


@dataclass
class ImportResult:
    diagnostics: list[Diagnostic]
    written: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def import_hsds(path: Path, out_dir: Path, today: date | None = None) -> ImportResult:
    """Read `path`, write the kaart into `out_dir`; nothing is written when there is an error."""
    today = today or date.today()
    source, problems = read_json(path)
    if source is None:
        return ImportResult(problems)
    services, problems = _services(source)
    if problems:
        return ImportResult(problems)
    reverse = Reverse(source, today)
    for service, loc in services:
        reverse.diagnostics += schema_warnings(source, service, loc)
        _service(reverse, service, loc)
    if not reverse.municipalities:
        error = source.diagnostic(
            (), "missing-key", "geen enkele voorziening kon worden overgenomen", warning=False
        )
        return ImportResult(sort_diagnostics([*reverse.diagnostics, error]))
    texts = kaart_texts(reverse, path.name)
    problems = verify(texts, out_dir, today)
    try:
        existing = [p.name for p in out_dir.glob("*.y*ml")] if out_dir.is_dir() else []
    except OSError as exc:  # a name too long, a folder that may not be read
        existing, problems = [], [*problems, folder_problem(out_dir, exc)]
    problems += check_targets(out_dir, sorted({*texts, *existing}), is_imported)
    diagnostics = sort_diagnostics(reverse.diagnostics + problems)
    if problems:
        return ImportResult(diagnostics)
    written = {out_dir / name: iter([text]) for name, text in texts.items()}
    failed = write_atomically(dict(written))
    if failed:
        return ImportResult(diagnostics + failed)
    return ImportResult(diagnostics + _left_behind(out_dir, existing, texts), list(written))


def _left_behind(out_dir: Path, existing: list[str], texts: dict[str, str]) -> list[Diagnostic]:
    """An earlier import's file for a municipality that is no longer in this one stays, named."""
    return [
        Diagnostic(
            display_path(out_dir / name),
            1,
            1,
            Severity.WARNING,
            "stale-entry",
            "dit bestand komt uit een eerdere import en deze gemeente staat niet meer in de "
            "import; het blijft staan: verwijder het zelf als het niet meer in de kaart hoort "
            "en controleer de map met 'ekc check'",
        )
        for name in sorted(existing)
        if name not in texts and is_imported(out_dir / name)
    ]


def _services(source: JsonSource) -> tuple[list[tuple[Obj, Loc]], list[Diagnostic]]:
    """A list of services, one page of a paged list (`contents`), or one service."""
    data = source.data
    base: Loc = ()
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data, base = data["contents"], ("contents",)
    elif isinstance(data, dict):
        data, base = [data], ()
    if not isinstance(data, list):
        return [], [_not_hsds(source, ())]
    found, problems = [], []
    for i, item in enumerate(data):
        loc = (*base, i) if base or isinstance(source.data, list) else ()
        if isinstance(item, dict) and ("name" in item or "id" in item):
            found.append((item, loc))
        else:
            problems.append(_not_hsds(source, loc))
    if not found and not problems:
        problems.append(source.diagnostic((), "missing-key", "de lijst is leeg", warning=False))
    return found, problems


def _not_hsds(source: JsonSource, loc: Loc) -> Diagnostic:
    return source.diagnostic(
        loc,
        "invalid-value",
        "dit is geen HSDS-voorziening (een object met 'id' en 'name'); verwacht wordt "
        "een lijst met voorzieningen zoals services.json van 'ekc export hsds'",
        warning=False,
    )


# --- one service ----------------------------------------------------------------------------


def _service(rev: Reverse, s: Obj, loc: Loc) -> None:
    name = rev.text(s, "name", loc)
    if name is None:
        rev.warn(loc, "missing-key", "de voorziening heeft geen naam ('name'); niet overgenomen")
        return
    kaart_id, categories = _attributes(rev, s, loc)
    used = {"attributes"}
    kaart_id = _free_id(rev, kaart_id or make_id(name) or "voorziening")
    municipality = _municipality(rev, s, loc, kaart_id, used)
    data: Obj = {"id": kaart_id, "naam": name, "organisatie": rev.organisation(s, loc)}
    data["categorieen"] = categories or [_unsorted(rev, loc)]
    description = rev.text(s, "description", loc)
    if description is None:
        rev.warn(loc, "missing-key", "de voorziening heeft geen beschrijving; de naam staat er nu")
    data["beschrijving"] = description or name
    origins: dict[tuple[str | int, ...], Loc] = {}

    def put(key: str, value: Any, origin: Loc) -> None:
        if value is not None and value != []:
            data[key] = value
            origins[(key,)] = origin

    put("doelgroep", rev.text(s, "eligibility_description", loc), (*loc, "eligibility_description"))
    put("leeftijd", _ages(rev, s, loc), (*loc, "minimum_age"))
    put("aanmelden", rev.text(s, "application_process", loc), (*loc, "application_process"))
    put("kosten", _costs(rev, s, loc), (*loc, "fees_description"))
    put("talen", _languages(rev, s, loc), (*loc, "languages"))
    put("telefoon", rev.first_phone(s, loc), (*loc, "phones", 0, "number"))
    put("email", rev.text(s, "email", loc), (*loc, "email"))
    put("website", rev.text(s, "url", loc), (*loc, "url"))
    locations = _locations(rev, s, loc, origins)
    if locations:
        data["locaties"] = locations
    status = status_of(s.get("status"))
    if s.get("status") is not None and status is None:
        rev.warn((*loc, "status"), "invalid-value", "onbekende status; 'actief' aangenomen")
    data["status"] = status or "actief"
    data["gecontroleerd"] = _verified(rev, s, loc, used)
    rev.leftovers(s, loc, SERVICE_FIELDS | used)
    kept = rev.checked(Voorziening, data, origins)
    if kept is None:
        rev.warn(loc, "invalid-value", "de voorziening kon niet worden overgenomen")
        return
    if "locaties" in kept:  # a location whose only value was refused is left out
        kept["locaties"] = [entry for entry in kept["locaties"] if entry]
        if not kept["locaties"]:
            del kept["locaties"]
    rev.place_organisation(str(kept["organisatie"]), municipality)
    municipality.voorzieningen.append(kept)


def _attributes(rev: Reverse, s: Obj, loc: Loc) -> tuple[str | None, list[str]]:
    """The kaart id (from our own export) and the categories, from the taxonomy terms."""
    kaart_id, categories = None, []
    for attribute, at in rev.objects(s, "attributes", loc):
        term = attribute.get("taxonomy_term")
        if not isinstance(term, dict):
            rev.warn(at, "unknown-key", "een kenmerk zonder onderwerp wordt niet overgenomen")
            continue
        if is_id_term(term) and isinstance(attribute.get("value"), str):
            kaart_id = attribute["value"]
            continue
        category = rev.category(term, (*at, "taxonomy_term"))
        if category is not None and category not in categories:
            categories.append(category)
    return kaart_id, categories


def _free_id(rev: Reverse, candidate: str) -> str:
    if not ID_RE.match(candidate):
        candidate = make_id(candidate) or "voorziening"
    kaart_id = unique_id(candidate, rev._service_ids)
    rev._service_ids.add(kaart_id)
    return kaart_id


def _unsorted(rev: Reverse, loc: Loc) -> str:
    rev.warn(loc, "missing-key", "de voorziening heeft geen onderwerp; ze staat onder 'overig'")
    rev.categories.setdefault(UNSORTED["id"], dict(UNSORTED))
    return UNSORTED["id"]


def _addresses(rev: Reverse, s: Obj, loc: Loc) -> Iterator[tuple[Obj, Loc]]:
    for sal, sal_loc in rev.objects(s, "service_at_locations", loc):
        location = sal.get("location")
        if isinstance(location, dict):
            yield from rev.objects(location, "addresses", (*sal_loc, "location"))


def _municipality(rev: Reverse, s: Obj, loc: Loc, kaart_id: str, used: set[str]) -> Municipality:
    name, province, province_at = None, None, loc
    for area, _ in rev.objects(s, "service_areas", loc):
        if area.get("id") == own_area_id(kaart_id) and isinstance(area.get("name"), str):
            name = area["name"]  # our own export says which kaart file the service came from
            used.add("service_areas")
    for address, at in _addresses(rev, s, loc):
        city = address.get("city")
        if name is None and isinstance(city, str) and city.strip():
            name = city.strip()
        if province is None and isinstance(address.get("state_province"), str):
            province, province_at = address["state_province"].strip() or None, at
    if name is None:
        rev.warn(
            loc,
            "missing-key",
            "de voorziening heeft geen adres met een plaats (address.city), dus geen gemeente; "
            f"ze staat onder '{UNKNOWN_MUNICIPALITY}'",
        )
        name = UNKNOWN_MUNICIPALITY
    municipality = rev.municipalities.setdefault(name, Municipality(name))
    if municipality.provincie is None:
        municipality.provincie = province
    elif province is not None and province != municipality.provincie:
        rev.warn(
            (*province_at, "state_province"),
            "invalid-value",
            f"andere provincie dan eerder bij {name} ({municipality.provincie}); niet overgenomen",
        )
    return municipality


def _ages(rev: Reverse, s: Obj, loc: Loc) -> Obj | None:
    low, high = s.get("minimum_age"), s.get("maximum_age")
    if low is None and high is None:
        return None
    ages = [low if low is not None else 0, high if high is not None else 120]
    if not all(isinstance(a, int | float) and a == int(a) and 0 <= a <= 120 for a in ages):
        rev.warn(
            (*loc, "minimum_age"),
            "invalid-value",
            "leeftijden in hele jaren (0-120); niet overgenomen",
        )
        return None
    if ages[0] > ages[1]:
        rev.warn(
            (*loc, "minimum_age"),
            "invalid-value",
            "minimum_age is hoger dan maximum_age; niet overgenomen",
        )
        return None
    return {"van": int(ages[0]), "tot": int(ages[1])}


def _costs(rev: Reverse, s: Obj, loc: Loc) -> str | None:
    text = rev.text(s, "fees_description", loc)
    options = []
    for option, at in rev.objects(s, "cost_options", loc):
        label = rev.text(option, "option", at)
        amount, currency = option.get("amount"), option.get("currency")
        if isinstance(amount, int | float) and amount != 0:
            label = " ".join(str(p) for p in (label, currency, amount) if p)
        if label:
            options.append((label, at))
        rev.leftovers(option, at, {"option", "amount", "currency"})
    if text is None and options:
        text = "; ".join(label for label, _ in options)
    else:
        for label, at in options:
            if label != text:
                rev.warn(
                    at, "unknown-key", "de kaart bewaart één tekst over kosten; niet overgenomen"
                )
    fees = rev.text(s, "fees", loc)
    if text is None:
        return fees
    if fees is not None and fees != text:
        rev.warn(
            (*loc, "fees"),
            "unknown-key",
            "'fees' wordt niet overgenomen (kosten komt uit fees_description)",
        )
    return text


def _languages(rev: Reverse, s: Obj, loc: Loc) -> list[str]:
    codes: list[str] = []
    for language, at in rev.objects(s, "languages", loc):
        code = language.get("code")
        if isinstance(code, str) and code.strip().lower() in known_languages():
            if code.strip().lower() not in codes:
                codes.append(code.strip().lower())
        else:
            rev.warn(at, "invalid-value", "geen taalcode uit ISO 639-1 ('code'); niet overgenomen")
        rev.leftovers(language, at, {"code", "name"})
    return codes


_ADDRESS = {"straat": "address_1", "postcode": "postal_code", "plaats": "city"}


def _locations(
    rev: Reverse, s: Obj, loc: Loc, origins: dict[tuple[str | int, ...], Loc]
) -> list[Obj]:
    found: list[Obj] = []
    for sal, sal_loc in rev.objects(s, "service_at_locations", loc):
        entry: Obj = {}
        hours = _hours(rev, sal, sal_loc)
        location = sal.get("location")
        if isinstance(location, dict):
            at = (*sal_loc, "location")
            if (name := rev.text(location, "name", at)) is not None:
                entry["naam"] = name
                origins[("locaties", len(found), "naam")] = (*at, "name")
            addresses = rev.objects(location, "addresses", at)
            if addresses:
                address, address_at = addresses[0]
                adres = {
                    kaart_key: rev.text(address, key, address_at)
                    for kaart_key, key in _ADDRESS.items()
                }
                missing = [key for kaart_key, key in _ADDRESS.items() if adres[kaart_key] is None]
                if missing:
                    rev.warn(
                        address_at,
                        "missing-key",
                        f"het adres heeft geen {' of '.join(missing)}; de kaart bewaart alleen "
                        "een volledig adres: niet overgenomen",
                    )
                else:
                    entry["adres"] = adres
                    origins[("locaties", len(found), "adres")] = address_at
                rev.leftovers(address, address_at, ADDRESS_FIELDS)
            for _, extra_at in addresses[1:]:
                rev.warn(
                    extra_at,
                    "unknown-key",
                    "de kaart bewaart één adres per locatie; niet overgenomen",
                )
            hours += _hours(rev, location, at)
            rev.leftovers(location, at, LOCATION_FIELDS)
        if hours:
            entry["openingstijden"] = "; ".join(dict.fromkeys(hours))
        rev.leftovers(sal, sal_loc, SAL_FIELDS)
        if entry:
            found.append(entry)
    hours = [
        h for h in _hours(rev, s, loc) if not any(h in e.get("openingstijden", "") for e in found)
    ]
    if hours:
        found.append({"openingstijden": "; ".join(hours)})
    return found


def _hours(rev: Reverse, obj: Obj, loc: Loc) -> list[str]:
    texts = []
    for schedule, at in rev.objects(obj, "schedules", loc):
        text = rev.text(schedule, "description", at)
        if text is None:
            parts = [rev.text(schedule, k, at) for k in ("byday", "opens_at", "closes_at")]
            text = " ".join(p for p in (parts[0], "-".join(p for p in parts[1:] if p)) if p) or None
        if text:
            texts.append(text)
        rev.leftovers(schedule, at, SCHEDULE_FIELDS)
    return texts


def _verified(rev: Reverse, s: Obj, loc: Loc, used: set[str]) -> Obj:
    door = None
    for entry, _ in rev.objects(s, "metadata", loc):
        if is_verification(entry):
            door = entry["updated_by"].strip() or None
            used.add("metadata")
    day = date_of(s.get("assured_date")) or date_of(s.get("last_modified"))
    if day is None:
        rev.warn(
            loc,
            "missing-key",
            "geen datum van controle (assured_date); de datum van vandaag staat er nu",
        )
        day = rev.today
    elif day > rev.today:
        rev.warn(
            (*loc, "assured_date"),
            "date-order",
            "de controledatum ligt in de toekomst; vandaag aangenomen",
        )
        day = rev.today
    door = door or rev.text(s, "assurer_email", loc) or "onbekend (geïmporteerd)"
    return {"datum": day.isoformat(), "door": door}


__all__ = ["ImportResult", "import_hsds"]
