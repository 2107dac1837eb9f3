"""The picture of the circle: the child(ren) in the middle, a ring per kring around them.

The rings, dots and lines are a plain SVG (built without any library). Every text (names,
relations, ring names) is laid out as HTML on top of it, by the `Label`s: WeasyPrint draws SVG
text letter by letter, in whatever font it finds, so Arabic would come out unjoined and left to
right. As HTML, text gets the plan's bundled fonts, shaping and direction.

Labels stand in two columns beside the circle, joined to their dot by a thin line, so no two
can overlap; the picture grows taller with more people and uses smaller labels when it must.
When even that does not fit a page, there is no picture (`draw_circle` returns None) and the
list of participants stands alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..models.casus import KRINGEN

WIDTH, MIN_HEIGHT = 1400, 820  # room beside the rings for the labels
PRINT_WIDTH_MM = 174  # A4 less the margins of plan.css
MAX_HEIGHT = 1900  # the picture's width is the page's (174 mm): this is about a whole page
CX = WIDTH / 2
CORE_RADIUS = 92
BAND = 50
MARGIN = 24
LABEL_GAP = 30  # between the outer ring and the label columns
#: light fills from the inside out; black text stays well above 7:1 on each of them
FILLS = ("#fde9c9", "#fbe0e0", "#e6ecfa", "#e2f3e6", "#f1e6f7", "#ececec")
DOT = "#1d3557"
LABEL_GAP_DEGREES = 34.0  # kept free at the top for the ring names
#: (name size, relation size or 0 for none, row height), from roomy to tight
LABEL_STYLES = ((22.0, 17.0, 48.0), (20.0, 0.0, 27.0), (17.0, 0.0, 22.0))


@dataclass(frozen=True)
class CircleMember:
    naam: str
    relatie: str
    kring: str


@dataclass(frozen=True)
class Label:
    """A text on the picture, in percent of its width (x, width) and height (y: the top);
    `size` is in units of the picture's width (1400 = the whole width)."""

    text: str
    kind: str  # ring | centre | name | relation
    x: float
    y: float
    width: float
    size: float
    align: str  # left | right | center

    @property
    def font_mm(self) -> float:
        """The font size on paper, where the picture is as wide as the text column."""
        return round(self.size * PRINT_WIDTH_MM / WIDTH, 2)


@dataclass(frozen=True)
class Circle:
    svg: str
    labels: tuple[Label, ...]
    height_percent: float  # the height as a percentage of the width (for the CSS box)


def ring_radius(index: int) -> float:
    """Outer radius of ring `index` (0 = gezin)."""
    return CORE_RADIUS + BAND * (index + 1)


OUTER = ring_radius(len(KRINGEN) - 1)
COLUMN = (WIDTH - 2 * OUTER - 2 * LABEL_GAP) / 2 - MARGIN  # the width of a label column


def draw_circle(
    centre: Sequence[str],
    members: Sequence[CircleMember],
    ring_names: Mapping[str, str],
    *,
    title: str,
) -> Circle | None:
    """The picture, or None when so many people would not be readable on one page."""
    ordered = sorted(members, key=lambda m: KRINGEN.index(m.kring))
    layout = _layout(ordered)
    if layout is None:
        return None
    height, style = layout
    labels: list[Label] = []
    cy = height / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" role="img">',
        f"<title>{escape(title)}</title>",
    ]
    for index in reversed(range(len(KRINGEN))):
        parts.append(
            f'<circle cx="{CX}" cy="{cy}" r="{ring_radius(index)}" '
            f'fill="{FILLS[index]}" stroke="#ffffff" stroke-width="3"/>'
        )
    parts.append(
        f'<circle cx="{CX}" cy="{cy}" r="{CORE_RADIUS}" fill="#ffffff" '
        f'stroke="{DOT}" stroke-width="3"/>'
    )
    for index, kring in enumerate(KRINGEN):
        middle = cy - (ring_radius(index) - BAND / 2)
        labels.append(_label(ring_names.get(kring, kring), "ring", CX, middle, 2 * 160, 19, height))
    labels += _centre_names(centre, cy, height)
    parts += _members(ordered, style, cy, height, labels)
    parts.append("</svg>")
    return Circle("\n".join(parts), tuple(labels), 100 * height / WIDTH)


def _layout(ordered: Sequence[CircleMember]) -> tuple[float, tuple[float, float, float]] | None:
    """The picture's height and the label style that fit the fuller of the two columns."""
    right = sum(1 for _, x, _ in _dots(ordered, 0.0) if x >= CX)
    rows = max(right, len(ordered) - right)
    for style in LABEL_STYLES:
        needed = rows * style[2] + 2 * MARGIN
        if needed <= MAX_HEIGHT:
            return max(MIN_HEIGHT, needed, 2 * OUTER + 2 * MARGIN), style
    return None


def _dots(ordered: Sequence[CircleMember], cy: float) -> list[tuple[CircleMember, float, float]]:
    if not ordered:
        return []
    step = (360.0 - LABEL_GAP_DEGREES) / len(ordered)
    dots = []
    for i, member in enumerate(ordered):
        angle = math.radians(-90 + LABEL_GAP_DEGREES / 2 + step * (i + 0.5))
        radius = ring_radius(KRINGEN.index(member.kring)) - BAND / 2
        dots.append((member, CX + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return dots


def _label(
    text: str, kind: str, x: float, middle: float, width: float, size: float, height: float
) -> Label:
    """A centred label whose text is vertically centred on `middle`."""
    return _box(text, kind, x - width / 2, middle - 0.65 * size, width, size, "center", height)


def _box(
    text: str,
    kind: str,
    left: float,
    top: float,
    width: float,
    size: float,
    align: str,
    height: float,
) -> Label:
    return Label(
        text,
        kind,
        round(100 * left / WIDTH, 3),
        round(100 * top / height, 3),
        round(100 * width / WIDTH, 3),
        size,
        align,
    )


def _centre_names(names: Sequence[str], cy: float, height: float) -> list[Label]:
    if len(names) == 1 and " " in names[0]:  # one adult: first name above the surname
        names = names[0].split(" ", 1)
    shown = list(names[:4])
    if len(names) > 4:
        shown[-1] = "…"
    size = 30 if len(shown) <= 2 else 22
    top = cy - (len(shown) - 1) * size * 0.6
    return [
        _label(name, "centre", CX, top + i * size * 1.2, 2 * CORE_RADIUS - 16, size, height)
        for i, name in enumerate(shown)
    ]


def _members(
    ordered: Sequence[CircleMember],
    style: tuple[float, float, float],
    cy: float,
    height: float,
    labels: list[Label],
) -> list[str]:
    """A dot per person in their ring, a line to their label in the column on that side."""
    name_size, relation_size, row = style
    dots = _dots(ordered, cy)
    dot = 8 if len(ordered) <= 40 else 5
    out = []
    for right in (True, False):
        side = sorted((d for d in dots if (d[1] >= CX) == right), key=lambda d: d[2])
        tops = _spread([y - row / 2 for _, _, y in side], row, MARGIN, height - MARGIN - row)
        edge = CX + OUTER + LABEL_GAP if right else CX - OUTER - LABEL_GAP
        left = edge if right else edge - COLUMN
        align = "left" if right else "right"
        for (member, x, y), top in zip(side, tops, strict=True):
            line_y = top + 0.62 * name_size
            out.append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{edge - (6 if right else -6):.1f}" '
                f'y2="{line_y:.1f}" stroke="#5a6b85" stroke-width="1.5"/>'
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{dot}" fill="{DOT}"/>'
            )
            labels.append(_box(member.naam, "name", left, top, COLUMN, name_size, align, height))
            if relation_size:
                labels.append(
                    _box(
                        member.relatie,
                        "relation",
                        left,
                        top + 1.2 * name_size,
                        COLUMN,
                        relation_size,
                        align,
                        height,
                    )
                )
    return out


def _spread(wanted: list[float], gap: float, first: float, last: float) -> list[float]:
    """Label tops near the wanted heights, at least `gap` apart, between `first` and `last`
    (the layout made sure they fit)."""
    placed: list[float] = []
    for y in wanted:
        placed.append(max(y, placed[-1] + gap) if placed else max(y, first))
    if placed and placed[-1] > last:  # push the column up again, keeping the gaps
        placed[-1] = last
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = min(placed[i], placed[i + 1] - gap)
    return placed
