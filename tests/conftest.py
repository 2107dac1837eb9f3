"""Shared test helpers: run the CLI in-process, and the --update-golden flag."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected output files from the current behaviour (review the diff!)",
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for every browser test of the run (Playwright's sync API allows one)."""
    from playwright.sync_api import sync_playwright

    from .site_server import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_ekc(args: list[str], cwd: Path | None = None) -> Result:
    """Run `ekc` in this process through `cli.main`, exactly as the console script does."""
    from ekc_docs import cli

    out, err = io.StringIO(), io.StringIO()
    with (
        working_directory(cwd or Path.cwd()),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = cli.main(args)
    return Result(code, out.getvalue(), err.getvalue())


#: copies of the site's example cases and kaart, so that editing an example on the site does
#: not change what the unit tests see (tests/test_examples.py checks the site's own copies)
EXAMPLES = TESTS / "data" / "voorbeelden"
KAART = TESTS / "data" / "sociale-kaart"
