"""The adapter: drafts checked like `ekc check`, diagnostics placed at their field."""

from __future__ import annotations

from pathlib import Path

from ekc_docs.diagnostics import Diagnostic, Severity
from ekc_docs.models import Plan
from ekc_docs.reader import parse_text
from ekc_docs.studio.checks import Checker, _field_of, _positions
from ekc_docs.validation import validate

from .conftest import EXAMPLES, KAART

PLAN = """\
versie: 1
datum: 2026-10-10
vraag: Hoe?
afspraken:
  - wat: Iets
    wie: [ria, onbekend]
    wanneer: Nu
  - wie: [ria]
    wanneer: Later
aanspreekpunt: ria
als_het_anders_loopt: Bellen.
evaluatie:
  datum: 2026-12-05
"""


def _diagnostic(line: int, column: int, code: str, message: str = "") -> Diagnostic:
    return Diagnostic("plan.yml", line, column, Severity.ERROR, code, message)


def test_positions_map_to_dotted_paths() -> None:
    index = _positions(parse_text(PLAN, Path("plan.yml")).root)
    fields = {"vraag", "afspraken.0.wie", "afspraken.1.wat", "afspraken.0.wat"}
    assert _field_of(_diagnostic(3, 8, "invalid-value"), index, fields) == "vraag"
    # an item of a list of ids belongs to the list's field
    assert _field_of(_diagnostic(6, 16, "unknown-ref"), index, fields) == "afspraken.0.wie"
    # a missing key points at its block; the message names the key
    document = parse_text(PLAN, Path("plan.yml"))
    (missing,) = validate(document, Plan)[1]
    assert (missing.code, missing.line, missing.column) == ("missing-key", 8, 5)
    assert _field_of(missing, index, fields) == "afspraken.1.wat"
    # a problem with the file as a whole has no field
    assert _field_of(_diagnostic(1, 1, "yaml-syntax"), index, fields) is None
    assert _field_of(_diagnostic(40, 1, "invalid-value"), index, fields) is None


def test_a_draft_is_checked_instead_of_the_file_on_disk(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(EXAMPLES / "jeugdbescherming", tmp_path / "c")
    plan = tmp_path / "c" / "plan.yml"
    checker = Checker(tmp_path, KAART)
    clean = checker.check("plan", plan, {}, {"aanspreekpunt"})
    assert clean.findings == [] and clean.printable
    text = plan.read_text(encoding="utf-8").replace("aanspreekpunt: emre", "aanspreekpunt: roos")
    outcome = checker.check("plan", plan, {plan: text}, {"aanspreekpunt"})
    codes = {(f.diagnostic.code, f.field) for f in outcome.findings}
    assert ("lead-is-professional", "aanspreekpunt") in codes
    assert not outcome.printable
    assert "aanspreekpunt: emre" in plan.read_text(encoding="utf-8")  # nothing was written


def test_concept_turns_the_approval_errors_into_warnings(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(EXAMPLES / "jeugdbescherming", tmp_path / "c")
    plan = tmp_path / "c" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    cut = text[: text.index("akkoord:")] + text[text.index("verspreid:") :]
    checker = Checker(tmp_path, KAART)
    strict = checker.check("plan", plan, {plan: cut}, set())
    assert [f.diagnostic.code for f in strict.findings if f.is_error] == ["missing-approval"]
    assert strict.concept_printable and not strict.printable
    concept = checker.check("plan", plan, {plan: cut}, set(), concept=True)
    assert concept.printable


def test_ekc_check_keeps_its_own_words_for_an_unanswered_condition(tmp_path: Path) -> None:
    import shutil

    from ..conftest import run_ekc

    folder = tmp_path / "jeugdbescherming"
    shutil.copytree(EXAMPLES / "jeugdbescherming", folder)
    plan = folder / "plan.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("    voorwaarden: [v1]\n", ""),
        encoding="utf-8",
    )
    result = run_ekc(["check", str(folder), "--kaart", str(KAART)])
    assert "zet 'voorwaarden: [v1]' bij de afspraak" in result.stdout + result.stderr
