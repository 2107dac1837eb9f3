"""The `ekc` command. It only composes the pipeline and turns results into exit statuses.

Exit statuses (contract §5): 0 no errors (warnings allowed), 1 errors in the input, 2 a wrong
command line. No traceback is ever shown for bad input.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from . import cli_nl
from .diagnostics import Diagnostic, EkcError, format_json, format_text, summarize

cli_nl.install()

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


#: options that several commands share
peildatum_option = click.option(
    "--peildatum",
    type=DateParam(),
    default=None,
    help="Datum waartegen 'verouderd' wordt bepaald (standaard vandaag).",
)
kaart_option = click.option(
    "--kaart",
    "kaart_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Map van de sociale kaart (standaard content/sociale-kaart).",
)


def _print_diagnostics(diagnostics: list[Diagnostic], as_json: bool) -> None:
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


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[OPTIES]",
    subcommand_metavar="COMMANDO [ARGUMENTEN]...",
)
@click.version_option(package_name="ekc-docs", message="ekc %(version)s")
def main() -> None:
    """Gereedschap voor Eigen Kracht-conferenties: casussen en plannen controleren en afdrukken."""


@main.command(options_metavar="[OPTIES]")
@click.argument("paths", nargs=-1, required=True, metavar="PAD...", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Uitvoer: tekstregels of één JSON-lijst.",
)
@kaart_option
@peildatum_option
@click.option(
    "--concept",
    is_flag=True,
    help="Een onaf plan: ontbrekend akkoord en onbeantwoorde voorwaarden als waarschuwing.",
)
def check(
    paths: tuple[Path, ...],
    output: str,
    kaart_dir: Path | None,
    peildatum: date | None,
    concept: bool,
) -> None:
    """Controleer casus-, plan- en kaartbestanden en mappen (met alles eronder)."""
    from .checking import check_paths
    from .workspace import Workspace

    workspace = Workspace(today=peildatum, kaart_dir=kaart_dir, concept=concept)
    result = check_paths(list(paths), workspace)
    _print_diagnostics(result.diagnostics, output == "json")
    if output == "text":
        click.echo(summarize(result.diagnostics, result.files), err=True)
    sys.exit(EXIT_OK if result.ok else EXIT_ERRORS)


@main.command(options_metavar="[OPTIES]")
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
def plan(
    paths: tuple[Path, ...],
    output: Path | None,
    with_html: bool,
    concept: bool,
    jobs: int | None,
    template_dirs: tuple[Path, ...],
    kaart_dir: Path | None,
    watch: bool,
) -> None:
    """Maak van een plan een PDF om af te drukken en aan de familie te geven."""
    from .plan_command import run_plan_command

    code = run_plan_command(
        list(paths),
        output=output,
        with_html=with_html,
        concept=concept,
        jobs=jobs,
        template_dirs=template_dirs,
        kaart_dir=kaart_dir,
        watch=watch,
    )
    sys.exit(code)


@main.command(options_metavar="[OPTIES]")
@click.option(
    "-f",
    "--config-file",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="De MkDocs-configuratie van de site.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Waar de pagina's komen (standaard: de docs-map van de site).",
)
@peildatum_option
def site(config_file: Path, output: Path | None, peildatum: date | None) -> None:
    """Schrijf de gegenereerde pagina's van de site naar schijf (stap vóór de bouw).

    Voor bouwers die geen MkDocs-plugins draaien; met MkDocs doet de plugin 'ekc' dit zelf.
    """
    from .site.config import markdown_extensions, read_mkdocs_config
    from .site.generate import SiteSettings, generate_site, write_files

    config = read_mkdocs_config(config_file)
    project = config_file.resolve().parent
    docs_dir = project / config.get("docs_dir", "docs")
    extensions, configs = markdown_extensions(config)
    settings = SiteSettings(
        docs_dir=docs_dir,
        project_dir=project,
        directory_urls=bool(config.get("use_directory_urls", True)),
        today=peildatum or date.today(),
        nav=config.get("nav"),
        markdown_extensions=tuple(extensions),
        mdx_configs=configs,
    )
    result = generate_site(settings)
    click.echo(format_text(result.diagnostics), nl=False)
    if result.errors:
        sys.exit(EXIT_ERRORS)
    written = write_files(result.files, output or docs_dir)
    click.echo(f"{len(written)} bestanden geschreven naar {output or docs_dir}", err=True)


@main.command(options_metavar="[OPTIES]")
@click.argument("kind", type=click.Choice(["casus", "plan", "kaart", "categorieen"]))
def schema(kind: str) -> None:
    """Toon het JSON Schema van een bestandssoort (voor automatisch aanvullen in je editor)."""
    from .schema import schema_text

    click.echo(schema_text(kind), nl=False)


@main.command(options_metavar="[OPTIES]")
@click.argument("case_id")
@click.argument(
    "folder", required=False, metavar="[DIR]", type=click.Path(path_type=Path, file_okay=False)
)
def new(case_id: str, folder: Path | None) -> None:
    """Maak een map met een casus.yml en plan.yml om in te vullen."""
    from .scaffold import create_case, is_valid_case_id

    if not is_valid_case_id(case_id):
        raise click.BadParameter(
            f"'{case_id}' is geen geldig casusnummer: gebruik letters, cijfers, '-' en '_'",
            param_hint="CASE_ID",
        )
    target = folder or Path(case_id)
    written = create_case(case_id, target)
    for path in written:
        click.echo(f"aangemaakt: {path}")
    click.echo(f"Vul de regels met «VERVANG» in en controleer met: ekc check {target}", err=True)


def run() -> NoReturn:
    """Run the CLI; user errors end in diagnostics, never in a traceback."""
    try:
        main(standalone_mode=False, prog_name="ekc")
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else EXIT_ERRORS)
    except click.Abort:
        click.echo("afgebroken", err=True)
        sys.exit(EXIT_ERRORS)
    except EkcError as exc:
        click.echo(format_text(exc.diagnostics), nl=False, err=True)
        sys.exit(EXIT_ERRORS)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # last resort: never a traceback in front of a coordinator
        if os.environ.get("EKC_DEBUG"):
            raise
        click.echo(
            f"interne fout in ekc: {type(exc).__name__}: {exc}. Meld dit aan de makers "
            "(met EKC_DEBUG=1 zie je de details).",
            err=True,
        )
        sys.exit(EXIT_ERRORS)
    sys.exit(EXIT_OK)
