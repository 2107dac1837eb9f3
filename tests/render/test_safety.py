"""Rendering reads only template files and data: URLs; house styles override by name."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ekc_docs.render.fetcher import ForbiddenResource, TemplateFetcher
from ekc_docs.render.templates import TemplateSet
from ekc_docs.rendering import RenderOptions, render_plan
from ekc_docs.workspace import Workspace

from ..conftest import EXAMPLES, KAART
from ..pdfs import page_texts

EXAMPLE = EXAMPLES / "scheiding"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/logo.png",
        "https://example.org/font.ttf",
        "ftp://example.org/x",
        "file:///tmp/../etc/hostname",
    ],
)
def test_fetcher_refuses_everything_outside_the_templates(url: str) -> None:
    with pytest.raises(ForbiddenResource):
        TemplateFetcher(TemplateSet()).fetch(url)


def test_fetcher_serves_template_files_and_data_urls() -> None:
    templates = TemplateSet()
    font = templates.default / "fonts" / "AtkinsonHyperlegible-Regular.ttf"
    response = TemplateFetcher(templates).fetch(font.resolve().as_uri())
    assert response.status == 200
    data = TemplateFetcher(templates).fetch("data:text/plain;base64,aGFsbG8=")
    assert data.read() == b"hallo"


def test_fetcher_refuses_a_symlink_out_of_the_templates(tmp_path: Path) -> None:
    (tmp_path / "geheim.css").symlink_to("/etc/passwd")
    with pytest.raises(ForbiddenResource):
        TemplateFetcher(TemplateSet((tmp_path,))).fetch((tmp_path / "geheim.css").as_uri())


def _render(tmp_path: Path, overrides: Path) -> tuple[object, Path]:
    templates = TemplateSet((overrides,))
    workspace = Workspace(today=date(2026, 11, 25), kaart_dir=KAART, languages=templates.languages)
    out = tmp_path / "plan.pdf"
    return render_plan(EXAMPLE / "plan.yml", workspace, RenderOptions(templates), output=out), out


@pytest.mark.parametrize("reference", ["file:///etc/passwd", "http://example.org/tracker.png"])
def test_a_template_asking_for_outside_resources_stops_the_render(
    tmp_path: Path, reference: str
) -> None:
    house = tmp_path / "huisstijl"
    (house / "sections").mkdir(parents=True)
    (house / "sections" / "cover.html.j2").write_text(f'<img src="{reference}" alt="">')
    result, out = _render(tmp_path, house)
    assert not result.ok and not out.exists()  # type: ignore[attr-defined]
    (problem,) = result.diagnostics  # type: ignore[attr-defined]
    assert problem.code == "path-outside" and reference in problem.message


def test_house_style_overrides_a_section_and_the_stylesheet_by_name(tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    (house / "sections").mkdir(parents=True)
    (house / "sections" / "cover.html.j2").write_text(
        "<header><h1>Gemeente Voorbeeld — {{ v.t('plan_voor', namen=v.namen) }}</h1></header>"
    )
    css = (TemplateSet().default / "plan.css").read_text()
    (house / "plan.css").write_text(css.replace("#1d3557", "#006400"))
    result, out = _render(tmp_path, house)
    assert result.ok  # type: ignore[attr-defined]
    assert page_texts(out)[0].startswith("Gemeente Voorbeeld — Plan voor Noor en Siem")


def test_a_broken_house_template_is_a_diagnostic(tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    (house / "sections").mkdir(parents=True)
    (house / "sections" / "cover.html.j2").write_text("{% if %}")
    result, out = _render(tmp_path, house)
    assert not result.ok and not out.exists()  # type: ignore[attr-defined]
    assert result.diagnostics[0].code == "template-error"  # type: ignore[attr-defined]


def test_a_new_language_is_one_catalogue_file(tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    (house / "i18n").mkdir(parents=True)
    english = (TemplateSet().default / "i18n" / "en.yml").read_text()
    (house / "i18n" / "fy.yml").write_text(english.replace("Plan for {namen}", "Plan foar {namen}"))
    folder = tmp_path / "casus"
    shutil.copytree(EXAMPLE, folder)
    (folder / "casus.yml").write_text(
        (folder / "casus.yml").read_text().replace("taal: nl", "taal: fy")
    )
    templates = TemplateSet((house,))
    assert "fy" in templates.languages
    workspace = Workspace(today=date(2026, 11, 25), kaart_dir=KAART, languages=templates.languages)
    result = render_plan(
        folder / "plan.yml", workspace, RenderOptions(templates), output=tmp_path / "fy.pdf"
    )
    assert result.ok, result.diagnostics
    assert "Plan foar Noor and Siem" in page_texts(tmp_path / "fy.pdf")[0]


def test_catalogues_are_complete() -> None:
    templates = TemplateSet()
    assert templates.languages == ("ar", "en", "nl")
    keys = set(templates.catalogue("nl").messages)
    for language in templates.languages:
        assert set(templates.catalogue(language).messages) == keys
