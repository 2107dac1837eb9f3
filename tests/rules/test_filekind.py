"""`ekc plan casus.yml`: one clear message, not every plan key missing and every case key unknown."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..conftest import TESTS, run_ekc

BASE = TESTS / "cases" / "_base"


def test_plan_command_on_a_case_file_says_so_once(tmp_path: Path) -> None:
    shutil.copy(BASE / "casus.yml", tmp_path / "casus.yml")
    result = run_ekc(["plan", "casus.yml"], cwd=tmp_path)
    assert result.exit_code == 1
    messages = [line for line in (result.stdout + result.stderr).splitlines() if "[" in line]
    assert messages == [
        "casus.yml:1:1: fout: dit is een casusbestand, geen plan: geef het plan op (plan.yml); "
        "de casus ernaast wordt er vanzelf bij gelezen [invalid-value]"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["casus.yml"]


def test_a_plan_with_a_few_case_keys_is_still_checked_as_a_plan(tmp_path: Path) -> None:
    shutil.copy(BASE / "casus.yml", tmp_path / "casus.yml")
    plan = (BASE / "plan.yml").read_text(encoding="utf-8") + "personen: []\nkinderen: []\n"
    (tmp_path / "plan.yml").write_text(plan, encoding="utf-8")
    result = run_ekc(["check", "plan.yml"], cwd=tmp_path)
    assert "casusbestand, geen plan" not in result.stdout
    assert result.stdout.count("[unknown-key]") == 2
