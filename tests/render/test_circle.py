"""The circle picture: texts as HTML labels (shaped, bundled fonts), always inside the
picture, readable up to the limit of 100 personen, and no picture where it cannot be."""

from __future__ import annotations

import itertools

import pytest

from ekc_docs.models.casus import KRINGEN
from ekc_docs.render.circle import CircleMember, draw_circle

RINGS = {k: k.capitalize() for k in KRINGEN}


def _members(count: int, kring: str | None = None) -> list[CircleMember]:
    return [
        CircleMember(
            f"Wilhelmina-Maximiliana Wouterszoon {i}",
            "buurvrouw, kent beide ouders al jaren en past soms op",
            kring or KRINGEN[i % len(KRINGEN)],
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("count", [1, 6, 30, 60, 100])
@pytest.mark.parametrize("kring", [None, "familie"])
def test_labels_stay_inside_the_picture_and_apart(count: int, kring: str | None) -> None:
    circle = draw_circle(["Noor", "Siem"], _members(count, kring), RINGS, title="De kring")
    assert circle is not None
    height = circle.height_percent * 1400 / 100
    names = [label for label in circle.labels if label.kind == "name"]
    assert len(names) == count
    for label in circle.labels:
        assert label.x >= 0 and label.x + label.width <= 100, label
        bottom = label.y + 100 * 1.2 * label.size / height
        assert label.y >= 0 and bottom <= 100, label
        assert label.font_mm >= 2.1  # about 6 pt: still readable on paper
    for column in ("left", "right"):
        tops = sorted(label.y for label in names if label.align == column)
        gaps = [b - a for a, b in itertools.pairwise(tops)]
        row = 100 * 1.2 * min(label.size for label in names) / height
        assert all(gap >= row - 1e-6 for gap in gaps), column


def test_the_svg_holds_no_text() -> None:
    """WeasyPrint draws SVG text letter by letter: Arabic would be unjoined and reversed."""
    members = [CircleMember("نعومي هندريكس", "أم", "gezin"), *_members(5)]
    circle = draw_circle(["نور"], members, {"gezin": "الأسرة"}, title="الدائرة")
    assert circle is not None
    assert "<text" not in circle.svg and "نعومي" not in circle.svg
    assert {"نعومي هندريكس", "الأسرة", "نور"} <= {label.text for label in circle.labels}


def test_title_and_names_are_escaped() -> None:
    circle = draw_circle(["<b>"], _members(2), RINGS, title="a < b & c")
    assert circle is not None and "<title>a &lt; b &amp; c</title>" in circle.svg


def test_no_picture_when_it_could_not_be_read() -> None:
    assert draw_circle(["Noor"], _members(500), RINGS, title="De kring") is None
