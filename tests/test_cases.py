"""Data-driven diagnostics: each folder in tests/cases holds input files and the exact output.

`expected.txt` is what `ekc check --peildatum 2026-11-25 . [args.txt]` prints in that folder,
followed by the exit status. Regenerate with `pytest tests/test_cases.py --update-golden` and
read the diff: every line and column in it is a claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ekc_docs.diagnostics import INPUT_CODES

from .conftest import TESTS, run_ekc

CASES = sorted(p for p in (TESTS / "cases").iterdir() if p.is_dir() and not p.name.startswith("_"))
PEILDATUM = "2026-11-25"


def _output(folder: Path) -> str:
    args = ["check", "--peildatum", PEILDATUM, "."]
    extra = folder / "args.txt"
    if extra.exists():
        args += extra.read_text().split()
    result = run_ekc(args, cwd=folder)
    assert "Traceback" not in result.stderr
    return result.stdout + f"exit: {result.exit_code}\n"


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_case(folder: Path, update_golden: bool) -> None:
    expected_file = folder / "expected.txt"
    actual = _output(folder)
    if update_golden:
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


def test_base_case_is_clean() -> None:
    """The base the cases are made from has no problems at all."""
    assert _output(TESTS / "cases" / "_base") == "exit: 0\n"


def test_every_contract_code_is_covered() -> None:
    """Each code of the contract's table appears in at least one expected output."""
    contract_codes = INPUT_CODES
    seen = set()
    for folder in CASES:
        text = (folder / "expected.txt").read_text(encoding="utf-8")
        seen |= {code for code in contract_codes if f"[{code}]" in text}
    # file-too-large needs a 2 MiB file: tested in test_reader instead of committing one
    assert contract_codes - seen == {"file-too-large"}
