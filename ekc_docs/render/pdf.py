"""HTML to PDF with WeasyPrint: PDF/UA-1, fonts embedded, the same bytes every time.

WeasyPrint is imported here only, and only by the commands that render (it takes about half
a second to import). One FontConfiguration serves the whole process.
"""

from __future__ import annotations

import logging
import os
import warnings
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from ..diagnostics import Diagnostic, EkcError, Severity
from .templates import TemplateSet


@cache
def _weasyprint() -> Any:
    """Import WeasyPrint once. Its warning about a missing HarfBuzz subsetter is replaced by
    the CLI's own Dutch one (`cli.printing.warn_missing_harfbuzz_subset`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import weasyprint
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return weasyprint


@cache
def font_configuration() -> Any:
    """One per process: a new one per plan costs time and keeps memory growing."""
    from weasyprint.text.fonts import FontConfiguration

    _weasyprint()
    return FontConfiguration()


def epoch_of(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp())


def html_to_pdf(html: str, templates: TemplateSet, *, made_on: date) -> tuple[bytes, int]:
    """Render to PDF bytes and the page count. Only template files and data: URLs are read."""
    weasyprint = _weasyprint()
    from .fetcher import ForbiddenResource, TemplateFetcher

    # fontTools (the fallback subsetter) stamps fonts with the time unless told otherwise
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch_of(made_on))
    options: dict[str, Any] = {
        "pdf_variant": "pdf/ua-1",
        "pdf_identifier": True,  # derived from the content: stable across renders
    }
    try:
        document = weasyprint.HTML(
            string=html,
            base_url=templates.default.resolve().as_uri() + "/",
            url_fetcher=TemplateFetcher(templates),
        ).render(font_config=font_configuration(), **options)
        return document.write_pdf(**options), len(document.pages)
    except ForbiddenResource as exc:
        if exc.missing:
            problem = Diagnostic(
                "plan_templates",
                1,
                1,
                Severity.ERROR,
                "file-not-found",
                f"het sjabloon gebruikt '{exc.url}', maar dat bestand ontbreekt",
            )
        else:
            problem = Diagnostic(
                "plan_templates",
                1,
                1,
                Severity.ERROR,
                "path-outside",
                f"het sjabloon vraagt '{exc.url}' op; alleen bestanden uit de sjabloonmappen en "
                "data:-adressen zijn toegestaan (er gaat nooit iets over het netwerk)",
            )
        raise EkcError([problem]) from None
