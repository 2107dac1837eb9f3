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
    """Import WeasyPrint once, noting whether HarfBuzz's subsetter is there (it is much faster)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import weasyprint
        from weasyprint.text import ffi
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    _weasyprint_state["harfbuzz_subset"] = ffi.harfbuzz_subset is not None
    del caught
    return weasyprint


_weasyprint_state: dict[str, bool] = {}


def has_harfbuzz_subset() -> bool:
    _weasyprint()
    return _weasyprint_state["harfbuzz_subset"]


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
