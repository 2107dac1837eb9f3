"""Writing back: comments, key order and quoting survive; written models read back identical."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ekc_docs.models import Plan
from ekc_docs.reader import parse_text
from ekc_docs.studio import editing
from ekc_docs.studio.choices import Context
from ekc_docs.studio.forms import build_form
from ekc_docs.studio.yamlfile import ChangedOnDisk, UnreadableFile, YamlFile
from ekc_docs.validation import validate

COMMENTED = """\
# Plan van de familie — met de hand geschreven
versie: 1
datum: 2026-10-10   # de dag van de conferentie
vraag: "Hoe houden we het veilig?"

zorgen:
  - 'Een zorg'      # van oma
  - Nog een zorg

afspraken:
  # eerst de school
  - id: a1
    onderwerp: School
    wat: Oma haalt Daan op.   # dinsdag
    wie: [ria]
    wanneer: "Elke dinsdag"
aanspreekpunt: ria          # de spil
als_het_anders_loopt: Bellen.
evaluatie:
  datum: 2026-12-05
"""


def _edit(text: str, values: dict[str, list[str]], path: Path) -> YamlFile:
    path.write_text(text, encoding="utf-8")
    file = YamlFile.open(path)
    document = parse_text(file.text, path)
    from ekc_docs.reader import to_python

    form = build_form(Plan, to_python(document.root), Context())
    current = {c.name: ([c.value] if not c.multiple else list(c.values)) for c in _controls(form)}
    current.update(values)
    editing.apply_form(file, form, lambda name: current.get(name, []))
    return file


def _controls(form):  # type: ignore[no-untyped-def]
    from ekc_docs.studio.forms import controls

    return list(controls(form))


def test_an_edit_keeps_comments_order_and_quoting(tmp_path: Path) -> None:
    file = _edit(
        COMMENTED, {"afspraken.0.wanneer": ["Elke dinsdag en donderdag"]}, tmp_path / "plan.yml"
    )
    file.save()
    written = (tmp_path / "plan.yml").read_text(encoding="utf-8")
    expected = COMMENTED.replace('"Elke dinsdag"', '"Elke dinsdag en donderdag"')
    assert written == expected


def test_a_new_optional_key_goes_where_the_model_has_it(tmp_path: Path) -> None:
    file = _edit(
        COMMENTED, {"stem_van_het_kind": ["Daan wil thuis blijven."]}, tmp_path / "plan.yml"
    )
    lines = file.text.splitlines()
    assert lines.index("stem_van_het_kind: Daan wil thuis blijven.") < lines.index("afspraken:")
    assert lines.index("stem_van_het_kind: Daan wil thuis blijven.") > lines.index(
        "  - Nog een zorg"
    )
    assert "# van oma" in file.text and "# de spil" in file.text


def test_clearing_an_optional_value_removes_the_key_and_a_required_one_stays_empty(
    tmp_path: Path,
) -> None:
    file = _edit(COMMENTED, {"afspraken.0.onderwerp": [""], "vraag": [""]}, tmp_path / "plan.yml")
    assert "onderwerp" not in file.text
    assert "\nvraag:" in file.text
    document = parse_text(file.text, tmp_path / "plan.yml")
    _, problems = validate(document, Plan)
    assert [(d.code, d.line, d.column) for d in problems] == [("invalid-value", 4, 7)]


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "plan.yml"
    file = _edit(COMMENTED, {"vraag": ["Nieuwe vraag"]}, path)
    path.write_text(COMMENTED + "# iemand anders was hier\n", encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        file.save()
    assert path.read_text(encoding="utf-8").endswith("# iemand anders was hier\n")
    assert not list(tmp_path.glob(".*.tmp"))


def test_bom_and_crlf_are_kept(tmp_path: Path) -> None:
    text = "\ufeff" + COMMENTED.replace("\n", "\r\n")
    path = tmp_path / "plan.yml"
    path.write_bytes(text.encode("utf-8"))
    file = YamlFile.open(path)
    file.changed()
    file.save()
    data = path.read_bytes()
    assert (
        data.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in data
        and b"\n\n" not in data.replace(b"\r\n", b"")
    )


def test_yaml_it_cannot_hold_is_refused(tmp_path: Path) -> None:
    for text in ("a: [unclosed\n", "a: 1\na: 2\n", "- een lijst\n"):
        with pytest.raises(UnreadableFile):
            YamlFile.from_text(tmp_path / "plan.yml", text, "")


# --- the property: whatever the studio writes reads back identical ------------------------------

_texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\ufeff"
    ),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "" and t == t.strip())
_tricky = st.sampled_from(
    [
        "no",
        "yes",
        "true",
        "null",
        "~",
        "0612345678",
        "2026-10-10",
        "- a",
        "a: b",
        "#x",
        "a #b",
        "'q'",
        '"dq"',
        "[a]",
        "{a}",
        "@x",
        "`x`",
        "%x",
        "!x",
        "&x",
        "*x",
        "|",
        ">",
        "? x",
        "1e3",
        "0o17",
        "0x1F",
        ".inf",
        "a\nb",
        "regel één\nregel twee",
    ]
)
_value = st.one_of(_texts, _tricky)
_ids = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)


@st.composite
def _plans(draw: st.DrawFn) -> dict[str, object]:
    agreements = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "wat": _value,
                    "wie": st.lists(_ids, min_size=1, max_size=3, unique=True),
                    "wanneer": _value,
                },
                optional={"onderwerp": _value, "controle": _ids, "id": _ids},
            ),
            min_size=1,
            max_size=3,
        )
    )
    return {
        "datum": draw(
            st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
        ).isoformat(),
        "vraag": draw(_value),
        "zorgen": draw(st.lists(_texts, max_size=3)),
        "stem_van_het_kind": draw(st.one_of(st.none(), _value)),
        "afspraken": agreements,
        "aanspreekpunt": draw(_ids),
        "als_het_anders_loopt": draw(_value),
        "evaluatie": {"datum": "2027-01-01"},
    }


EMPTY = "versie: 1\n"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=_plans())
def test_any_plan_written_by_the_studio_reads_back_identical(tmp_path: Path, data: dict) -> None:  # type: ignore[type-arg]
    path = tmp_path / "plan.yml"
    path.write_text(EMPTY, encoding="utf-8")
    file = YamlFile.open(path)
    for index, agreement in enumerate(data["afspraken"]):  # type: ignore[arg-type]
        editing.add_item(file, Plan, ("afspraken",))
        for key in ("id", "onderwerp"):
            if key not in agreement:
                from ekc_docs.studio import yamlfile

                yamlfile.remove(file.root, ("afspraken", index, key))
    values: dict[str, list[str]] = {}

    def flatten(prefix: str, value: object) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                flatten(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for i, v in enumerate(value):
                flatten(f"{prefix}.{i}", v)
        elif isinstance(value, list):
            values[prefix] = ["\n".join(value)] if prefix == "zorgen" else list(value)
        elif value is not None:
            values[prefix] = [str(value)]

    flatten("", data)
    from ekc_docs.reader import to_python

    form = build_form(Plan, to_python(parse_text(file.text, path).root), Context())
    editing.apply_form(file, form, lambda name: values.get(name, []))
    document = parse_text(file.text, path)
    assert document.diagnostics == []
    written, problems = validate(document, Plan)
    assert problems == []
    expected = Plan.model_validate(data)
    assert written == expected


def test_a_partial_post_changes_only_what_it_carries(tmp_path: Path) -> None:
    path = tmp_path / "plan.yml"
    path.write_text(COMMENTED, encoding="utf-8")
    file = YamlFile.open(path)
    from ekc_docs.reader import to_python

    form = build_form(Plan, to_python(parse_text(file.text, path).root), Context())
    editing.apply_form(file, form, lambda name: ["Alleen de vraag"] if name == "vraag" else [])
    assert file.text == COMMENTED.replace('"Hoe houden we het veilig?"', '"Alleen de vraag"')


@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_saving_keeps_the_files_permissions(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "plan.yml"
    path.write_text(COMMENTED, encoding="utf-8")
    path.chmod(mode)
    file = _edit(COMMENTED, {"vraag": ["Nieuwe vraag"]}, path)
    file.save()
    assert path.stat().st_mode & 0o777 == mode
    assert "Nieuwe vraag" in path.read_text(encoding="utf-8")


def test_a_new_file_gets_what_the_umask_allows(tmp_path: Path) -> None:
    import os

    from ekc_docs.studio.yamlfile import write_all_atomically

    previous = os.umask(0o002)
    try:
        write_all_atomically({tmp_path / "a.yml": b"a: 1\n", tmp_path / "b.yml": b"b: 2\n"})
    finally:
        os.umask(previous)
    assert [(tmp_path / n).stat().st_mode & 0o777 for n in ("a.yml", "b.yml")] == [0o664] * 2
    assert not list(tmp_path.glob(".*.tmp"))


def _scaffold(tmp_path: Path) -> Path:
    from ekc_docs.scaffold import create_case

    create_case("EKC-1", tmp_path / "EKC-1")
    return tmp_path / "EKC-1" / "casus.yml"


def _edit_casus(path: Path, values: dict[str, list[str]]) -> YamlFile:
    from ekc_docs.models import Casus
    from ekc_docs.reader import to_python
    from ekc_docs.studio.forms import controls

    file = YamlFile.open(path)
    form = build_form(Casus, to_python(parse_text(file.text, path).root), Context())
    current = {c.name: ([c.value] if not c.multiple else list(c.values)) for c in controls(form)}
    current.update(values)
    editing.apply_form(file, form, lambda name: current.get(name, []))
    return file


def test_a_new_child_goes_before_the_comment_about_the_next_key(tmp_path: Path) -> None:
    from ekc_docs.models import Casus

    path = _scaffold(tmp_path)
    file = YamlFile.open(path)
    editing.add_item(file, Casus, ("kinderen",))
    text = file.text
    # the new child joins the list, above the help comment that belongs to the next key
    assert text.index("- id: kind1") < text.index("- id: kind2")
    assert text.index("- id: kind2") < text.index("# alleen bij een persoonlijk plan")
    assert text.index("# alleen bij een persoonlijk plan") < text.index("personen:")


def test_a_placeholder_comment_goes_once_its_value_is_filled_in(tmp_path: Path) -> None:
    # as `ekc versie` leaves them: a proposal on the line, marked to fill in
    text = COMMENTED.replace(
        "  datum: 2026-12-05\n", "  datum: 2026-12-05  # «VERVANG» de volgende evaluatie\n"
    )
    file = _edit(text, {"evaluatie.datum": ["2027-01-20"]}, tmp_path / "plan.yml")
    assert "  datum: 2027-01-20\n" in file.text
    assert "«VERVANG»" not in file.text
    # comments without the placeholder stay
    assert "aanspreekpunt: ria          # de spil" in file.text


def test_new_texts_that_yaml_would_misread_are_quoted(tmp_path: Path) -> None:
    path = _scaffold(tmp_path)
    file = _edit_casus(
        path,
        {
            "coordinator.telefoon": ["0612345678"],
            "personen.0.relatie": ["ja"],
            "personen.0.organisatie": ["Buurtzorg: team Oost"],
            "personen.1.relatie": ["oom"],
            "conferentie.plaats": ["1234 AB"],
        },
    )
    text = file.text
    assert 'telefoon: "0612345678"' in text
    assert 'relatie: "ja"' in text and 'organisatie: "Buurtzorg: team Oost"' in text
    assert 'plaats: "1234 AB"' in text
    from ekc_docs.reader import to_python

    data = to_python(parse_text(text, path).root)
    assert data["coordinator"]["telefoon"] == "0612345678"
    assert data["personen"][1]["relatie"] == "oom"


def test_a_new_item_of_a_quoted_list_is_quoted_too(tmp_path: Path) -> None:
    text = COMMENTED.replace("  - Nog een zorg", "  - 'Nog een zorg'")
    file = _edit(text, {"zorgen": ["Een zorg\nNog een zorg\nEen derde zorg"]}, tmp_path / "p.yml")
    assert "  - 'Een derde zorg'" in file.text
    assert "  - 'Een zorg'      # van oma" in file.text
