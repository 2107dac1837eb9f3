"""The example data in content/: complete, clean, fictional, and using the sociale kaart."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ekc_docs.checking import check_paths
from ekc_docs.workspace import Workspace

from .conftest import REPO, run_ekc

CONTENT = REPO / "content"
EXAMPLES = sorted(p for p in (CONTENT / "voorbeelden").iterdir() if (p / "casus.yml").exists())
KAART = CONTENT / "sociale-kaart"


def test_content_checks_without_errors() -> None:
    result = run_ekc(["check", "--peildatum", "2026-11-25", "content"], cwd=REPO)
    assert result.exit_code == 0, result.stdout
    # the one deliberately stale service shows how 'mogelijk verouderd' looks on the site
    assert [line.split(" [")[-1] for line in result.stdout.splitlines()] == ["stale-entry]"]


def test_at_least_four_varied_cases() -> None:
    assert len(EXAMPLES) >= 4
    kinds = {re.search(r"^soort: (\S+)", (p / "casus.yml").read_text(), re.M) for p in EXAMPLES}
    assert {m.group(1) for m in kinds if m} >= {"familiegroepsplan", "persoonlijk-plan"}


@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_is_fictional_and_complete(folder: Path) -> None:
    workspace = Workspace(today=date(2026, 11, 25), kaart_dir=KAART)
    plans = sorted(folder.glob("plan*.yml"))
    assert plans, "every example has a plan"
    for plan_path in plans:
        loaded = workspace.load_plan(plan_path)
        assert loaded.ok, [d.as_text() for d in loaded.all_diagnostics]
        assert loaded.casus is not None and loaded.casus.casus is not None
        assert loaded.casus.casus.fictief is True
        assert loaded.plan is not None and any(a.hulp for a in loaded.plan.afspraken)


def test_contacts_are_on_example_org() -> None:
    for path in CONTENT.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for address in re.findall(r"[\w.+-]+@[\w.-]+", text):
            assert address.endswith("@example.org"), (path, address)
        for url in re.findall(r"https?://[^\s\"']+", text):
            assert re.match(r"https://www\.example\.org(/|$)", url), (path, url)


def test_sociale_kaart_is_big_enough_and_uses_every_category() -> None:
    workspace = Workspace(today=date(2026, 11, 25))
    kaart = workspace.load_kaart(KAART)
    assert not any(d.is_error for d in kaart.diagnostics)
    assert len(kaart.kaarten) >= 3
    assert len(kaart.services) >= 40
    assert kaart.categorieen is not None
    used = {c for s in kaart.services.values() for c in s.categorieen}
    assert used == {c.id for c in kaart.categorieen.root}


def test_whole_repository_checks_clean() -> None:
    """`ekc check .` in the root checks all the project's data (test fixtures are ignored)."""
    result = check_paths([REPO], Workspace(today=date(2026, 11, 25)))
    assert result.ok, [d.as_text() for d in result.diagnostics]
