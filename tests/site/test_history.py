"""The history table of an example case with several versions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ekc_docs.case import CheckedPlan
from ekc_docs.site.history import HistoryRow, version_history
from ekc_docs.site.pages import render_page
from ekc_docs.workspace import Workspace

from ..conftest import EXAMPLES, KAART, TESTS


def checked(workspace: Workspace, path: Path) -> CheckedPlan:
    plan = workspace.checked_plan(path)
    assert plan is not None, [d.as_text() for d in workspace.load_plan(path).all_diagnostics]
    return plan


def history_table(rows: list[HistoryRow]) -> str:
    return render_page("voorbeelden/history.html.j2", history=rows)


def test_history_of_the_pleeggezin_example() -> None:
    workspace = Workspace(today=date(2026, 11, 25), kaart_dir=KAART)
    folder = EXAMPLES / "pleeggezin"
    plans = [
        (checked(workspace, folder / name), f"{name}.pdf")
        for name in ("plan-3.yml", "plan.yml", "plan-2.yml")
    ]
    rows = version_history(plans)
    assert [(r.versie, r.datum, r.uitkomsten, r.open) for r in rows] == [
        (1, "11 april 2026", (), 0),
        (2, "26 september 2026", (("gelukt", 5), ("deels gelukt", 3), ("niet gelukt", 1)), 0),
        (3, "13 maart 2027", (("gelukt", 5), ("deels gelukt", 1), ("niet gelukt", 1)), 0),
    ]
    html = history_table(rows)
    assert '<h2 id="versies">Versies van het plan</h2>' in html
    assert (
        '<tr><th scope="row">2</th><td>26 september 2026</td><td>5 gelukt, 3 deels gelukt, '
        '1 niet gelukt</td><td><a href="plan-2.yml.pdf" type="application/pdf">Versie 2 als '
        "PDF</a></td></tr>"
    ) in html
    assert "<td>eerste plan</td>" in html


def test_history_counts_agreements_without_outcome_and_escapes() -> None:
    workspace = Workspace(today=date(2026, 11, 25))
    folder = TESTS / "cases" / "versions-review-incomplete"
    plans = [(checked(workspace, folder / "plan-3.yml"), 'x.pdf"><script>')]
    (row,) = version_history(plans)
    assert (row.uitkomsten, row.open) == ((("gelukt", 1),), 2)
    html = history_table([row])
    assert "<td>1 gelukt, 2 nog niet besproken</td>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
