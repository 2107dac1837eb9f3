"""The sociale kaart as pages: an overview with a filter, a page per municipality and per category.

Services are written as escaped HTML (their texts come from YAML that anyone may edit); every
service has its own anchor on its municipality's page. The navigation only gets the three
index pages, never a page per municipality or service: the site must stay fast at 10,000.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from html import escape

from ..models import Categorie, Kaart, Organisatie, Voorziening
from ..reader import Document
from ..render.formatting import date_in_words, phone_display, phone_link
from ..rules.kaart import STALE_MONTHS
from ..rules.plan import add_months
from ..workspace import LoadedKaart
from .files import GeneratedFile, relative_url, slug

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


def kaart_pages(
    kaart: LoadedKaart, today: date, directory_urls: bool, *, open_data: bool = False
) -> list[GeneratedFile]:
    """Every page and the filter's data file, for all municipalities and categories."""
    stale_before = add_months(today, -STALE_MONTHS)
    organisations = {o.id: o for k, _ in kaart.kaarten for o in k.organisaties}
    categories = {c.id: c for c in (kaart.categorieen.root if kaart.categorieen else [])}
    municipalities = sorted(kaart.kaarten, key=lambda pair: pair[0].gemeente.lower())
    by_category: dict[str, list[tuple[Kaart, Voorziening]]] = defaultdict(list)
    for k, _ in municipalities:
        for service in k.voorzieningen:
            for category_id in service.categorieen:
                by_category[category_id].append((k, service))

    def stale(service: Voorziening) -> bool:
        return service.gecontroleerd.datum < stale_before

    files = [
        GeneratedFile(OVERVIEW, _overview(municipalities, categories, by_category, open_data)),
        GeneratedFile(MUNICIPALITIES, _municipality_index(municipalities, directory_urls)),
        GeneratedFile(CATEGORIES, _category_index(categories, by_category, directory_urls)),
        GeneratedFile(DATA, _filter_data(municipalities, categories, directory_urls, stale)),
    ]
    for k, _ in municipalities:
        src = municipality_src(k.gemeente)
        files.append(
            GeneratedFile(
                src, _municipality_page(k, src, organisations, categories, stale, directory_urls)
            )
        )
    for category_id, category in categories.items():
        src = category_src(category_id)
        files.append(
            GeneratedFile(
                src,
                _category_page(
                    category.naam,
                    category.beschrijving or "",
                    by_category.get(category_id, []),
                    src,
                    stale,
                    directory_urls,
                ),
            )
        )
    return files


def _front_matter(title: str, description: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndescription: {json.dumps(description, ensure_ascii=False)}\n---\n\n"


def _overview(
    municipalities: list[tuple[Kaart, Document]],
    categories: dict[str, Categorie],
    by_category: dict[str, list[tuple[Kaart, Voorziening]]],
    open_data: bool = False,
) -> str:
    total = sum(len(k.voorzieningen) for k, _ in municipalities)
    return (
        _front_matter(
            "Sociale kaart", "Hulp en voorzieningen in de buurt, per gemeente en per onderwerp."
        )
        + f"""# Sociale kaart

De sociale kaart laat zien welke hulp er in de buurt is: {total} voorzieningen in
{len(municipalities)} gemeenten. Coördinatoren gebruiken haar als een familie vraagt wat er
bestaat; families en netwerken kiezen zelf of ze er iets mee doen.

Zoek hieronder op gemeente, onderwerp of een woord, of blader [per gemeente](gemeenten/index.md)
of [per onderwerp](categorieen/index.md).

<form class="ekc-filter" role="search" aria-label="Zoek in de sociale kaart" onsubmit="return false">
  <p><label for="ekc-gemeente">Gemeente</label>
  <select id="ekc-gemeente"><option value="">Alle gemeenten</option></select></p>
  <p><label for="ekc-categorie">Onderwerp</label>
  <select id="ekc-categorie"><option value="">Alle onderwerpen</option></select></p>
  <p><label for="ekc-tekst">Zoekwoord</label>
  <input id="ekc-tekst" type="search" autocomplete="off" placeholder="bijvoorbeeld schulden of logeren"></p>
</form>

<p id="ekc-aantal" class="ekc-aantal" role="status" aria-live="polite"></p>
<ul id="ekc-resultaten" class="ekc-resultaten"></ul>

<noscript><p>Het zoekvak werkt met JavaScript. Zonder JavaScript vind je alle hulp
<a href="gemeenten/">per gemeente</a> en <a href="categorieen/">per onderwerp</a>.</p></noscript>

<script src="kaart-data.js"></script>
<script src="../assets/javascripts/sociale-kaart.js"></script>
"""
        + (OPEN_DATA if open_data else "")
    )


OPEN_DATA = """
## Open data

De hele sociale kaart is ook open data, volgens de open standaard Open Referral HSDS 3.1:
[alle voorzieningen](hsds/services.json) en [alle organisaties](hsds/organizations.json) als
JSON, om in andere verwijsgidsen over te nemen.
"""


def _municipality_index(municipalities: list[tuple[Kaart, Document]], directory_urls: bool) -> str:
    lines = [
        _front_matter("Sociale kaart per gemeente", "Alle gemeenten van de sociale kaart."),
        "# Per gemeente\n",
        "Kies een gemeente om alle voorzieningen daar te zien.\n",
        '<ul class="ekc-index">',
    ]
    for k, _ in municipalities:
        url = relative_url(MUNICIPALITIES, municipality_src(k.gemeente), directory_urls)
        lines.append(
            f'<li><a href="{escape(url)}">{escape(k.gemeente)}</a> '
            f'<span class="ekc-count">({len(k.voorzieningen)})</span></li>'
        )
    lines.append("</ul>\n")
    return "\n".join(lines)


def _category_index(
    categories: dict[str, Categorie],
    by_category: dict[str, list[tuple[Kaart, Voorziening]]],
    directory_urls: bool,
) -> str:
    lines = [
        _front_matter("Sociale kaart per onderwerp", "Alle onderwerpen van de sociale kaart."),
        "# Per onderwerp\n",
        "Kies een onderwerp om de voorzieningen in alle gemeenten te zien.\n",
        '<dl class="ekc-index">',
    ]
    for category_id, category in categories.items():
        url = relative_url(CATEGORIES, category_src(category_id), directory_urls)
        lines.append(
            f'<dt><a href="{escape(url)}">{escape(category.naam)}</a> '
            f'<span class="ekc-count">({len(by_category.get(category_id, []))})</span></dt>'
        )
        lines.append(f"<dd>{escape(category.beschrijving or '')}</dd>")
    lines.append("</dl>\n")
    return "\n".join(lines)


def _badges(service: Voorziening, is_stale: bool) -> str:
    badges = []
    if STATUS_LABEL[service.status]:
        badges.append(
            f'<span class="ekc-badge ekc-badge--{service.status}">{STATUS_LABEL[service.status]}</span>'
        )
    if is_stale:
        badges.append('<span class="ekc-badge ekc-badge--verouderd">Mogelijk verouderd</span>')
    return " ".join(badges)


def _service_html(
    service: Voorziening,
    organisation: Organisatie | None,
    category_links: list[tuple[str, str]],
    is_stale: bool,
) -> str:
    rows: list[tuple[str, str]] = []
    if organisation is not None:
        rows.append(("Organisatie", escape(organisation.naam)))
    if category_links:
        rows.append(
            (
                "Onderwerp",
                ", ".join(f'<a href="{escape(u)}">{escape(n)}</a>' for n, u in category_links),
            )
        )
    for label, value in (
        ("Voor wie", service.doelgroep),
        ("Kosten", service.kosten),
        ("Aanmelden", service.aanmelden),
    ):
        if value:
            rows.append((label, escape(value)))
    if service.leeftijd is not None:
        rows.append(("Leeftijd", f"{service.leeftijd.van} tot {service.leeftijd.tot} jaar"))
    if service.talen:
        rows.append(("Talen", ", ".join(escape(t) for t in service.talen)))
    if service.telefoon:
        rows.append(
            (
                "Telefoon",
                f'<a href="{escape(phone_link(service.telefoon))}">{escape(phone_display(service.telefoon))}</a>',
            )
        )
    if service.email:
        rows.append(
            ("E-mail", f'<a href="mailto:{escape(service.email)}">{escape(service.email)}</a>')
        )
    if service.website:
        rows.append(
            (
                "Website",
                f'<a href="{escape(service.website)}" rel="nofollow">{escape(service.website)}</a>',
            )
        )
    for location in service.locaties:
        parts = [location.naam or ""]
        if location.adres:
            parts.append(
                f"{location.adres.straat}, {location.adres.postcode} {location.adres.plaats}"
            )
        rows.append(("Adres", escape(", ".join(p for p in parts if p))))
        if location.openingstijden:
            rows.append(("Open", escape(location.openingstijden)))
    checked = date_in_words(service.gecontroleerd.datum, "nl_NL")
    details = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    stale_note = (
        f'<p class="ekc-stale"><strong>Mogelijk verouderd:</strong> deze gegevens zijn op {checked} '
        f"voor het laatst nagekeken, meer dan {STALE_MONTHS} maanden geleden. Bel eerst even.</p>"
        if is_stale
        else ""
    )
    return (
        f'<article class="ekc-service" id="{escape(service.id)}" aria-labelledby="{escape(service.id)}-naam">\n'
        f'<h2 id="{escape(service.id)}-naam">{escape(service.naam)} {_badges(service, is_stale)}</h2>\n'
        f"<p>{escape(service.beschrijving)}</p>\n{stale_note}\n<dl>\n{details}\n</dl>\n"
        f'<p class="ekc-checked">Nagekeken op {checked} door {escape(service.gecontroleerd.door)}.</p>\n'
        "</article>"
    )


def _municipality_page(
    k: Kaart,
    src: str,
    organisations: dict[str, Organisatie],
    categories: dict[str, Categorie],
    stale: Stale,
    directory_urls: bool,
) -> str:
    parts = [
        _front_matter(f"Sociale kaart {k.gemeente}", f"Hulp en voorzieningen in {k.gemeente}."),
        f"# Sociale kaart {escape(k.gemeente)}\n",
        f"{len(k.voorzieningen)} voorzieningen in {escape(k.gemeente)}. "
        f"[Terug naar het overzicht](../index.md)\n",
    ]
    for service in sorted(k.voorzieningen, key=lambda s: s.naam.lower()):
        links = [
            (categories[c].naam, relative_url(src, category_src(c), directory_urls))
            for c in service.categorieen
            if c in categories
        ]
        parts.append(
            _service_html(service, organisations.get(service.organisatie), links, stale(service))
        )
    return "\n\n".join(parts) + "\n"


def _category_page(
    name: str,
    description: str,
    services: list[tuple[Kaart, Voorziening]],
    src: str,
    stale: Stale,
    directory_urls: bool,
) -> str:
    rows = []
    for k, service in sorted(
        services, key=lambda pair: (pair[0].gemeente.lower(), pair[1].naam.lower())
    ):
        url = relative_url(src, municipality_src(k.gemeente), directory_urls, anchor=service.id)
        rows.append(
            f'<tr><td><a href="{escape(url)}">{escape(service.naam)}</a> {_badges(service, stale(service))}</td>'
            f"<td>{escape(k.gemeente)}</td><td>{escape(service.beschrijving)}</td></tr>"
        )
    table = (
        '<table class="ekc-table">\n<thead><tr><th scope="col">Voorziening</th><th scope="col">Gemeente</th>'
        '<th scope="col">Wat ze doen</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
        if rows
        else "<p>Er zijn nog geen voorzieningen in dit onderwerp.</p>"
    )
    return (
        _front_matter(f"{name} — sociale kaart", description or name)
        + f"# {escape(name)}\n\n{escape(description)}\n\n[Terug naar het overzicht](../index.md)\n\n{table}\n"
    )


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
