"""How densely a person's "Mijn afspraken" sheet is set, so it fits one page when it can.

A sheet is handed out and hung on the fridge: one page, not one page and a stray box. The
height is estimated from the texts (lines of each size at the widths of plan.css, on the safe
side); a sheet that would not fit gets smaller type and spacing, in up to two steps. A sheet
that fits at none of them keeps the densest setting and simply runs on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: usable height of an A4 page in plan.css (297 mm less 18 + 22 mm margins), less a reserve
PAGE_MM = 297 - 18 - 22 - 4
TEXT_WIDTH_MM = 174 - 7  # the list of tasks is indented
#: per density: scale of type and spacing (plan.css: .dichtheid-1, .dichtheid-2)
SCALES = (1.0, 0.9, 0.8)
LINE_HEIGHTS = (1.0, 1.0, 0.9)  # of the roomy line height (the densest sheet: 1.35)
_PT = 0.3528  # mm
_CHAR_EM = 0.5  # average advance of a letter (bold, Atkinson Hyperlegible), on the safe side


def _lines(text: str, size_pt: float, width_mm: float = TEXT_WIDTH_MM) -> int:
    per_line = max(1, int(width_mm / (size_pt * _PT * _CHAR_EM)))
    return max(1, math.ceil(len(text) / per_line))


def _block(text: str, size_pt: float, line_height: float = 1.5) -> float:
    return _lines(text, size_pt) * size_pt * _PT * line_height


@dataclass(frozen=True)
class SheetText:
    """The texts of one sheet, as printed: each task is its lines (what, when, with whom …)."""

    heading: str
    hint: str
    tasks: Sequence[Sequence[str]]
    checks: Sequence[str]
    call: Sequence[str]
    next_line: str


def sheet_height(sheet: SheetText, scale: float = 1.0) -> float:
    """Millimetres of the sheet at `scale`, following the sizes and margins of plan.css."""
    s = scale
    height = _block(sheet.heading, 22 * s, 1.25) + 4 * s + _block(sheet.hint, 11 * s) + 3 * s
    height += (_block("x", 14 * s, 1.25) + 8 * s) * (2 if sheet.checks else 1)
    for task in sheet.tasks:
        height += _block(task[0], 13 * s) + 1 * s + 4 * s + 1.5 * s
        height += sum(_block(line, 12 * s) + 1 * s for line in task[1:])
    checks = sheet.checks
    height += sum(_block(line, 12 * s) + 1.5 * s for line in checks) + (3 * s if checks else 0)
    height += 8 * s + 8 * s + 2 + sum(_block(line, 14 * s) for line in sheet.call)
    height += 5 * s + _block(sheet.next_line, 13 * s)
    return height


def density(sheet: SheetText) -> int:
    """0, 1 or 2: the roomiest setting at which the sheet fits one page."""
    for level, scale in enumerate(SCALES):
        if sheet_height(sheet, scale) * LINE_HEIGHTS[level] <= PAGE_MM:
            return level
    return len(SCALES) - 1
