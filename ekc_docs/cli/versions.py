"""`ekc versie` and `ekc verschil`: the next version of a plan, and what changed between two."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..diagnostics import format_text, sort_diagnostics
from .options import EXIT_ERRORS, EXIT_OK, DateParam, format_option, kaart_option


@click.command(options_metavar="[OPTIES]")
@click.argument("plan", metavar="PLAN.yml", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--datum",
    "made_on",
    type=DateParam(),
    default=None,
    help="De dag van de evaluatie en van de nieuwe versie (standaard vandaag).",
)
@kaart_option
def versie(plan: Path, made_on: date | None, kaart_dir: Path | None) -> int:
    """Maak de volgende versie van een plan, met een terugblik om op de evaluatie in te vullen."""
    from ..versioning import create_next_version
    from ..workspace import Workspace

    day = made_on or date.today()
    written = create_next_version(plan, Workspace(today=day, kaart_dir=kaart_dir), day)
    click.echo(f"aangemaakt: {written}")
    click.echo(
        f"Vul in de terugblik bij elke afspraak de uitkomst in en controleer met: ekc check "
        f"{written}",
        err=True,
    )
    return EXIT_OK


@click.command(options_metavar="[OPTIES]")
@click.argument("older", metavar="PLAN-A.yml", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("newer", metavar="PLAN-B.yml", type=click.Path(path_type=Path, dir_okay=False))
@format_option
@kaart_option
def verschil(older: Path, newer: Path, output_format: str, kaart_dir: Path | None) -> int:
    """Laat zien wat er tussen twee versies van een plan is veranderd."""
    from ..elfproef import mask_bsn
    from ..versioning import difference_json, difference_problems, difference_text
    from ..workspace import Workspace

    workspace = Workspace(kaart_dir=kaart_dir)
    show = difference_json if output_format == "json" else difference_text
    click.echo(mask_bsn(show(older, newer, workspace)), nl=False)  # a BSN is never repeated
    problems = difference_problems(older, newer, workspace)
    if problems:  # the comparison is shown, but what is wrong in the plans is said too
        click.echo(format_text(sort_diagnostics(problems)), nl=False, err=True)
        return EXIT_ERRORS
    return EXIT_OK
