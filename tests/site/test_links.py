"""A link check of the built site: every internal link and anchor resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ..site_server import build

pytestmark = pytest.mark.slow  # builds the site, renders PDFs or starts a browser


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if values.get("name") and tag == "a":
            self.ids.add(values["name"] or "")
        for key in ("href", "src"):
            if values.get(key) and tag in ("a", "link", "script", "img", "iframe"):
                self.links.append(values[key] or "")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("links") / "site"
    result = build("mkdocs.yml", target)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def _parse(path: Path, cache: dict[Path, _Links]) -> _Links:
    if path not in cache:
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        cache[path] = parser
    return cache[path]


def test_no_broken_internal_links_or_anchors(site: Path) -> None:
    cache: dict[Path, _Links] = {}
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        for link in _parse(page, cache).links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("//", "mailto:", "tel:")):
                continue
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):  # 404.html links from the site root
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
                continue
            if (
                parts.fragment
                and target.suffix == ".html"
                and parts.fragment not in _parse(target, cache).ids
            ):
                broken.append(f"{page.relative_to(site)} -> {link} (anker ontbreekt)")
    assert broken == []
