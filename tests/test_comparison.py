"""The one comparison of two plan versions: by id, for print, text and JSON."""

from __future__ import annotations

from typing import Any

from ekc_docs.comparison import (
    FieldChange,
    compare_plans,
    comparison_json,
    comparison_text,
    plain_namer,
)
from ekc_docs.models import Plan

BASE: dict[str, Any] = {
    "datum": "2026-10-01",
    "vraag": "Hoe?",
    "aanspreekpunt": "oma",
    "als_het_anders_loopt": "Bellen.",
    "evaluatie": {"datum": "2026-12-01"},
}


def plan(*agreements: dict[str, Any]) -> Plan:
    return Plan.model_validate({**BASE, "afspraken": list(agreements)})


def a(wat: str, ident: str | None = None, **extra: Any) -> dict[str, Any]:
    data = {"wat": wat, "wie": extra.pop("wie", ["oma"]), "wanneer": "Elke dinsdag", **extra}
    return {"id": ident, **data} if ident else data


def test_agreements_are_matched_by_id_not_by_place() -> None:
    old = plan(a("Ophalen"), a("Bellen"), a("Voetbal"))  # implicit a1, a2, a3
    new = plan(a("Voetbal", "a3"), a("Ophalen", "a1"), a("Zwemmen", "a4"))
    result = compare_plans(old, new)
    assert [i for i, _ in result.new] == ["a4"]
    assert [i for i, _ in result.stopped] == ["a2"]
    assert result.changed == ()
    assert result.unchanged == ("a3", "a1")


def test_an_id_that_comes_back_is_new_relative_to_the_version_in_between() -> None:
    v1 = plan(a("Ophalen", "a1"), a("Bellen", "a2"))
    v2 = plan(a("Ophalen", "a1"))
    v3 = plan(a("Ophalen", "a1"), a("Bellen", "a2"))
    assert [i for i, _ in compare_plans(v1, v2).stopped] == ["a2"]
    assert [i for i, _ in compare_plans(v2, v3).new] == ["a2"]
    assert compare_plans(v1, v3).empty


def test_changed_fields_from_what_to_what() -> None:
    old = plan(a("Ophalen", "a1", wanneer="Elke dinsdag", controle="moeder", hulp="x"))
    new = plan(
        a("Ophalen", "a1", wanneer="Elke dinsdag en donderdag", onderwerp="School", hulp="x")
    )
    (change,) = compare_plans(old, new).changed
    assert change.fields == (
        FieldChange("wanneer", "Elke dinsdag", "Elke dinsdag en donderdag"),
        FieldChange("controle", "moeder", None),
        FieldChange("onderwerp", None, "School"),
    )


def test_order_within_wie_and_rewrapped_text_are_no_change() -> None:
    old = plan(a("Oma haalt  Tim\nop dinsdag", "a1", wie=["oma", "moeder"], voorwaarden=["v1"]))
    new = plan(a("Oma haalt Tim op dinsdag", "a1", wie=["moeder", "oma"], voorwaarden="v1"))
    assert compare_plans(old, new).unchanged == ("a1",)
    changed = plan(a("Oma haalt Tim op dinsdag", "a1", wie=["moeder"], voorwaarden=["v1"]))
    (change,) = compare_plans(old, changed).changed
    assert change.fields == (FieldChange("wie", ("oma", "moeder"), ("moeder",)),)


def test_plain_dutch_text() -> None:
    old = plan(a("Ophalen", "a1"), a("Bellen", "a2"))
    new = plan(
        a("Ophalen", "a1", wanneer="Elke dinsdag en donderdag", wie=["oma", "tim"]),
        a("Zwemmen", "a3"),
    )
    namer = plain_namer({"oma": "Oma Ria", "tim": "Tim"}, {})
    text = comparison_text(compare_plans(old, new), "Van versie 1 naar versie 2:", namer)
    assert text == (
        "Van versie 1 naar versie 2:\n"
        "\n"
        "Nieuwe afspraken (1):\n"
        "  a3: Zwemmen\n"
        "\n"
        "Veranderde afspraken (1):\n"
        "  a1: Ophalen\n"
        "      wie: Oma Ria → Oma Ria en Tim\n"
        "      wanneer: Elke dinsdag → Elke dinsdag en donderdag\n"
        "\n"
        "Gestopte afspraken (1):\n"
        "  a2: Bellen\n"
    )
    same = comparison_text(compare_plans(old, old), "Kop:", namer)
    assert same == "Kop:\n\nDe afspraken zijn niet veranderd.\nOngewijzigd: a1, a2\n"


def test_json() -> None:
    old = plan(a("Ophalen", "a1"), a("Bellen", "a2"))
    new = plan(a("Ophalen", "a1", wie=["oma", "tim"]), a("Zwemmen", "a3", hulp="zwembad"))
    data = comparison_json(compare_plans(old, new), {"versie": 1}, {"versie": 2})
    assert data == {
        "from": {"versie": 1},
        "to": {"versie": 2},
        "new": [
            {
                "id": "a3",
                "wat": "Zwemmen",
                "wie": ["oma"],
                "wanneer": "Elke dinsdag",
                "hulp": "zwembad",
            }
        ],
        "changed": [
            {
                "id": "a1",
                "wat": "Ophalen",
                "fields": [{"field": "wie", "from": ["oma"], "to": ["oma", "tim"]}],
            }
        ],
        "stopped": [{"id": "a2", "wat": "Bellen", "wie": ["oma"], "wanneer": "Elke dinsdag"}],
        "unchanged": [],
    }
