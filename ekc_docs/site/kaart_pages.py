"""The sociale kaart as pages: an overview with a filter, a page per municipality and per category.

Pages come from autoescaped Jinja templates (`site/templates/kaart/`): service texts come from
YAML that anyone may edit. Every service has its own anchor on its municipality's page. The
navigation only gets the three index pages, never a page per municipality or service: the site
must stay fast at 10,000.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..case import LoadedKaart
from ..dates import STALE_MONTHS, date_in_words, stale_before
from ..models import Categorie, Kaart, Organisatie, Voorziening
from ..reader import Document
from ..render.view import Service, service_view
from .files import GeneratedFile, relative_url, slug
from .pages import render_page

BASE = "sociale-kaart"
OVERVIEW = f"{BASE}/index.md"
MUNICIPALITIES = f"{BASE}/gemeenten/index.md"
CATEGORIES = f"{BASE}/categorieen/index.md"
DATA = f"{BASE}/kaart-data.js"
Stale = Callable[[Voorziening], bool]
STATUS_LABEL = {"actief": "", "tijdelijk-gesloten": "Tijdelijk gesloten", "gestopt": "Gestopt"}


def municipality_src(name: str) -> str:
    return f"{BASE}/gemeenten/{slug(name)}.md"


def category_src(category_id: str) -> str:
    return f"{BASE}/categorieen/{category_id}.md"


@dataclass(frozen=True)
class ServiceCard:
    """What a kaart page shows of one service (the template escapes every text)."""

    id: str
    naam: str
    beschrijving: str
    status: str
    status_label: str
    stale: bool
    checked: str
    checked_by: str
    organisatie: str
    categories: tuple[tuple[str, str], ...]
    rows: tuple[tuple[str, str], ...]
    facts: Service
    gemeente: str = ""
    url: str = ""


def _card(
    service: Voorziening,
    organisation: Organisatie | None,
    category_links: tuple[tuple[str, str], ...],
    is_stale: bool,
    gemeente: str = "",
    url: str = "",
) -> ServiceCard:
    rows = [
        (label, value)
        for label, value in (
            ("Voor wie", service.doelgroep),
            ("Kosten", service.kosten),
            ("Aanmelden", service.aanmelden),
        )
        if value
    ]
    if service.leeftijd is not None:
        rows.append(("Leeftijd", f"{service.leeftijd.van} tot {service.leeftijd.tot} jaar"))
    if service.talen:
        rows.append(("Talen", ", ".join(service.talen)))
    return ServiceCard(
        id=service.id,
        naam=service.naam,
        beschrijving=service.beschrijving,
        status=service.status,
        status_label=STATUS_LABEL[service.status],
        stale=is_stale,
        checked=date_in_words(service.gecontroleerd.datum, "nl_NL"),
        checked_by=service.gecontroleerd.door,
        organisatie=organisation.naam if organisation is not None else "",
        categories=category_links,
        rows=tuple(rows),
        facts=service_view(service),
        gemeente=gemeente,
        url=url,
    )


def kaart_pages(
    kaart: LoadedKaart, today: date, directory_urls: bool, *, open_data: bool = False
) -> list[GeneratedFile]:
    """Every page and the filter's data file, for all municipalities and categories.

    `open_data`: the HSDS export is published beside the kaart, so the overview links to it.
    """
    too_old = stale_before(today)
    organisations = {o.id: o for k, _ in kaart.kaarten for o in k.organisaties}
    categories = {c.id: c for c in (kaart.categorieen.root if kaart.categorieen else [])}
    municipalities = sorted(kaart.kaarten, key=lambda pair: pair[0].gemeente.lower())
    by_category: dict[str, list[tuple[Kaart, Voorziening]]] = defaultdict(list)
    for k, _ in municipalities:
        for service in k.voorzieningen:
            for category_id in service.categorieen:
                by_category[category_id].append((k, service))

    def stale(service: Voorziening) -> bool:
        return service.gecontroleerd.datum < too_old

    total = sum(len(k.voorzieningen) for k, _ in municipalities)
    files = [
        GeneratedFile(
            OVERVIEW,
            render_page(
                "kaart/overview.md.j2",
                total=total,
                municipalities=len(municipalities),
                open_data=open_data,
            ),
        ),
        GeneratedFile(
            MUNICIPALITIES,
            render_page(
                "kaart/municipalities.md.j2",
                municipalities=[
                    {
                        "name": k.gemeente,
                        "count": len(k.voorzieningen),
                        "url": relative_url(
                            MUNICIPALITIES, municipality_src(k.gemeente), directory_urls
                        ),
                    }
                    for k, _ in municipalities
                ],
            ),
        ),
        GeneratedFile(
            CATEGORIES,
            render_page(
                "kaart/categories.md.j2",
                categories=[
                    {
                        "name": c.naam,
                        "description": c.beschrijving or "",
                        "count": len(by_category.get(c.id, [])),
                        "url": relative_url(CATEGORIES, category_src(c.id), directory_urls),
                    }
                    for c in categories.values()
                ],
            ),
        ),
        GeneratedFile(DATA, _filter_data(municipalities, categories, directory_urls, stale)),
    ]
    for k, _ in municipalities:
        src = municipality_src(k.gemeente)
        cards = [
            _card(
                service,
                organisations.get(service.organisatie),
                tuple(
                    (categories[c].naam, relative_url(src, category_src(c), directory_urls))
                    for c in service.categorieen
                    if c in categories
                ),
                stale(service),
            )
            for service in sorted(k.voorzieningen, key=lambda s: s.naam.lower())
        ]
        page = render_page(
            "kaart/municipality.md.j2",
            gemeente=k.gemeente,
            services=cards,
            stale_months=STALE_MONTHS,
        )
        files.append(GeneratedFile(src, page))
    for category_id, category in categories.items():
        src = category_src(category_id)
        rows = [
            _card(
                service,
                None,
                (),
                stale(service),
                gemeente=k.gemeente,
                url=relative_url(
                    src, municipality_src(k.gemeente), directory_urls, anchor=service.id
                ),
            )
            for k, service in sorted(
                by_category.get(category_id, []),
                key=lambda pair: (pair[0].gemeente.lower(), pair[1].naam.lower()),
            )
        ]
        page = render_page(
            "kaart/category.md.j2",
            name=category.naam,
            description=category.beschrijving or "",
            services=rows,
        )
        files.append(GeneratedFile(src, page))
    return files


def _filter_data(
    municipalities: list[tuple[Kaart, Document]],
    categories: dict[str, Categorie],
    directory_urls: bool,
    stale: Stale,
) -> str:
    """Compact arrays for the overview's filter; a script file, so it also loads from file://."""
    category_ids = list(categories)
    data = {
        "gemeenten": [k.gemeente for k, _ in municipalities],
        "categorieen": [categories[c].naam for c in category_ids],
        "voorzieningen": [
            [
                service.naam,
                index,
                [category_ids.index(c) for c in service.categorieen if c in categories],
                relative_url(
                    OVERVIEW, municipality_src(k.gemeente), directory_urls, anchor=service.id
                ),
                STATUS_LABEL[service.status],
                1 if stale(service) else 0,
                " ".join(
                    filter(None, [service.naam, service.beschrijving, service.doelgroep or ""])
                ).lower(),
            ]
            for index, (k, _) in enumerate(municipalities)
            for service in sorted(k.voorzieningen, key=lambda s: s.naam.lower())
        ],
    }
    return (
        "window.EKC_KAART = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
    )
