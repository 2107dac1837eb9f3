"""The `ekc` command. It only composes the pipeline and turns results into exit statuses.

`main(argv)` returns the exit status, so tests and other programs can call it without touching
`sys.argv`; `run()` is the console script. No traceback is ever shown for bad input.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

from ..diagnostics import EkcError, format_text
from ..elfproef import mask_bsn
from ..oserrors import describe_os_error
from .options import EXIT_ERRORS, EXIT_OK, EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """Run `ekc` with `argv` (default: the process's arguments) and return the exit status."""
    from .app import ekc

    try:
        code = ekc.main(args=argv, standalone_mode=False, prog_name="ekc")
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE if isinstance(exc, click.UsageError) else EXIT_ERRORS
    except click.Abort:
        click.echo("afgebroken", err=True)
        return 130
    except EkcError as exc:
        click.echo(format_text(exc.diagnostics), nl=False, err=True)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # the user's folder or disk, not a bug: say what, in Dutch
        where = f" '{exc.filename}'" if exc.filename else ""
        click.echo(
            mask_bsn(f"fout: kan{where} niet lezen of schrijven ({describe_os_error(exc)})"),
            err=True,
        )
        return EXIT_ERRORS
    except Exception as exc:  # last resort: never a traceback in front of a coordinator
        if os.environ.get("EKC_DEBUG"):
            raise
        click.echo(
            mask_bsn(
                f"interne fout in ekc: {type(exc).__name__}: {exc}. Meld dit aan de makers "
                "(met EKC_DEBUG=1 zie je de details)."
            ),
            err=True,
        )
        return EXIT_ERRORS
    return code if isinstance(code, int) else EXIT_OK


def run() -> NoReturn:
    """The console script `ekc`."""
    sys.exit(main())
