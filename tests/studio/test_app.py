"""The studio over HTTP: pages, the live check, saving, lists, conflicts and printing refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Running

PAGES = [
    "/casus/jeugdbescherming/casus.yml",
    "/casus/jeugdbescherming/plan.yml",
    "/casus/pleeggezin/plan-2.yml",
    "/casus/scheiding/plan.yml",
    "/casus/wmo-persoonlijk-plan/casus.yml",
    "/casus/wmo-persoonlijk-plan/plan.yml",
]


@pytest.mark.parametrize("path", PAGES)
def test_saving_an_unchanged_form_changes_nothing(running: Running, path: str) -> None:
    file = running.root / path.removeprefix("/casus/")
    before = file.read_bytes()
    values = running.form(path)
    checked = running.request("POST", path + "/controleer", values)
    assert checked.status == 200
    assert json.loads(checked.body)["dirty"] is False
    saved = running.request("POST", path + "/opslaan", values)
    assert saved.status == 303
    assert file.read_bytes() == before
