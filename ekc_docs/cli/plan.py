"""`ekc plan`: the command line of printing; the work starts in `printing` when it runs."""

from __future__ import annotations

from pathlib import Path

import click

from .options import kaart_option


@click.command("plan", options_metavar="[OPTIES]")
@click.argument(
    "paths", nargs=-1, required=True, metavar="PLAN.yml...", type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Uitvoerbestand (één plan) of uitvoermap (meerdere plannen).",
)
@click.option("--html", "with_html", is_flag=True, help="Schrijf ook een losse HTML-versie.")
@click.option("--concept", is_flag=True, help="Druk een onaf plan af, met CONCEPT op elke pagina.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Aantal plannen tegelijk (standaard: het aantal processorkernen).",
)
@click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Map met eigen sjablonen of stijlbladen (huisstijl); gaat voor de standaard.",
)
@kaart_option
@click.option("--watch", is_flag=True, help="Blijf kijken en druk opnieuw af bij elke wijziging.")
def plan_command(
    paths: tuple[Path, ...],
    output: Path | None,
    with_html: bool,
    concept: bool,
    jobs: int | None,
    template_dirs: tuple[Path, ...],
    kaart_dir: Path | None,
    watch: bool,
) -> int:
    """Maak van een plan een PDF om af te drukken en aan de familie te geven."""
    from .printing import run_plan_command

    return run_plan_command(
        list(paths),
        output=output,
        with_html=with_html,
        concept=concept,
        jobs=jobs,
        template_dirs=template_dirs,
        kaart_dir=kaart_dir,
        watch=watch,
    )
