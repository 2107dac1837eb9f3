"""Site pages from Jinja templates: autoescaped, with the printed plan's partials at hand.

The site's own templates are in `site/templates/`; the plan's template folders come after them,
so a page can import a partial of the printed plan (a service's phone, address and opening
hours look the same on paper and on the site).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..render.html import dir_of, left_to_right
from ..render.templates import TemplateSet

SITE_TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment(templates: TemplateSet) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(SITE_TEMPLATES), *(str(f) for f in templates.folders)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["ltr"] = left_to_right
    env.globals["dir_of"] = dir_of
    # the plan's partials read the catalogue and the direction from `v`
    env.globals["v"] = SimpleNamespace(t=templates.catalogue("nl"))
    return env


def render_page(template: str, /, **context: Any) -> str:
    """One generated page (Markdown with HTML) from the site template `template`."""
    return environment(TemplateSet()).get_template(template).render(**context)
