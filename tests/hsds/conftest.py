"""Validators for Open Referral's compiled schemas, with every format really checked."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from ekc_docs.hsds.mapping import shipped_schema
from ekc_docs.workspace import LoadedKaart, Workspace

from ..conftest import KAART, REPO

DATA = REPO / "tests" / "data" / "hsds"
TODAY = date(2026, 11, 25)
#: formats the HSDS schemas use; each needs its checker installed (jsonschema[format-nongpl])
FORMATS = ("uuid", "email", "uri", "date-time", "date")


@pytest.fixture(scope="session")
def validators() -> dict[str, Any]:
    checker = FormatChecker()
    missing = [f for f in FORMATS if f not in checker.checkers]
    assert not missing, f"format checkers missing: {missing}"
    return {
        name: Draft202012Validator(shipped_schema(name), format_checker=checker)  # type: ignore[arg-type]
        for name in ("service", "organization")
    }


def errors(validator: Any, obj: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(obj)]


def load_kaart(folder: Path = KAART) -> LoadedKaart:
    return Workspace(today=TODAY).load_kaart(folder)


def copy_kaart(tmp_path: Path) -> Path:
    target = tmp_path / "kaart"
    shutil.copytree(KAART, target)
    return target


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
