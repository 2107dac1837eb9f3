"""The version rules across the plan files of one case (contract §3)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ekc_docs.reader import parse_text
from ekc_docs.rules.versions import PlanVersion, natural_key, order_versions
from ekc_docs.workspace import Workspace

from ..conftest import TESTS, run_ekc

CASES = TESTS / "cases"


def _codes(path: Path) -> list[tuple[int, int, str]]:
    loaded = Workspace(today=date(2026, 11, 25)).load_plan(path)
    return [(d.line, d.column, d.code) for d in loaded.diagnostics]


def test_a_plan_checked_alone_gets_the_rules_of_its_siblings() -> None:
    result = run_ekc(["check", "plan-3.yml"], cwd=CASES / "versions-review-incomplete")
    assert result.exit_code == 0
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == [
        "plan-3.yml:5:3",
        "plan-3.yml:8:7",
    ]
    assert result.stdout.count("[review-incomplete]") == 2


def test_problems_of_a_sibling_stay_with_the_sibling() -> None:
    """Checking plan.yml alone does not report what is wrong in plan-3.yml."""
    result = run_ekc(["check", "plan.yml"], cwd=CASES / "versions-gap")
    assert (result.exit_code, result.stdout) == (0, "")


def test_the_previous_version_is_linked_for_printing() -> None:
    workspace = Workspace(today=date(2026, 11, 25))
    folder = CASES / "versions-ids-move-reappear"
    third = workspace.load_plan(folder / "plan-3.yml")
    assert third.previous is not None and third.previous.document.path.name == "plan-2.yml"
    assert third.previous.previous is not None
    assert third.previous.previous.document.path.name == "plan.yml"
    assert workspace.load_plan(folder / "plan.yml").previous is None


def test_plans_of_another_case_in_the_same_folder_are_not_versions(tmp_path: Path) -> None:
    source = CASES / "versions-review-incomplete"
    shutil.copy(source / "casus.yml", tmp_path / "casus.yml")
    shutil.copy(source / "casus.yml", tmp_path / "casus-ander.yml")
    shutil.copy(source / "plan.yml", tmp_path / "plan.yml")
    text = (source / "plan.yml").read_text(encoding="utf-8")
    (tmp_path / "plan-ander.yml").write_text("casusbestand: casus-ander.yml\n" + text, "utf-8")
    assert _codes(tmp_path / "plan.yml") == []
    assert _codes(tmp_path / "plan-ander.yml") == []


def test_a_version_is_read_from_a_file_that_does_not_validate(tmp_path: Path) -> None:
    """A broken plan-2.yml still counts as version 2: no false 'gap' in plan-3.yml."""
    source = CASES / "versions-review-incomplete"
    for name in ("casus.yml", "plan.yml", "plan-2.yml", "plan-3.yml"):
        shutil.copy(source / name, tmp_path / name)
    whole = _codes(tmp_path / "plan-3.yml")
    broken = (tmp_path / "plan-2.yml").read_text(encoding="utf-8").replace("vraag:", "vraagg:")
    (tmp_path / "plan-2.yml").write_text(broken, encoding="utf-8")
    # plan-3 is told the same as before: no gap, and its review still checked against plan-2
    assert _codes(tmp_path / "plan-3.yml") == whole
    assert "invalid-value" not in {code for _, _, code in whole}
    document = parse_text("versie: 2\nvraagg: x\n", tmp_path / "plan-2.yml")
    assert PlanVersion(tmp_path / "plan-2.yml", None, document).versie == 2
    document = parse_text("datum: 2026-10-01\n", tmp_path / "plan.yml")
    assert PlanVersion(tmp_path / "plan.yml", None, document).versie == 1


def test_versions_are_ordered_by_number_then_by_name(tmp_path: Path) -> None:
    names = ["plan-10.yml", "plan-2.yml", "plan.yml", "plan-9.yml"]
    assert sorted(names, key=lambda n: natural_key(Path(n))) == [
        "plan-2.yml",
        "plan-9.yml",
        "plan-10.yml",
        "plan.yml",
    ]
    versions = [
        PlanVersion(tmp_path / n, None, parse_text(f"versie: {v}\n", tmp_path / n))
        for n, v in (("plan-b.yml", 2), ("plan.yml", 1), ("plan-a.yml", 2))
    ]
    assert [v.path.name for v in order_versions(versions)] == [
        "plan.yml",
        "plan-a.yml",
        "plan-b.yml",
    ]
