"""`ekc studio`: the local editor in the browser, on 127.0.0.1 only."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import click

from ..oserrors import describe_os_error
from .options import EXIT_ERRORS, EXIT_OK, kaart_option

HOST = "127.0.0.1"


@click.command(options_metavar="[OPTIES]")
@click.argument(
    "folder",
    required=False,
    metavar="[DIR]",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
)
@kaart_option
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Poort (standaard: een vrije)."
)
@click.option("--no-browser", is_flag=True, help="Open de browser niet vanzelf.")
def studio(folder: Path | None, kaart_dir: Path | None, port: int, no_browser: bool) -> int:
    """Bewerk casussen en plannen in de browser: formulieren in plaats van YAML."""
    import uvicorn

    from ..studio.app import create_app
    from ..studio.security import TOKEN_PARAM, new_token
    from ..studio.session import Studio

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((HOST, port))
    except OSError as exc:
        listener.close()
        click.echo(
            f"de poort {port} is niet beschikbaar ({describe_os_error(exc)}); kies een andere met --port",
            err=True,
        )
        return EXIT_ERRORS
    listener.listen(64)
    port = listener.getsockname()[1]
    token = new_token()
    app = create_app(Studio(folder or Path.cwd(), kaart_dir), token, port)
    address = f"http://{HOST}:{port}/?{TOKEN_PARAM}={token}"
    click.echo(address)
    sys.stdout.flush()
    click.echo("ekc studio draait; stop met Ctrl+C. Alleen deze computer kan erbij.", err=True)
    if not no_browser:
        import webbrowser

        webbrowser.open(address)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    server.run(sockets=[listener])
    return EXIT_OK
