"""`ekc site`: the generated pages written to disk, for builders that run no MkDocs plugins."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..diagnostics import format_text
from .options import EXIT_ERRORS, EXIT_OK, peildatum_option


@click.command(options_metavar="[OPTIES]")
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
def site(config_file: Path, output: Path | None, peildatum: date | None) -> int:
    """Schrijf de gegenereerde pagina's van de site naar schijf (stap vóór de bouw).

    Voor bouwers die geen MkDocs-plugins draaien; met MkDocs doet de plugin 'ekc' dit zelf.
    """
    from ..site.config import markdown_extensions, read_mkdocs_config
    from ..site.generate import SiteSettings, generate_site, write_files

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
        return EXIT_ERRORS
    written = write_files(result.files, output or docs_dir)
    click.echo(f"{len(written)} bestanden geschreven naar {output or docs_dir}", err=True)
    return EXIT_OK
