"""`ekc export hsds` and `ekc import hsds`: exit statuses and what they write."""

from __future__ import annotations

from pathlib import Path

from ..conftest import KAART, REPO, run_ekc

DATA = REPO / "tests" / "data" / "hsds"


def test_export_then_import(tmp_path: Path) -> None:
    result = run_ekc(["export", "hsds", str(KAART), "-o", str(tmp_path / "uit")])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        "organizations.json",
        "services.json",
    ]
    result = run_ekc(
        ["import", "hsds", str(tmp_path / "uit" / "services.json"), "-o", str(tmp_path / "kaart")]
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert (tmp_path / "kaart" / "zwolle.yml").is_file()


def test_import_with_warnings_exits_0_and_json_lists_them(tmp_path: Path) -> None:
    result = run_ekc(
        ["import", "hsds", str(DATA / "service_full.json"), "-o", str(tmp_path), "--format", "json"]
    )
    assert result.exit_code == 0
    assert '"severity": "warning"' in result.stdout and '"severity": "error"' not in result.stdout


def test_bad_input_exits_1_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{kapot")
    result = run_ekc(["import", "hsds", str(tmp_path / "x.json"), "-o", str(tmp_path / "k")])
    assert result.exit_code == 1
    assert "[invalid-value]" in result.stdout and "Traceback" not in result.stderr
    assert not (tmp_path / "k").exists()
    result = run_ekc(["export", "hsds", str(tmp_path), "-o", str(tmp_path / "uit")])
    assert result.exit_code == 1
    assert "geen sociale kaart" in result.stdout


def test_wrong_command_line_exits_2() -> None:
    result = run_ekc(["export", "hsds", str(KAART)])
    assert result.exit_code == 2
    assert "Ontbrekende optie" in result.stderr
    assert run_ekc(["import", "csv", "x"]).exit_code == 2


def test_help_is_dutch() -> None:
    result = run_ekc(["export", "hsds", "--help"])
    assert result.exit_code == 0
    assert "Schrijf de sociale kaart als open data" in result.stdout
    assert "Show this" not in result.stdout
