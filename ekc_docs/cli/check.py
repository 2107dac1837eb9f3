"""`ekc check`: every case, plan and kaart file under the given paths."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..diagnostics import summarize
from .options import (
    EXIT_ERRORS,
    EXIT_OK,
    format_option,
    kaart_option,
    peildatum_option,
    print_diagnostics,
)


@click.command(options_metavar="[OPTIES]")
@click.argument("paths", nargs=-1, required=True, metavar="PAD...", type=click.Path(path_type=Path))
@format_option
@kaart_option
@peildatum_option
@click.option(
    "--concept",
    is_flag=True,
    help="Een onaf plan: ontbrekend akkoord en onbeantwoorde voorwaarden als waarschuwing.",
)
def check(
    paths: tuple[Path, ...],
    output_format: str,
    kaart_dir: Path | None,
    peildatum: date | None,
    concept: bool,
) -> int:
    """Controleer casus-, plan- en kaartbestanden en mappen (met alles eronder)."""
    from ..checking import check_paths
    from ..render.templates import TemplateSet
    from ..workspace import Workspace

    languages = TemplateSet().languages  # a case's `taal` needs a catalogue to be printed
    workspace = Workspace(
        today=peildatum, kaart_dir=kaart_dir, concept=concept, languages=languages
    )
    result = check_paths(list(paths), workspace)
    print_diagnostics(result.diagnostics, output_format == "json")
    if output_format == "text":
        click.echo(summarize(result.diagnostics, result.files), err=True)
    return EXIT_OK if result.ok else EXIT_ERRORS
