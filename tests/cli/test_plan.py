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

pytestmark = pytest.mark.slow  # renders PDFs

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
    assert written == [
        "VB-2026-PLEEG-plan-2.pdf",
        "VB-2026-PLEEG-plan-3.pdf",
        "VB-2026-SCHEIDING-plan-1.pdf",
    ]
    assert "[unknown-key]" in result.stdout and "[missing-key]" in result.stdout
    assert "3 gelukt, 1 mislukt." in result.stderr
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


# --- where output may go (contract §6) -------------------------------------------------------

SCHEIDING = "content/voorbeelden/scheiding/plan.yml"


@pytest.fixture
def no_device_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as root, a regression would rename a PDF over /dev/null: make that impossible."""
    original = Path.replace

    def guarded(self: Path, target: str | os.PathLike[str]) -> Path:
        if str(target).startswith("/dev/"):
            raise AssertionError(f"tried to replace {target}")
        return original(self, target)

    monkeypatch.setattr(Path, "replace", guarded)
    monkeypatch.setattr(os, "replace", lambda *a, **k: pytest.fail("os.replace"))


def _refused(result: object, target: str) -> None:
    assert result.exit_code == 1, result.stdout + result.stderr  # type: ignore[attr-defined]
    text = result.stdout + result.stderr  # type: ignore[attr-defined]
    assert "[write-failed]" in text, text
    assert "Traceback" not in text and "interne fout" not in text
    line = next(ln for ln in text.splitlines() if "[write-failed]" in ln)
    assert re.match(rf"{re.escape(target)}:1:1: fout: ", line), line


@pytest.mark.usefixtures("no_device_replaced")
def test_output_never_replaces_dev_null(site: Path) -> None:
    result = run_ekc(["plan", SCHEIDING, "-o", "/dev/null"], cwd=site)
    _refused(result, "/dev/null")
    assert Path("/dev/null").is_char_device()


def test_output_never_replaces_a_fifo(site: Path) -> None:
    os.mkfifo(site / "uit.pdf")
    result = run_ekc(["plan", SCHEIDING, "-o", "uit.pdf"], cwd=site)
    _refused(result, "uit.pdf")
    assert (site / "uit.pdf").is_fifo()


def test_output_never_replaces_a_folder(site: Path) -> None:
    (site / "uit.pdf").mkdir()
    result = run_ekc(["plan", SCHEIDING, "-o", "uit.pdf"], cwd=site)
    _refused(result, "uit.pdf")
    assert (site / "uit.pdf").is_dir()


def test_output_never_replaces_a_symlink(site: Path) -> None:
    (site / "ander.pdf").write_bytes(b"van een ander gezin")
    (site / "uit.pdf").symlink_to(site / "ander.pdf")
    result = run_ekc(["plan", SCHEIDING, "-o", "uit.pdf"], cwd=site)
    _refused(result, "uit.pdf")
    assert (site / "uit.pdf").is_symlink()
    assert (site / "ander.pdf").read_bytes() == b"van een ander gezin"


@pytest.mark.parametrize(
    "target",
    [
        "content/voorbeelden/scheiding/plan-2.yml",  # not an input of this run, still YAML
        "content/voorbeelden/pleeggezin/casus.yml",  # another family's case
        "content/voorbeelden/scheiding/casus.yml",  # this plan's own case
        "notities.txt",  # a regular file with another suffix
    ],
)
def test_output_never_replaces_yaml_or_other_files(site: Path, target: str) -> None:
    path = site / target
    if not path.exists():
        path.write_text("versie: 2\n")
    before = path.read_bytes()
    result = run_ekc(["plan", SCHEIDING, "-o", target], cwd=site)
    _refused(result, target)
    assert path.read_bytes() == before


def test_output_replaces_an_earlier_pdf(site: Path) -> None:
    (site / "uit.pdf").write_bytes(b"oud")
    result = run_ekc(["plan", SCHEIDING, "-o", "uit.pdf"], cwd=site)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (site / "uit.pdf").read_bytes().startswith(b"%PDF")


def test_html_name_with_html_writes_both(site: Path) -> None:
    result = run_ekc(["plan", SCHEIDING, "-o", "x.html", "--html"], cwd=site)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (site / "x.pdf").read_bytes().startswith(b"%PDF")
    assert (site / "x.html").read_text().startswith("<!DOCTYPE html>")
    assert "geschreven: x.pdf" in result.stderr and "geschreven: x.html" in result.stderr


def test_two_plans_never_write_one_file(site: Path) -> None:
    """Two plans of one case with the same versie: both refused, nothing written."""
    folder = site / "content" / "voorbeelden" / "scheiding"
    shutil.copy(folder / "plan.yml", folder / "plan-2.yml")
    result = run_ekc(["plan", str(folder), "--jobs", "1"], cwd=site)
    assert result.exit_code == 1
    assert not (folder / "VB-2026-SCHEIDING-plan-1.pdf").exists()
    text = result.stdout + result.stderr
    problems = [ln for ln in text.splitlines() if "[duplicate-id]" in ln]
    # each file is told why it was not printed, at its own `versie`
    assert [ln.split(": fout")[0] for ln in problems] == [
        "content/voorbeelden/scheiding/plan-2.yml:4:9",
        "content/voorbeelden/scheiding/plan.yml:4:9",
    ], text
    assert "versie 1 staat ook in" in problems[0] and "versie 1 staat ook in" in problems[1]


def test_two_cases_with_one_id_never_write_one_file(site: Path) -> None:
    other = site / "content" / "voorbeelden" / "kopie"
    shutil.copytree(site / "content" / "voorbeelden" / "scheiding", other)
    result = run_ekc(["plan", "content/voorbeelden", "-o", "uit", "--jobs", "2"], cwd=site)
    assert result.exit_code == 1
    written = sorted(p.name for p in (site / "uit").iterdir())
    assert written == [
        "VB-2026-PLEEG-plan-1.pdf",
        "VB-2026-PLEEG-plan-2.pdf",
        "VB-2026-PLEEG-plan-3.pdf",
    ]
    assert "[write-failed]" in result.stdout + result.stderr


def test_unwritable_folder_is_a_dutch_write_failed(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root a read-only folder is writable, so the refusal of the system is simulated."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = run_ekc(["plan", SCHEIDING, "-o", "uit/plan.pdf"], cwd=site)
    _refused(result, "uit/plan.pdf")
    text = result.stdout + result.stderr
    assert "Permission denied" not in text and "geen toestemming" in text


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a read-only folder")
def test_read_only_folder(site: Path) -> None:
    folder = site / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_ekc(["plan", SCHEIDING, "-o", "alleen-lezen/plan.pdf"], cwd=site)
    finally:
        folder.chmod(0o755)
    _refused(result, "alleen-lezen/plan.pdf")


def test_a_file_where_the_output_folder_should_be(site: Path) -> None:
    (site / "bestand").write_text("x")
    result = run_ekc(["plan", SCHEIDING, "-o", "bestand/plan.pdf"], cwd=site)
    _refused(result, "bestand/plan.pdf")
    text = result.stdout + result.stderr
    assert "Not a directory" not in text and "File exists" not in text


def test_a_case_id_too_long_for_a_file_name(site: Path) -> None:
    folder = site / "content" / "voorbeelden" / "scheiding"
    casus = folder / "casus.yml"
    long_id = "VB-" + "X" * 250
    casus.write_text(casus.read_text().replace("casus: VB-2026-SCHEIDING", f"casus: {long_id}"))
    result = run_ekc(["plan", SCHEIDING], cwd=site)
    text = result.stdout + result.stderr
    assert result.exit_code == 1, text
    assert "Traceback" not in text and "interne fout" not in text and "too long" not in text
    assert "[write-failed]" in text or "[invalid-value]" in text


# --- --watch and stopping ---------------------------------------------------------------------


def _start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    """`ekc` in its own process group, as a shell runs a foreground job."""
    return subprocess.Popen(
        [sys.executable, "-m", "ekc_docs", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen[str], signum: int, group: bool) -> tuple[int, str]:
    if group:
        os.killpg(process.pid, signum)  # Ctrl+C in a terminal: the whole foreground group
    else:
        process.send_signal(signum)  # `kill PID`
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("ekc did not stop")
    return process.returncode, err


def test_an_idle_watch_renders_once(site: Path) -> None:
    """watchdog ≥ 7 reports opening and closing a file: reading must not trigger a render."""
    out = site / "watch.pdf"
    process = _start(["plan", SCHEIDING, "-o", str(out), "--watch"], site)
    try:
        _wait_for(lambda: out.exists(), 60)
        first = out.stat().st_mtime_ns
        time.sleep(6)  # the old loop rendered again every two seconds
        assert out.stat().st_mtime_ns == first
        plan = site / SCHEIDING
        plan.write_text(plan.read_text())  # saved without a change: nothing to do either
        time.sleep(3)
        assert out.stat().st_mtime_ns == first
    finally:
        _, err = _stop(process, signal.SIGINT, group=True)
    assert err.count("geschreven: watch.pdf") == 1, err
    assert "opnieuw afdrukken" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("signum", "group"), [(signal.SIGINT, True), (signal.SIGTERM, False), (signal.SIGTERM, True)]
)
def test_stopping_a_batch_in_worker_processes(site: Path, signum: int, group: bool) -> None:
    voorbeelden = site / "content" / "voorbeelden"
    for i in range(6):
        shutil.copytree(voorbeelden / "scheiding", voorbeelden / f"kopie-{i}")
        casus = voorbeelden / f"kopie-{i}" / "casus.yml"
        casus.write_text(casus.read_text().replace("VB-2026-SCHEIDING", f"VB-KOPIE-{i}"))
    process = _start(["plan", "content/voorbeelden", "-o", "uit", "--jobs", "2"], site)
    time.sleep(3)  # the workers are laying out plans now (nine plans take well over 10 s)
    assert process.poll() is None
    code, err = _stop(process, signum, group)
    assert code == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert not list(site.rglob("*.tmp"))


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_stopping_one_plan(site: Path, signum: int) -> None:
    process = _start(["plan", SCHEIDING, "-o", "een.pdf"], site)
    time.sleep(1.0)  # the renderer process imports WeasyPrint meanwhile
    code, err = _stop(process, signum, group=True)
    if code == 0:
        pytest.skip("the plan was already printed")
    assert code == 130, err
    assert "Traceback" not in err, err
