"""The sociale kaart as HSDS 3.1: fully nested service objects and organization objects.

Keys come in the order of Open Referral's schemas and empty values are left out, so the same
kaart always gives the same bytes. Objects are built and written one at a time: memory does
not grow with the size of the output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Severity, display_path, sort_diagnostics
from ..models import Categorie, Kaart, Organisatie, Voorziening
from ..models.kaart import Locatie
from ..workspace import LoadedKaart
from .mapping import (
    CATEGORY_TAXONOMY,
    CATEGORY_TAXONOMY_DESCRIPTION,
    CATEGORY_TAXONOMY_NAME,
    COUNTRY,
    CURRENCY,
    ID_SCHEME,
    ID_TAXONOMY,
    ID_TAXONOMY_DESCRIPTION,
    ID_TAXONOMY_NAME,
    ID_TERM_CODE,
    ID_TERM_DESCRIPTION,
    ID_TERM_NAME,
    ID_TYPE,
    STATUS_TO_HSDS,
    VERIFIED_ACTION,
    VERIFIED_FIELD,
    hsds_id,
)
from .readiness import check_exportable

SERVICES_FILE = "services.json"
ORGANIZATIONS_FILE = "organizations.json"

Obj = dict[str, Any]


def _compact(pairs: Iterable[tuple[str, Any]]) -> Obj:
    """An object without the empty values (HSDS fields are optional and never null)."""
    return {k: v for k, v in pairs if v is not None and v != [] and v != ""}


@cache
def _language_name(code: str) -> str:
    from babel import Locale

    return str(Locale("nl").languages.get(code, code))


@dataclass
class Exporter:
    """Turns a checked kaart into HSDS objects; organisations and terms are built once."""

    kaart: LoadedKaart
    _organisations: dict[str, Organisatie] = field(default_factory=dict)
    _categories: dict[str, Categorie] = field(default_factory=dict)
    _org_objects: dict[str, Obj] = field(default_factory=dict)
    _terms: dict[str, Obj] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._organisations = {o.id: o for k, _ in self.kaart.kaarten for o in k.organisaties}
        if self.kaart.categorieen is not None:
            self._categories = {c.id: c for c in self.kaart.categorieen.root}

    # --- organisations ----------------------------------------------------------------------

    def organizations(self) -> Iterator[Obj]:
        """By kaart id: the order does not depend on which file an organisation is in."""
        for organisation_id in sorted(self._organisations):
            yield self.organization(organisation_id)

    def organization(self, organisation_id: str) -> Obj:
        if organisation_id not in self._org_objects:
            o = self._organisations[organisation_id]
            oid = hsds_id("organisatie", o.id)
            self._org_objects[organisation_id] = _compact(
                [
                    ("id", oid),
                    ("name", o.naam),
                    ("description", o.beschrijving or o.naam),
                    ("email", o.email),
                    ("website", o.website),
                    (
                        "phones",
                        _drop_none(
                            [_phone(o.telefoon, ("organisatie", o.id), organization_id=oid)]
                        ),
                    ),
                    (
                        "organization_identifiers",
                        [
                            {
                                "id": hsds_id("organisatie", o.id, "kaart-id"),
                                "organization_id": oid,
                                "identifier_scheme": ID_SCHEME,
                                "identifier_type": ID_TYPE,
                                "identifier": o.id,
                            }
                        ],
                    ),
                ]
            )
        return self._org_objects[organisation_id]

    # --- services ---------------------------------------------------------------------------

    def services(self) -> Iterator[Obj]:
        """By municipality, then as in the file: the order an import gives them back in."""
        for k, _ in sorted(self.kaart.kaarten, key=lambda pair: pair[0].gemeente.casefold()):
            for service in k.voorzieningen:
                yield self.service(service, k)

    def service(self, s: Voorziening, k: Kaart) -> Obj:
        key = ("voorziening", s.id)
        sid = hsds_id(*key)
        checked = s.gecontroleerd.datum.isoformat()
        return _compact(
            [
                ("id", sid),
                ("organization_id", hsds_id("organisatie", s.organisatie)),
                ("name", s.naam),
                ("description", s.beschrijving),
                ("url", s.website),
                ("email", s.email),
                ("status", STATUS_TO_HSDS[s.status]),
                ("application_process", s.aanmelden),
                ("fees_description", s.kosten),
                ("eligibility_description", s.doelgroep),
                ("minimum_age", s.leeftijd.van if s.leeftijd else None),
                ("maximum_age", s.leeftijd.tot if s.leeftijd else None),
                ("assured_date", checked),
                ("last_modified", f"{checked}T00:00:00Z"),
                ("phones", _drop_none([_phone(s.telefoon, key, service_id=sid)])),
                (
                    "service_areas",
                    [{"id": hsds_id(*key, "gebied"), "service_id": sid, "name": k.gemeente}],
                ),
                (
                    "service_at_locations",
                    [
                        self._service_at_location(location, (*key, "locatie", str(i)), sid, k)
                        for i, location in enumerate(s.locaties)
                    ],
                ),
                (
                    "languages",
                    [
                        {
                            "id": hsds_id(*key, "taal", code),
                            "service_id": sid,
                            "name": _language_name(code),
                            "code": code,
                        }
                        for code in s.talen
                    ],
                ),
                ("organization", self.organization(s.organisatie)),
                ("cost_options", [_cost_option(s.kosten, key, sid)] if s.kosten else []),
                ("attributes", [self._id_attribute(s.id, sid), *self._categories_of(s, sid)]),
                (
                    "metadata",
                    [
                        {
                            "id": hsds_id(*key, "gecontroleerd"),
                            "resource_id": sid,
                            "resource_type": "service",
                            "last_action_date": checked,
                            "last_action_type": VERIFIED_ACTION,
                            "field_name": VERIFIED_FIELD,
                            "previous_value": "",
                            "replacement_value": checked,
                            "updated_by": s.gecontroleerd.door,
                        }
                    ],
                ),
            ]
        )

    def _service_at_location(
        self, location: Locatie, key: tuple[str, ...], service_id: str, k: Kaart
    ) -> Obj:
        sal_id = hsds_id(*key, "service_at_location")
        location_id = hsds_id(*key)
        address = location.adres
        return _compact(
            [
                ("id", sal_id),
                ("service_id", service_id),
                ("location_id", location_id),
                (
                    "schedules",
                    [
                        {
                            "id": hsds_id(*key, "openingstijden"),
                            "service_at_location_id": sal_id,
                            "description": location.openingstijden,
                        }
                    ]
                    if location.openingstijden
                    else [],
                ),
                (
                    "location",
                    _compact(
                        [
                            ("id", location_id),
                            ("location_type", "physical"),
                            ("name", location.naam),
                            (
                                "addresses",
                                [
                                    {
                                        "id": hsds_id(*key, "adres"),
                                        "location_id": location_id,
                                        "address_1": address.straat,
                                        "city": address.plaats,
                                        "state_province": k.provincie,
                                        "postal_code": address.postcode,
                                        "country": COUNTRY,
                                        "address_type": "physical",
                                    }
                                ]
                                if address is not None
                                else [],
                            ),
                        ]
                    ),
                ),
            ]
        )

    def _id_attribute(self, kaart_id: str, service_id: str) -> Obj:
        term = self._term(
            ID_TERM_CODE,
            ID_TERM_NAME,
            ID_TERM_DESCRIPTION,
            (ID_TAXONOMY, ID_TAXONOMY_NAME, ID_TAXONOMY_DESCRIPTION),
        )
        return {
            "id": hsds_id("voorziening", kaart_id, "kaart-id"),
            "link_id": service_id,
            "taxonomy_term_id": term["id"],
            "link_type": ID_TERM_CODE,
            "link_entity": "service",
            "value": kaart_id,
            "taxonomy_term": term,
            "label": ID_TERM_NAME,
        }

    def _categories_of(self, s: Voorziening, service_id: str) -> list[Obj]:
        attributes = []
        for category_id in s.categorieen:
            category = self._categories[category_id]
            term = self._term(
                category.id,
                category.naam,
                category.beschrijving or category.naam,
                (CATEGORY_TAXONOMY, CATEGORY_TAXONOMY_NAME, CATEGORY_TAXONOMY_DESCRIPTION),
            )
            attributes.append(
                {
                    "id": hsds_id("voorziening", s.id, "categorie", category.id),
                    "link_id": service_id,
                    "taxonomy_term_id": term["id"],
                    "link_entity": "service",
                    "taxonomy_term": term,
                    "label": category.naam,
                }
            )
        return attributes

    def _term(self, code: str, name: str, description: str, taxonomy: tuple[str, str, str]) -> Obj:
        slug, taxonomy_name, taxonomy_description = taxonomy
        key = f"{slug}/{code}"
        if key not in self._terms:
            taxonomy_id = hsds_id("taxonomie", slug)
            self._terms[key] = {
                "id": hsds_id("taxonomie", slug, code),
                "code": code,
                "name": name,
                "description": description,
                "taxonomy": slug,
                "taxonomy_detail": {
                    "id": taxonomy_id,
                    "name": taxonomy_name,
                    "description": taxonomy_description,
                },
                "taxonomy_id": taxonomy_id,
            }
        return self._terms[key]


def _phone(number: str | None, key: tuple[str, ...], **link: str) -> Obj | None:
    if not number:
        return None
    return {"id": hsds_id(*key, "telefoon"), **link, "number": number}


def _cost_option(kosten: str, key: tuple[str, ...], service_id: str) -> Obj:
    free = kosten.strip().lower() == "gratis"
    return _compact(
        [
            ("id", hsds_id(*key, "kosten")),
            ("service_id", service_id),
            ("option", kosten),
            ("currency", CURRENCY if free else None),
            ("amount", 0 if free else None),
        ]
    )


def _drop_none(items: list[Obj | None]) -> list[Obj]:
    return [i for i in items if i is not None]


# --- writing --------------------------------------------------------------------------------


def json_lines(objects: Iterable[Obj]) -> Iterator[str]:
    """A JSON list, one object a line: valid JSON, diff-friendly, and written by the C encoder."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    yield "["
    first = True
    for obj in objects:
        yield ("\n" if first else ",\n") + encode(obj)
        first = False
    yield "\n]\n" if not first else "]\n"


def export_chunks(kaart: LoadedKaart) -> dict[str, Iterator[str]]:
    """The two files of the export, each as a stream of text chunks."""
    exporter = Exporter(kaart)
    return {
        SERVICES_FILE: json_lines(exporter.services()),
        ORGANIZATIONS_FILE: json_lines(exporter.organizations()),
    }


def export_text(kaart: LoadedKaart) -> dict[str, str]:
    """The export in memory (the site; tests)."""
    return {name: "".join(chunks) for name, chunks in export_chunks(kaart).items()}


def export_paths(folder: Path) -> list[Path]:
    return [folder / SERVICES_FILE, folder / ORGANIZATIONS_FILE]


def export_kaart(
    folder: Path, out_dir: Path, today: date | None = None
) -> tuple[list[Diagnostic], list[Path]]:
    """`ekc export hsds`: check the kaart, then write both files; nothing is written on errors."""
    from ..workspace import Workspace, is_kaart_dir
    from .output import check_targets, write_atomically

    if not is_kaart_dir(folder):
        return [
            Diagnostic(
                display_path(folder),
                1,
                1,
                Severity.ERROR,
                "file-not-found",
                f"'{display_path(folder)}' is geen sociale kaart: er staat geen categorieen.yml in",
            )
        ], []
    kaart = Workspace(today=today).load_kaart(folder)
    diagnostics = kaart.diagnostics + check_exportable(kaart)
    if any(d.is_error for d in diagnostics):
        return sort_diagnostics(diagnostics), []
    targets = export_paths(out_dir)
    problems = check_targets(out_dir, [t.name for t in targets], lambda _: True)
    if not problems:
        chunks = export_chunks(kaart)
        problems = write_atomically({out_dir / name: stream for name, stream in chunks.items()})
    return sort_diagnostics(diagnostics + problems), [] if problems else targets
