"""The history of an example case on the site: each version, its date, how its review went,
and its PDF. Data first (`version_history`), then a small table from an autoescaped template."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, Template

from ..models.plan import UITKOMSTEN, agreement_ids
from ..render.formatting import date_in_words
from ..workspace import LoadedPlan

#: how each outcome reads on the site (the site is Dutch)
OUTCOME_WORDS = {"gelukt": "gelukt", "deels": "deels gelukt", "niet-gelukt": "niet gelukt"}


@dataclass(frozen=True)
class HistoryRow:
    versie: int
    datum: str
    uitkomsten: tuple[tuple[str, int], ...]  # (word, count) of the review of the version before
    open: int  # agreements of the version before without an outcome
    pdf: str  # the PDF's URL, relative to the page


def version_history(plans: Sequence[tuple[LoadedPlan, str]]) -> list[HistoryRow]:
    """One row per version, oldest first; `plans` are (plan, URL of its PDF)."""
    rows = []
    for loaded, pdf in plans:
        plan = loaded.plan
        assert plan is not None
        outcomes: dict[str, int] = {}
        missing = 0
        previous = loaded.previous.plan if loaded.previous is not None else None
        if plan.terugblik is not None and previous is not None:
            given = {e.id: e.uitkomst for e in plan.terugblik.afspraken}
            for ident in agreement_ids(previous):
                outcome = given.get(ident)
                if outcome is None:
                    missing += 1
                else:
                    outcomes[outcome] = outcomes.get(outcome, 0) + 1
        rows.append(
            HistoryRow(
                versie=plan.versie,
                datum=date_in_words(plan.datum, "nl_NL"),
                uitkomsten=tuple(
                    (OUTCOME_WORDS[o], outcomes[o]) for o in UITKOMSTEN if o in outcomes
                ),
                open=missing,
                pdf=pdf,
            )
        )
    return sorted(rows, key=lambda r: r.versie)


_TABLE = """\
<div class="ekc-history" markdown="0">
<h2 id="versies">Versies van het plan</h2>
<p>Na elke evaluatie maakt het netwerk een nieuwe versie. Elke versie begint met hoe de afspraken van de vorige gingen.</p>
<table>
<thead><tr><th scope="col">Versie</th><th scope="col">Gemaakt op</th><th scope="col">Terugblik op de vorige versie</th><th scope="col">Plan</th></tr></thead>
<tbody>
{% for r in rows %}
<tr><th scope="row">{{ r.versie }}</th><td>{{ r.datum }}</td><td>
{%- if r.uitkomsten or r.open -%}
{% for woord, aantal in r.uitkomsten %}{{ aantal }} {{ woord }}{% if not loop.last or r.open %}, {% endif %}{% endfor %}
{%- if r.open %}{{ r.open }} nog niet besproken{% endif %}
{%- else %}eerste plan{% endif -%}
</td><td><a href="{{ r.pdf }}" type="application/pdf">Versie {{ r.versie }} als PDF</a></td></tr>
{% endfor %}
</tbody>
</table>
</div>
"""


@cache
def _template() -> Template:
    return Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(_TABLE)


def history_table(rows: Sequence[HistoryRow]) -> str:
    """The history as an HTML table for the example's page (only worth it from two versions)."""
    return _template().render(rows=rows)
