"""`mkdocs serve`: editing a kaart file updates the generated pages."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..conftest import REPO

pytestmark = pytest.mark.slow  # builds the site, renders PDFs or starts a browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.5)
    return False


def test_editing_a_kaart_file_updates_the_pages(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "includes", project / "includes")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
        ],  # livereload watches the files
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/sociale-kaart/gemeenten/zwolle/"
    try:
        assert _wait_for(url, "Jeugd- en gezinsteam Zwolle", 120), "the site was not served"
        kaart = project / "content" / "sociale-kaart" / "zwolle.yml"
        kaart.write_text(
            kaart.read_text().replace("Jeugd- en gezinsteam Zwolle", "Gezinsteam Zwolle-Zuid", 1)
        )
        assert _wait_for(url, "Gezinsteam Zwolle-Zuid", 120), (
            "the page did not change after the edit"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
