"""Forms from the models: dotted names, Dutch labels and help, choices that follow the roles."""

from __future__ import annotations

from ekc_docs.models import Casus, Plan
from ekc_docs.reader import read_document, to_python
from ekc_docs.studio.choices import Choice, Context
from ekc_docs.studio.forms import build_form, controls, labels, repeats

from .conftest import EXAMPLES


def _form(kind: str, case: str = "jeugdbescherming"):  # type: ignore[no-untyped-def]
    folder = EXAMPLES / case
    casus = to_python(read_document(folder / "casus.yml").root)
    context = Context.from_casus(casus, [Choice("jeugdteam-zwolle", "Jeugdteam — Zwolle")], [])
    model = Casus if kind == "casus" else Plan
    data = casus if kind == "casus" else to_python(read_document(folder / "plan.yml").root)
    return build_form(model, data, context)


def test_every_control_is_named_by_its_dotted_yaml_path() -> None:
    form = _form("plan")
    by_name = {c.name: c for c in controls(form)}
    assert by_name["vraag"].value.startswith("Wat spreken we af")
    assert by_name["afspraken.0.wat"].loc == ("afspraken", 0, "wat")
    assert by_name["evaluatie.datum"].widget == "date"
    assert by_name["akkoord.besluit"].choices[0].value == "akkoord"
    assert all(c.label and c.id == "veld-" + c.name.replace(".", "-") for c in by_name.values())
    assert "personen.2.telefoon" in {c.name for c in controls(_form("casus"))}


def test_labels_and_help_come_from_the_models() -> None:
    form = _form("plan")
    vraag = next(c for c in controls(form) if c.name == "vraag")
    assert (vraag.label, vraag.help, vraag.required) == (
        "Vraag",
        "De centrale vraag van de conferentie.",
        True,
    )
    assert labels(form)["evaluatie.datum"] == "Evaluatie › Datum"
    assert "afspraken" in [r.name for r in repeats(form)]


def test_id_fields_offer_only_who_may_stand_there() -> None:
    by_name = {c.name: c for c in controls(_form("plan"))}
    people = {
        p["id"]: p
        for p in Context.from_casus(
            to_python(read_document(EXAMPLES / "jeugdbescherming" / "casus.yml").root), [], []
        ).personen
    }
    professionals = {i for i, p in people.items() if p["kring"] == "professional"}
    lead = {c.value for c in by_name["aanspreekpunt"].choices}
    assert lead and not lead & professionals  # contract §2: the network's own contact person
    approver = {c.value for c in by_name["akkoord.door"].choices}
    assert approver and approver <= professionals
    who = {c.value for c in by_name["afspraken.0.wie"].choices}
    assert {"deniz", "ayla"} <= who  # children may do things
    assert not {"deniz", "ayla"} & {c.value for c in by_name["afspraken.0.controle"].choices}
    assert by_name["afspraken.0.wie"].widget == "checkboxes"
    assert by_name["afspraken.0.hulp"].widget == "search"
    assert [c.value for c in by_name["afspraken.0.hulp"].choices] == ["jeugdteam-zwolle"]
    assert {c.value for c in by_name["afspraken.0.voorwaarden"].choices} == {"v1", "v2", "v3"}


def test_consent_is_offered_to_children_of_twelve_and_older() -> None:
    casus = {
        "toestemming": {"datum": "2026-09-01"},
        "personen": [{"id": "ma", "naam": "Ma", "kring": "gezin"}],
        "kinderen": [
            {"id": "oud", "naam": "Oud", "geboortedatum": "2014-08-31"},
            {"id": "jong", "naam": "Jong", "geboortedatum": "2014-09-02"},
        ],
    }
    choices = {c.value for c in Context.from_casus(casus, [], []).choices("toestemming")}
    assert choices == {"ma", "oud"}


def test_a_value_of_the_wrong_shape_is_never_overwritten_from_the_form() -> None:
    form = build_form(Plan, {"vraag": ["een", "lijst"], "zorgen": "één zorg"}, Context())
    by_name = {c.name: c for c in controls(form)}
    assert by_name["vraag"].disabled
    assert by_name["zorgen"].values == ["één zorg"] and not by_name["zorgen"].disabled


def test_an_id_that_is_nowhere_is_unknown_not_forbidden() -> None:
    casus = to_python(read_document(EXAMPLES / "jeugdbescherming" / "casus.yml").root)
    context = Context.from_casus(casus, [], [])
    professional = next(p["id"] for p in context.personen if p["kring"] == "professional")
    for value, said in (("niemand", "niemand (onbekend)"), (professional, "niet toegestaan hier")):
        data = {"aanspreekpunt": value, "afspraken": [{"wat": "x", "wie": [value]}]}
        by_name = {c.name: c for c in controls(build_form(Plan, data, context))}
        assert said in by_name["aanspreekpunt"].choices[-1].label
        if value == "niemand":
            assert by_name["afspraken.0.wie"].choices[-1].label == "niemand (onbekend)"


def test_help_for_choices_speaks_of_people_not_ids() -> None:
    for kind in ("casus", "plan"):
        for control in controls(_form(kind)):
            if control.widget in ("select", "checkboxes", "search") or control.loc[-1] == "id":
                words = control.help.lower().replace(",", " ").replace(".", " ").split()
                assert not {"id", "ids", "iso"} & set(words), (control.name, control.help)
                assert "639" not in control.help
    by_name = {c.name: c for c in controls(_form("casus"))}
    assert by_name["personen.0.id"].label == "Korte naam"
    assert "personen" in by_name["toestemming.door"].help
