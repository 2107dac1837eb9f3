"""Where the bundled fonts are, and which characters they can print.

Low in the layers on purpose: `ekc check` asks it about characters without importing the
renderer (WeasyPrint). The covered code points come from the font files' character maps
(fontTools), computed once per process and only when a text holds a character outside ASCII.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_SUFFIXES = (".ttf", ".otf")


def template_dir() -> Path:
    """`ekc_docs/plan_templates` in an installed wheel, `plan_templates/` in a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "plan_templates"
    return installed if installed.is_dir() else package.parent / "plan_templates"


def font_files() -> list[Path]:
    return sorted(p for p in (template_dir() / "fonts").iterdir() if p.suffix in FONT_SUFFIXES)


@cache
def covered_code_points() -> frozenset[int]:
    """Every code point that at least one bundled font has a glyph for."""
    from fontTools.ttLib import TTFont

    points: set[int] = set()
    for path in font_files():
        with TTFont(path, lazy=True) as font:
            points.update(font.getBestCmap() or {})
    return frozenset(points)
