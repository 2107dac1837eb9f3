"""A case folder as one object: its versions in order, a checked plan with nothing optional."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ekc_docs.workspace import Workspace

from .conftest import TESTS

BASE = TESTS / "cases" / "_base"
TODAY = date(2026, 11, 25)


def folder_with_versions(tmp_path: Path) -> Path:
    folder = tmp_path / "casus-a"
    shutil.copytree(BASE, folder)
    first = (folder / "plan.yml").read_text(encoding="utf-8")
    (folder / "plan-2.yml").write_text(
        first.replace("versie: 1", "versie: 2") if "versie: 1" in first else "versie: 2\n" + first,
        encoding="utf-8",
    )
    return folder


def test_versions_are_sorted_by_versie_not_by_name(tmp_path: Path) -> None:
    folder = folder_with_versions(tmp_path)
    case = Workspace(today=TODAY).load_case(folder)
    assert [p.plan.versie for p in case.plans if p.plan] == [1, 2]
    assert case.casus is not None and case.casus.casus is not None
    assert case.newest is case.plans[-1]


def test_a_checked_plan_has_its_case_and_its_previous_version() -> None:
    folder = TESTS / "cases" / "versions-review-incomplete"
    workspace = Workspace(today=TODAY)
    case = workspace.load_case(folder)
    first, second, third = (workspace.checked_plan(p.document.path) for p in case.plans)
    assert first is not None and second is not None and third is not None
    assert [c.plan.versie for c in (first, second, third)] == [1, 2, 3]
    assert first.previous is None
    assert second.previous == first.plan
    assert third.previous == second.plan
    assert first.casus == third.casus
    assert third.output_name == f"{third.casus.casus}-plan-3.pdf"
    assert third.inputs == {third.path.resolve(), (folder / "casus.yml").resolve()}
    assert {d.code for d in third.diagnostics} == {"review-incomplete"}


def test_a_plan_with_an_error_is_never_a_checked_plan(tmp_path: Path) -> None:
    folder = folder_with_versions(tmp_path)
    plan = folder / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + "onbekend: x\n", encoding="utf-8")
    workspace = Workspace(today=TODAY)
    case = workspace.load_case(folder)
    assert workspace.checked_plan(plan) is None
    assert not case.ok
    codes = [d.code for d in case.all_diagnostics]
    assert codes.count("unknown-key") == 1  # each diagnostic once, however it was reached


def test_a_folder_without_plans_still_has_its_case(tmp_path: Path) -> None:
    folder = tmp_path / "leeg"
    folder.mkdir()
    shutil.copy(BASE / "casus.yml", folder / "casus.yml")
    case = Workspace(today=TODAY).load_case(folder)
    assert case.plans == []
    assert case.casus is not None and case.casus.casus is not None
    assert case.newest is None


def test_services_are_those_the_plan_names_from_the_kaart() -> None:
    folder = TESTS / "cases" / "kaart-valid"
    workspace = Workspace(today=TODAY, kaart_dir=folder / "kaart")
    checked = workspace.checked_plan(folder / "plan.yml")
    assert checked is not None
    assert list(checked.services) == ["jeugdteam-zwolle"]
    assert checked.services["jeugdteam-zwolle"].naam
