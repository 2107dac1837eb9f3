"""House-style templates and catalogues: nothing outside the template folders, no Python
internals, and every mistake a located Dutch `template-error` (never an internal error)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ekc_docs.render.templates import TemplateSet
from ekc_docs.rendering import RenderOptions, RenderResult, render_plan
from ekc_docs.workspace import Workspace

from ..conftest import EXAMPLES, KAART, run_ekc
from ..pdfs import page_texts

EXAMPLE = EXAMPLES / "scheiding"


def _render(tmp_path: Path, house: Path) -> tuple[RenderResult, Path]:
    templates = TemplateSet((house,))
    workspace = Workspace(today=date(2026, 11, 25), kaart_dir=KAART, languages=templates.languages)
    out = tmp_path / "plan.pdf"
    return render_plan(EXAMPLE / "plan.yml", workspace, RenderOptions(templates), output=out), out


@pytest.fixture
def house(tmp_path: Path) -> Path:
    folder = tmp_path / "huisstijl"
    (folder / "sections").mkdir(parents=True)
    return folder


def test_a_symlink_in_the_templates_cannot_include_a_file_outside(
    tmp_path: Path, house: Path
) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM-WACHTWOORD")
    (house / "sections" / "geheim.html.j2").symlink_to(secret)
    (house / "sections" / "cover.html.j2").write_text('{% include "sections/geheim.html.j2" %}')
    result, out = _render(tmp_path, house)
    assert not out.exists()
    (problem,) = result.diagnostics
    assert problem.code == "path-outside", problem
    assert "GEHEIM" not in problem.message


def test_a_symlinked_folder_in_the_templates_is_refused(tmp_path: Path, house: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "x.html.j2").write_text("GEHEIM")
    (house / "extra").symlink_to(elsewhere)
    (house / "sections" / "cover.html.j2").write_text('{% include "extra/x.html.j2" %}')
    result, out = _render(tmp_path, house)
    assert not out.exists()
    assert [d.code for d in result.diagnostics] == ["path-outside"]


def test_a_symlink_inside_the_template_folders_is_fine(tmp_path: Path, house: Path) -> None:
    (house / "sections" / "eigen.html.j2").write_text("<h1>Eigen voorblad</h1>")
    (house / "sections" / "cover.html.j2").symlink_to(house / "sections" / "eigen.html.j2")
    result, out = _render(tmp_path, house)
    assert result.ok, result.diagnostics
    assert page_texts(out)[0].startswith("Eigen voorblad")


def _catalogue(house: Path, key: str, text: str) -> None:
    (house / "i18n").mkdir(exist_ok=True)
    dutch = (TemplateSet().default / "i18n" / "nl.yml").read_text()
    lines = [f"{key}: {text}" if ln.startswith(f"{key}:") else ln for ln in dutch.splitlines()]
    (house / "i18n" / "nl.yml").write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    "text",
    [
        '"{namen.__class__.__mro__}"',
        '"{namen.__class__}"',
        '"{namen[0]}"',
        '"{namen!r}"',
        '"{namen:>99999999}"',
        '"{geheim}"',
        '"Plan voor {namen"',
        '"Plan voor {}"',
    ],
)
def test_catalogue_strings_reach_no_attributes(tmp_path: Path, house: Path, text: str) -> None:
    _catalogue(house, "plan_voor", text)
    result, out = _render(tmp_path, house)
    assert not out.exists()
    (problem,) = result.diagnostics
    assert problem.code == "template-error", problem
    assert problem.path.endswith("i18n/nl.yml") and problem.line > 1
    assert "class" not in problem.message and "mro" not in problem.message.lower()
    assert "plan_voor" in problem.message


def test_a_template_including_itself(tmp_path: Path, house: Path) -> None:
    (house / "sections" / "cover.html.j2").write_text(
        'voor\n{% include "sections/cover.html.j2" %}\n'
    )
    result, out = _render(tmp_path, house)
    assert not out.exists()
    (problem,) = result.diagnostics
    assert problem.code == "template-error"
    assert problem.path.endswith("sections/cover.html.j2") and problem.line == 2


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("<h1>\n{% if %}", 2),  # syntax
        ("<h1>\n\n{{ v.bestaat_niet }}", 3),  # undefined
        ("{{ 1 + 'a' }}", 1),  # a Python error inside the template
        ("{{ v.__class__.__mro__ }}", 1),  # the sandbox
    ],
)
def test_a_broken_template_is_a_located_template_error(
    tmp_path: Path, house: Path, source: str, line: int
) -> None:
    (house / "sections" / "cover.html.j2").write_text(source)
    result, out = _render(tmp_path, house)
    assert not out.exists()
    (problem,) = result.diagnostics
    assert problem.code == "template-error", problem
    assert problem.path.endswith("sections/cover.html.j2") and problem.line == line, problem


def test_the_command_line_says_it_in_dutch(tmp_path: Path, house: Path) -> None:
    (house / "sections" / "cover.html.j2").write_text('{% include "sections/cover.html.j2" %}')
    result = run_ekc(
        [
            "plan",
            str(EXAMPLE / "plan.yml"),
            "-o",
            str(tmp_path / "x.pdf"),
            "--templates",
            str(house),
            "--kaart",
            str(KAART),
        ]
    )
    assert result.exit_code == 1
    text = result.stdout + result.stderr
    assert "[template-error]" in text and "interne fout" not in text and "Traceback" not in text
    assert "recursion" not in text.lower()
