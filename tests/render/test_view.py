"""The view of a plan: what the printed document shows, decided before any template runs."""

from __future__ import annotations

from datetime import date

import pytest

from ekc_docs.render.templates import TemplateSet
from ekc_docs.render.view import PlanView, build_view
from ekc_docs.workspace import Workspace

from ..conftest import EXAMPLES, KAART


def view_of(example: str, plan: str = "plan.yml", language: str = "nl") -> PlanView:
    checked = Workspace(today=date(2026, 11, 25), kaart_dir=KAART).checked_plan(
        EXAMPLES / example / plan
    )
    assert checked is not None
    return build_view(checked, TemplateSet().catalogue(language))


@pytest.fixture(scope="module")
def jb() -> PlanView:
    return view_of("jeugdbescherming")


def test_cover_facts(jb: PlanView) -> None:
    assert jb.title == "Familiegroepsplan: Deniz en Ayla"
    assert jb.datum == "26 september 2026"
    assert jb.versie == 1 and jb.casus_id == "VB-2026-OTS"


def test_agreements_grouped_by_theme_in_order_of_appearance(jb: PlanView) -> None:
    assert [name for name, _ in jb.themas] == [
        "Signalen op tijd zien",
        "Als mama niet voor de kinderen kan zorgen",
        "De behandeling van Elif",
        "Deniz en Ayla",
        "Afspraken met de hulpverlening",
    ]
    assert [a.nummer for _, items in jb.themas for a in items] == list(range(1, 12))


def test_each_condition_lists_the_agreements_that_answer_it(jb: PlanView) -> None:
    answers = {c.id: [a.nummer for a in c.antwoorden] for c in jb.voorwaarden}
    assert answers == {"v1": [1, 2], "v2": [3, 4, 5], "v3": [6, 7]}
    assert jb.voorwaarden[0].gesteld_door is not None
    assert jb.voorwaarden[0].gesteld_door.naam == "Roos van der Linden"


def test_services_from_the_sociale_kaart(jb: PlanView) -> None:
    agreement = next(a for _, items in jb.themas for a in items if a.nummer == 5)
    assert agreement.hulp is not None and agreement.hulp.naam == "Steungezinnen Kampen"
    assert agreement.hulp.telefoon == "038 331 4570"


def test_contact_person_first_in_the_phone_list(jb: PlanView) -> None:
    assert jb.aanspreekpunt.naam == "Emre Kaya"
    assert jb.contacten[0] is jb.aanspreekpunt
    assert all(p.telefoon or p.email for p in jb.contacten)
    assert jb.aanspreekpunt.telefoon == "06 24571380"  # written as "06 24 57 13 80"


def test_a_personal_page_for_everyone_with_tasks(jb: PlanView) -> None:
    pages = {p.person.naam: p for p in jb.paginas}
    assert set(pages) >= {"Elif Kaya", "Emre Kaya", "Petra Scholten", "Deniz", "Ayla"}
    assert [a.nummer for a in pages["Emre Kaya"].taken] == [1, 2, 3, 4]
    assert [a.nummer for a in pages["Emre Kaya"].controles] == [7, 9, 10]


def test_persoonlijk_plan_has_the_adult_in_the_middle() -> None:
    view = view_of("wmo-persoonlijk-plan")
    assert view.soort_titel == "Persoonlijk plan"
    assert view.namen == "Gerrit Wolters"
    assert all(p.naam != "Gerrit Wolters" for _, people in view.deelnemers for p in people)
    assert not view.toon_besluit  # no conditions, no akkoord: no decision section


def test_circle_escapes_text_and_names_every_member(jb: PlanView) -> None:
    assert jb.kring is not None
    assert jb.kring.svg.startswith("<svg")
    assert "<title>De kring rond Deniz en Ayla</title>" in jb.kring.svg
    labels = {label.text for label in jb.kring.labels}
    for _, people in jb.deelnemers:
        for person in people:
            assert person.naam in labels


def test_dates_in_words_per_language() -> None:
    assert view_of("jeugdbescherming", language="en").datum == "26 September 2026"
    assert view_of("jeugdbescherming", language="ar").datum == "26 سبتمبر 2026"
