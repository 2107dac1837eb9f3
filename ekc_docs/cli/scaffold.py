"""`ekc new` and `ekc schema`: starting a case folder, and schemas for editors."""

from __future__ import annotations

from pathlib import Path

import click

from .options import EXIT_OK


@click.command(options_metavar="[OPTIES]")
@click.argument(
    "kind", metavar="SOORT", type=click.Choice(["casus", "plan", "kaart", "categorieen"])
)
def schema(kind: str) -> int:
    """Toon het JSON Schema van een bestandssoort (voor automatisch aanvullen in je editor)."""
    from ..schema import schema_text

    click.echo(schema_text(kind), nl=False)
    return EXIT_OK


@click.command(options_metavar="[OPTIES]")
@click.argument("case_id", metavar="CASUSNUMMER")
@click.argument(
    "folder", required=False, metavar="[MAP]", type=click.Path(path_type=Path, file_okay=False)
)
def new(case_id: str, folder: Path | None) -> int:
    """Maak een map met een casus.yml en plan.yml om in te vullen."""
    from ..models.fields import MAX_ID_LENGTH
    from ..scaffold import create_case, is_valid_case_id

    if not is_valid_case_id(case_id):
        shown = case_id if len(case_id) <= 40 else case_id[:40] + "…"
        raise click.BadParameter(
            f"'{shown}' is geen geldig casusnummer: gebruik letters, cijfers, '-' en '_', "
            f"hoogstens {MAX_ID_LENGTH} tekens",
            param_hint="CASUSNUMMER",
        )
    target = folder or Path(case_id)
    written = create_case(case_id, target)
    for path in written:
        click.echo(f"aangemaakt: {path}")
    click.echo(
        "Vervang elke voorbeeldwaarde tussen « » door de echte gegevens en controleer met: "
        f"ekc check {target}\nZolang er een voorbeeldwaarde staat, meldt ekc check een fout "
        "(placeholder) en drukt ekc plan niets af.",
        err=True,
    )
    return EXIT_OK
