"""`ekc check` discovery through the CLI: a path with nothing to check is an error, not a pass."""

from __future__ import annotations

from pathlib import Path

from .conftest import run_ekc


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    result = run_ekc(["check", "leeg"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout == (
        "leeg:1:1: fout: 'leeg' bevat niets om te controleren: geen casus….yml, geen plan….yml "
        "en geen sociale kaart (een map met categorieen.yml) [file-not-found]\n"
    )
    assert "geen problemen gevonden" not in result.stderr


def test_folder_named_like_a_plan_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "plan.yml").mkdir()
    result = run_ekc(["check", "plan.yml", "--format", "json"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "'plan.yml' is een map, geen bestand, en bevat niets" in result.stdout
    assert '"code": "file-not-found"' in result.stdout


def test_one_empty_path_among_good_ones_still_fails(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "ook-leeg").mkdir()
    (tmp_path / "ook-leeg" / "notities.txt").write_text("x\n")
    result = run_ekc(["check", "leeg", "ook-leeg"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.count("[file-not-found]") == 2


def test_a_kaart_folder_that_does_not_exist_is_named_as_such(tmp_path: Path) -> None:
    result = run_ekc(["check", "--kaart", "/bestaat-niet", "."], cwd=tmp_path)
    assert result.exit_code == 2
    assert "'/bestaat-niet' bestaat niet" in result.stderr
    assert "geef de map op" not in result.stderr + result.stdout
