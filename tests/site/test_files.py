"""Links between generated pages, as MkDocs writes the pages (with and without directory URLs)."""

from __future__ import annotations

import pytest

from ekc_docs.site.files import page_url, relative_url, slug


@pytest.mark.parametrize(
    ("src", "directory_urls", "url"),
    [
        ("index.md", True, ""),
        ("index.md", False, "index.html"),
        ("a/index.md", True, "a/"),
        ("a/b.md", True, "a/b/"),
        ("a/b.md", False, "a/b.html"),
        ("a/plan.pdf", True, "a/plan.pdf"),
    ],
)
def test_page_url(src: str, directory_urls: bool, url: str) -> None:
    assert page_url(src, directory_urls) == url


@pytest.mark.parametrize(
    ("source", "target", "directory_urls", "anchor", "link"),
    [
        (
            "sociale-kaart/index.md",
            "sociale-kaart/gemeenten/zwolle.md",
            True,
            "",
            "gemeenten/zwolle/",
        ),
        (
            "sociale-kaart/index.md",
            "sociale-kaart/gemeenten/zwolle.md",
            False,
            "",
            "gemeenten/zwolle.html",
        ),
        (
            "sociale-kaart/categorieen/opvoeden.md",
            "sociale-kaart/gemeenten/zwolle.md",
            True,
            "jt",
            "../../gemeenten/zwolle/#jt",
        ),
        (
            "sociale-kaart/categorieen/opvoeden.md",
            "sociale-kaart/gemeenten/zwolle.md",
            False,
            "jt",
            "../gemeenten/zwolle.html#jt",
        ),
        ("voorbeelden/a/index.md", "voorbeelden/a/A-plan-1.pdf", True, "", "A-plan-1.pdf"),
        ("voorbeelden/index.md", "voorbeelden/a/index.md", True, "", "a/"),
        ("voorbeelden/index.md", "voorbeelden/index.md", True, "", "./"),
        ("index.md", "voorbeelden/index.md", False, "", "voorbeelden/index.html"),
    ],
)
def test_relative_url(
    source: str, target: str, directory_urls: bool, anchor: str, link: str
) -> None:
    assert relative_url(source, target, directory_urls, anchor) == link


def test_slug() -> None:
    assert slug("'s-Hertogenbosch") == "s-hertogenbosch"
    assert slug("Súdwest-Fryslân") == "sudwest-fryslan"
    assert slug("!!!") == "x"
