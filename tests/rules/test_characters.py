"""`unsupported-character`: characters no bundled font can print are a located warning."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ekc_docs.rules.characters import unsupported
from ekc_docs.workspace import Workspace

from ..conftest import EXAMPLES, KAART

EXAMPLE = EXAMPLES / "scheiding"


def test_characters_the_fonts_have_pass() -> None:
    assert unsupported("Joke past op Sem, café, naïef, Łódź, €5 — عائشة") == []
    assert unsupported("zero\u200bwidth \u2066isolate\u2069 and\u00a0nbsp") == []


def test_characters_no_font_has_are_listed_once() -> None:
    assert unsupported("✓ 😀 ✓") == ["✓", "😀"]


def test_a_plan_with_an_unprintable_character_is_warned_at_the_value(tmp_path: Path) -> None:
    folder = tmp_path / "casus"
    shutil.copytree(EXAMPLE, folder)
    plan = folder / "plan.yml"
    lines = plan.read_text().splitlines()
    lines[5] = 'vraag: "Hoe komt Noor ✓ rustig de week door? 😀"'
    del lines[6:8]
    plan.write_text("\n".join(lines) + "\n")
    loaded = Workspace(today=date(2026, 11, 25), kaart_dir=KAART)
    result = loaded.load_plan(plan)
    found = [d for d in result.all_diagnostics if d.code == "unsupported-character"]
    assert [(d.line, d.column, d.severity.value) for d in found] == [(6, 8, "warning")]
    assert "U+2713 (✓)" in found[0].message and "U+1F600 (😀)" in found[0].message
    assert "leeg vakje" in found[0].message
