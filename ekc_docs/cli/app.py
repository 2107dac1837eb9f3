"""The `ekc` command group: one click command per module, registered here.

Commands return their exit status (contract §5): 0 no errors (warnings allowed), 1 errors in
the input, 2 a wrong command line.
"""

from __future__ import annotations

import click

from . import nl
from .check import check
from .hsds import export_group, import_group
from .plan import plan_command
from .scaffold import new, schema
from .site import site
from .studio import studio
from .versions import verschil, versie

nl.install()


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[OPTIES]",
    subcommand_metavar="COMMANDO [ARGUMENTEN]...",
)
@click.version_option(package_name="ekc-docs", message="ekc %(version)s")
def ekc() -> None:
    """Gereedschap voor Eigen Kracht-conferenties: casussen en plannen controleren en afdrukken."""


for command in (
    studio,
    check,
    plan_command,
    versie,
    verschil,
    site,
    schema,
    new,
    export_group,
    import_group,
):
    ekc.add_command(command)
