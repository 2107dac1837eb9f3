"""The plugin only routes `on_files` to the site generator; tried with a hand-built config."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ekc_docs.mkdocs_plugin.plugin import EkcPlugin

from ..conftest import TESTS

KAART = TESTS / "cases" / "kaart-valid" / "kaart"


def site(tmp_path: Path) -> tuple[MkDocsConfig, EkcPlugin]:
    docs = tmp_path / "docs"
    shutil.copytree(KAART, docs / "sociale-kaart")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "Proef", "docs_dir": str(docs), "site_dir": str(tmp_path / "s")})
    errors, _ = config.validate()
    assert errors == []
    config.plugins._current_plugin = "ekc"  # MkDocs sets this while it runs a plugin's event
    plugin = EkcPlugin()
    errors, _ = plugin.load_config({"peildatum": "2026-11-25", "cache": False})
    assert errors == []
    return config, plugin


def sources(files: Files) -> set[str]:
    return {f.src_uri for f in files}


def test_on_files_adds_the_generated_pages(tmp_path: Path) -> None:
    config, plugin = site(tmp_path)
    start = Files([File("index.md", config.docs_dir, config.site_dir, True)])
    result = plugin.on_files(start, config=config)
    found = sources(result)
    assert {
        "index.md",
        "sociale-kaart/index.md",
        "sociale-kaart/gemeenten/index.md",
        "sociale-kaart/gemeenten/zwolle.md",
        "sociale-kaart/categorieen/index.md",
        "sociale-kaart/kaart-data.js",
        "voorbeelden/index.md",
    } <= found
    page = result.get_file_from_path("sociale-kaart/gemeenten/zwolle.md")
    assert page is not None
    content: Any = page.content_string
    assert "# Sociale kaart Zwolle" in content


def test_a_generated_page_replaces_a_file_of_the_same_name(tmp_path: Path) -> None:
    config, plugin = site(tmp_path)
    stale = Path(config.docs_dir) / "sociale-kaart" / "index.md"
    stale.write_text("# oud\n", encoding="utf-8")
    start = Files([File("sociale-kaart/index.md", config.docs_dir, config.site_dir, True)])
    result = plugin.on_files(start, config=config)
    pages = [f for f in result if f.src_uri == "sociale-kaart/index.md"]
    assert len(pages) == 1
    assert "# Sociale kaart" in pages[0].content_string
    assert "# oud" not in pages[0].content_string


def test_data_errors_stop_the_build_with_their_diagnostics(tmp_path: Path) -> None:
    config, plugin = site(tmp_path)
    kaart = Path(config.docs_dir) / "sociale-kaart" / "zwolle.yml"
    kaart.write_text(kaart.read_text(encoding="utf-8") + "onbekend: x\n", encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        plugin.on_files(Files([]), config=config)
    assert "[unknown-key]" in str(raised.value)
    assert "zwolle.yml:" in str(raised.value)
