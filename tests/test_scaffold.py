"""`ekc new`: the scaffold is refused until every example value is replaced (`placeholder`)."""

from __future__ import annotations

import re
from pathlib import Path

from ekc_docs.rules.placeholders import example_values
from ekc_docs.scaffold import TEMPLATE_DIR

from .conftest import run_ekc

EXAMPLE = re.compile(r'"(«[^»]+»)"')


def _scaffold_examples() -> list[str]:
    text = "".join((TEMPLATE_DIR / name).read_text(encoding="utf-8") for name in FILES)
    return EXAMPLE.findall(text)


FILES = ("casus.yml", "plan.yml")


def test_the_list_of_example_values_matches_the_scaffold() -> None:
    in_scaffold = set(_scaffold_examples())
    assert in_scaffold <= example_values()
    assert {v for v in example_values() if v.startswith("«")} == in_scaffold


def test_an_untouched_scaffold_is_refused_at_every_example_value(tmp_path: Path) -> None:
    run_ekc(["new", "EKC-2026-0001", "map"], cwd=tmp_path)
    result = run_ekc(["check", "map"], cwd=tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(_scaffold_examples())
    assert all(line.endswith("[placeholder]") for line in lines)
    assert "map/casus.yml:28:15: fout: '«waarom de conferentie" in lines[0]
    # the help comments stand on their own lines: no comment-in-text in a fresh scaffold
    assert "[comment-in-text]" not in result.stdout

    printed = run_ekc(["plan", "map/plan.yml"], cwd=tmp_path)
    assert printed.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "map").iterdir()) == ["casus.yml", "plan.yml"]


def test_a_filled_in_scaffold_passes(tmp_path: Path) -> None:
    run_ekc(["new", "EKC-2026-0001", "map"], cwd=tmp_path)
    count = iter(range(1000))
    for name in FILES:
        path = tmp_path / "map" / name
        filled = EXAMPLE.sub(lambda _: f'"Echte tekst {next(count)}"', path.read_text("utf-8"))
        path.write_text(filled, encoding="utf-8")
    result = run_ekc(["check", "map"], cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (0, "")


def test_one_example_value_left_is_enough_to_refuse(tmp_path: Path) -> None:
    run_ekc(["new", "EKC-2026-0001", "map"], cwd=tmp_path)
    for name in FILES:
        path = tmp_path / "map" / name
        text = path.read_text("utf-8")
        text = EXAMPLE.sub(lambda m: m.group() if "wat er gebeurt" in m.group() else '"Echt"', text)
        path.write_text(text, encoding="utf-8")
    result = run_ekc(["check", "map", "--format", "json"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.count('"code": "placeholder"') == 1
    assert '"line": 27' in result.stdout


def test_the_new_command_says_what_to_do(tmp_path: Path) -> None:
    result = run_ekc(["new", "EKC-2026-0001"], cwd=tmp_path)
    assert "voorbeeldwaarde" in result.stderr and "placeholder" in result.stderr
