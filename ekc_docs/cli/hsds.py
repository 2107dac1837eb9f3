"""`ekc export hsds` and `ekc import hsds`: the sociale kaart as Open Referral open data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..diagnostics import display_path
from .options import EXIT_ERRORS, EXIT_OK, format_option, peildatum_option, print_diagnostics


@click.group("export", options_metavar="[OPTIES]", subcommand_metavar="FORMAAT [ARGUMENTEN]...")
def export_group() -> None:
    """Zet gegevens om naar een open standaard."""


@export_group.command("hsds", options_metavar="[OPTIES]")
@click.argument(
    "kaart_dir",
    required=False,
    default=Path("content/sociale-kaart"),
    metavar="[KAART_DIR]",
    type=click.Path(path_type=Path),
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Map voor services.json en organizations.json.",
)
@format_option
@peildatum_option
def export_hsds(kaart_dir: Path, output: Path, output_format: str, peildatum: date | None) -> int:
    """Schrijf de sociale kaart als open data (Open Referral HSDS 3.1).

    KAART_DIR is de map met categorieen.yml (standaard content/sociale-kaart).
    """
    from ..hsds.export import export_kaart

    diagnostics, written = export_kaart(kaart_dir, output, peildatum)
    print_diagnostics(diagnostics, output_format == "json")
    for path in written:
        click.echo(f"geschreven: {display_path(path)}", err=True)
    return EXIT_ERRORS if any(d.is_error for d in diagnostics) else EXIT_OK


@click.group("import", options_metavar="[OPTIES]", subcommand_metavar="FORMAAT [ARGUMENTEN]...")
def import_group() -> None:
    """Neem gegevens over uit een open standaard."""


@import_group.command("hsds", options_metavar="[OPTIES]")
@click.argument("file", metavar="BESTAND", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Map voor de kaartbestanden (leeg, of eerder door ekc import gevuld).",
)
@format_option
@peildatum_option
def import_hsds(file: Path, output: Path, output_format: str, peildatum: date | None) -> int:
    """Maak kaartbestanden van een lijst HSDS-voorzieningen (JSON, zoals services.json).

    Eén bestand per gemeente; alles wat niet over te nemen is, staat als waarschuwing in de uitvoer.
    """
    from ..hsds.importer import import_hsds as run_import

    result = run_import(file, output, peildatum)
    print_diagnostics(result.diagnostics, output_format == "json")
    for path in result.written:
        click.echo(f"geschreven: {display_path(path)}", err=True)
    return EXIT_OK if result.ok else EXIT_ERRORS
