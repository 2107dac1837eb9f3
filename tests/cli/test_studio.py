"""`ekc studio` as a command: its first line is the address with the token, on 127.0.0.1 only."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from ..conftest import REPO, run_ekc


def test_the_first_line_is_the_address_and_nobody_gets_in_without_the_token(
    tmp_path: Path,
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ekc_docs", "studio", str(tmp_path), "--no-browser"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]{20,})", first)
        assert match, first
        with urllib.request.urlopen(first, timeout=30) as answer:  # the token alone is enough
            assert answer.status == 200
            assert "Nieuwe casus" in answer.read().decode("utf-8")
        bare = first.split("?")[0]
        try:
            urllib.request.urlopen(bare, timeout=30)
            raise AssertionError("served without the token")
        except urllib.error.HTTPError as refused:
            assert refused.code == 403
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "Traceback" not in (process.stderr.read() if process.stderr else "")


def test_a_folder_that_does_not_exist_is_a_wrong_command_line(tmp_path: Path) -> None:
    result = run_ekc(["studio", str(tmp_path / "bestaat-niet"), "--no-browser"])
    assert result.exit_code == 2
