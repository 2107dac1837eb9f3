"""The publication guard (contract §7): only invented cases may live in the site's content."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from .diagnostics import Diagnostic
from .paths import within
from .reader import Document
from .rules.report import Report

_DOCS_DIR = re.compile(r"^docs_dir:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)


@cache
def site_content_dirs(folder: Path) -> tuple[Path, ...]:
    """Content folders of every MkDocs site at or above `folder` (its `docs_dir`)."""
    found = []
    for candidate in (folder, *folder.parents):
        config = candidate / "mkdocs.yml"
        if config.is_file():
            try:
                text = config.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            match = _DOCS_DIR.search(text)
            found.append((candidate / (match.group(1) if match else "docs")).resolve())
    return tuple(found)


def in_site_content(path: Path) -> bool:
    resolved = os.path.realpath(path)
    return any(
        within(resolved, str(root)) for root in site_content_dirs(Path(os.path.dirname(resolved)))
    )


def check_fictional(path: Path, document: Document, fictional: bool, kind: str) -> list[Diagnostic]:
    """`not-fictional` for a case or plan inside the site's content without `fictief: true`."""
    if fictional or not in_site_content(path):
        return []
    report = Report(document)
    if kind == "casus":
        message = (
            "dit casusbestand staat in de inhoud van de site maar heeft geen 'fictief: true'; "
            "echte gegevens mogen nooit gepubliceerd worden: haal het bestand weg, of zet "
            "'fictief: true' als alles verzonnen is"
        )
    else:
        message = (
            "dit plan staat in de inhoud van de site, maar de casus is niet fictief; echte "
            "plannen mogen nooit gepubliceerd worden"
        )
    report.add(("fictief",), "not-fictional", message)
    return report.items
