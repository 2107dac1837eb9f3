"""A plain `pip install .` must carry everything the package reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow  # builds the site, renders PDFs or starts a browser


def test_wheel_holds_the_runtime_files(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("ekc_docs-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # every file the package reads: data, schemas, site templates, and the plan's templates,
    # catalogues, stylesheets and fonts (shipped as ekc_docs/plan_templates)
    runtime = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "ekc_docs").rglob("*")
        if p.is_file()
        and p.suffix != ".pyc"
        and "__pycache__" not in p.parts
        and not p.name.startswith(".")
    }
    runtime |= {
        "ekc_docs/" + p.relative_to(REPO).as_posix()
        for p in (REPO / "plan_templates").rglob("*")
        if p.is_file()
    }
    assert {n for n in runtime if n.endswith(".j2")}, "the package has templates"
    assert {n for n in runtime if n.endswith(".ttf")}, "the package has fonts"
    assert sorted(runtime - names) == []
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "ekc = ekc_docs.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()
