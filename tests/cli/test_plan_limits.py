"""`ekc plan` refuses a plan over the limits of contract §2 before any layout starts."""

from __future__ import annotations

import shutil
from pathlib import Path

from ekc_docs.models.fields import MAX_AFSPRAKEN

from ..conftest import TESTS, run_ekc


def test_a_plan_with_too_many_agreements_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    shutil.copytree(TESTS / "cases" / "_base", tmp_path / "casus")
    plan = tmp_path / "casus" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    one = (
        '  - wat: "Oma haalt Tim op."\n'
        "    wie: [oma]\n"
        '    wanneer: "Elke dinsdag"\n'
        "    voorwaarden: [v1]\n"
    )
    many = "afspraken:\n" + one * (MAX_AFSPRAKEN + 1)
    start, end = text.index("afspraken:\n"), text.index("aanspreekpunt:")
    plan.write_text(text[:start] + many + text[end:], encoding="utf-8")
    result = run_ekc(["plan", str(plan), "-o", str(tmp_path / "uit.pdf")])
    assert result.exit_code == 1
    problems = [line for line in result.stdout.splitlines() if "[invalid-value]" in line]
    assert len(problems) == 1, result.stdout
    assert ":4:3: fout:" in problems[0], problems[0]  # at the list itself
    assert "200" in problems[0]
    assert not (tmp_path / "uit.pdf").exists()
    assert not list(tmp_path.rglob("*.pdf"))


def test_several_plans_with_a_file_name_as_output_is_a_wrong_command(tmp_path: Path) -> None:
    for name in ("a", "b"):
        shutil.copytree(TESTS / "cases" / "_base", tmp_path / name)
    for output in ("uit.pdf", "uit.html"):
        result = run_ekc(["plan", "a", "b", "-o", output], cwd=tmp_path)
        assert result.exit_code == 2, output
        assert "met meerdere plannen is -o een map" in result.stderr
        assert not (tmp_path / output).exists()
