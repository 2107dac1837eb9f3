"""The built site, opened in a real browser (Debian's Chromium through Playwright).

Navigation, Dutch search, the kaart filter, the example PDFs, axe-core at WCAG 2.1 A/AA on
every page type in both palettes, no request leaving localhost, and the offline edition
searching from file://.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..site_server import build, chromium_path, serve

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed"),
]

PAGE_TYPES = {
    "start": "",
    "handboek": "handboek/",
    "werkwijze": "werkwijze/",
    "families": "families/",
    "woordenlijst": "over/woordenlijst/",
    "onderwerpen": "over/onderwerpen/",
    "hoofdstuk": "handboek/07-voorbereiden/",
    "veldenoverzicht": "werken-met-ekc-docs/veldenoverzicht/",
    "vragen": "werkwijze/vragen/",
    "kaart-overzicht": "sociale-kaart/",
    "kaart-gemeente": "sociale-kaart/gemeenten/zwolle/",
    "kaart-categorie": "sociale-kaart/categorieen/opvoeden/",
    "kaart-gemeenten": "sociale-kaart/gemeenten/",
    "voorbeelden": "voorbeelden/",
    "voorbeeld": "voorbeelden/jeugdbescherming/",
    "niet-gevonden": "bestaat-niet/",
}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("site")
    result = build("mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    offline = build("mkdocs-offline.yml", root / "offline")
    assert offline.returncode == 0, offline.stdout + offline.stderr
    return {"site": root / "site", "offline": root / "offline"}


@pytest.fixture(scope="session")
def base_url(built: dict[str, Path]) -> Iterator[str]:
    yield from serve(built["site"])


class Visit:
    """A page plus every request it made; anything not on localhost is blocked and recorded."""

    def __init__(self, browser: Any, base_url: str, scheme: str = "light") -> None:
        self.base_url = base_url
        self.context = browser.new_context(
            color_scheme=scheme, viewport={"width": 1280, "height": 900}
        )
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith((self.base_url, "data:", "blob:", "file://")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, path: str) -> Any:
        self.page.goto(self.base_url + path)
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Visit]:
    v = Visit(browser, base_url)
    yield v
    v.close()
    assert v.outside == [], f"requests left localhost: {v.outside}"


def test_navigation_tabs_lead_to_each_part(visit: Visit) -> None:
    page = visit.open("")
    for tab, heading in [
        ("Sociale kaart", "Sociale kaart"),
        ("Voorbeeldplannen", "Voorbeeldplannen"),
        ("Voor families", "Voor families"),
        ("Werkwijze voor professionals", "Werkwijze voor professionals"),
    ]:
        page.locator(".md-tabs__link", has_text=tab).first.click()
        assert page.locator("article h1").first.inner_text().replace("¶", "").strip() == heading
    assert page.locator("html").get_attribute("lang") == "nl"


def test_searching_a_dutch_word_finds_the_right_page(visit: Visit) -> None:
    page = visit.open("")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # a heading of the handbook: "Eten, drinken en een tolk"
    _search(page, "tolk")
    assert "08-de-dag-organiseren" in " ".join(_top_results(page))


def _search(page: Any, query: str) -> None:
    """Type a query once the search index is ready (a query typed earlier is lost)."""
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="Typ om te beginnen").wait_for(timeout=45_000)
    page.locator("input.md-search__input").press_sequentially(query)


def _top_results(page: Any, count: int = 5) -> list[str]:
    """The first result links once the search has answered the whole query."""
    page.locator(".md-search-result__item a[href*='h=tolk']").first.wait_for(timeout=45_000)
    links = page.locator(".md-search-result__item a").all()[:count]
    return [link.get_attribute("href") or "" for link in links]


def test_kaart_filter_narrows_the_list(visit: Visit) -> None:
    page = visit.open("sociale-kaart/")
    count = page.locator("#ekc-aantal")
    assert re.match(r"\d+ voorzieningen gevonden", count.inner_text())
    total = int(count.inner_text().split()[0])
    page.select_option("#ekc-gemeente", label="Deventer")
    deventer = int(count.inner_text().split()[0])
    assert 0 < deventer < total
    assert all(
        "— Deventer" in text for text in page.locator("#ekc-resultaten li").all_inner_texts()
    )
    page.fill("#ekc-tekst", "logeer")
    assert 0 < int(count.inner_text().split()[0]) < deventer
    first = page.locator("#ekc-resultaten a").first
    first.click()
    page.wait_for_url(re.compile(r".*/sociale-kaart/gemeenten/deventer/#.+"))
    page.wait_for_load_state("load")
    anchor = page.url.split("#")[1]
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_stale_services_say_so(visit: Visit) -> None:
    page = visit.open("sociale-kaart/gemeenten/raalte/")
    service = page.locator("#vervoer-raalte")
    assert "Mogelijk verouderd" in service.inner_text()


def test_example_pdf_link_serves_a_pdf(visit: Visit) -> None:
    page = visit.open("voorbeelden/jeugdbescherming/")
    link = page.get_by_role("link", name="Plan versie 1 als PDF")
    href = link.get_attribute("href")
    response = page.request.get(visit.base_url + "voorbeelden/jeugdbescherming/" + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-1.7")
    assert page.locator(".ekc-plan .agreement").count() == 11


def test_handbook_pdf_is_linked_and_served(visit: Visit) -> None:
    page = visit.open("handboek/")
    href = page.get_by_role("link", name="Het handboek als PDF").get_attribute("href")
    response = page.request.get(visit.base_url + "handboek/" + href)
    assert response.status == 200 and response.body().startswith(b"%PDF")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_axe_finds_no_wcag_violations(browser: Any, base_url: str, scheme: str, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    v = Visit(browser, base_url, scheme)
    try:
        page = v.open(PAGE_TYPES[name])
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        results = Axe().run(page, options=WCAG)
        assert results.violations_count == 0, results.generate_report()
    finally:
        v.close()
    assert v.outside == []


def test_offline_edition_searches_from_file(browser: Any, built: dict[str, Path]) -> None:
    context = browser.new_context()
    outside: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(("file://", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto((built["offline"] / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    _search(page, "tolk")
    assert "08-de-dag-organiseren" in " ".join(_top_results(page))
    context.close()
    assert outside == []
