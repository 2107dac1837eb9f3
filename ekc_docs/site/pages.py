"""Site pages from Jinja templates: autoescaped, with the printed plan's partials at hand.

The site's own templates are in `site/templates/`; they are the first folder of a template set
whose other folder holds the printed plan's templates, so a page can import a partial of the
plan (a service's phone, address and opening hours look the same on paper and on the site).
The environment is the plan's own: the same safe loader, filters and sandbox.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..render.html import environment
from ..render.templates import TemplateSet

SITE_TEMPLATES = Path(__file__).parent / "templates"
#: the site's templates first, then the shipped plan templates
SITE = TemplateSet((SITE_TEMPLATES,))


def render_page(template: str, /, **context: Any) -> str:
    """One generated page (Markdown with HTML) from the site template `template`."""
    # the plan's partials read the catalogue and the direction from `v`
    plan = SimpleNamespace(t=SITE.catalogue("nl"))
    return environment(SITE).get_template(template).render(v=plan, **context)
