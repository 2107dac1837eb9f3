"""Generated files and the URLs between them, as MkDocs would write them."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedFile:
    """A file for the site: `path` is relative to the docs folder (posix), like a page's src."""

    path: str
    content: str | bytes


def slug(text: str) -> str:
    """'s-Hertogenbosch → s-hertogenbosch; Súdwest-Fryslân → sudwest-fryslan."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def page_url(src: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a Markdown page (`a/b.md` → `a/b/` or `a/b.html`)."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(from_src: str, to_src: str, directory_urls: bool, anchor: str = "") -> str:
    """A link from page `from_src` to page or file `to_src`, for raw HTML that MkDocs won't rewrite."""
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls)
    base = here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"
    target = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    if there.endswith("/") and not target.endswith("/"):
        target = "./" if target == "." else target + "/"
    return target + (f"#{anchor}" if anchor else "")
