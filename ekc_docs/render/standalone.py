"""A self-contained HTML edition: fonts as data: URIs, so one file works anywhere, offline."""

from __future__ import annotations

import base64
import mimetypes
import re

from .templates import TemplateSet

_CSS_URL = re.compile(r"""url\(\s*["']?(?!data:)([^"')]+)["']?\s*\)""")


def self_contained(html: str, templates: TemplateSet) -> str:
    """Inline every url(...) of the stylesheet that names a template file; drop the rest."""

    def inline(match: re.Match[str]) -> str:
        path = templates.find(match.group(1))
        if path is None:
            return "url()"
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".ttf":
            mime = "font/ttf"
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f'url("data:{mime};base64,{data}")'

    return _CSS_URL.sub(inline, html)
