"""Options and output helpers that several commands share."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ..diagnostics import Diagnostic, format_json, format_text

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class DateParam(click.ParamType):  # type: ignore[type-arg]
    name = "jjjj-mm-dd"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"'{value}' is geen datum; schrijf jjjj-mm-dd", param, ctx)


peildatum_option = click.option(
    "--peildatum",
    type=DateParam(),
    default=None,
    help="Datum waartegen 'verouderd' wordt bepaald (standaard vandaag).",
)
kaart_option = click.option(
    "--kaart",
    "kaart_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Map van de sociale kaart (standaard content/sociale-kaart).",
)
format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Uitvoer: tekstregels of één JSON-lijst.",
)


def print_diagnostics(diagnostics: list[Diagnostic], as_json: bool = False) -> None:
    """Diagnostics on stdout: one a line (coloured on a terminal), or one JSON list."""
    if as_json:
        click.echo(format_json(diagnostics), nl=False)
        return
    text = format_text(diagnostics)
    if sys.stdout.isatty():
        text = text.replace(": fout:", ": " + click.style("fout", fg="red", bold=True) + ":")
        text = text.replace(
            ": waarschuwing:", ": " + click.style("waarschuwing", fg="yellow") + ":"
        )
    click.echo(text, nl=False)
