"""The `ekc` command line: exit statuses, output formats, `schema` and `new`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ekc_docs.reader import MAX_BYTES

from ..conftest import TESTS, run_ekc

BASE = TESTS / "cases" / "_base"


def test_clean_folder_exits_0_with_a_summary() -> None:
    result = run_ekc(["check", str(BASE)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.strip() == "2 bestanden gecontroleerd: geen problemen gevonden."


def test_errors_exit_1() -> None:
    result = run_ekc(["check", "."], cwd=TESTS / "cases" / "unknown-key")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(
        "casus.yml:26:5: fout: onbekende sleutel 'telefon'"
    )


def test_warnings_only_exit_0() -> None:
    result = run_ekc(["check", "."], cwd=TESTS / "cases" / "late-review")
    assert result.exit_code == 0
    assert "waarschuwing" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["check"],
        ["check", "--format", "xml", "."],
        ["onbekend"],
        ["schema", "persoon"],
        ["new"],
        ["new", "met spatie"],
        ["check", "--peildatum", "gisteren", "."],
    ],
)
def test_wrong_command_line_exits_2(args: list[str]) -> None:
    result = run_ekc(args)
    assert result.exit_code == 2, result
    assert "Traceback" not in result.stderr
    assert "Gebruik: ekc" in result.stderr and "Usage" not in result.stderr  # click speaks Dutch


def test_json_output() -> None:
    result = run_ekc(
        ["check", "--format", "json", "."], cwd=TESTS / "cases" / "lead-is-professional"
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "path": "plan.yml",
            "line": 9,
            "column": 16,
            "severity": "error",
            "code": "lead-is-professional",
            "message": "het aanspreekpunt 'jb' is een professional; kies iemand uit het eigen netwerk "
            "die het plan bewaakt, bijvoorbeeld: moeder, oma",
        }
    ]
    assert result.stderr == ""


def test_json_output_when_clean_is_an_empty_list() -> None:
    result = run_ekc(["check", "--format", "json", str(BASE)])
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_single_files_are_checked_with_their_case() -> None:
    result = run_ekc(["check", "plan.yml"], cwd=TESTS / "cases" / "unknown-key")
    lines = result.stdout.splitlines()
    assert any(line.startswith("casus.yml:26:5:") for line in lines)  # the case came along
    assert any(line.startswith("plan.yml:9:5:") for line in lines)


def test_missing_path_is_file_not_found(tmp_path: Path) -> None:
    result = run_ekc(["check", "bestaat-niet.yml"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.startswith("bestaat-niet.yml:1:1: fout: ")
    assert result.stdout.rstrip().endswith("[file-not-found]")


def test_unrecognised_file_given_explicitly(tmp_path: Path) -> None:
    (tmp_path / "notities.yml").write_text("a: 1\n")
    result = run_ekc(["check", "notities.yml"], cwd=tmp_path)
    assert result.exit_code == 1 and "[invalid-value]" in result.stdout


def test_other_yaml_files_are_skipped_when_walking(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav: !!python/name:foo\n")
    result = run_ekc(["check", "."], cwd=tmp_path)
    # mkdocs.yml is not read; with nothing else there, there is nothing to check (an error)
    assert result.exit_code == 1
    assert "[yaml-tag]" not in result.stdout and "bevat niets om te controleren" in result.stdout
    shutil.copy(BASE / "casus.yml", tmp_path / "casus.yml")
    result = run_ekc(["check", "."], cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "1 bestand gecontroleerd" in result.stderr


def test_file_too_large(tmp_path: Path) -> None:
    (tmp_path / "casus.yml").write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    result = run_ekc(["check", "casus.yml"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.startswith("casus.yml:1:1: fout: het bestand is 2.0 MiB")
    assert result.stdout.rstrip().endswith("[file-too-large]")


def test_input_files_are_never_changed(tmp_path: Path) -> None:
    folder = tmp_path / "casus"
    run_ekc(["new", "X-1", str(folder)])
    (folder / "plan.yml").write_text((folder / "plan.yml").read_text() + "onzin: [\n")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    run_ekc(["check", str(folder)])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_schema_command_prints_json_schema_2020_12() -> None:
    result = run_ekc(["schema", "plan"])
    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert "aanspreekpunt" in schema["required"]
    assert schema["properties"]["aanspreekpunt"]["description"].startswith(
        "Id van het aanspreekpunt"
    )


def test_new_creates_a_case_to_fill_in(tmp_path: Path) -> None:
    result = run_ekc(["new", "EKC-2026-0001"], cwd=tmp_path)
    assert result.exit_code == 0
    folder = tmp_path / "EKC-2026-0001"
    casus = (folder / "casus.yml").read_text()
    assert "casus: EKC-2026-0001" in casus and "«voornaam van het kind»" in casus
    assert "«wat er gebeurt»" in (folder / "plan.yml").read_text()
    check = run_ekc(["check", str(folder)])
    # only the example values are wrong (tests/test_scaffold.py)
    assert check.exit_code == 1
    assert {line.rsplit(" ", 1)[-1] for line in check.stdout.splitlines()} == {"[placeholder]"}


def test_new_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "casus.yml").write_text("mijn werk\n")
    result = run_ekc(["new", "X", str(tmp_path)])
    assert result.exit_code == 1
    assert (tmp_path / "casus.yml").read_text() == "mijn werk\n"
    assert not (tmp_path / "plan.yml").exists()


def _subprocess(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "ekc_docs", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_real_process_exit_status_and_no_traceback() -> None:
    result = _subprocess(["check", "."], TESTS / "cases" / "yaml-tag")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "[yaml-tag]" in result.stdout


def test_check_does_not_import_the_renderers() -> None:
    code = (
        "import sys\nfrom ekc_docs.cli import run\nsys.argv=['ekc','check','.']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'mkdocs', 'material')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
