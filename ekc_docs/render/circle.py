"""The picture of the circle: the child(ren) in the middle, a ring per kring around them.

A plain SVG string, built without any library: WeasyPrint draws it, and the HTML edition shows
the same picture. Every text from the case is escaped; nothing here fetches anything.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..models.casus import KRINGEN

WIDTH, HEIGHT = 1400, 820  # room beside the rings for the labels
CX, CY = WIDTH / 2, HEIGHT / 2
CORE_RADIUS = 92
BAND = 50
#: light fills from the inside out; black text stays well above 7:1 on each of them
FILLS = ("#fde9c9", "#fbe0e0", "#e6ecfa", "#e2f3e6", "#f1e6f7", "#ececec")
DOT = "#1d3557"
LABEL_GAP_DEGREES = 34.0  # kept free at the top for the ring names


@dataclass(frozen=True)
class CircleMember:
    naam: str
    relatie: str
    kring: str


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def ring_radius(index: int) -> float:
    """Outer radius of ring `index` (0 = gezin)."""
    return CORE_RADIUS + BAND * (index + 1)


def draw_circle(
    centre: Sequence[str],
    members: Sequence[CircleMember],
    ring_names: Mapping[str, str],
    *,
    title: str,
    font_family: str,
    rtl: bool = False,
) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" font-family={quoteattr(font_family)}>',
        f"<title>{escape(title)}</title>",
    ]
    for index in reversed(range(len(KRINGEN))):
        parts.append(
            f'<circle cx="{CX}" cy="{CY}" r="{ring_radius(index)}" '
            f'fill="{FILLS[index]}" stroke="#ffffff" stroke-width="3"/>'
        )
    parts.append(
        f'<circle cx="{CX}" cy="{CY}" r="{CORE_RADIUS}" fill="#ffffff" '
        f'stroke="{DOT}" stroke-width="3"/>'
    )
    parts += _ring_labels(ring_names)
    parts += _centre_names(centre)
    parts += _members(members)
    parts.append("</svg>")
    return "\n".join(parts)


def _ring_labels(ring_names: Mapping[str, str]) -> list[str]:
    labels = []
    for index, kring in enumerate(KRINGEN):
        y = CY - (ring_radius(index) - BAND / 2) + 5
        labels.append(
            f'<text x="{CX}" y="{y:.1f}" text-anchor="middle" font-size="19" '
            f'font-weight="bold" fill="#333333">{escape(ring_names.get(kring, kring))}</text>'
        )
    return labels


def _centre_names(names: Sequence[str]) -> list[str]:
    if len(names) == 1 and " " in names[0]:  # one adult: first name above the surname
        names = names[0].split(" ", 1)
    shown = [_shorten(n, 11) for n in names[:4]]
    if len(names) > 4:
        shown[-1] = "…"
    size = 30 if len(shown) <= 2 else 22
    top = CY - (len(shown) - 1) * size * 0.6
    return [
        f'<text x="{CX}" y="{top + i * size * 1.2 + size / 3:.1f}" text-anchor="middle" '
        f'font-size="{size}" font-weight="bold" fill="{DOT}">{escape(name)}</text>'
        for i, name in enumerate(shown)
    ]


def _members(members: Sequence[CircleMember]) -> list[str]:
    """A dot per person in their ring; the labels stand in two columns beside the circle,
    joined to their dot by a thin line, so no two labels can ever overlap."""
    ordered = sorted(members, key=lambda m: KRINGEN.index(m.kring))
    if not ordered:
        return []
    step = (360.0 - LABEL_GAP_DEGREES) / len(ordered)
    dots = []
    for i, member in enumerate(ordered):
        angle = math.radians(-90 + LABEL_GAP_DEGREES / 2 + step * (i + 0.5))
        radius = ring_radius(KRINGEN.index(member.kring)) - BAND / 2
        dots.append((member, CX + radius * math.cos(angle), CY + radius * math.sin(angle)))
    out = []
    outer = ring_radius(len(KRINGEN) - 1)
    for right in (True, False):
        side = sorted((d for d in dots if (d[1] >= CX) == right), key=lambda d: d[2])
        for (member, x, y), label_y in zip(side, _spread([d[2] for d in side]), strict=True):
            label_x = CX + outer + 30 if right else CX - outer - 30
            anchor = "start" if right else "end"
            out.append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{label_x - (6 if right else -6):.1f}" '
                f'y2="{label_y - 7:.1f}" stroke="#5a6b85" stroke-width="1.5"/>'
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{DOT}"/>'
                f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}" font-size="22" '
                f'font-weight="bold" fill="#000000">{escape(_shorten(member.naam, 24))}</text>'
                f'<text x="{label_x:.1f}" y="{label_y + 19:.1f}" text-anchor="{anchor}" font-size="17" '
                f'fill="#222222">{escape(_shorten(member.relatie, 30))}</text>'
            )
    return out


def _spread(wanted: list[float]) -> list[float]:
    """Label baselines near the wanted heights, at least one label apart, inside the picture."""
    if not wanted:
        return []
    gap = min(48.0, (HEIGHT - 60) / len(wanted))
    placed: list[float] = []
    for y in wanted:
        placed.append(max(y, placed[-1] + gap) if placed else max(y, 40.0))
    overflow = placed[-1] - (HEIGHT - 30)
    if overflow > 0:  # push the column up again, keeping the gaps
        placed = [y - overflow for y in placed]
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = min(placed[i], placed[i + 1] - gap)
    return placed
