"""A plain `pip install .` must carry everything the package reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import REPO


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
    runtime = [
        p.relative_to(REPO).as_posix()
        for p in (REPO / "ekc_docs").rglob("*")
        if p.is_file() and p.suffix in (".json", ".yml", ".j2", ".js", ".css")
    ]
    assert runtime, "the package has data files"
    assert set(runtime) <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "ekc = ekc_docs.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()
