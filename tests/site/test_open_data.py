"""The site publishes the HSDS export beside the kaart, and links to it as open data."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from ekc_docs.hsds.export import export_text
from ekc_docs.site.kaart_pages import OVERVIEW, kaart_pages
from ekc_docs.site.open_data import open_data_files
from ekc_docs.workspace import Workspace

from ..conftest import KAART

TODAY = date(2026, 11, 25)


def test_the_site_publishes_the_same_export() -> None:
    kaart = Workspace(today=TODAY).load_kaart(KAART)
    files = {f.path: f.content for f in open_data_files(kaart)}
    assert files == {
        f"sociale-kaart/hsds/{name}": text for name, text in export_text(kaart).items()
    }
    assert len(json.loads(files["sociale-kaart/hsds/services.json"])) == 50
    overview = next(
        f.content for f in kaart_pages(kaart, TODAY, True, open_data=True) if f.path == OVERVIEW
    )
    assert "## Open data" in str(overview)
    assert "[alle voorzieningen](hsds/services.json)" in str(overview)


def test_no_open_data_without_provincie(tmp_path: Path) -> None:
    folder = tmp_path / "kaart"
    shutil.copytree(KAART, folder)
    for path in folder.glob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("provincie: Overijssel\n", ""))
    kaart = Workspace(today=TODAY).load_kaart(folder)
    assert open_data_files(kaart) == []
    overview = next(f.content for f in kaart_pages(kaart, TODAY, True) if f.path == OVERVIEW)
    assert "Open data" not in str(overview)
