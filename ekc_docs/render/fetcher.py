"""The only way WeasyPrint may read anything: template files and `data:` URLs.

Any other request (http, https, ftp, a file outside the template folders) stops the render
with a fatal error. A plan describes a child in youth protection: nothing leaves the machine,
and nothing from elsewhere on it ends up in the document.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .templates import TemplateSet


class ForbiddenResource(FatalURLFetchingError):  # type: ignore[misc]
    """A request the plan renderer never makes; stops the render."""

    def __init__(self, url: str, missing: bool = False) -> None:
        self.url = url
        self.missing = missing  # inside the template folders, but no such file
        super().__init__(f"{'missing' if missing else 'forbidden'} resource: {url}")


class TemplateFetcher(URLFetcher):  # type: ignore[misc]
    def __init__(self, templates: TemplateSet) -> None:
        super().__init__(allowed_protocols=("data", "file"), fail_on_errors=True)
        self.templates = templates

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise ForbiddenResource(url)
        path = Path(unquote(urlsplit(url).path))
        relative = self._relative(path)
        if relative is None:
            raise ForbiddenResource(url)
        found = self.templates.find(relative)
        if found is None:
            raise ForbiddenResource(url, missing=True)
        mime, _ = mimetypes.guess_type(found.name)
        return URLFetcherResponse(
            found.as_uri(),
            body=found.read_bytes(),
            headers={"Content-Type": mime or "application/octet-stream"},
        )

    def _relative(self, path: Path) -> str | None:
        """The name inside whichever template folder the path lies in (overrides win later)."""
        resolved = path.resolve()
        for folder in self.templates.folders:
            root = folder.resolve()
            if root in resolved.parents:
                return resolved.relative_to(root).as_posix()
        return None
