"""`ekc plan` on the command line: output names, batches, --html, --watch, exit statuses."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import REPO, run_ekc

EXAMPLES = REPO / "content" / "voorbeelden"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the examples and the kaart, laid out as in the repository."""
    shutil.copytree(EXAMPLES / "scheiding", tmp_path / "content" / "voorbeelden" / "scheiding")
    shutil.copytree(EXAMPLES / "pleeggezin", tmp_path / "content" / "voorbeelden" / "pleeggezin")
    shutil.copytree(REPO / "content" / "sociale-kaart", tmp_path / "content" / "sociale-kaart")
    return tmp_path


def test_default_output_beside_the_plan(site: Path) -> None:
    result = run_ekc(["plan", "content/voorbeelden/scheiding/plan.yml"], cwd=site)
    assert result.exit_code == 0, result.stdout + result.stderr
    out = site / "content" / "voorbeelden" / "scheiding" / "VB-2026-SCHEIDING-plan-1.pdf"
    assert out.read_bytes().startswith(b"%PDF-1.7")
    assert "geschreven: content/voorbeelden/scheiding/VB-2026-SCHEIDING-plan-1.pdf" in result.stderr
    assert oct(out.stat().st_mode & 0o777) != "0o600"  # not private like a temporary file


def test_batch_in_parallel_one_bad_plan_does_not_stop_the_others(site: Path) -> None:
    bad = site / "content" / "voorbeelden" / "pleeggezin" / "plan.yml"
    bad.write_text(bad.read_text().replace("aanspreekpunt:", "aanspreekpunt_x:"))
    result = run_ekc(["plan", "content/voorbeelden", "-o", "uit", "--jobs", "2"], cwd=site)
    assert result.exit_code == 1
    written = sorted(p.name for p in (site / "uit").iterdir())
    assert written == ["VB-2026-PLEEG-plan-2.pdf", "VB-2026-SCHEIDING-plan-1.pdf"]
    assert "[unknown-key]" in result.stdout and "[missing-key]" in result.stdout
    assert "2 gelukt, 1 mislukt." in result.stderr
    assert not list(site.rglob("*.tmp"))


def test_html_edition_is_self_contained(site: Path) -> None:
    result = run_ekc(
        ["plan", "content/voorbeelden/scheiding/plan.yml", "-o", "plan.pdf", "--html"], cwd=site
    )
    assert result.exit_code == 0
    html = (site / "plan.html").read_text()
    targets = re.findall(r"""url\(\s*["']?([^"')]*)""", html) + re.findall(
        r"""\ssrc=["']([^"']*)""", html
    )
    assert targets and all(t.startswith("data:") for t in targets), targets
    assert 'url("data:font/ttf;base64,' in html


def test_several_plans_with_a_pdf_name_is_a_usage_error(site: Path) -> None:
    result = run_ekc(["plan", "content/voorbeelden", "-o", "een.pdf"], cwd=site)
    assert result.exit_code == 2


def test_output_may_not_overwrite_the_input(site: Path) -> None:
    plan = site / "content" / "voorbeelden" / "scheiding" / "plan.yml"
    before = plan.read_bytes()
    result = run_ekc(["plan", str(plan), "-o", str(plan)], cwd=site)
    assert result.exit_code == 1 and plan.read_bytes() == before


def test_nothing_to_render(tmp_path: Path) -> None:
    assert run_ekc(["plan", str(tmp_path)]).exit_code == 1
    assert run_ekc(["plan", str(tmp_path / "weg.yml")]).exit_code == 1


def test_watch_renders_again_after_a_change(site: Path) -> None:
    plan = site / "content" / "voorbeelden" / "scheiding" / "plan.yml"
    out = site / "watch.pdf"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "ekc_docs", "plan", str(plan), "-o", str(out), "--watch"],
        cwd=site,
        env=env,
        stderr=subprocess.DEVNULL,
        text=True,
        # a shell's background job ignores SIGINT, and the child would inherit that
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        _wait_for(lambda: out.exists(), 60)
        first = out.stat().st_mtime_ns
        time.sleep(0.5)
        plan.write_text(plan.read_text().replace("versie: 1", "versie: 1  # gewijzigd"))
        _wait_for(lambda: out.stat().st_mtime_ns != first, 60)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail("ekc plan --watch did not stop on Ctrl+C")


def _wait_for(condition: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.2)
    pytest.fail("timed out")
