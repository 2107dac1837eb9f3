"""The generator without MkDocs: `ekc site` writes the pages, and a build without the plugin
(as Material's successor would do it) then has the same generated pages."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ekc_docs.site.config import markdown_extensions, read_mkdocs_config
from ekc_docs.site.generate import SiteSettings, generate_site

from ..conftest import REPO, run_ekc
from ..site_server import build

pytestmark = pytest.mark.slow  # builds the site, renders PDFs or starts a browser


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "includes", project / "includes")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_prebuild_then_a_build_without_the_plugin(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = run_ekc(["site", "--peildatum", "2026-11-25"], cwd=project)
    assert result.exit_code == 0, result.stdout + result.stderr
    for generated in (
        "sociale-kaart/index.md",
        "sociale-kaart/gemeenten/zwolle.md",
        "sociale-kaart/categorieen/opvoeden.md",
        "sociale-kaart/kaart-data.js",
        "voorbeelden/index.md",
        "voorbeelden/scheiding/index.md",
        "voorbeelden/scheiding/VB-2026-SCHEIDING-plan-1.pdf",
        "handboek/handboek-coordinatoren.pdf",
        "assets/fonts/AtkinsonHyperlegible-Regular.ttf",
    ):
        assert (project / "content" / generated).is_file(), generated
    config = (project / "mkdocs.yml").read_text().replace("  - ekc\n", "")
    (project / "mkdocs-plain.yml").write_text(config)
    import subprocess
    import sys

    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs-plain.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    page = (project / "site" / "sociale-kaart" / "gemeenten" / "zwolle" / "index.html").read_text()
    assert 'id="jeugdteam-zwolle"' in page


def test_prebuild_and_plugin_generate_the_same_pages(tmp_path: Path) -> None:
    config = read_mkdocs_config(REPO / "mkdocs.yml")
    extensions, configs = markdown_extensions(config)
    settings = SiteSettings(
        docs_dir=REPO / "content",
        project_dir=REPO,
        today=date(2026, 11, 25),
        nav=config["nav"],
        markdown_extensions=tuple(extensions),
        mdx_configs=configs,
        cache=False,
    )
    generated = {f.path: f.content for f in generate_site(settings).files}
    site = build("mkdocs.yml", tmp_path / "site")
    assert site.returncode == 0, site.stderr
    for path, content in generated.items():
        if path.endswith(".md"):
            html = (
                tmp_path
                / "site"
                / (path[:-3].removesuffix("index") + ("" if path.endswith("index.md") else "/"))
                / "index.html"
            )
            assert html.is_file(), path
        else:
            assert (tmp_path / "site" / path).is_file(), path
            if path.endswith((".ttf", ".js")):
                assert (tmp_path / "site" / path).read_bytes() == (
                    content if isinstance(content, bytes) else content.encode()
                )


def test_a_real_case_in_the_content_stops_the_build(tmp_path: Path) -> None:
    project = _project(tmp_path)
    case = project / "content" / "voorbeelden" / "scheiding" / "casus.yml"
    case.write_text(case.read_text().replace("fictief: true", "fictief: false"))
    result = run_ekc(["site"], cwd=project)
    assert result.exit_code == 1
    assert "[not-fictional]" in result.stdout
    built = build(str(project / "mkdocs.yml"), tmp_path / "site")
    assert built.returncode != 0
    assert "not-fictional" in built.stdout + built.stderr
    assert not (tmp_path / "site" / "voorbeelden" / "scheiding").exists()


def test_kaart_errors_fail_the_build_with_check_diagnostics(tmp_path: Path) -> None:
    project = _project(tmp_path)
    kaart = project / "content" / "sociale-kaart" / "zwolle.yml"
    kaart.write_text(
        kaart.read_text().replace("gemeente: Zwolle", "gemeente: Zwolle\ngemeente: Zwol", 1)
    )
    built = build(str(project / "mkdocs.yml"), tmp_path / "site")
    assert built.returncode != 0
    assert (
        "content/sociale-kaart/zwolle.yml:" in built.stdout + built.stderr
        or "zwolle.yml:" in built.stdout + built.stderr
    )
    assert "[duplicate-key]" in built.stdout + built.stderr
