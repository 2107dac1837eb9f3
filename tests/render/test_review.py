"""The review at the front of a later version: its view, and its text in the PDF (nl, en, ar)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ekc_docs.render.html import render_html
from ekc_docs.render.templates import TemplateSet
from ekc_docs.render.view import build_view
from ekc_docs.rendering import RenderOptions, render_plan
from ekc_docs.workspace import Workspace

from ..conftest import EXAMPLES, KAART, TESTS
from ..pdfs import page_texts

PLEEG = EXAMPLES / "pleeggezin"


def _workspace() -> Workspace:
    return Workspace(today=date(2026, 11, 25), kaart_dir=KAART)


def test_view_of_the_review() -> None:
    loaded = _workspace().checked_plan(PLEEG / "plan-3.yml")
    assert loaded is not None
    review = build_view(loaded, TemplateSet().catalogue("nl")).terugblik
    assert review is not None
    assert (review.vorige_versie, review.datum) == (2, "13 maart 2027")
    assert [(a.uitkomst, a.woord) for a in review.afspraken][:4] == [
        ("gelukt", "Gelukt"),
        ("deels", "Deels gelukt"),
        ("gelukt", "Gelukt"),
        ("niet-gelukt", "Niet gelukt"),
    ]
    assert review.telling == (
        ("gelukt", "Gelukt", 5),
        ("deels", "Deels gelukt", 1),
        ("niet-gelukt", "Niet gelukt", 1),
    )
    # a8 was stopped in version 2 and is back in version 3: new relative to version 2
    assert [(c.label, c.wat[:28]) for c in review.nieuw] == [
        ("Afspraak 4", "Hasan en Jesse sleutelen wee")
    ]
    judo = next(c for c in review.gewijzigd if c.label == "Afspraak 3")
    assert [(f.veld, f.van, f.naar) for f in judo.velden][1:] == [
        ("Wie", "Stefan de Groot en Jesse", "Hasan Aydın en Jesse"),
        (
            "Wanneer",
            "Aanmelding vóór 10 oktober; eerste judoles in november",
            "Elke dinsdag van 18.00 tot 19.00 uur, vanaf 23 maart",
        ),
        ("Wie gaat het na", "Hasan Aydın", "Erik Verbeek"),
        ("Hulp", "Sportmaatjes Deventer", "(niets)"),
    ]
    assert [c.wat[:20] for c in review.gestopt] == ["Erik vraagt bij het ", "Femke blijft het twe"]


def test_an_agreement_without_outcome_says_so() -> None:
    loaded = _workspace().checked_plan(
        TESTS / "cases" / "versions-review-incomplete" / "plan-3.yml"
    )
    assert loaded is not None
    review = build_view(loaded, TemplateSet().catalogue("nl")).terugblik
    assert review is not None
    assert [(a.wat[:14], a.woord) for a in review.afspraken] == [
        ("Oma haalt Tim ", "Gelukt"),
        ("Moeder belt om", "Nog niet besproken"),
        ("Moeder en Tim ", "Nog niet besproken"),
    ]
    assert review.afspraken[2].toelichting == "Daar hebben we het niet over gehad."


def test_a_first_version_has_no_review() -> None:
    loaded = _workspace().checked_plan(PLEEG / "plan.yml")
    assert loaded is not None
    assert build_view(loaded, TemplateSet().catalogue("nl")).terugblik is None


EXPECTED = {
    "nl": {
        "review": [
            "Hoe het ging",
            "Op 13 maart 2027 keken we samen terug op versie 2 van het plan.",
            "In het kort: 5 gelukt 1 deels gelukt 1 niet gelukt",
            "Deels gelukt De woensdagmiddag wordt verdeeld",
            "Bart moest drie woensdagen werken.",
            "Wat we leerden Jesse heeft iemand nodig die hij kent",
        ],
        "changes": [
            "Wat er veranderd is",
            "Nieuwe afspraken Afspraak 4: Hasan en Jesse sleutelen weer samen",
            "Veranderde afspraken",
            "Wat veranderde Eerst Nu",
            "Wie Stefan de Groot en Jesse Hasan Aydın en Jesse",
            "Hulp Sportmaatjes Deventer (niets)",
            "Gestopte afspraken Erik vraagt bij het Meedoenfonds",
        ],
    },
    "en": {
        "review": [
            "How it went",
            "On 13 March 2027 we looked back together at version 2 of the plan.",
            "In short: 5 worked 1 partly worked 1 did not work",
            "Partly worked De woensdagmiddag wordt verdeeld",
            "What we learned",
        ],
        "changes": [
            "What has changed",
            "New agreements Agreement 4:",
            "Changed agreements",
            "What changed Before Now",
            "Who Stefan de Groot and Jesse Hasan Aydın and Jesse",
            "Agreements that stopped",
        ],
    },
    # Arabic shaped with GSUB gets a partly wrong text layer in WeasyPrint (Kozea/WeasyPrint#2841):
    # the PDF is checked for the words that come through intact, the HTML for the whole texts
    "ar": {
        "review": ["معًا", "مارس", "Bart moest drie woensdagen werken."],
        "changes": ["Hasan en Jesse sleutelen weer samen", "Bart Verbeek"],
    },
}
ARABIC_HTML = [
    "كيف سارت الأمور",
    "نجح جزئيًا",
    "لم ينجح",
    "ما تعلمناه",
    "ما الذي تغيّر",
    "اتفاقات جديدة",
    "اتفاقات تغيّرت",
    "اتفاقات توقفت",
    "(لا شيء)",
]


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_review_in_the_pdf(language: str, tmp_path: Path) -> None:
    folder = tmp_path / "pleeggezin"
    shutil.copytree(PLEEG, folder)
    casus = (folder / "casus.yml").read_text(encoding="utf-8")
    (folder / "casus.yml").write_text(casus.replace("taal: nl", f"taal: {language}"), "utf-8")
    out = tmp_path / "plan-3.pdf"
    result = render_plan(folder / "plan-3.yml", _workspace(), RenderOptions(), output=out)
    assert result.ok, [d.as_text() for d in result.diagnostics]
    pages = page_texts(out)
    review = " ".join(pages[1:6])
    for text in EXPECTED[language]["review"] + EXPECTED[language]["changes"]:
        assert text in review, text
    # the review comes right after the cover, before the rest of the plan
    assert EXPECTED[language]["review"][0] in pages[1]
    if language == "ar":
        loaded = _workspace().checked_plan(folder / "plan-3.yml")
        assert loaded is not None
        html = render_html(build_view(loaded, TemplateSet().catalogue("ar")), TemplateSet())
        for text in ARABIC_HTML:
            assert text in html, text
