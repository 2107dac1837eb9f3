"""A renderer process started before the plan is read, so WeasyPrint's import overlaps it.

Importing WeasyPrint takes about half a second, about as long as reading, checking and laying
out a plan in HTML. On a machine with two cores the two can happen at once: the child imports
WeasyPrint and waits; the parent sends it the finished HTML.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from datetime import date
from multiprocessing.connection import Connection
from typing import Any

from ..diagnostics import EkcError
from .templates import TemplateSet


def _serve(connection: Connection) -> None:
    from .pdf import font_configuration, html_to_pdf

    # Ctrl+C reaches the whole process group: the parent ends this process, quietly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (a fork has it)
    font_configuration()  # import WeasyPrint and load fonts while the parent works
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        if request is None:
            return
        html, templates, made_on = request
        try:
            connection.send(("ok", html_to_pdf(html, templates, made_on=made_on)))
        except EkcError as exc:
            connection.send(("error", exc.diagnostics))
        except Exception as exc:  # reported by the parent, never a silent hang
            connection.send(("crash", f"{type(exc).__name__}: {exc}"))


class RendererProcess:
    """Call it like `html_to_pdf`; close it (or let the process end) when done."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child,), daemon=True)
        self._process.start()
        child.close()
        self._used = False

    def __call__(self, html: str, templates: TemplateSet, *, made_on: date) -> tuple[bytes, int]:
        self._used = True
        self._connection.send((html, templates, made_on))
        status, payload = self._connection.recv()
        if status == "error":
            raise EkcError(payload)
        if status == "crash":
            raise RuntimeError(payload)
        result: tuple[bytes, int] = payload
        return result

    def close(self) -> None:
        if not self._used:  # the plan had errors: no need to wait for the import to finish
            self._process.kill()
        with contextlib.suppress(OSError):  # the child may already be gone
            self._connection.send(None)
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()

    def __enter__(self) -> RendererProcess:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
