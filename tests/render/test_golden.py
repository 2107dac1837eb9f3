"""Golden HTML of every example plan: any change to the printed plan shows up as a diff.

Update with `pytest tests/render/test_golden.py --update-golden` and read the diff.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ekc_docs.render.html import render_html
from ekc_docs.render.templates import TemplateSet
from ekc_docs.render.view import build_view
from ekc_docs.workspace import Workspace

from ..conftest import EXAMPLES, KAART, TESTS

PLANS = sorted((EXAMPLES).glob("*/plan*.yml"))


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_golden_html(plan: Path, update_golden: bool) -> None:
    workspace = Workspace(today=date(2026, 11, 25), kaart_dir=KAART)
    checked = workspace.checked_plan(plan)
    assert checked is not None
    html = render_html(build_view(checked, TemplateSet().catalogue("nl")), TemplateSet())
    # the stylesheet is the same in every plan: compared once, below, not five times here
    html = re.sub(r"<style>.*?</style>", "<style>…</style>", html, flags=re.S)
    golden = TESTS / "golden" / f"{plan.parent.name}-{plan.stem}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_the_stylesheet_is_inlined_whole() -> None:
    """What the golden files leave out: every plan carries plan.css in its <style>."""
    workspace = Workspace(today=date(2026, 11, 25), kaart_dir=KAART)
    checked = workspace.checked_plan(PLANS[0])
    assert checked is not None
    html = render_html(build_view(checked, TemplateSet().catalogue("nl")), TemplateSet())
    css = (TemplateSet().default / "plan.css").read_text(encoding="utf-8")
    assert css in html
